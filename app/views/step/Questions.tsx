// Clarification: the consultants' questions, asked live (questions only, no advice).
import { LIMITS } from "../../../protocol/limits.ts";
import { AuthoredList } from "../../components/AuthoredList.tsx";
import { DraftForm } from "../../components/DraftForm.tsx";
import { t } from "../../i18n/i18n.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";

export function Questions(view: ViewProps) {
  return (
    <section class="panel" aria-labelledby="questions-title">
      <h2 id="questions-title">{t("questions")}</h2>
      <AuthoredList
        state={view.state}
        items={view.state.consultation.questions}
        empty={t("noQuestions")}
        label={t("questions")}
      />
      {can(view, "askQuestion") && (
        <DraftForm
          store={view.store}
          draftKey={draftKey(view, "question")}
          label={t("askQuestion")}
          submitLabel={t("ask")}
          maxLength={LIMITS.question}
          multiline={true}
          toCommand={(text) => ({ type: "askQuestion", text })}
        />
      )}
    </section>
  );
}
