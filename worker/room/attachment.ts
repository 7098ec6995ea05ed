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
});
export type SocketAttachment = v.InferOutput<typeof AttachmentSchema>;

export function readAttachment(ws: WebSocket): SocketAttachment | null {
  const parsed = v.safeParse(AttachmentSchema, ws.deserializeAttachment());
  return parsed.success ? parsed.output : null;
}

export function writeAttachment(ws: WebSocket, attachment: SocketAttachment): void {
  ws.serializeAttachment(attachment);
}
