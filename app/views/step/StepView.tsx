// One of the six steps: where we are, my banner, who speaks, the timer, the step's work, and room for the note pad.
import type { Step } from "../../../protocol/model.ts";
import { ParticipantList } from "../../components/ParticipantList.tsx";
import type { ViewProps } from "../../model/viewProps.ts";
import { AnimatorBar } from "../AnimatorBar.tsx";
import { NotepadSlot } from "../NotepadSlot.tsx";
import { Banner } from "./Banner.tsx";
import { HeadlineCard } from "./HeadlineCard.tsx";
import { SituationCard } from "./SituationCard.tsx";
import { StepProgress } from "./StepProgress.tsx";
import { StepWork } from "./StepWork.tsx";
import { Timer } from "./Timer.tsx";

export function StepView(props: ViewProps & { step: Step }) {
  const { step, ...view } = props;
  return (
    <div class={`phase step step-${step}`}>
      <StepProgress step={step} />
      <div class="now">
        <Banner {...view} step={step} />
        <Timer store={view.store} timer={view.state.consultation.timer} step={step} />
      </div>
      <AnimatorBar {...view} />
      <HeadlineCard {...view} />
      <div class="columns">
        <div class="column">
          {/* The presentation is the situation itself; later steps keep it at the side. */}
          {step === "presentation" ? <SituationCard {...view} /> : <StepWork {...view} step={step} />}
        </div>
        <div class="column">
          {step !== "presentation" && <SituationCard {...view} />}
          <NotepadSlot {...view} step={step} />
          <ParticipantList state={view.state} online={view.store.online} meId={view.me.id} />
        </div>
      </div>
    </div>
  );
}
