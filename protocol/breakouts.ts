// What a breakout room tells the main room about its consultation, for a trainer overseeing several groups at once:
// where it stands, who animates, who is the client, how many are here. Never what is said or written.
import * as v from "valibot";
import { LIMITS } from "./limits.ts";
import { animatorOf, PHASES, participant, type RoomState } from "./model.ts";
import { TimerSchema } from "./stateSchema.ts";

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const name = v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.name)));

export const BreakoutStatusSchema = v.strictObject({
  /** The meeting's consultation number in that room (1 for its first). */
  consultation: v.pipe(count, v.minValue(1)),
  phase: v.picklist(PHASES),
  /** Where a closed consultation was closed from (see Consultation.closedFrom). */
  closedFrom: v.optional(v.nullable(v.picklist(PHASES)), null),
  timer: TimerSchema,
  animator: name,
  client: name,
  /** Participants with a connection open. */
  online: count,
  ideas: count,
});
export type BreakoutStatus = v.InferOutput<typeof BreakoutStatusSchema>;

/** One breakout room as the main room lists it, numbered in the order the rooms first reported. */
export const BreakoutRoomSchema = v.object({
  number: v.pipe(count, v.minValue(1)),
  status: BreakoutStatusSchema,
  /** Server time of the room's last report. */
  updatedAt: v.number(),
});
export type BreakoutRoom = v.InferOutput<typeof BreakoutRoomSchema>;

/** A main room's overview holds at most this many breakout rooms; more are not kept. */
export const MAX_BREAKOUT_ROOMS = 50;

/** A breakout room nobody has been in for this long leaves the overview (Zoom closed it, or the group is done). */
export const EMPTY_BREAKOUT_KEPT_MS = 30 * 60_000;

export function breakoutStatusOf(state: RoomState, online: readonly string[]): BreakoutStatus {
  const c = state.consultation;
  return {
    consultation: c.number,
    phase: c.phase,
    closedFrom: c.closedFrom,
    timer: c.timer,
    animator: animatorOf(state)?.name ?? null,
    client: c.clientId === null ? null : (participant(state, c.clientId)?.name ?? null),
    online: state.participants.filter((p) => online.includes(p.id)).length,
    ideas: c.ideas.length,
  };
}
