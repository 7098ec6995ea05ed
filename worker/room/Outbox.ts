// The results outbox in the room's SQLite: the latest snapshot per consultation waiting to reach D1, with retries.
import * as v from "valibot";
import { RoomStateSchema } from "../../protocol/index.ts";
import { type MeetingInfo, type ResultsWriter, resultsOf } from "../db/results.ts";
import type { RoomTuning } from "./tuning.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  consultation_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  state_json TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT
);
`;

interface OutboxRow {
  consultation_id: string;
  seq: number;
  state_json: string;
  attempts: number;
  [key: string]: SqlStorageValue;
}

export class Outbox {
  /** When each consultation's results last reached D1 from this instance (lost on eviction: then due at once). */
  private readonly deliveredAt = new Map<string, number>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly tuning: RoomTuning,
  ) {
    sql.exec(SCHEMA);
  }

  /**
   * Part of the command transaction. A newer snapshot replaces a waiting one: each is complete, so only the latest
   * needs to reach D1; the sequence number stops an in-flight delivery of an older one from removing it.
   *
   * Deliveries of one consultation are at least `outboxCoalesceMs` apart, so an animator clicking through steps
   * costs one D1 rewrite, not one per click: a snapshot is due at once unless the last delivery was more recent,
   * then when the interval ends. `urgent` (the consultation closed) is due at once whatever the interval.
   */
  enqueue(consultationId: string, stateJson: string, now: number, urgent = false): void {
    const last = this.deliveredAt.get(consultationId);
    const due = urgent || last === undefined ? now : Math.max(now, last + this.tuning.outboxCoalesceMs);
    this.sql.exec(
      `INSERT INTO outbox (consultation_id, seq, state_json, attempts, next_attempt_at, last_error)
       VALUES (?, 1, ?, 0, ?, NULL)
       ON CONFLICT (consultation_id) DO UPDATE SET
         seq = seq + 1, state_json = excluded.state_json, attempts = 0,
         next_attempt_at = CASE WHEN attempts = 0 AND next_attempt_at < excluded.next_attempt_at
           THEN next_attempt_at ELSE excluded.next_attempt_at END,
         last_error = NULL`,
      consultationId,
      stateJson,
      due,
    );
  }

  nextDueAt(): number | null {
    const row = this.sql.exec<{ at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM outbox").one();
    return row.at;
  }

  pending(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  /**
   * Delivers every due snapshot; a failure keeps the row and schedules its retry with exponential backoff. The note
   * pad's text is read at delivery, so it is as fresh as the room holds it.
   */
  async deliver(
    meeting: MeetingInfo,
    write: ResultsWriter,
    now: number,
    notepadText: (consultationId: string) => string | null = () => null,
  ): Promise<void> {
    const due = this.sql
      .exec<OutboxRow>(
        "SELECT consultation_id, seq, state_json, attempts FROM outbox WHERE next_attempt_at <= ? ORDER BY next_attempt_at",
        now,
      )
      .toArray();
    for (const row of due) {
      const state = v.safeParse(RoomStateSchema, parseJson(row.state_json));
      if (!state.success) {
        // Retrying cannot repair a snapshot the room itself wrote wrong; keep the evidence in the log.
        console.error("room: unreadable outbox snapshot dropped", row.consultation_id);
        this.remove(row.consultation_id, row.seq);
        continue;
      }
      try {
        await write(resultsOf(state.output, meeting, now, notepadText(row.consultation_id)));
        this.remove(row.consultation_id, row.seq);
        this.deliveredAt.set(row.consultation_id, now);
      } catch (err) {
        this.retryLater(row, now, err);
      }
    }
  }

  /** A deleted consultation's results must never reach D1, whatever its sequence number. */
  drop(consultationId: string): void {
    this.sql.exec("DELETE FROM outbox WHERE consultation_id = ?", consultationId);
  }

  /** The meeting's group was deleted: none of its waiting results has anywhere to go. */
  dropAll(): void {
    this.sql.exec("DELETE FROM outbox");
  }

  private remove(consultationId: string, seq: number): void {
    this.sql.exec("DELETE FROM outbox WHERE consultation_id = ? AND seq = ?", consultationId, seq);
  }

  private retryLater(row: OutboxRow, now: number, err: unknown): void {
    const attempts = row.attempts + 1;
    const delay = Math.min(this.tuning.outboxMaxRetryMs, this.tuning.outboxRetryMs * 2 ** (attempts - 1));
    const message = err instanceof Error ? err.message : String(err);
    console.warn(`room: results delivery failed (attempt ${attempts}), retrying in ${delay} ms: ${message}`);
    this.sql.exec(
      "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE consultation_id = ? AND seq = ?",
      attempts,
      now + delay,
      message.slice(0, 500),
      row.consultation_id,
      row.seq,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
