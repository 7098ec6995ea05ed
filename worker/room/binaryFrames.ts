// Binary frames carry the shared note pad (Yjs sync and presence); this reads their header and routes them.
import { assertNever, ErrorCode } from "../../protocol/index.ts";
import { decodeNotepadFrame, NOTEPAD_LIMITS, NotepadMessage } from "../../protocol/notepad.ts";
import type { SocketAttachment } from "./attachment.ts";
import { handleAwareness } from "./notepadAwareness.ts";
import { refuseNotepad } from "./notepadSockets.ts";
import { handleSync } from "./notepadSync.ts";
import type { RoomContext } from "./roomContext.ts";

/** A socket's binary frame, already admitted by the rate limiter. */
export function handleBinaryFrame(room: RoomContext, ws: WebSocket, att: SocketAttachment, data: ArrayBuffer): void {
  if (!att.joined) {
    refuseNotepad(ws, ErrorCode.notJoined, "Send hello before any note pad message.");
    return;
  }
  if (data.byteLength > NOTEPAD_LIMITS.frameBytes) {
    refuseNotepad(
      ws,
      ErrorCode.tooLarge,
      `Note pad frames are limited to ${NOTEPAD_LIMITS.frameBytes} bytes; this change was not kept.`,
    );
    return;
  }
  const frame = decodeNotepadFrame(new Uint8Array(data));
  if (!frame) {
    refuseNotepad(ws, ErrorCode.badFrame, "Binary frames are note pad messages.");
    return;
  }
  // A panel that has not yet heard of the next consultation still speaks of the last one; it resyncs once it does.
  if (frame.consultationId !== room.store.state().consultation.id) return;
  switch (frame.kind) {
    case NotepadMessage.sync:
      handleSync(room, ws, att, frame.consultationId, frame.decoder);
      return;
    case NotepadMessage.awareness:
      handleAwareness(room, ws, att, frame.consultationId, frame.decoder);
      return;
    default:
      assertNever(frame.kind);
  }
}
