// The other writers as the panel shows them: name, colour, and where their caret is in the current text.
import * as Y from "yjs";
import type { NotepadSession } from "./NotepadSession.ts";

export interface Writer {
  clientId: number;
  name: string;
  colour: number;
  /** Caret index in the text, or null when it points into text this panel does not have (yet). */
  index: number | null;
  /** 1-based line of the caret, for the list. */
  line: number | null;
}

export function otherWriters(session: NotepadSession): Writer[] {
  const { doc, text } = session.pad;
  const content = text.toString();
  const writers: Writer[] = [];
  for (const [clientId, presence] of session.others.states) {
    const head = presence.cursor?.head;
    const absolute = head
      ? Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), doc)
      : null;
    const index = absolute && absolute.type === text ? Math.min(absolute.index, content.length) : null;
    writers.push({
      clientId,
      name: presence.name ?? "?",
      colour: presence.colour,
      index,
      line: index === null ? null : lineAt(content, index),
    });
  }
  return writers.sort((a, b) => a.name.localeCompare(b.name));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
