// Evaluation: each person's learnings, the client on the process, consultants on their role; in the summary too.
import { LIMITS } from "../../../protocol/limits.ts";
import { AuthoredList } from "../../components/AuthoredList.tsx";
import { DraftForm } from "../../components/DraftForm.tsx";
import { t } from "../../i18n/i18n.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";

export function Learnings(view: ViewProps) {
  return (
    <section class="panel" aria-labelledby="learnings-title">
      <h2 id="learnings-title">{t("learnings")}</h2>
      <AuthoredList
        state={view.state}
        items={view.state.consultation.learnings}
        empty={t("noLearnings")}
        label={t("learnings")}
        itemClass={(l) => (l.authorId === view.me.id ? "mine" : "")}
      />
      {can(view, "addLearning") && (
        <DraftForm
          store={view.store}
          draftKey={draftKey(view, "learning")}
          label={t("yourLearning")}
          submitLabel={t("addLearning")}
          maxLength={LIMITS.learning}
          multiline={true}
          toCommand={(text) => ({ type: "addLearning", text })}
        />
      )}
    </section>
  );
}
