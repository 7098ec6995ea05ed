// The step's timer, counted from the room's end time with the server clock offset; a gentle signal when time is up, then the time over.
import type { Step, Timer as TimerState } from "../../../protocol/model.ts";
import { useNow } from "../../components/useNow.ts";
import { t } from "../../i18n/i18n.ts";
import type { RoomStore } from "../../model/RoomStore.ts";

interface Props {
  store: RoomStore;
  timer: TimerState;
  step: Step;
}

export function remainingMs(timer: TimerState, serverNow: number): number {
  if (timer.status === "expired") return 0;
  if (timer.status === "running" && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  return timer.remainingMs;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

export function Timer({ store, timer }: Props) {
  const running = timer.status === "running";
  const now = useNow(() => store.serverNow(), running || timer.status === "expired" ? 250 : null);
  // Reading timeUps re-renders on the room's announcement even when the local clock is a little behind.
  const announced = store.timeUps > 0 && timer.status === "expired";
  const left = remainingMs(timer, now);
  const up = timer.status === "expired" || (running && left === 0) || announced;
  const state = up ? "timeUp" : running ? "timerRunning" : timer.status === "paused" ? "timerPaused" : "timerIdle";
  return (
    <div class={`timer ${up ? "up" : ""} timer-${timer.status}`}>
      <p class="timer-label">{t(state)}</p>
      <p class="timer-clock" role="timer">
        {/* Past the end, how far over the step is, rather than a frozen 0:00. */}
        {up ? `+${formatClock(Math.max(0, now - (timer.endsAt ?? now)))}` : formatClock(left)}
      </p>
      <p class="sr-only" aria-live="polite">
        {up ? t("timeUpAnnounce") : ""}
      </p>
    </div>
  );
}
