// Sending the note pad's binary frames, so that one dead socket hurts no one.
import { joinedSockets } from "./sockets.ts";

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
