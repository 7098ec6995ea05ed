// Escaping user text for Markdown: whatever people typed shows as typed, never as markup, links or HTML.

/** Every ASCII character that can start or close Markdown syntax (CommonMark and GFM), escaped with a backslash. */
const PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~=:$^]/g;

/**
 * One line of user text, safe anywhere in a Markdown line: `&`, `<` and `>` become entities (no HTML, no autolinks,
 * no block quotes) and the rest of the syntax characters are backslash-escaped; leading spaces go, so a line can
 * never become a code block.
 */
export function escapeLine(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(PUNCTUATION, "\\$&").trim();
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
