// The alarm: time-up of the running step, animator hand-overs after their grace, results delivery to D1, then a
// breakout room's report to its main room.
import { applySystem } from "./applyCommand.ts";
import { handOverFromAbsentAnimators } from "./departure.ts";
import type { RoomContext } from "./roomContext.ts";
import { scheduleWakeUp } from "./wakeUp.ts";

export async function runAlarm(room: RoomContext): Promise<void> {
  if (!room.store.hasState()) return;
  const now = Date.now();
  await timeUpIfDue(room, now);
  await handOverFromAbsentAnimators(room, now);
  const meeting = room.store.meeting();
  if (meeting) await room.outbox.deliver(meeting, room.resultsWriter, now, (id) => room.notepad.textOf(id));
  // The timer's time-up and hand-overs above are commands, which noted their status already.
  if (meeting) await room.parentReport.deliver(room.reportToParent, meeting.roomId, Date.now());
  await scheduleWakeUp(room);
}

async function timeUpIfDue(room: RoomContext, now: number): Promise<void> {
  const timer = room.store.state().consultation.timer;
  if (timer.status === "running" && timer.endsAt !== null && timer.endsAt <= now) {
    await applySystem(room, { type: "timeUp" });
  }
}
