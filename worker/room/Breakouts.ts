// In a meeting's main room: the latest status each of its breakout rooms reported, numbered in order of arrival.
import * as v from "valibot";
import {
  type BreakoutRoom,
  type BreakoutStatus,
  BreakoutStatusSchema,
  MAX_BREAKOUT_ROOMS,
  type ServerMessage,
} from "../../protocol/index.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS breakouts (
  room_id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  status_json TEXT NOT NULL,
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
    const known = this.sql.exec("SELECT 1 FROM breakouts WHERE room_id = ?", childRoomId).toArray().length > 0;
    if (!known && this.count() >= MAX_BREAKOUT_ROOMS) return false;
    this.sql.exec(
      `INSERT INTO breakouts (room_id, number, status_json, updated_at)
       VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM breakouts), ?, ?)
       ON CONFLICT (room_id) DO UPDATE SET status_json = excluded.status_json, updated_at = excluded.updated_at`,
      childRoomId,
      JSON.stringify(status),
      now,
    );
    return true;
  }

  list(): BreakoutRoom[] {
    return this.sql
      .exec<Row>("SELECT number, status_json, updated_at FROM breakouts ORDER BY number")
      .toArray()
      .flatMap((r) => {
        const status = parseStatus(r.status_json);
        return status ? [{ number: r.number, status, updatedAt: r.updated_at }] : [];
      });
  }

  /** The frame for the main room's sockets, or null while no breakout room has reported. */
  frame(): string | null {
    const rooms = this.list();
    return rooms.length === 0 ? null : JSON.stringify({ type: "breakouts", rooms } satisfies ServerMessage);
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
