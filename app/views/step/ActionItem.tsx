// One action of the plan: its text, due date and status; the client can change the date and the status.
import { ACTION_STATUSES, type Action } from "../../../protocol/model.ts";
import { Feedback } from "../../components/Feedback.tsx";
import { t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import type { ViewProps } from "../../model/viewProps.ts";

export function ActionItem({ view, action: a, editable }: { view: ViewProps; action: Action; editable: boolean }) {
  const control = useCommand(view.store);
  const update = (patch: Partial<Pick<Action, "dueDate" | "status">>) =>
    control.run({ type: "updateAction", actionId: a.id, text: a.text, dueDate: a.dueDate, status: a.status, ...patch });
  return (
    <li class={`card action status-${a.status}`}>
      <p class="card-text">{a.text}</p>
      {editable ? (
        <div class="form-row">
          <label class="inline-field">
            <span>{t("dueDate")}</span>
            <input
              type="date"
              value={a.dueDate ?? ""}
              disabled={control.pending}
              onChange={(e) => update({ dueDate: e.currentTarget.value || null })}
            />
          </label>
          <label class="inline-field">
            <span>{t("status")}</span>
            <select
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
        <p class="card-meta">
          <span>{a.dueDate ? t("due", { date: a.dueDate }) : t("noDue")}</span>
          <span class="badge">{t(`status_${a.status}`)}</span>
        </p>
      )}
      <Feedback code={control.error} />
    </li>
  );
}
