// Sending the note pad's binary frames (so that one dead socket hurts no one) and its error frames.
import type { ErrorCode } from "../../protocol/index.ts";
import { NOTEPAD_ERROR_ID } from "../../protocol/notepad.ts";
import { joinedSockets, sendError } from "./sockets.ts";

/** An error frame about a note pad frame, tagged so the panel shows it in the note pad rather than as the room's. */
export function refuseNotepad(ws: WebSocket, code: ErrorCode, message: string): void {
  sendError(ws, { code, message, id: NOTEPAD_ERROR_ID });
}

export function sendFrame(ws: WebSocket, frame: Uint8Array): void {
  try {
    ws.send(frame);
  } catch {
    // A socket closing mid-send is handled by its close event.
  }
}

/** Every joined socket but the sender: the sender already holds what it sent. */
export function broadcastFrame(ctx: DurableObjectState, frame: Uint8Array, exceptConnId?: string): void {
  for (const { ws } of joinedSockets(ctx, exceptConnId)) sendFrame(ws, frame);
}

export function liveConnIds(ctx: DurableObjectState): Set<string> {
  return new Set(joinedSockets(ctx).map((s) => s.att.connId));
}
