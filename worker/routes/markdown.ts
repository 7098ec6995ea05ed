// Escaping user text for Markdown: whatever people typed shows as typed, never as markup, links or HTML.

/** Characters that are syntax wherever they stand (emphasis, code, links, images, tables, strikethrough, math). */
const INLINE = /[\\`*_[\]|~$]/g;
/** Line starts that open a block: headings, list items, setext underlines (the line is trimmed first). */
const BLOCK_START = /^([#+=-])/;
/** An ordered list item: digits then `.` or `)` at the start of the line. */
const ORDERED = /^(\d{1,9})([.)])/;
/** GFM's extended autolinks: a scheme's `://`, `www.`, and e-mail addresses. */
const AUTOLINKS = /(:)(?=\/\/)|(?<=\bwww)(\.)|(@)(?=[\w-]+\.)/gi;

/**
 * One line of user text, safe anywhere in a Markdown line: `&`, `<` and `>` become entities (no HTML, no autolinks,
 * no block quotes), syntax characters are backslash-escaped where they are syntax and nowhere else, so the text
 * still reads as typed in plain text; leading spaces go, so a line can never become a code block.
 */
export function escapeLine(text: string): string {
  return text
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(INLINE, "\\$&")
    .replace(AUTOLINKS, "\\$&")
    .replace(ORDERED, "$1\\$2")
    .replace(BLOCK_START, "\\$1");
}

/**
 * A multi-line text as one block: each line escaped, ended by a hard line break, continued at `indent` (so the
 * whole text stays inside a list item); blank lines are dropped because they would end the item.
 */
export function escapeBlock(text: string, indent = ""): string {
  return text
    .split(/\r?\n/)
    .map(escapeLine)
    .filter((line) => line !== "")
    .join(`  \n${indent}`);
}
