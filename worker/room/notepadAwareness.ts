// Note pad presence (y-protocols awareness): relayed with the verified name, kept per socket, cleared when it leaves.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ErrorCode } from "../../protocol/index.ts";
import {
  decodePresence,
  encodeNotepadFrame,
  encodePresence,
  NotepadMessage,
  type PresenceEntry,
  parsePresence,
} from "../../protocol/notepad.ts";
import type { SocketAttachment } from "./attachment.ts";
import { broadcastFrame, liveConnIds, refuseNotepad } from "./notepadSockets.ts";
import type { RoomContext } from "./roomContext.ts";

/** Reading and presence are open to everyone; only the name a panel claims is replaced by the one the room verified. */
export function handleAwareness(
  room: RoomContext,
  ws: WebSocket,
  att: SocketAttachment,
  consultationId: string,
  decoder: decoding.Decoder,
): void {
  const entries = readEntries(decoder);
  if (!entries) {
    refuseNotepad(ws, ErrorCode.badFrame, "The note pad presence could not be read.");
    return;
  }
  const owner = { connId: att.connId, participantId: att.participantId };
  const live = liveConnIds(room.ctx);
  const relayed: PresenceEntry[] = [];
  for (const entry of entries) {
    const current = room.notepadPresence.owner(entry.clientId);
    // A panel speaks for its own Yjs client only; a reconnecting one takes back what its closed socket held.
    if (current && current.participantId !== att.participantId && live.has(current.connId)) continue;
    if (entry.state === null) {
      room.notepadPresence.remove(entry.clientId);
      relayed.push(entry);
      continue;
    }
    const presence = parsePresence(entry.state);
    if (!presence) continue;
    const state = JSON.stringify({ ...presence, name: att.name, participantId: att.participantId });
    room.notepadPresence.set(owner, consultationId, { ...entry, state });
    relayed.push({ ...entry, state });
  }
  if (relayed.length > 0) broadcastFrame(room.ctx, presenceFrame(consultationId, relayed), att.connId);
}

/** A socket closed: everyone else drops its carets. */
export function clearPresenceOf(room: RoomContext, connId: string): void {
  for (const [consultationId, gone] of room.notepadPresence.takeConnection(connId)) {
    broadcastFrame(room.ctx, presenceFrame(consultationId, gone), connId);
  }
}

function readEntries(decoder: decoding.Decoder): PresenceEntry[] | null {
  try {
    return decodePresence(decoding.readVarUint8Array(decoder));
  } catch {
    return null;
  }
}

function presenceFrame(consultationId: string, entries: readonly PresenceEntry[]): Uint8Array {
  const update = encodePresence(entries);
  return encodeNotepadFrame(NotepadMessage.awareness, consultationId, (e) => encoding.writeVarUint8Array(e, update));
}
