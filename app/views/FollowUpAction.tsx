// One action of a previous plan: its status and what came of it, recorded by its client or the animator.
import { useState } from "preact/hooks";
import { LIMITS } from "../../protocol/limits.ts";
import { ACTION_STATUSES, type ActionStatus, type FollowUpReport, type PreviousPlan } from "../../protocol/model.ts";
import { Feedback } from "../components/Feedback.tsx";
import { dueLine, t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import type { ViewProps } from "../model/viewProps.ts";

interface Props {
  view: ViewProps;
  plan: PreviousPlan;
  action: PreviousPlan["actions"][number];
  report: FollowUpReport | null;
  editable: boolean;
}

interface Edits {
  status: ActionStatus;
  note: string;
  /** When the report these edits started from was recorded (0: none yet). */
  base: number;
}

export function FollowUpAction({ view, plan, action, report, editable }: Props) {
  // Untouched, the form follows the recorded report; once edited, it keeps the edits and knows what they started from.
  const [edits, setEdits] = useState<Edits | null>(null);
  const [stale, setStale] = useState(false);
  const control = useCommand(view.store);
  const recordedAt = report?.at ?? 0;
  const status = edits?.status ?? report?.status ?? action.status;
  const note = edits?.note ?? report?.note ?? "";
  const change = (patch: Partial<Edits>) => {
    setStale(false);
    setEdits({ status, note, base: edits?.base ?? recordedAt, ...patch });
  };
  const named = (field: string) => t("itemField", { field, item: action.text });
  const base = `fu-${plan.consultationId}-${action.id}`;
  return (
    <li class="card">
      <p class="card-text">{action.text}</p>
      {action.resources && <p class="card-meta">{t("resourcesIs", { text: action.resources })}</p>}
      <p class="card-meta">{dueLine(action.dueDate)}</p>
      {report && (
        <p class="report" role="status">
          {t("recorded", { status: t(`status_${report.status}`) })}
          {report.note && ` — ${report.note}`}
        </p>
      )}
      {editable && (
        <form
          class="draft-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (control.pending) return;
            if (edits && edits.base !== recordedAt && (edits.status !== report?.status || edits.note !== report.note)) {
              // Someone recorded meanwhile: never replace their report with values written before it unasked.
              setEdits({ ...edits, base: recordedAt });
              setStale(true);
              return;
            }
            // The room refuses it too if another report lands between this check and its arrival; the form then
            // takes that one as its base, so the next "Enregistrer" replaces it knowingly.
            const basedOn = edits?.base ?? recordedAt;
            control.run(
              {
                type: "reportFollowUp",
                consultationId: plan.consultationId,
                actionId: action.id,
                status,
                note,
                basedOn,
              },
              () => setEdits(null),
              (why) => {
                if (why !== "staleReport") return;
                const latest = view.store.state?.consultation.followUp.reports.find(
                  (r) => r.consultationId === plan.consultationId && r.actionId === action.id,
                );
                setEdits((e) => ({ status, note, ...e, base: latest?.at ?? 0 }));
              },
            );
          }}
        >
          <label for={`${base}-status`}>{t("status")}</label>
          <select
            id={`${base}-status`}
            aria-label={named(t("status"))}
            value={status}
            onChange={(e) => {
              const next = ACTION_STATUSES.find((s) => s === e.currentTarget.value);
              if (next) change({ status: next });
            }}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
          <label for={`${base}-note`}>{t("whatCame")}</label>
          <textarea
            id={`${base}-note`}
            aria-label={named(t("whatCame"))}
            rows={2}
            maxLength={LIMITS.followUpNote}
            value={note}
            onInput={(e) => change({ note: e.currentTarget.value })}
          />
          {stale && (
            <p class="feedback" role="alert">
              {t("staleReport")}
            </p>
          )}
          <button type="submit" class="primary" aria-label={named(t("record"))}>
            {t("record")}
          </button>
          <Feedback code={control.error} />
        </form>
      )}
    </li>
  );
}
