// Binary frames are reserved for the shared note pad (Yjs sync); until it lands the room refuses them politely.
import { ErrorCode } from "../../protocol/index.ts";
import type { SocketAttachment } from "./attachment.ts";
import type { RoomContext } from "./roomContext.ts";
import { sendError } from "./sockets.ts";

/** The seam the note pad replaces: a joined socket's binary frame, already admitted by the rate limiter. */
export function handleBinaryFrame(_room: RoomContext, ws: WebSocket, _att: SocketAttachment, _data: ArrayBuffer): void {
  sendError(ws, { code: ErrorCode.badFrame, message: "Binary frames are reserved for the note pad." });
}
