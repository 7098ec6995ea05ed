// The step's place in the sequence (1 to 6) and its name as the method names it.
import { STEPS, type Step, stepNumber } from "../../../protocol/model.ts";
import { StepName } from "../../components/StepName.tsx";
import { t } from "../../i18n/i18n.ts";
import { STEP_NAMES } from "../../i18n/stepNames.ts";

export function StepProgress({ step }: { step: Step }) {
  const n = stepNumber(step) ?? 0;
  return (
    <div class="step-head">
      <ol class="progress" aria-label={t("progress")}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            class={i + 1 < n ? "done" : i + 1 === n ? "current" : ""}
            aria-current={s === step ? "step" : undefined}
          >
            <span aria-hidden="true">{i + 1}</span>
            <span class="sr-only">
              {`${i + 1}. `}
              <span lang="fr">{STEP_NAMES[s]}</span>
            </span>
          </li>
        ))}
      </ol>
      <p class="step-count">{t("stepOf", { n })}</p>
      <h1 class="step-name">
        <StepName step={step} />
      </h1>
    </div>
  );
}
