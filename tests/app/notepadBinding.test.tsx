// The textarea binding over Y.Text: minimal edits, caret kept on remote edits, merging, undo of one's own edits only.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Observable } from "../../app/model/observable.ts";
import type { Pad } from "../../app/notepad/NotepadSession.ts";
import { type BoundSession, TextareaBinding } from "../../app/notepad/TextareaBinding.ts";
import { moveIndex, textEdit } from "../../app/notepad/textDiff.ts";
import { NOTEPAD_TEXT } from "../../protocol/notepad.ts";

class StubSession implements BoundSession {
  readonly local = { notepad: "local" };
  readonly changes = new Observable(0);
  pad: Pad;
  canWrite = true;
  cursor: [number, number] | null = null;
  constructor() {
    const doc = new Y.Doc();
    const text = doc.getText(NOTEPAD_TEXT);
    this.pad = {
      consultationId: "c1",
      doc,
      text,
      undo: new Y.UndoManager(text, { trackedOrigins: new Set([this.local]) }),
    };
  }
  writable() {
    return this.canWrite;
  }
  clearProblem() {}
  setCursor(anchor: number, head: number) {
    this.cursor = [anchor, head];
  }
}

const bindings: TextareaBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b.destroy();
  document.body.innerHTML = "";
});

function setUp(initial = "") {
  const session = new StubSession();
  if (initial) session.pad.text.insert(0, initial);
  const textarea = document.createElement("textarea");
  document.body.appendChild(textarea);
  textarea.focus();
  bindings.push(new TextareaBinding(textarea, session));
  return { session, textarea, text: session.pad.text, doc: session.pad.doc };
}

/** What a browser does when someone types: the value and caret change, then an input event. */
function type(textarea: HTMLTextAreaElement, value: string, caret: number) {
  textarea.value = value;
  textarea.setSelectionRange(caret, caret);
  textarea.dispatchEvent(new Event("input"));
}

/** An edit from someone else, as the room's update would bring it. */
function remote(doc: Y.Doc, edit: (text: Y.Text) => void) {
  doc.transact(() => edit(doc.getText(NOTEPAD_TEXT)), "room");
}

function key(textarea: HTMLTextAreaElement, init: KeyboardEventInit) {
  textarea.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init }));
}

