// One action of the plan: its text, resources, due date and status; the client can change all but the text.
import { useState } from "preact/hooks";
import { LIMITS } from "../../../protocol/limits.ts";
import { ACTION_STATUSES, type Action } from "../../../protocol/model.ts";
import { Feedback } from "../../components/Feedback.tsx";
import { dueLine, t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import type { ViewProps } from "../../model/viewProps.ts";

type Patch = Partial<Pick<Action, "dueDate" | "status" | "resources">>;

export function ActionItem({ view, action: a, editable }: { view: ViewProps; action: Action; editable: boolean }) {
  const control = useCommand(view.store);
  // The resources being typed, until the room has them; null shows the room's.
  const [resources, setResources] = useState<string | null>(null);
  const update = (patch: Patch, onApplied?: () => void) =>
    control.run(
      {
        type: "updateAction",
        actionId: a.id,
        text: a.text,
        dueDate: a.dueDate,
        status: a.status,
        resources: a.resources,
        ...patch,
      },
      onApplied,
    );
  const named = (field: string) => t("itemField", { field, item: a.text });
  return (
    <li class={`card action status-${a.status}`}>
      <p class="card-text">{a.text}</p>
      {editable ? (
        // One grid for the three fields: their labels in one column, so the fields line up at any width.
        <div class="action-fields">
          <label>
            <span>{t("resources")}</span>
            <input
              type="text"
              aria-label={named(t("resources"))}
              maxLength={LIMITS.actionResources}
              value={resources ?? a.resources}
              disabled={control.pending}
              onInput={(e) => setResources(e.currentTarget.value)}
              onChange={(e) => {
                const next = e.currentTarget.value;
                if (next === a.resources) setResources(null);
                else update({ resources: next }, () => setResources(null));
              }}
            />
          </label>
          <label>
            <span>{t("dueDate")}</span>
            <input
              type="date"
              aria-label={named(t("dueDate"))}
              value={a.dueDate ?? ""}
              disabled={control.pending}
              onChange={(e) => update({ dueDate: e.currentTarget.value || null })}
            />
          </label>
          <label>
            <span>{t("status")}</span>
            <select
              aria-label={named(t("status"))}
              value={a.status}
              disabled={control.pending}
              onChange={(e) => {
                const status = ACTION_STATUSES.find((s) => s === e.currentTarget.value);
                if (status) update({ status });
              }}
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status_${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : (
        <>
          {a.resources && <p class="card-text">{t("resourcesIs", { text: a.resources })}</p>}
          <p class="card-meta">
            <span>{dueLine(a.dueDate)}</span>
            <span class="badge">{t(`status_${a.status}`)}</span>
          </p>
        </>
      )}
      <Feedback code={control.error} />
    </li>
  );
}
