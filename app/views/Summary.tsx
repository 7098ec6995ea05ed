// After closing: the consultation's summary (headline, request, kept ideas, action plan, learnings) and the next consultation.
import { AuthoredList } from "../components/AuthoredList.tsx";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { Feedback } from "../components/Feedback.tsx";
import { t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import { can, nameOf, type ViewProps } from "../model/viewProps.ts";
import { NotepadSlot } from "./NotepadSlot.tsx";
import { ActionItem } from "./step/ActionItem.tsx";
import { HeadlineCard } from "./step/HeadlineCard.tsx";
import { MarkedIdeas } from "./step/MarkedIdeas.tsx";

export function Summary(view: ViewProps) {
  const c = view.state.consultation;
  const next = useCommand(view.store);
  const situation = c.situations.find((s) => s.id === c.chosenSituationId);
  return (
    <div class="phase summary">
      <h1>{t("summaryTitle")}</h1>
      <p class="lead">
        {situation ? `${situation.title} — ` : ""}
        {t("summaryClient", { name: nameOf(view.state, c.clientId) })}
      </p>
      {can(view, "startNextConsultation") ? (
        <div class="animator-bar">
          <ConfirmButton
            class="primary"
            question={t("confirmStartNext")}
            onConfirm={() => next.run({ type: "startNextConsultation" })}
          >
            {t("startNext")}
          </ConfirmButton>
          <Feedback code={next.error} />
        </div>
      ) : (
        <p class="muted">{t("waitNext")}</p>
      )}
      <div class="columns">
        <div class="column">
          <HeadlineCard {...view} />
          <section class="panel request" aria-labelledby="request-title">
            <h2 id="request-title">{t("request")}</h2>
            {c.request ? (
              <blockquote class="request-text">{c.request.text}</blockquote>
            ) : (
              <p class="empty">{t("noRequest")}</p>
            )}
          </section>
          <MarkedIdeas state={view.state} />
          <NotepadSlot {...view} />
        </div>
        <div class="column">
          <section class="panel" aria-labelledby="plan-title">
            <h2 id="plan-title">{t("actionPlan")}</h2>
            {c.actions.length === 0 ? (
              <p class="empty">{t("noActionsClosed")}</p>
            ) : (
              <ul class="cards">
                {c.actions.map((a) => (
                  <ActionItem key={a.id} view={view} action={a} editable={false} />
                ))}
              </ul>
            )}
          </section>
          <section class="panel" aria-labelledby="learnings-title">
            <h2 id="learnings-title">{t("learnings")}</h2>
            <AuthoredList state={view.state} items={c.learnings} empty={t("noLearnings")} label={t("learnings")} />
          </section>
        </div>
      </div>
    </div>
  );
}
