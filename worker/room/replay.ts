// Rebuilding the room's state from SQLite: the last snapshot, then the events logged since, through the reducer.
import * as v from "valibot";
import { EventSchema, type RoomState, RoomStateSchema, reduce } from "../../protocol/index.ts";

/** Why the event log could not be replayed past an event, when it could not. */
export interface ReplayBreak {
  version: number;
  reason: string;
}

/**
 * The state as SQLite holds it: the last snapshot, with the events logged after it replayed through the reducer with
 * the exact context each carries (the same replay every client does). Throws when the snapshot cannot be read.
 *
 * An event that no longer replays (unreadable, or refused by this version of the reducer) must not leave the room
 * unable to start: the state stops before it and takes a version past every logged event, so no client can catch
 * up from the log and every one gets a snapshot of what the room holds. `broken` says where and why.
 */
export function loadPersistedState(sql: SqlStorage): {
  state: RoomState;
  snapshotVersion: number;
  broken: ReplayBreak | null;
} {
  const row = sql.exec<{ version: number; json: string }>("SELECT version, json FROM state WHERE id = 1").toArray()[0];
  if (!row) throw new Error("room state missing");
  let state = v.parse(RoomStateSchema, JSON.parse(row.json));
  const events = sql
    .exec<{ version: number; json: string }>(
      "SELECT version, json FROM events WHERE version > ? ORDER BY version",
      row.version,
    )
    .toArray();
  for (const logged of events) {
    const next = replay(state, logged);
    if (typeof next === "string") {
      const last = events.at(-1)?.version ?? logged.version;
      const broken = { version: logged.version, reason: next };
      return { state: { ...state, version: last + 1 }, snapshotVersion: row.version, broken };
    }
    state = next;
  }
  return { state, snapshotVersion: row.version, broken: null };
}

/** The state after one logged event, or why it cannot be applied. */
function replay(state: RoomState, logged: { version: number; json: string }): RoomState | string {
  let json: unknown;
  try {
    json = JSON.parse(logged.json);
  } catch {
    return "unreadable JSON";
  }
  const event = v.safeParse(EventSchema, json);
  if (!event.success) return "not an event";
  if (event.output.version !== state.version + 1 || logged.version !== event.output.version) return "out of sequence";
  const { command, actorId, at, newId } = event.output;
  const outcome = reduce(state, command, { actorId, now: at, newId });
  return outcome.ok ? outcome.state : `refused (${outcome.rejection.code})`;
}