describe("text edits", () => {
  it("finds the smallest edit, and uses the caret where typing repeats a character", () => {
    expect(textEdit("hello", "hello!", 6)).toEqual({ index: 5, remove: 0, insert: "!" });
    expect(textEdit("hello", "hllo", 1)).toEqual({ index: 1, remove: 1, insert: "" });
    expect(textEdit("hello world", "hello there", 11)).toEqual({ index: 6, remove: 5, insert: "there" });
    expect(textEdit("aa", "aaa", 1)).toEqual({ index: 0, remove: 0, insert: "a" });
    expect(textEdit("aa", "aaa", 3)).toEqual({ index: 2, remove: 0, insert: "a" });
    expect(textEdit("same", "same", 2)).toBeNull();
  });

  it("moves an index across a remote change, leaving it before text inserted at the same place", () => {
    expect(moveIndex(5, [{ insert: "abc" }])).toBe(8);
    expect(moveIndex(5, [{ retain: 5 }, { insert: "abc" }])).toBe(5);
    expect(moveIndex(5, [{ retain: 7 }, { insert: "abc" }])).toBe(5);
    expect(moveIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(moveIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });
});

describe("the textarea binding", () => {
  it("shows the document and sends only the characters typed", () => {
    const { textarea, text } = setUp("Notes");
    expect(textarea.value).toBe("Notes");
    const deltas: unknown[] = [];
    text.observe((e) => deltas.push(e.delta));
    type(textarea, "Notes!", 6);
    expect(text.toString()).toBe("Notes!");
    expect(deltas).toEqual([[{ retain: 5 }, { insert: "!" }]]);
  });

  it("keeps my caret where it is when someone else writes before or after it", () => {
    const { textarea, doc } = setUp("abcdef");
    textarea.setSelectionRange(3, 3);
    remote(doc, (t) => t.insert(0, "XY"));
    expect(textarea.value).toBe("XYabcdef");
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([5, 5]);
    remote(doc, (t) => t.insert(8, "!"));
    expect(textarea.value).toBe("XYabcdef!");
    expect(textarea.selectionStart).toBe(5);
    remote(doc, (t) => t.delete(0, 3));
    expect(textarea.value).toBe("bcdef!");
    expect(textarea.selectionStart).toBe(2);
  });

  it("merges my typing with someone else's concurrent typing", () => {
    const a = setUp();
    const b = setUp();
    type(a.textarea, "Ana writes.", 11);
    type(b.textarea, "Ben writes.", 11);
    // Each document receives the other's update, as the room relays them.
    const fromA = Y.encodeStateAsUpdate(a.doc);
    const fromB = Y.encodeStateAsUpdate(b.doc);
    Y.applyUpdate(a.doc, fromB, "room");
    Y.applyUpdate(b.doc, fromA, "room");
    expect(a.textarea.value).toBe(b.textarea.value);
    expect(a.textarea.value).toContain("Ana writes.");
    expect(a.textarea.value).toContain("Ben writes.");
  });

  it("undoes and redoes only my own edits, with Ctrl+Z and Shift+Ctrl+Z", () => {
    const { textarea, doc, text, session } = setUp();
    type(textarea, "mine", 4);
    session.pad.undo.stopCapturing();
    remote(doc, (t) => t.insert(0, "theirs "));
    expect(textarea.value).toBe("theirs mine");
    key(textarea, { key: "z", ctrlKey: true });
    expect(text.toString()).toBe("theirs ");
    expect(textarea.value).toBe("theirs ");
    key(textarea, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(textarea.value).toBe("theirs mine");
    key(textarea, { key: "z", metaKey: true });
    expect(textarea.value).toBe("theirs ");
    key(textarea, { key: "y", ctrlKey: true });
    expect(textarea.value).toBe("theirs mine");
  });

  it("puts back the room's text when someone who may not write types anyway", () => {
    const { textarea, text, session } = setUp("read only");
    session.canWrite = false;
    type(textarea, "read only!!", 11);
    expect(text.toString()).toBe("read only");
    expect(textarea.value).toBe("read only");
    key(textarea, { key: "z", ctrlKey: true });
    expect(text.toString()).toBe("read only");
  });

  it("holds back remote edits during a composition and merges both once it ends", () => {
    const { textarea, doc, text } = setUp("cafe");
    textarea.setSelectionRange(4, 4);
    textarea.dispatchEvent(new CompositionEvent("compositionstart"));
    textarea.value = "cafe\u00b4";
    textarea.dispatchEvent(new Event("input"));
    remote(doc, (t) => t.insert(0, "Le "));
    expect(textarea.value).toBe("cafe\u00b4");
    type(textarea, "café", 4);
    expect(text.toString()).toBe("Le cafe");
    textarea.dispatchEvent(new CompositionEvent("compositionend"));
    expect(text.toString()).toBe("Le café");
    expect(textarea.value).toBe("Le café");
    expect(textarea.selectionStart).toBe(7);
  });

  it("reports my caret to the session for the others to see", () => {
    const { textarea, session } = setUp("hello");
    textarea.setSelectionRange(1, 3);
    textarea.dispatchEvent(new Event("select"));
    expect(session.cursor).toEqual([1, 3]);
  });

  it("follows the session when it swaps its document", () => {
    const { textarea, session } = setUp("old consultation");
    const doc = new Y.Doc();
    const text = doc.getText(NOTEPAD_TEXT);
    text.insert(0, "new");
    session.pad = { consultationId: "c2", doc, text, undo: new Y.UndoManager(text) };
    session.changes.changed();
    expect(textarea.value).toBe("new");
    type(textarea, "new!", 4);
    expect(text.toString()).toBe("new!");
  });
});
