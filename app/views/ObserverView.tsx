// What the meeting's host sees in a breakout room they look in on: where its consultation stands, and a way to take
// part, which makes them one of its participants.
import { isStep, type RoomState } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import { StepProgress } from "./step/StepProgress.tsx";
import { Timer } from "./step/Timer.tsx";

export function ObserverView({ store, state }: { store: RoomStore; state: RoomState }) {
  const c = state.consultation;
  const phase = c.phase;
  return (
    <div class="phase observer">
      {isStep(phase) ? (
        <>
          <StepProgress step={phase} />
          <Timer store={store} timer={c.timer} step={phase} />
        </>
      ) : (
        <h1>{phase === "closed" ? t("summaryTitle") : t(`phase_${phase}`)}</h1>
      )}
      <section class="panel">
        <p>{t("observing")}</p>
        <button type="button" onClick={() => store.connection.takePart()}>
          {t("takePart")}
        </button>
      </section>
    </div>
  );
}
