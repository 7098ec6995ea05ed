// The room's single alarm: the earliest of the step timer, the outbox's next delivery, any animator grace deadline
// and a breakout room's report to its main room.
import type { RoomContext } from "./roomContext.ts";

export function nextWakeUp(room: RoomContext): number | null {
  const timer = room.store.hasState() ? room.store.state().consultation.timer : null;
  const candidates = [
    timer?.status === "running" ? timer.endsAt : null,
    room.outbox.nextDueAt(),
    room.leaves.nextDueAt(),
    room.parentReport.nextDueAt(),
  ].filter((t): t is number => t !== null);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** Recomputed from SQLite every time, so nothing about the schedule lives in memory across hibernation. */
export async function scheduleWakeUp(room: RoomContext): Promise<void> {
  const at = nextWakeUp(room);
  if (at === null) await room.ctx.storage.deleteAlarm();
  else await room.ctx.storage.setAlarm(at);
}
