// What each hibernatable socket carries across hibernation: who it is and whether it has said hello.
import * as v from "valibot";

const AttachmentSchema = v.object({
  /** Unique per socket, so a participant's several tabs stay distinct. */
  connId: v.string(),
  participantId: v.string(),
  name: v.string(),
  host: v.boolean(),
  /** True once the socket's first hello was answered; only such sockets receive events and count as online. */
  joined: v.boolean(),
  /** Joined as an observer: gets every event, but is not in the room's roster (see handleHello). */
  observer: v.optional(v.boolean(), false),
});
export type SocketAttachment = v.InferOutput<typeof AttachmentSchema>;

/**
 * What this instance last wrote or read per socket, so a broadcast does not deserialize and validate every socket's
 * attachment again. After hibernation the sockets come back as new objects: the first read fills the cache again.
 */
const known = new WeakMap<WebSocket, SocketAttachment>();

export function readAttachment(ws: WebSocket): SocketAttachment | null {
  const cached = known.get(ws);
  if (cached) return cached;
  const parsed = v.safeParse(AttachmentSchema, ws.deserializeAttachment());
  if (!parsed.success) return null;
  known.set(ws, parsed.output);
  return parsed.output;
}

export function writeAttachment(ws: WebSocket, attachment: SocketAttachment): void {
  ws.serializeAttachment(attachment);
  known.set(ws, attachment);
}
