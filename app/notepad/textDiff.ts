// The smallest edit between a textarea's text before and after one input, and moving an index across a remote change.

export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The edit that turns before into after. Typing the same character as its neighbour ("aa" to "aaa") is ambiguous;
 * the caret settles it, so that concurrent edits merge where the person actually typed.
 */
export function textEdit(before: string, after: string, caret: number): TextEdit | null {
  if (before === after) return null;
  const grown = Math.max(0, after.length - before.length);
  const most = Math.min(before.length, after.length);
  let prefix = 0;
  const prefixLimit = Math.max(0, Math.min(most, caret - grown));
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const suffixLimit = most - prefix;
  while (
    suffix < suffixLimit &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** One operation of a Y.Text change (a Yjs delta). */
export interface DeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/**
 * Where an index ends up after a remote change. Text inserted exactly at the index stays after it, so a caret is
 * not pushed by someone typing at the same place.
 */
export function moveIndex(index: number, delta: readonly DeltaOp[]): number {
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) {
      if (at < index) shift -= Math.min(op.delete, index - at);
      at += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (at < index) shift += length;
    }
    if (at >= index) break;
  }
  return Math.max(0, index + shift);
}
