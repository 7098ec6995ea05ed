// Who shows a caret in the note pad, per socket, in the room's SQLite: hibernation must not forget whom to clear on leave.
import type { PresenceEntry } from "../../protocol/notepad.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS notepad_presence (
  client_id INTEGER PRIMARY KEY,
  conn_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  consultation_id TEXT NOT NULL,
  clock INTEGER NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notepad_presence_conn ON notepad_presence (conn_id);
`;

export interface PresenceOwner {
  connId: string;
  participantId: string;
}

interface Row {
  client_id: number;
  conn_id: string;
  consultation_id: string;
  clock: number;
  state: string;
  [key: string]: SqlStorageValue;
}

export class NotepadPresence {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** The socket that announced this Yjs client, if any. */
  owner(clientId: number): PresenceOwner | null {
    const row = this.sql
      .exec<{ conn_id: string; participant_id: string }>(
        "SELECT conn_id, participant_id FROM notepad_presence WHERE client_id = ?",
        clientId,
      )
      .toArray()[0];
    return row ? { connId: row.conn_id, participantId: row.participant_id } : null;
  }

  set(owner: PresenceOwner, consultationId: string, entry: PresenceEntry & { state: string }): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO notepad_presence (client_id, conn_id, participant_id, consultation_id, clock, state)
       VALUES (?, ?, ?, ?, ?, ?)`,
      entry.clientId,
      owner.connId,
      owner.participantId,
      consultationId,
      entry.clock,
      entry.state,
    );
  }

  remove(clientId: number): void {
    this.sql.exec("DELETE FROM notepad_presence WHERE client_id = ?", clientId);
  }

  /** Removes a socket's entries and returns them as departures (state null, clock moved on), by consultation. */
  takeConnection(connId: string): Map<string, PresenceEntry[]> {
    const rows = this.sql.exec<Row>("SELECT * FROM notepad_presence WHERE conn_id = ?", connId).toArray();
    this.sql.exec("DELETE FROM notepad_presence WHERE conn_id = ?", connId);
    const gone = new Map<string, PresenceEntry[]>();
    for (const r of rows) {
      const list = gone.get(r.consultation_id) ?? [];
      list.push({ clientId: r.client_id, clock: r.clock + 1, state: null });
      gone.set(r.consultation_id, list);
    }
    return gone;
  }

  /**
   * The consultation's presence states from sockets still open. Rows of sockets that vanished without a close
   * (a restart) are dropped here, so stale carets never come back.
   */
  states(consultationId: string, liveConnIds: ReadonlySet<string>): Array<PresenceEntry & { connId: string }> {
    const rows = this.sql.exec<Row>("SELECT * FROM notepad_presence").toArray();
    const out: Array<PresenceEntry & { connId: string }> = [];
    for (const r of rows) {
      if (!liveConnIds.has(r.conn_id) || r.consultation_id !== consultationId) this.remove(r.client_id);
      else out.push({ clientId: r.client_id, clock: r.clock, state: r.state, connId: r.conn_id });
    }
    return out;
  }
}
