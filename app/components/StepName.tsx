// A step's name as the method names it (French in every language, marked so), with the English gloss where it says more.
import type { Step } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import { STEP_NAMES } from "../i18n/stepNames.ts";

export function StepName({ step }: { step: Step }) {
  const gloss = t(`gloss_${step}`);
  return (
    <>
      <span lang="fr">{STEP_NAMES[step]}</span>
      {gloss && gloss !== STEP_NAMES[step] && <span class="gloss"> ({gloss})</span>}
    </>
  );
}
