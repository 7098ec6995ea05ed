// The room's durable memory in its own SQLite: the meeting, a state snapshot and the retained event log.
import * as v from "valibot";
import { initialState, type RoomState } from "../../protocol/index.ts";
import type { MeetingInfo } from "../db/results.ts";
import { loadPersistedState, type ReplayBreak } from "./replay.ts";
import type { RoomTuning } from "./tuning.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (version INTEGER PRIMARY KEY, json TEXT NOT NULL);
`;

const MeetingSchema = v.object({
  roomId: v.string(),
  zoomMeetingId: v.string(),
  groupId: v.nullable(v.string()),
  startedAt: v.number(),
});

export class RoomStore {
  /** The state as last committed; SQLite is the truth, this only spares re-reading it on every message. */
  private cached: RoomState | null = null;
  /** The version of the snapshot in the state row, known once the state was read. */
  private snapshotVersion: number | null = null;
  /** A snapshot written by the transaction under way, taken as the snapshot once it commits. */
  private pendingSnapshot: number | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly tuning: RoomTuning,
  ) {
    sql.exec(SCHEMA);
  }

  /** Created on the first connection: the meeting this room serves and an empty consultation. */
  ensureRoom(meeting: { roomId: string; meetingId: string }, now: number): void {
    if (this.meeting()) return;
    const info: MeetingInfo = {
      roomId: meeting.roomId,
      zoomMeetingId: meeting.meetingId,
      groupId: null,
      startedAt: now,
    };
    const state = initialState(meeting.roomId, crypto.randomUUID(), now);
    // The state first: the meeting row is what marks the room as created.
    this.sql.exec("INSERT OR IGNORE INTO state (id, version, json) VALUES (1, 0, ?)", JSON.stringify(state));
    this.sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('meeting', ?)", JSON.stringify(info));
  }

  meeting(): MeetingInfo | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'meeting'").toArray()[0];
    if (!row) return null;
    const parsed = v.safeParse(MeetingSchema, JSON.parse(row.value));
    return parsed.success ? parsed.output : null;
  }

  /** The group the meeting belongs to, once the animator attached it or the memory recognised it. */
  setGroup(groupId: string | null): void {
    const meeting = this.meeting();
    if (!meeting) return;
    this.sql.exec("UPDATE meta SET value = ? WHERE key = 'meeting'", JSON.stringify({ ...meeting, groupId }));
  }

  hasState(): boolean {
    return this.cached !== null || this.sql.exec("SELECT 1 FROM state WHERE id = 1").toArray().length > 0;
  }

  state(): RoomState {
    if (this.cached) return this.cached;
    const persisted = loadPersistedState(this.sql);
    if (persisted.broken) this.recover(persisted.state, persisted.broken);
    else this.snapshotVersion = persisted.snapshotVersion;
    this.cached = persisted.state;
    return this.cached;
  }

  /**
   * The log held an event the room cannot replay: the state before it becomes the snapshot, and the log it no longer
   * matches goes, so no client catches up from it (each gets the snapshot at its next hello).
   */
  private recover(state: RoomState, broken: ReplayBreak): void {
    console.error(`room: event ${broken.version} could not be replayed (${broken.reason}); carrying on from before it`);
    this.sql.exec("UPDATE state SET version = ?, json = ? WHERE id = 1", state.version, JSON.stringify(state));
    this.sql.exec("DELETE FROM events WHERE version < ?", state.version);
    this.snapshotVersion = state.version;
  }

  /**
   * Part of the command transaction: the event that produced the new state, and a snapshot of it every
   * `snapshotEvery` events and at every phase change (`snapshotNow`), so the events a wake-up replays (see
   * loadPersistedState) are few and all from the current phase.
   * The log is pruned in batches (every 50th event by default), never past the snapshot.
   */
  saveCommitted(state: RoomState, eventJson: string, stateJson: () => string, snapshotNow = false): void {
    this.pendingSnapshot = null;
    this.sql.exec("INSERT INTO events (version, json) VALUES (?, ?)", state.version, eventJson);
    let snapshot = this.snapshotVersion ?? 0;
    if (snapshotNow || state.version - snapshot >= this.tuning.snapshotEvery) {
      this.sql.exec("UPDATE state SET version = ?, json = ? WHERE id = 1", state.version, stateJson());
      snapshot = state.version;
      this.pendingSnapshot = snapshot;
    }
    if (state.version % Math.max(1, Math.floor(this.tuning.retainedEvents / 20)) === 0) {
      const upTo = Math.min(state.version - this.tuning.retainedEvents, snapshot);
      this.sql.exec("DELETE FROM events WHERE version <= ?", upTo);
    }
  }

  /** Called once the transaction has committed, so the cache never holds an unwritten state. */
  committed(state: RoomState): void {
    this.cached = state;
    if (this.pendingSnapshot !== null) this.snapshotVersion = this.pendingSnapshot;
    this.pendingSnapshot = null;
  }

  /**
   * The logged events (as JSON) after lastVersion, oldest first, or null when the log no longer holds all of them
   * or the client claims a version the room never reached: the client then needs a snapshot.
   */
  eventsAfter(lastVersion: number): string[] | null {
    const version = this.state().version;
    if (lastVersion > version) return null;
    if (lastVersion === version) return [];
    // The log may hold more than it retains (batched pruning, events since the snapshot): the promise is the same.
    if (version - lastVersion > this.tuning.retainedEvents) return null;
    const rows = this.sql
      .exec<{ json: string }>("SELECT json FROM events WHERE version > ? ORDER BY version", lastVersion)
      .toArray();
    return rows.length === version - lastVersion ? rows.map((r) => r.json) : null;
  }
}
