// Applying a command: reduce with the exact context its event carries, persist in one transaction, then broadcast.
import {
  type AnyCommand,
  type Context,
  type Effect,
  type Rejection,
  type RoomEvent,
  reduce,
  SYSTEM_ACTOR,
  type SystemCommand,
} from "../../protocol/index.ts";
import type { CommandOrigin } from "./Dedupe.ts";
import { noteForParent } from "./ParentReport.ts";
import type { RoomContext } from "./roomContext.ts";
import { broadcast } from "./sockets.ts";
import { scheduleWakeUp } from "./wakeUp.ts";

export type Applied = { ok: true; event: RoomEvent; effects: Effect[] } | { ok: false; rejection: Rejection };

/**
 * The event (and every so often a state snapshot), the dedupe row and, when results changed, an outbox snapshot are
 * written in one synchronous SQLite transaction before anyone hears of the event, so nothing a client saw can be lost.
 */
export function applyCommand(
  room: RoomContext,
  command: AnyCommand,
  actorId: string,
  origin: CommandOrigin | null,
): Applied {
  const ctx: Context = { actorId, now: Date.now(), newId: crypto.randomUUID() };
  const outcome = reduce(room.store.state(), command, ctx);
  if (!outcome.ok) {
    if (origin) room.dedupe.rememberRejected(origin, outcome.rejection, ctx.now);
    return outcome;
  }
  const { state, effects } = outcome;
  const event: RoomEvent = { version: state.version, at: ctx.now, actorId, newId: ctx.newId, command };
  const eventJson = JSON.stringify(event);
  let json: string | null = null;
  // Serialised only for a snapshot or an outbox row, not for every command.
  const stateJson = () => {
    json ??= JSON.stringify(state);
    return json;
  };
  const results = effects.filter((e) => e.type === "results");
  room.ctx.storage.transactionSync(() => {
    room.store.saveCommitted(state, eventJson, stateJson, results.length > 0);
    if (origin) room.dedupe.rememberApplied(origin, state.version, ctx.now);
    if (results.length > 0) {
      const closed = results.some((e) => e.reason === "closed");
      room.outbox.enqueue(state.consultation.id, stateJson(), ctx.now, closed);
    }
  });
  room.store.committed(state);
  broadcast(room.ctx, `{"type":"event","event":${eventJson}}`);
  return { ok: true, event, effects };
}

/** The room's own commands (joins, time-up, hand-overs, history); a rejection here is an expected race, not a fault. */
export async function applySystem(room: RoomContext, command: SystemCommand): Promise<boolean> {
  const applied = applyCommand(room, command, SYSTEM_ACTOR, null);
  if (applied.ok) {
    await followEffects(room, applied.effects);
    await noteForParent(room);
  }
  return applied.ok;
}

/** Timer and results effects move the alarm; the time-up itself already reached everyone as an event. */
export async function followEffects(room: RoomContext, effects: readonly Effect[]): Promise<void> {
  if (effects.some((e) => e.type === "timer" || e.type === "results")) await scheduleWakeUp(room);
}
