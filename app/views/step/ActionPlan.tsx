// Synthesis: the ideas the client kept and the client's action plan (actions, resources, due dates, status); the summary's.
import { useState } from "preact/hooks";
import { LIMITS } from "../../../protocol/limits.ts";
import { DraftForm } from "../../components/DraftForm.tsx";
import { t } from "../../i18n/i18n.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";
import { ActionItem } from "./ActionItem.tsx";
import { MarkedIdeas } from "./MarkedIdeas.tsx";

export function ActionPlan(view: ViewProps & { showMarked: boolean }) {
  const actions = view.state.consultation.actions;
  const [due, setDue] = useState("");
  const [resources, setResources] = useState("");
  const editable = can(view, "updateAction");
  return (
    <>
      {view.showMarked && <MarkedIdeas state={view.state} />}
      <section class="panel" aria-labelledby="plan-title">
        <h2 id="plan-title">{t("actionPlan")}</h2>
        {actions.length === 0 ? (
          <p class="empty">{t(view.state.consultation.phase === "closed" ? "noActionsClosed" : "noActions")}</p>
        ) : (
          <ul class="cards" aria-label={t("actionPlan")}>
            {actions.map((a) => (
              <ActionItem key={a.id} view={view} action={a} editable={editable} />
            ))}
          </ul>
        )}
        {can(view, "addAction") && (
          <DraftForm
            store={view.store}
            draftKey={draftKey(view, "action")}
            label={t("actionText")}
            submitLabel={t("addAction")}
            maxLength={LIMITS.action}
            toCommand={(text) => ({ type: "addAction", text, dueDate: due || null, resources })}
            onSent={() => {
              setDue("");
              setResources("");
            }}
            fields={
              <>
                <label>
                  {t("resources")}
                  <input
                    type="text"
                    maxLength={LIMITS.actionResources}
                    value={resources}
                    onInput={(e) => setResources(e.currentTarget.value)}
                  />
                </label>
                <label>
                  {t("dueDate")}
                  <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
                </label>
              </>
            }
          />
        )}
      </section>
    </>
  );
}
