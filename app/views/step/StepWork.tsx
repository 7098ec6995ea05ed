// The work each step asks for: questions, the request, ideas, the action plan, learnings.
import { assertNever } from "../../../protocol/errors.ts";
import type { Step } from "../../../protocol/model.ts";
import type { ViewProps } from "../../model/viewProps.ts";
import { ActionPlan } from "./ActionPlan.tsx";
import { Contract } from "./Contract.tsx";
import { Ideas } from "./Ideas.tsx";
import { Learnings } from "./Learnings.tsx";
import { Questions } from "./Questions.tsx";

export function StepWork(props: ViewProps & { step: Step }) {
  const { step, ...view } = props;
  switch (step) {
    case "presentation":
      // StepView shows the situation in this place, the headline above every step.
      return null;
    case "clarification":
      return <Questions {...view} />;
    case "contract":
      return <Contract {...view} />;
    case "consultation":
      return <Ideas {...view} />;
    case "synthesis":
      return <ActionPlan {...view} showMarked={true} />;
    case "evaluation":
      return <Learnings {...view} />;
    default:
      return assertNever(step);
  }
}
