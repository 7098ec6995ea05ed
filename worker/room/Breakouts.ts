// In a meeting's main room: the latest status each of its breakout rooms reported, numbered in order of arrival.
import * as v from "valibot";
import {
  type BreakoutRoom,
  type BreakoutStatus,
  BreakoutStatusSchema,
  EMPTY_BREAKOUT_KEPT_MS,
  MAX_BREAKOUT_ROOMS,
  type ServerMessage,
} from "../../protocol/index.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS breakouts (
  room_id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  status_json TEXT NOT NULL,
  online INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`;

interface Row {
  number: number;
  status_json: string;
  updated_at: number;
  [key: string]: SqlStorageValue;
}

export class Breakouts {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** False when the status is unreadable or the overview is full; a room already listed is always updated. */
  record(childRoomId: string, statusJson: string, now: number): boolean {
    const status = parseStatus(statusJson);
    if (!status) return false;
    this.prune(now);
    const known = this.sql.exec("SELECT 1 FROM breakouts WHERE room_id = ?", childRoomId).toArray().length > 0;
    if (!known && this.count() >= MAX_BREAKOUT_ROOMS) return false;
    this.sql.exec(
      `INSERT INTO breakouts (room_id, number, status_json, online, updated_at)
       VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM breakouts), ?, ?, ?)
       ON CONFLICT (room_id) DO UPDATE SET
         status_json = excluded.status_json, online = excluded.online, updated_at = excluded.updated_at`,
      childRoomId,
      JSON.stringify(status),
      status.online,
      now,
    );
    return true;
  }

  /** The rooms listed at `now`: those empty for EMPTY_BREAKOUT_KEPT_MS are left out (and deleted at the next report). */
  list(now: number): BreakoutRoom[] {
    return this.sql
      .exec<Row>(
        "SELECT number, status_json, updated_at FROM breakouts WHERE online > 0 OR updated_at >= ? ORDER BY number",
        now - EMPTY_BREAKOUT_KEPT_MS,
      )
      .toArray()
      .flatMap((r) => {
        const status = parseStatus(r.status_json);
        return status ? [{ number: r.number, status, updatedAt: r.updated_at }] : [];
      });
  }

  /** The frame for the main room's sockets, or null while no breakout room is listed; a read, for every hello. */
  frame(now: number): string | null {
    const rooms = this.list(now);
    return rooms.length === 0 ? null : JSON.stringify({ type: "breakouts", rooms } satisfies ServerMessage);
  }

  /** Breakout rooms empty for EMPTY_BREAKOUT_KEPT_MS leave the list; the others keep their numbers. */
  private prune(now: number): void {
    this.sql.exec("DELETE FROM breakouts WHERE online = 0 AND updated_at < ?", now - EMPTY_BREAKOUT_KEPT_MS);
  }

  private count(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM breakouts").one().n;
  }
}

function parseStatus(json: string): BreakoutStatus | null {
  try {
    const parsed = v.safeParse(BreakoutStatusSchema, JSON.parse(json));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
