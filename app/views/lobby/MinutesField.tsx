// One step's minutes, set by the animator: the value set holds until the room has answered every change, so each quick press counts.
import { useRef, useState } from "preact/hooks";
import { LIMITS } from "../../../protocol/limits.ts";
import type { Step } from "../../../protocol/model.ts";
import { t } from "../../i18n/i18n.ts";
import { STEP_NAMES } from "../../i18n/stepNames.ts";
import type { CommandControl } from "../../model/useCommand.ts";

export function MinutesField({ step, value, control }: { step: Step; value: number; control: CommandControl }) {
  // The room's value, older than the last press while changes are in flight, would otherwise snap back over it.
  const [set, setSet] = useState<number | null>(null);
  const inFlight = useRef(0);
  const settle = () => {
    inFlight.current--;
    if (inFlight.current === 0) setSet(null);
  };
  return (
    <input
      id={`minutes-${step}`}
      type="number"
      inputMode="numeric"
      min={1}
      max={LIMITS.stepMinutes}
      value={set ?? value}
      aria-label={t("minutesOf", { step: STEP_NAMES[step] })}
      onChange={(e) => {
        const minutes = Number.parseInt(e.currentTarget.value, 10);
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > LIMITS.stepMinutes) return;
        setSet(minutes);
        inFlight.current++;
        control.run({ type: "setDuration", step, minutes }, settle, settle);
      }}
    />
  );
}
