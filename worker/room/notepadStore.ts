// The note pad's Yjs document per consultation, in the room's SQLite: updates appended, compacted, loaded lazily.
import * as Y from "yjs";
import { NOTEPAD_TEXT } from "../../protocol/notepad.ts";
import type { RoomTuning } from "./tuning.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS notepad_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  consultation_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS notepad_updates_consultation ON notepad_updates (consultation_id, seq);
CREATE TABLE IF NOT EXISTS notepad_texts (consultation_id TEXT PRIMARY KEY, text TEXT NOT NULL);
`;

interface Loaded {
  consultationId: string;
  doc: Y.Doc;
  /** Rows stored since the last snapshot, and their bytes: what compaction is decided on. */
  updates: number;
  bytes: number;
}

export class NotepadStore {
  /** The current consultation's document; SQLite is the truth, so losing it to hibernation only costs a reload. */
  private loaded: Loaded | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly tuning: RoomTuning,
  ) {
    storage.sql.exec(SCHEMA);
  }

  /** The document of the consultation under way; an earlier consultation's notes are folded into its final text. */
  doc(consultationId: string): Y.Doc {
    if (this.loaded?.consultationId === consultationId) return this.loaded.doc;
    this.forget();
    this.finishOthers(consultationId);
    const rows = this.rows(consultationId);
    // The first row is the snapshot, if there is one; compaction is decided on what came after it.
    const rest = rows.slice(1);
    this.loaded = {
      consultationId,
      doc: docFrom(rows),
      updates: rest.length,
      bytes: rest.reduce((sum, r) => sum + r.byteLength, 0),
    };
    return this.loaded.doc;
  }

  /** Stores an update the document has just integrated, before anyone else hears of it; compacts when due. */
  append(consultationId: string, update: Uint8Array): void {
    this.storage.sql.exec(
      "INSERT INTO notepad_updates (consultation_id, data) VALUES (?, ?)",
      consultationId,
      bufferOf(update),
    );
    const loaded = this.loaded;
    if (loaded?.consultationId !== consultationId) return;
    loaded.updates += 1;
    loaded.bytes += update.byteLength;
    if (loaded.updates > this.tuning.notepadCompactUpdates || loaded.bytes > this.tuning.notepadCompactBytes) {
      this.compact(loaded);
    }
  }

  /** Drops the document from memory, e.g. when applying an update failed half-way: the next use reloads it. */
  forget(): void {
    this.loaded?.doc.destroy();
    this.loaded = null;
  }

  /** The note pad's text for the results, or null when nothing was ever written in it. */
  textOf(consultationId: string): string | null {
    const final = this.storage.sql
      .exec<{ text: string }>("SELECT text FROM notepad_texts WHERE consultation_id = ?", consultationId)
      .toArray()[0];
    if (final) return final.text || null;
    if (this.loaded?.consultationId === consultationId) return textIn(this.loaded.doc) || null;
    const rows = this.rows(consultationId);
    if (rows.length === 0) return null;
    const doc = docFrom(rows);
    const text = textIn(doc);
    doc.destroy();
    return text || null;
  }

  /** Erases everything the room holds of a consultation's note pad (the consultation was deleted). */
  erase(consultationId: string): void {
    if (this.loaded?.consultationId === consultationId) this.forget();
    this.storage.transactionSync(() => {
      this.storage.sql.exec("DELETE FROM notepad_updates WHERE consultation_id = ?", consultationId);
      this.storage.sql.exec("DELETE FROM notepad_texts WHERE consultation_id = ?", consultationId);
    });
  }

  /** Rows in the update log, for tests and diagnostics. */
  storedUpdates(consultationId: string): number {
    return this.storage.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM notepad_updates WHERE consultation_id = ?", consultationId)
      .one().n;
  }

  /** One snapshot replaces the log, in one transaction, so a crash leaves either the log or the snapshot. */
  private compact(loaded: Loaded): void {
    const snapshot = Y.encodeStateAsUpdate(loaded.doc);
    this.storage.transactionSync(() => {
      this.storage.sql.exec("DELETE FROM notepad_updates WHERE consultation_id = ?", loaded.consultationId);
      this.storage.sql.exec(
        "INSERT INTO notepad_updates (consultation_id, data) VALUES (?, ?)",
        loaded.consultationId,
        bufferOf(snapshot),
      );
    });
    loaded.updates = 0;
    loaded.bytes = 0;
  }

  /** A finished consultation keeps only its text: that is all its results need, and the log can go. */
  private finishOthers(currentId: string): void {
    const others = this.storage.sql
      .exec<{ id: string }>(
        "SELECT DISTINCT consultation_id AS id FROM notepad_updates WHERE consultation_id <> ?",
        currentId,
      )
      .toArray();
    for (const { id } of others) {
      const doc = docFrom(this.rows(id));
      const text = textIn(doc);
      doc.destroy();
      this.storage.transactionSync(() => {
        this.storage.sql.exec("INSERT OR REPLACE INTO notepad_texts (consultation_id, text) VALUES (?, ?)", id, text);
        this.storage.sql.exec("DELETE FROM notepad_updates WHERE consultation_id = ?", id);
      });
    }
  }

  private rows(consultationId: string): Uint8Array[] {
    return this.storage.sql
      .exec<{ data: ArrayBuffer }>(
        "SELECT data FROM notepad_updates WHERE consultation_id = ? ORDER BY seq",
        consultationId,
      )
      .toArray()
      .map((r) => new Uint8Array(r.data));
  }
}

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

export function textIn(doc: Y.Doc): string {
  return doc.getText(NOTEPAD_TEXT).toString();
}

/** SQLite takes an ArrayBuffer; a Uint8Array may be a view on a larger one. */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
