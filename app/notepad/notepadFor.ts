// One note pad session per room store, kept across step changes so the document, its undo history and offline edits live on.
import type { RoomStore } from "../model/RoomStore.ts";
import { NotepadSession } from "./NotepadSession.ts";

const sessions = new WeakMap<RoomStore, NotepadSession>();

/** Created when the note pad first shows; disposed with the store. */
export function notepadFor(store: RoomStore): NotepadSession {
  const existing = sessions.get(store);
  if (existing) return existing;
  const session = new NotepadSession(store);
  sessions.set(store, session);
  store.onClose(() => session.dispose());
  return session;
}
