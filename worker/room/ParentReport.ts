// A breakout room's report to its meeting's main room: the latest status, sent from the alarm with retries, so a
// command never waits on another Durable Object and a burst of changes makes one report.
import { breakoutStatusOf } from "../../protocol/index.ts";
import type { RoomContext } from "./roomContext.ts";
import { onlineIds } from "./sockets.ts";
import type { RoomTuning } from "./tuning.ts";
import { scheduleWakeUp } from "./wakeUp.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS parent_report (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  parent_room_id TEXT NOT NULL,
  status_json TEXT,
  sent_json TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER
);
`;

/** Sends one status (as JSON) of the room `childRoomId` to the main room `parentRoomId`; rejects when it did not arrive. */
export type ParentReporter = (parentRoomId: string, childRoomId: string, statusJson: string) => Promise<void>;

interface Row {
  parent_room_id: string;
  status_json: string | null;
  sent_json: string | null;
  attempts: number;
  next_attempt_at: number | null;
  [key: string]: SqlStorageValue;
}

export class ParentReport {
  /** Read once per instance: a room's main room never changes (undefined: not read yet). */
  private parent: string | null | undefined;
  /** The status last noted, so an unchanged one costs no write. */
  private noted: string | null | undefined;

  constructor(
    private readonly sql: SqlStorage,
    private readonly tuning: RoomTuning,
  ) {
    sql.exec(SCHEMA);
  }

  /** From each connection's verified session; the first one a room sees stays (Zoom never moves a breakout room). */
  setParent(parentRoomId: string | null): void {
    if (parentRoomId === null || this.parentRoomId() !== null) return;
    this.sql.exec("INSERT OR IGNORE INTO parent_report (id, parent_room_id) VALUES (1, ?)", parentRoomId);
    this.parent = undefined;
  }

  parentRoomId(): string | null {
    if (this.parent === undefined) this.parent = this.row()?.parent_room_id ?? null;
    return this.parent;
  }

  /** True when the status changed and a report is now due (the caller moves the alarm). */
  note(statusJson: string, now: number): boolean {
    if (this.parentRoomId() === null) return false;
    this.noted ??= this.row()?.status_json ?? null;
    if (this.noted === statusJson) return false;
    // A report already due keeps its time, so steady changes cannot postpone it.
    this.sql.exec(
      `UPDATE parent_report SET status_json = ?, attempts = 0,
         next_attempt_at = CASE WHEN next_attempt_at IS NOT NULL AND attempts = 0 THEN next_attempt_at ELSE ? END`,
      statusJson,
      now + this.tuning.parentReportDelayMs,
    );
    this.noted = statusJson;
    return true;
  }

  nextDueAt(): number | null {
    return this.parentRoomId() === null ? null : (this.row()?.next_attempt_at ?? null);
  }

  /** Sends the latest status when due; a failure keeps it and retries with exponential backoff. */
  async deliver(send: ParentReporter, childRoomId: string, now: number): Promise<void> {
    const row = this.row();
    if (!row || row.next_attempt_at === null || row.next_attempt_at > now || row.status_json === null) return;
    const sending = row.status_json;
    try {
      await send(row.parent_room_id, childRoomId, sending);
    } catch (err) {
      const delay = Math.min(this.tuning.parentReportMaxRetryMs, this.tuning.parentReportRetryMs * 2 ** row.attempts);
      this.sql.exec(
        "UPDATE parent_report SET attempts = attempts + 1, next_attempt_at = ? WHERE status_json = ?",
        now + delay,
        sending,
      );
      console.error("room: report to the main room failed", err);
      return;
    }
    // A status noted while this one was on its way is still due.
    this.sql.exec(
      `UPDATE parent_report SET sent_json = ?, attempts = 0,
         next_attempt_at = CASE WHEN status_json = ? THEN NULL ELSE next_attempt_at END`,
      sending,
      sending,
    );
  }

  private row(): Row | undefined {
    return this.sql.exec<Row>("SELECT * FROM parent_report WHERE id = 1").toArray()[0];
  }
}

/** After anything that may change what the main room shows: notes the status and moves the alarm when it changed. */
export async function noteForParent(room: RoomContext, online?: readonly string[]): Promise<void> {
  // Most rooms are no breakout room: for them this is one cached read on every command.
  if (room.parentReport.parentRoomId() === null) return;
  const status = JSON.stringify(breakoutStatusOf(room.store.state(), online ?? onlineIds(room.ctx)));
  if (room.parentReport.note(status, Date.now())) await scheduleWakeUp(room);
}
