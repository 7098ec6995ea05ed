// The report's escaping, checked by rendering with a real CommonMark + GFM renderer (markdown-it, autolinks on):
// whatever people typed comes out as the same text, with no element of any kind, and reads as typed in plain text.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { escapeBlock, escapeLine } from "../../worker/routes/markdown.ts";

const md = new MarkdownIt({ html: true, linkify: true });

/** What a reader sees: the rendered HTML's text, entities decoded. */
function rendered(markdown: string): { html: string; text: string } {
  const html = md.render(markdown);
  const text = html
    .replace(/<\/?(p|br|ul|li)\s*\/?>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
  return { html, text };
}

/** Tags the renderer may produce for a plain paragraph or list item; anything else means the text became markup. */
const PLAIN_TAGS = /<(?!\/?(p|br|ul|li)\b)[a-z/][^>]*>/i;

const NASTY = [
  "# Titre [lien](javascript:alert(1)) ![img](http://x.test/y.png)",
  "- [x] fausse case <b>gras</b>",
  "> citation | table | `code` & ___",
  "1. first",
  "3) third",
  "+ plus",
  "===",
  "---",
  "***",
  "a **b** _c_ ~~d~~ $x$ <https://e.test>",
  "visit www.example.com, https://example.com/a_b or mail ana@example.com",
  "&amp; &lt;b&gt; &#42;",
  "back\\slash \\*not emphasis\\*",
  "``` fence",
  "~~~ fence",
  "| a | b |",
  "[ref]: https://example.com",
  "Hold one-to-ones with each key person.",
];

describe("Markdown escaping in reports", () => {
  it.each(NASTY)("shows %j as typed, with no markup", (text) => {
    const { html, text: seen } = rendered(escapeLine(text));
    expect(html).not.toMatch(PLAIN_TAGS);
    expect(seen).toBe(text.trim());
  });

  it("leaves plain prose, dates and numbers readable as typed", () => {
    for (const text of ["Hold one-to-ones with each key person.", "Due 2026-12-04: call Ana (HR).", "50% done!"]) {
      expect(escapeLine(text)).toBe(text);
    }
  });

  it("keeps any typed text as the same text inside a list item, line by line (seeded)", () => {
    const chars = fc.constantFrom(..."ab #*_-+=.:)([]!<>&|`~$@\\/w1 ".split(""));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: chars, maxLength: 30 }), { minLength: 1, maxLength: 3 }), (lines) => {
        const typed = lines.map((l) => l.trim()).filter((l) => l !== "");
        fc.pre(typed.length > 0);
        const { html, text } = rendered(`- ${escapeBlock(typed.join("\n"), "  ")}`);
        expect(html).not.toMatch(PLAIN_TAGS);
        // A browser collapses runs of spaces, so compare words as they show.
        const shown = (l: string) => l.replace(/\s+/g, " ");
        expect(text.split(/\s*\n\s*/).map(shown)).toEqual(typed.map(shown));
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });
});
