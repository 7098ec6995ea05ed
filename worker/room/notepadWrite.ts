// A note pad write: may this socket write, is the update readable, does it fit, and what it brought once applied.
import * as Y from "yjs";
import { canWriteNotepad, ErrorCode, participant } from "../../protocol/index.ts";
import { NOTEPAD_LIMITS } from "../../protocol/notepad.ts";
import type { SocketAttachment } from "./attachment.ts";
import { textIn } from "./notepadStore.ts";
import type { RoomContext } from "./roomContext.ts";

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Writing needs an open consultation and, under the animator's policy, the right role. */
export function writeRefusal(room: RoomContext, att: SocketAttachment): Refusal | null {
  const state = room.store.state();
  const c = state.consultation;
  if (c.phase === "closed") {
    return { code: ErrorCode.wrongPhase, message: "The consultation is closed; its note pad is kept as it is." };
  }
  const role = participant(state, att.participantId)?.role;
  if (!role || !canWriteNotepad(role, c.notepadPolicy)) {
    return { code: ErrorCode.forbidden, message: "Only the client and the scribe may write in the note pad now." };
  }
  return null;
}

export function readable(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** Whether the update holds anything the document lacks; tried on a copy, as it is only asked of refused writes. */
export function changes(doc: Y.Doc, update: Uint8Array): boolean {
  const probe = copyOf(doc);
  let changed = false;
  probe.on("update", () => {
    changed = true;
  });
  Y.applyUpdate(probe, update);
  probe.destroy();
  return changed;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * Whether the update would take the text past the limit. An update adds at most as many UTF-16 units as it has
 * bytes, so only an update near the limit costs a trial on a copy of the document.
 */
export function overflows(doc: Y.Doc, update: Uint8Array): boolean {
  const before = textIn(doc).length;
  if (before + update.byteLength <= NOTEPAD_LIMITS.chars) return false;
  const probe = copyOf(doc);
  Y.applyUpdate(probe, update);
  const after = textIn(probe).length;
  probe.destroy();
  // A change that does not lengthen the text is always allowed, so an over-full pad can still be trimmed.
  return after > NOTEPAD_LIMITS.chars && after > before;
}

export interface Integrated {
  /** To append to the log: what the document integrated, plus the raw update while parts of it wait on others. */
  store: Uint8Array[];
  /** To relay: what the document integrated, or null when the update brought nothing new. */
  relay: Uint8Array | null;
}

export function integrate(doc: Y.Doc, update: Uint8Array, origin: string): Integrated {
  const parts: Uint8Array[] = [];
  const collect = (u: Uint8Array) => parts.push(u);
  doc.on("update", collect);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off("update", collect);
  }
  const relay = parts.length === 0 ? null : parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  const waiting = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  const store = [...(relay ? [relay] : []), ...(waiting ? [update] : [])];
  return { store, relay };
}
