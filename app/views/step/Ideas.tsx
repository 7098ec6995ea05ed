// Consultation: idea cards from the consultants, appearing live; the client marks those that resonate.
import { LIMITS } from "../../../protocol/limits.ts";
import type { Idea } from "../../../protocol/model.ts";
import { DraftForm } from "../../components/DraftForm.tsx";
import { Feedback } from "../../components/Feedback.tsx";
import { t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import { can, draftKey, nameOf, type ViewProps } from "../../model/viewProps.ts";

export function Ideas(view: ViewProps) {
  const ideas = view.state.consultation.ideas;
  return (
    <section class="panel" aria-labelledby="ideas-title">
      <h2 id="ideas-title">
        {t("ideas")} <span class="count">({ideas.length})</span>
      </h2>
      {ideas.length === 0 ? (
        <p class="empty">{t("noIdeas")}</p>
      ) : (
        <ul class="cards ideas" aria-label={t("ideas")} aria-live="polite">
          {ideas.map((idea) => (
            <IdeaCard key={idea.id} view={view} idea={idea} />
          ))}
        </ul>
      )}
      {can(view, "addIdea") && (
        <DraftForm
          store={view.store}
          draftKey={draftKey(view, "idea")}
          label={t("yourIdea")}
          submitLabel={t("addIdea")}
          maxLength={LIMITS.idea}
          multiline={true}
          toCommand={(text) => ({ type: "addIdea", text })}
        />
      )}
    </section>
  );
}

function IdeaCard({ view, idea }: { view: ViewProps; idea: Idea }) {
  const control = useCommand(view.store);
  return (
    <li class={`card idea ${idea.marked ? "marked" : ""}`}>
      <p class="card-text">{idea.text}</p>
      <p class="card-meta">
        <span class="author">{nameOf(view.state, idea.authorId)}</span>
        {idea.marked && <span class="badge">★ {t("markedLabel")}</span>}
        {can(view, "markIdea") && (
          <button
            type="button"
            class="small"
            aria-label={t("itemField", { field: t(idea.marked ? "unmark" : "mark"), item: idea.text })}
            onClick={() => control.pending || control.run({ type: "markIdea", ideaId: idea.id, marked: !idea.marked })}
          >
            {t(idea.marked ? "unmark" : "mark")}
          </button>
        )}
      </p>
      <Feedback code={control.error} />
    </li>
  );
}
