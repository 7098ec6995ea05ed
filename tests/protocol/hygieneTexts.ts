// Texts for hygiene tests: what shows nothing, and real multilingual text that must come back exactly as typed.

/** Texts a person could type that show nothing at all. */
export const INVISIBLE_TEXTS: readonly string[] = [
  "\u200B",
  "\u200E",
  "\u200F",
  "\uFEFF",
  "\u200B\u200C\u200D",
  "\u2060\u2061\u2063",
  "\u00AD",
  "\u034F",
  "\u061C",
  "\u3164",
  "\u115F\u1160",
  "\uFFA0",
  "\u2800",
  "\uFE0F",
  "\u{E0020}\u{E0041}",
  " \u00A0\u2003\u3000 ",
  "\u200B \u200E\n\uFEFF\t",
  "\u202E\u200B\u0000",
];

/** Real texts with accents, emoji (joined, flags, skin tones), right-to-left scripts and CJK: kept as typed. */
export const UNICODE_TEXTS: readonly string[] = [
  "Réunion à l'école : ça s'améliore, naïveté, cœur, Øresund, Straße",
  "Famille 👨‍👩‍👧‍👦, drapeau 🇨🇦, pouce 👍🏽, cœur ❤️",
  "שלום, מה שלומך? — سلام عليكم، كيف حالك؟",
  "会议很顺利 · 会議 · 회의 · हिन्दी क्‍ष · می‌خواهم",
  "Mixte : le client dit « مرحبا » puis ‏(RTL)‏ et repart",
];
