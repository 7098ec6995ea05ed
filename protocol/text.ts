// Text hygiene applied to every user text before it enters the state.

// C0 and C1 controls except tab and newline; also bidi overrides that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Strips control characters, normalises newlines and trims; keeps accents, emoji and RTL letters. */
export function cleanText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(CONTROL, "").normalize("NFC").trim();
}

/** Single-line variant for names and titles. */
export function cleanLine(raw: string): string {
  return cleanText(raw.replace(/[\n\t]+/g, " ")).replace(/ {2,}/g, " ");
}
