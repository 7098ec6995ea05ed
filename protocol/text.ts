// Text hygiene applied to every user text before it enters the state.

// C0 and C1 controls except tab and newline; also bidi overrides that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Half of a surrogate pair without its other half is not a character: it cannot be stored or shown faithfully.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters that show nothing: spaces, zero-width and format characters (U+200B, U+200E, U+FEFF…), the Hangul
// fillers and the blank Braille pattern. Kept inside a text (joiners build emoji, marks steer right-to-left
// text) but a text made only of them is empty.
const BLANK = /^[\s\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/**
 * Strips control characters and broken surrogates, normalises newlines and trims; keeps accents, emoji and RTL
 * letters. A text with nothing visible left comes back empty, so every "required" check refuses it.
 */
export function cleanText(raw: string): string {
  const text = raw
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "")
    .normalize("NFC")
    .trim();
  return BLANK.test(text) ? "" : text;
}

/** Single-line variant for names and titles. */
export function cleanLine(raw: string): string {
  return cleanText(raw.replace(/[\n\t\r\u2028\u2029]+/g, " ")).replace(/ {2,}/g, " ");
}

/** A cleaned line cut to at most `max` UTF-16 units without splitting a character's surrogate pair. */
export function clipLine(raw: string, max: number): string {
  return cleanLine(cleanLine(raw).slice(0, max));
}
