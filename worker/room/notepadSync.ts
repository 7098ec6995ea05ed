// The note pad's sync messages: a step 1 is answered (step 2, the room's step 1, presence); a write is stored, then relayed.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { ErrorCode } from "../../protocol/index.ts";
import {
  encodeNotepadFrame,
  encodePresence,
  NOTEPAD_LIMITS,
  NotepadMessage,
  SyncStep,
} from "../../protocol/notepad.ts";
import type { SocketAttachment } from "./attachment.ts";
import { broadcastFrame, liveConnIds, refuseNotepad, sendFrame } from "./notepadSockets.ts";
import {
  changes,
  type Integrated,
  integrate,
  overflows,
  type Refusal,
  readable,
  writeRefusal,
} from "./notepadWrite.ts";
import type { RoomContext } from "./roomContext.ts";

const UNREADABLE: Refusal = { code: ErrorCode.badFrame, message: "The note pad message could not be read." };

function refuse(ws: WebSocket, refusal: Refusal): void {
  refuseNotepad(ws, refusal.code, refusal.message);
}

export function handleSync(
  room: RoomContext,
  ws: WebSocket,
  att: SocketAttachment,
  consultationId: string,
  decoder: decoding.Decoder,
): void {
  const message = readMessage(decoder);
  if (!message) {
    refuse(ws, UNREADABLE);
    return;
  }
  if (message.step === SyncStep.step1) answerStep1(room, ws, att, consultationId, message.payload);
  else if (message.step === SyncStep.step2 || message.step === SyncStep.update) {
    acceptWrite(room, ws, att, consultationId, message.payload);
  } else refuse(ws, UNREADABLE);
}

function readMessage(decoder: decoding.Decoder): { step: number; payload: Uint8Array } | null {
  try {
    return { step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
  } catch {
    return null;
  }
}

/** What the panel lacks, then what the room holds (so the panel sends what the room lacks), then who is writing. */
function answerStep1(
  room: RoomContext,
  ws: WebSocket,
  att: SocketAttachment,
  consultationId: string,
  stateVector: Uint8Array,
): void {
  const doc = room.notepad.doc(consultationId);
  let step2: Uint8Array;
  try {
    step2 = encodeNotepadFrame(NotepadMessage.sync, consultationId, (e) =>
      syncProtocol.writeSyncStep2(e, doc, stateVector),
    );
  } catch {
    refuse(ws, UNREADABLE);
    return;
  }
  sendFrame(ws, step2);
  sendFrame(
    ws,
    encodeNotepadFrame(NotepadMessage.sync, consultationId, (e) => syncProtocol.writeSyncStep1(e, doc)),
  );
  const others = room.notepadPresence
    .states(consultationId, liveConnIds(room.ctx))
    .filter((s) => s.connId !== att.connId);
  if (others.length === 0) return;
  const presence = encodePresence(others.map(({ clientId, clock, state }) => ({ clientId, clock, state })));
  sendFrame(
    ws,
    encodeNotepadFrame(NotepadMessage.awareness, consultationId, (e) => encoding.writeVarUint8Array(e, presence)),
  );
}

/** auth → validate → apply → persist → broadcast; a refused write reaches neither storage nor anyone else. */
function acceptWrite(
  room: RoomContext,
  ws: WebSocket,
  att: SocketAttachment,
  consultationId: string,
  update: Uint8Array,
): void {
  if (!readable(update)) {
    refuse(ws, UNREADABLE);
    return;
  }
  const doc = room.notepad.doc(consultationId);
  const refusal = writeRefusal(room, att);
  if (refusal) {
    // A reader's panel that answers a step 1 with nothing new (e.g. the policy changed as it reconnected) did no harm.
    if (changes(doc, update)) refuse(ws, refusal);
    return;
  }
  if (overflows(doc, update)) {
    refuse(ws, {
      code: ErrorCode.limitReached,
      message: `The note pad holds at most ${NOTEPAD_LIMITS.chars} characters; this change was not kept.`,
    });
    return;
  }
  let integrated: Integrated;
  try {
    integrated = integrate(doc, update, att.connId);
  } catch {
    // The document may hold half of the update; SQLite does not, so reload from it.
    room.notepad.forget();
    refuse(ws, UNREADABLE);
    return;
  }
  try {
    for (const u of integrated.store) room.notepad.append(consultationId, u);
  } catch (err) {
    // Nothing unstored may stay in memory: it would be relayed later as if it were durable.
    room.notepad.forget();
    throw err;
  }
  if (integrated.relay) {
    const relay = integrated.relay;
    broadcastFrame(
      room.ctx,
      encodeNotepadFrame(NotepadMessage.sync, consultationId, (e) => syncProtocol.writeUpdate(e, relay)),
      att.connId,
    );
  }
}
