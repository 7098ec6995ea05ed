// Wire messages: one schema-validated union per direction (JSON text frames; note pad frames are binary).
import * as v from "valibot";
import { BreakoutRoomSchema } from "./breakouts.ts";
import { CommandSchema } from "./commands.ts";
import { ErrorCode } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { EventSchema, RoomStateSchema } from "./stateSchema.ts";

const commandId = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.commandId));

export const ClientMessageSchema = v.variant("type", [
  /** First message on every connection; lastVersion is the last state version the client holds. */
  v.strictObject({
    type: v.literal("hello"),
    protocol: v.number(),
    lastVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /**
     * For the meeting's host in a breakout room, who observes it unless they ask to take part (false); anyone else
     * takes part whatever they send.
     */
    observe: v.optional(v.boolean()),
  }),
  v.strictObject({ type: v.literal("command"), id: commandId, command: CommandSchema }),
  v.strictObject({ type: v.literal("ping"), t: v.number() }),
]);
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

const errorCode = v.picklist(Object.values(ErrorCode));

export const ServerMessageSchema = v.variant("type", [
  /**
   * Answer to hello: either the events after lastVersion (catch-up) or a full snapshot.
   * `you` is the identity the room verified for this socket.
   */
  v.object({
    type: v.literal("welcome"),
    protocol: v.number(),
    /** `observing`: this socket watches the room without being one of its participants (see hello's `observe`). */
    you: v.object({ participantId: v.string(), name: v.string(), observing: v.optional(v.boolean()) }),
    serverNow: v.number(),
    snapshot: v.nullable(RoomStateSchema),
    events: v.array(EventSchema),
  }),
  v.object({ type: v.literal("event"), event: EventSchema }),
  /** The command with this client id is applied (or was already); version is the state version it produced. */
  v.object({ type: v.literal("ack"), id: v.string(), version: v.number() }),
  // `reason`: see RejectionReason; kept as any string so a reason added later never makes the frame unreadable.
  v.object({
    type: v.literal("rejected"),
    id: v.string(),
    code: errorCode,
    message: v.string(),
    reason: v.optional(v.string()),
  }),
  v.object({ type: v.literal("error"), code: errorCode, message: v.string(), id: v.optional(v.string()) }),
  /** Participant ids with at least one open connection. */
  v.object({ type: v.literal("presence"), online: v.array(v.string()) }),
  v.object({ type: v.literal("pong"), t: v.number(), serverNow: v.number() }),
  /** In a meeting's main room: the consultations of its breakout rooms, each time one of them moves on. */
  v.object({ type: v.literal("breakouts"), rooms: v.array(BreakoutRoomSchema) }),
]);
export type ServerMessage = v.InferOutput<typeof ServerMessageSchema>;

export function parseClientMessage(data: unknown) {
  return v.safeParse(ClientMessageSchema, data);
}

export function parseServerMessage(data: unknown) {
  return v.safeParse(ServerMessageSchema, data);
}
