// After closing: the consultation's summary (headline, request, kept ideas, action plan, learnings) and the next consultation.
import { closedEarly } from "../../protocol/model.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { Feedback } from "../components/Feedback.tsx";
import { PhaseName } from "../components/PhaseName.tsx";
import { t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import { can, nameOf, type ViewProps } from "../model/viewProps.ts";
import { NotepadSlot } from "./NotepadSlot.tsx";
import { ActionPlan } from "./step/ActionPlan.tsx";
import { HeadlineCard } from "./step/HeadlineCard.tsx";
import { Learnings } from "./step/Learnings.tsx";
import { MarkedIdeas } from "./step/MarkedIdeas.tsx";
import { RequestCard } from "./step/RequestCard.tsx";

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
      {closedEarly(c) && c.closedFrom && (
        <p class="badge">
          {t("closedEarly")} · <PhaseName phase={c.closedFrom} />
        </p>
      )}
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
      {/* The steps' own cards: closed, they offer no form, and say plainly what was not done. */}
      <div class="columns">
        <div class="column">
          <HeadlineCard {...view} />
          <RequestCard {...view} />
          <MarkedIdeas state={view.state} />
          <NotepadSlot {...view} />
        </div>
        <div class="column">
          <ActionPlan {...view} showMarked={false} />
          <Learnings {...view} />
        </div>
      </div>
    </div>
  );
}
