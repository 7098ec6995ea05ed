// The room's sockets: who has said hello, who is online, and sending frames so that one dead socket hurts no one.
import type { ErrorCode, ServerMessage } from "../../protocol/index.ts";
import { readAttachment, type SocketAttachment } from "./attachment.ts";

export interface JoinedSocket {
  ws: WebSocket;
  att: SocketAttachment;
}

/** Sockets that have said hello, optionally leaving out one that is closing. */
export function joinedSockets(ctx: DurableObjectState, exceptConnId?: string): JoinedSocket[] {
  const out: JoinedSocket[] = [];
  for (const ws of ctx.getWebSockets()) {
    const att = readAttachment(ws);
    if (att?.joined && att.connId !== exceptConnId) out.push({ ws, att });
  }
  return out;
}

/** Participant ids with at least one joined socket, sorted so every presence frame lists them the same way. */
export function onlineIds(ctx: DurableObjectState, exceptConnId?: string): string[] {
  return [...new Set(joinedSockets(ctx, exceptConnId).map((s) => s.att.participantId))].sort();
}

export function broadcast(ctx: DurableObjectState, frame: string, exceptConnId?: string): void {
  for (const { ws } of joinedSockets(ctx, exceptConnId)) sendRaw(ws, frame);
}

export function sendRaw(ws: WebSocket, frame: string): void {
  try {
    ws.send(frame);
  } catch {
    // A socket closing mid-send is handled by its close event; the others must still get the frame.
  }
}

export function send(ws: WebSocket, msg: ServerMessage): void {
  sendRaw(ws, JSON.stringify(msg));
}

export interface ErrorFrame {
  code: ErrorCode;
  message: string;
  /** The command id, when the faulty frame carried a readable one. */
  id?: string;
}

export function sendError(ws: WebSocket, error: ErrorFrame): void {
  send(ws, { type: "error", ...error });
}

export function presenceFrame(online: string[]): string {
  return JSON.stringify({ type: "presence", online } satisfies ServerMessage);
}

export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    // Already closed.
  }
}
