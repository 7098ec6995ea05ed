// Binds a textarea to the note pad's Y.Text: minimal edits out, remote edits in with the caret kept, undo of my own edits.
import type * as Y from "yjs";
import type { Pad } from "./NotepadSession.ts";
import { type DeltaOp, moveIndex, textEdit } from "./textDiff.ts";

/** What the binding needs of its session: the NotepadSession, or a stand-in in tests. */
export interface BoundSession {
  readonly pad: Pad;
  /** The origin of this panel's own edits. */
  readonly local: object;
  readonly changes: { subscribe(listener: () => void): () => void };
  writable(): boolean;
  clearProblem(): void;
  setCursor(anchor: number, head: number): void;
}

export class TextareaBinding {
  /** What the textarea shows; local edits are diffed against it. */
  private shown = "";
  /** Remote changes that arrived during a composition (IME, dead keys): rendering them would break it. */
  private unrendered: DeltaOp[][] = [];
  private composing = false;
  private pad: Pad | null = null;
  private readonly stop: Array<() => void> = [];

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly session: BoundSession,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (ev: HTMLElementEventMap[K]) => void) => {
      textarea.addEventListener(type, fn);
      this.stop.push(() => textarea.removeEventListener(type, fn));
    };
    on("input", () => this.onInput());
    on("beforeinput", (ev) => this.onBeforeInput(ev));
    on("keydown", (ev) => this.onKeyDown(ev));
    on("compositionstart", () => {
      this.composing = true;
    });
    on("compositionend", () => {
      this.composing = false;
      this.onInput();
    });
    for (const type of ["select", "keyup", "mouseup", "focus"] as const) on(type, () => this.reportCursor());
    this.stop.push(session.changes.subscribe(() => this.bindCurrent()));
    this.bindCurrent();
  }

  destroy(): void {
    for (const s of this.stop) s();
    this.unbind();
  }

  /** The session swaps its document on a new consultation or after a refusal; follow it. */
  private bindCurrent(): void {
    const pad = this.session.pad;
    if (pad === this.pad) return;
    this.unbind();
    this.pad = pad;
    pad.text.observe(this.onRemote);
    this.unrendered = [];
    this.render(null, pad.text.length);
  }

  private unbind(): void {
    this.pad?.text.unobserve(this.onRemote);
    this.pad = null;
  }

  private readonly onRemote = (event: Y.YTextEvent, tx: Y.Transaction): void => {
    if (tx.origin === this.session.local) return;
    const delta = event.delta;
    if (this.composing) {
      this.unrendered.push(delta);
      return;
    }
    // Undo and redo put the caret where they changed the text; someone else's edit leaves it where it was.
    const undone = tx.origin === this.pad?.undo;
    this.render(delta, undone ? changeEnd(delta) : null);
  };

  private onInput(): void {
    const pad = this.pad;
    if (this.composing || !pad) return;
    const after = this.textarea.value;
    const edit = textEdit(this.shown, after, this.textarea.selectionEnd);
    if (!edit) return;
    if (!this.session.writable()) {
      this.render(null, null);
      return;
    }
    this.session.clearProblem();
    // Positions are in what the textarea showed; remote changes held back during a composition move them.
    let start = edit.index;
    let end = edit.index + edit.remove;
    for (const delta of this.unrendered) {
      start = moveIndex(start, delta);
      end = Math.max(start, moveIndex(end, delta));
    }
    const caret = start + edit.insert.length;
    pad.doc.transact(() => {
      if (end > start) pad.text.delete(start, end - start);
      if (edit.insert) pad.text.insert(start, edit.insert);
    }, this.session.local);
    if (this.unrendered.length > 0) {
      this.unrendered = [];
      this.render(null, caret);
    } else this.shown = after;
    this.reportCursor();
  }

  private onBeforeInput(ev: InputEvent): void {
    if (ev.inputType === "historyUndo" || ev.inputType === "historyRedo") {
      ev.preventDefault();
      this.history(ev.inputType === "historyRedo");
    }
  }

  private onKeyDown(ev: KeyboardEvent): void {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
    const key = ev.key.toLowerCase();
    if (key === "z" || (key === "y" && !ev.metaKey)) {
      ev.preventDefault();
      this.history(key === "y" || ev.shiftKey);
    }
  }

  /** Undo and redo take back only my own edits, never someone else's. */
  private history(redo: boolean): void {
    const pad = this.pad;
    if (!pad || !this.session.writable() || this.composing) return;
    if (redo) pad.undo.redo();
    else pad.undo.undo();
  }

  /**
   * Shows the Y.Text. With a delta, the selection moves across that change so a remote edit never jumps my caret;
   * with a caret, the selection collapses there.
   */
  private render(delta: DeltaOp[] | null, caret: number | null): void {
    const pad = this.pad;
    if (!pad) return;
    const ta = this.textarea;
    const text = pad.text.toString();
    let start = ta.selectionStart;
    let end = ta.selectionEnd;
    if (caret !== null) start = end = caret;
    else if (delta) {
      start = moveIndex(start, delta);
      end = moveIndex(end, delta);
    }
    if (ta.value !== text) {
      const { scrollTop } = ta;
      ta.value = text;
      ta.scrollTop = scrollTop;
    }
    this.shown = text;
    if (document.activeElement === ta) ta.setSelectionRange(start, end, ta.selectionDirection);
  }

  private reportCursor(): void {
    if (!this.session.writable() || document.activeElement !== this.textarea) return;
    const ta = this.textarea;
    const backward = ta.selectionDirection === "backward";
    this.session.setCursor(
      backward ? ta.selectionEnd : ta.selectionStart,
      backward ? ta.selectionStart : ta.selectionEnd,
    );
  }
}

/** Where a change ends: the caret's place after an undo or a redo. */
function changeEnd(delta: readonly DeltaOp[]): number {
  let at = 0;
  let end = 0;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) {
      at += typeof op.insert === "string" ? op.insert.length : 1;
      end = at;
    } else if (op.delete !== undefined) end = at;
  }
  return end;
}
