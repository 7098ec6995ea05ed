// Command dedupe in the room's SQLite: the answer each (participant, command id) got, so a resend gets it again.
import * as v from "valibot";
import { REJECTION_CODES, type Rejection, RejectionReason } from "../../protocol/index.ts";
import type { RoomTuning } from "./tuning.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS dedupe (
  participant_id TEXT NOT NULL,
  command_id TEXT NOT NULL,
  version INTEGER,
  code TEXT,
  message TEXT,
  reason TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (participant_id, command_id)
);
CREATE INDEX IF NOT EXISTS dedupe_at ON dedupe (at);
`;

const RejectionSchema = v.object({
  code: v.picklist(REJECTION_CODES),
  message: v.string(),
  reason: v.optional(v.picklist(Object.values(RejectionReason))),
});

/** Who sent a command and under which client id, for deduplication. */
export interface CommandOrigin {
  participantId: string;
  commandId: string;
}

/** The outcome a command id already had: applied at a version, or rejected. */
export type Prior = { applied: true; version: number } | { applied: false; rejection: Rejection };

export class Dedupe {
  constructor(
    private readonly sql: SqlStorage,
    private readonly tuning: RoomTuning,
  ) {
    sql.exec(SCHEMA);
    // Rooms created before refusals carried a reason gain the column.
    if (sql.exec("SELECT 1 FROM pragma_table_info('dedupe') WHERE name = 'reason'").toArray().length === 0)
      sql.exec("ALTER TABLE dedupe ADD COLUMN reason TEXT");
  }

  prior(origin: CommandOrigin): Prior | null {
    const row = this.sql
      .exec<{ version: number | null; code: string | null; message: string | null; reason: string | null }>(
        "SELECT version, code, message, reason FROM dedupe WHERE participant_id = ? AND command_id = ?",
        origin.participantId,
        origin.commandId,
      )
      .toArray()[0];
    if (!row) return null;
    if (row.version !== null) return { applied: true, version: row.version };
    const rejection = v.safeParse(RejectionSchema, {
      code: row.code,
      message: row.message,
      ...(row.reason === null ? {} : { reason: row.reason }),
    });
    return rejection.success ? { applied: false, rejection: rejection.output } : null;
  }

  rememberApplied(origin: CommandOrigin, version: number, now: number): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO dedupe (participant_id, command_id, version, code, message, at) VALUES (?, ?, ?, NULL, NULL, ?)",
      origin.participantId,
      origin.commandId,
      version,
      now,
    );
    if (version % 100 === 0) this.prune(now);
  }

  rememberRejected(origin: CommandOrigin, rejection: Rejection, now: number): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO dedupe (participant_id, command_id, version, code, message, reason, at) VALUES (?, ?, NULL, ?, ?, ?, ?)",
      origin.participantId,
      origin.commandId,
      rejection.code,
      rejection.message,
      rejection.reason ?? null,
      now,
    );
  }

  /** Dedupe only has to outlive a client's reconnects: a day, and never more than a bounded number of rows. */
  private prune(now: number): void {
    this.sql.exec("DELETE FROM dedupe WHERE at < ?", now - this.tuning.dedupeMaxAgeMs);
    this.sql.exec(
      "DELETE FROM dedupe WHERE rowid IN (SELECT rowid FROM dedupe ORDER BY at DESC LIMIT -1 OFFSET ?)",
      this.tuning.dedupeMaxRows,
    );
  }
}
