// Grace periods for an animator whose sockets all closed: when one is due and they are still gone, the role moves on.
import { type Participant, Role, type RoomState } from "../../protocol/index.ts";

const SCHEMA = "CREATE TABLE IF NOT EXISTS pending_leave (participant_id TEXT PRIMARY KEY, due_at INTEGER NOT NULL);";

export class PendingLeaves {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Keeps an existing deadline: reconnect flapping must not postpone the hand-over forever. */
  start(participantId: string, dueAt: number): void {
    this.sql.exec("INSERT OR IGNORE INTO pending_leave (participant_id, due_at) VALUES (?, ?)", participantId, dueAt);
  }

  /** True when a grace period was running. */
  cancel(participantId: string): boolean {
    return this.sql.exec("DELETE FROM pending_leave WHERE participant_id = ?", participantId).rowsWritten > 0;
  }

  has(participantId: string): boolean {
    return this.sql.exec("SELECT 1 FROM pending_leave WHERE participant_id = ?", participantId).toArray().length > 0;
  }

  /** Removes and returns the participants whose grace period has ended. */
  takeDue(now: number): string[] {
    const ids = this.sql
      .exec<{ participant_id: string }>("SELECT participant_id FROM pending_leave WHERE due_at <= ?", now)
      .toArray()
      .map((r) => r.participant_id);
    for (const id of ids) this.cancel(id);
    return ids;
  }

  nextDueAt(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT MIN(due_at) AS at FROM pending_leave").one().at;
  }
}

/**
 * Who takes over from an animator who left: an online participant who is not the client (the consultation needs its
 * client), preferring the meeting's host or co-hosts, then whoever joined earliest; the client only when alone.
 */
export function successorFor(state: RoomState, leaverId: string, online: readonly string[]): string | null {
  const rank = (p: Participant) => [p.role === Role.client ? 1 : 0, p.host ? 0 : 1, p.joinedAt];
  const candidates = state.participants
    .filter((p) => p.id !== leaverId && online.includes(p.id))
    .sort((a, b) => compareTuples(rank(a), rank(b)));
  return candidates[0]?.id ?? null;
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
