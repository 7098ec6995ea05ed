// command: not before hello → dedupe on (participant, id) → reduce, persist, broadcast → ack or rejected to the sender.
import { type ClientMessage, ErrorCode } from "../../protocol/index.ts";
import { applyCommand, followEffects } from "./applyCommand.ts";
import type { SocketAttachment } from "./attachment.ts";
import type { Prior } from "./Dedupe.ts";
import { noteForParent } from "./ParentReport.ts";
import type { RoomContext } from "./roomContext.ts";
import { send, sendError } from "./sockets.ts";

type CommandMessage = Extract<ClientMessage, { type: "command" }>;

export async function handleCommand(
  room: RoomContext,
  ws: WebSocket,
  att: SocketAttachment,
  msg: CommandMessage,
): Promise<void> {
  if (!att.joined) {
    sendError(ws, { code: ErrorCode.notJoined, message: "Send hello before any command.", id: msg.id });
    return;
  }
  const origin = { participantId: att.participantId, commandId: msg.id };
  const prior = room.dedupe.prior(origin);
  if (prior) {
    answerAgain(ws, msg.id, prior);
    return;
  }
  const applied = applyCommand(room, msg.command, att.participantId, origin);
  if (!applied.ok) {
    send(ws, { type: "rejected", id: msg.id, ...applied.rejection });
    return;
  }
  send(ws, { type: "ack", id: msg.id, version: applied.event.version });
  await followEffects(room, applied.effects);
  await noteForParent(room);
}

/** A resent id gets the answer it had the first time; nothing is applied or broadcast again. */
function answerAgain(ws: WebSocket, id: string, prior: Prior): void {
  if (prior.applied) send(ws, { type: "ack", id, version: prior.version });
  else send(ws, { type: "rejected", id, ...prior.rejection });
}
