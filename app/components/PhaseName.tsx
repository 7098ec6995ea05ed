// Where a consultation stands, in words: "Étape 2 sur 6 · Clarification" for a step, the phase's name otherwise.
import { isStep, type Phase, stepNumber } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import { StepName } from "./StepName.tsx";

export function PhaseName({ phase }: { phase: Phase }) {
  if (isStep(phase)) {
    return (
      <>
        {t("stepOf", { n: stepNumber(phase) ?? 0 })} · <StepName step={phase} />
      </>
    );
  }
  return <>{phase === "closed" ? t("breakoutClosed") : t(`phase_${phase}`)}</>;
}
