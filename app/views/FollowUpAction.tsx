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

export function FollowUpAction({ view, plan, action, report, editable }: Props) {
  const [status, setStatus] = useState<ActionStatus>(report?.status ?? action.status);
  const [note, setNote] = useState(report?.note ?? "");
  const control = useCommand(view.store);
  const base = `fu-${plan.consultationId}-${action.id}`;
  return (
    <li class="card">
      <p class="card-text">{action.text}</p>
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
            control.run({
              type: "reportFollowUp",
              consultationId: plan.consultationId,
              actionId: action.id,
              status,
              note,
            });
          }}
        >
          <label for={`${base}-status`}>{t("status")}</label>
          <select
            id={`${base}-status`}
            value={status}
            onChange={(e) => {
              const next = ACTION_STATUSES.find((s) => s === e.currentTarget.value);
              if (next) setStatus(next);
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
            rows={2}
            maxLength={LIMITS.followUpNote}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={control.pending}>
            {t("record")}
          </button>
          <Feedback code={control.error} />
        </form>
      )}
    </li>
  );
}
