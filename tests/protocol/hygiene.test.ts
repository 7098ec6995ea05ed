// Input hygiene in the protocol: every user text is cleaned the same way, keeps real Unicode and refuses blanks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnyCommand,
  cleanLine,
  cleanText,
  clipLine,
  LIMITS,
  type Phase,
  type RoomState,
  SYSTEM_ACTOR,
} from "../../protocol/index.ts";
import { CAST, roomAt } from "./driver.ts";
import { INVISIBLE_TEXTS, UNICODE_TEXTS } from "./hygieneTexts.ts";

/** Every control a text may carry, one of each kind: C0, DEL, C1, bidi embeddings, overrides and isolates. */
const CONTROLS =
  "\u0000\u0007\u0008\u000B\u000C\u001B\u007F\u0085\u009F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const ANY_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const ANY_LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "U+200B U+200E" for a text, so test names stay readable when the text itself shows nothing. */
function codePoints(text: string): string {
  return [...text].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
}

describe("cleaning a text", () => {
  it("strips every control character and bidi override but keeps tab, newline and the text around them", () => {
    expect(cleanText(`a${CONTROLS}b\tc\nd`)).toBe("ab\tc\nd");
    expect(cleanText("\u001B[31mrouge\u001B[0m")).toBe("[31mrouge[0m");
  });

  it("turns every kind of line break into a newline, and into a space in a single line", () => {
    expect(cleanText("a\r\nb\rc\u2028d\u2029e")).toBe("a\nb\nc\nd\ne");
    expect(cleanLine(" a\r\nb\tc\u2028d  \n e ")).toBe("a b c d e");
  });

  it.each(UNICODE_TEXTS)("keeps %s exactly", (text) => {
    expect(cleanText(text)).toBe(text);
    expect(cleanLine(text)).toBe(text);
  });

  it("composes combining characters (NFC), so the same word is always stored the same way", () => {
    expect(cleanText("e\u0301cole, Cafe\u0301, n\u0303")).toBe("école, Café, ñ");
    expect(cleanText("a\u0308\u0301")).toBe("ä\u0301");
  });

  it.each(INVISIBLE_TEXTS.map((t) => [codePoints(t), t]))("treats %s, which shows nothing, as empty", (_, text) => {
    expect(cleanText(text)).toBe("");
    expect(cleanLine(text)).toBe("");
  });

  it("keeps invisible joiners and marks inside a visible text", () => {
    expect(cleanText("\u200Bmot\u200Dmot")).toBe("\u200Bmot\u200Dmot");
    expect(cleanText("שלום\u200F")).toBe("שלום\u200F");
  });

  it("drops half of a surrogate pair and keeps whole pairs", () => {
    // Compared as JSON so that a failure report never carries a broken surrogate itself.
    const cases = [
      ["a\uD83Db", "ab"],
      ["\uDE00x\uD83D", "x"],
      ["\uD83D\uDE00", "😀"],
      ["\uD83D\u0000\uDE00", "😀"],
    ];
    for (const [raw = "", clean] of cases) expect(JSON.stringify(cleanText(raw))).toBe(JSON.stringify(clean));
  });

  it("cuts a line to a length without splitting an emoji in two", () => {
    const name = `${"a".repeat(LIMITS.name - 1)}😀`;
    expect(clipLine(name, LIMITS.name)).toBe("a".repeat(LIMITS.name - 1));
    expect(clipLine(`${"a".repeat(LIMITS.name - 2)}😀`, LIMITS.name)).toBe(`${"a".repeat(LIMITS.name - 2)}😀`);
    expect(clipLine("  Ana \u200B ", LIMITS.name)).toBe("Ana \u200B");
  });
});

/** Strings built from any UTF-16 units (lone surrogates included) mixed with the characters hygiene is about. */
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
      fc.constantFrom(...CONTROLS, ...INVISIBLE_TEXTS, ...UNICODE_TEXTS, "\r\n", " ", "e\u0301", "😀"),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("cleaning any text (seeded random texts)", () => {
  it("leaves no control character, no broken surrogate, no blank-only text, and is stable when repeated", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        // Plain checks with JSON-escaped reports: a failure message must not carry a broken surrogate itself.
        const fail = (what: string) => {
          throw new Error(`${what} for ${JSON.stringify(raw)}`);
        };
        for (const clean of [cleanText(raw), cleanLine(raw)]) {
          if (ANY_CONTROL.test(clean)) fail("a control character is left");
          if (ANY_LONE_SURROGATE.test(clean)) fail("a broken surrogate is left");
          if (clean !== clean.normalize("NFC")) fail("not NFC");
          if (clean !== clean.trim()) fail("not trimmed");
          if (cleanText(clean) !== clean) fail("cleaning twice changes it");
          if (clean !== "" && clean.replace(/[\s\p{Default_Ignorable_Code_Point}\u2800]/gu, "") === "") fail("blank");
        }
        if (/[\n\t]| {2}/.test(cleanLine(raw))) fail("a line keeps a break or a double space");
        if (cleanLine(cleanLine(raw)) !== cleanLine(raw)) fail("cleaning a line twice changes it");
        const clipped = clipLine(raw, LIMITS.name);
        if (clipped.length > LIMITS.name) fail("clipped too long");
        if (ANY_LONE_SURROGATE.test(clipped)) fail("clipping breaks a surrogate pair");
      }),
      { seed: 20261108, numRuns: 2000 },
    );
  });
});

interface TextField {
  what: string;
  phase: Phase;
  actor: string;
  command: (text: string, state: RoomState) => AnyCommand;
  stored: (state: RoomState) => string | undefined;
}

/** Every command that stores a text, sent by whoever may send it, in a phase where it is allowed. */
const TEXT_FIELDS: readonly TextField[] = [
  {
    what: "a participant's name",
    phase: "lobby",
    actor: SYSTEM_ACTOR,
    command: (name) => ({ type: "join", participantId: "newcomer", name, host: false }),
    stored: (s) => s.participants.find((p) => p.id === "newcomer")?.name,
  },
  {
    what: "a renamed participant's name",
    phase: "lobby",
    actor: SYSTEM_ACTOR,
    command: (name) => ({ type: "rename", participantId: CAST.consultant, name }),
    stored: (s) => s.participants.find((p) => p.id === CAST.consultant)?.name,
  },
  {
    what: "a situation's title",
    phase: "choice",
    actor: CAST.consultant,
    command: (title) => ({ type: "proposeSituation", title, stakes: "Stakes" }),
    stored: (s) => s.consultation.situations.at(-1)?.title,
  },
  {
    what: "the headline",
    phase: "presentation",
    actor: CAST.client,
    command: (text) => ({ type: "setHeadline", text, question: "" }),
    stored: (s) => s.consultation.headline?.text,
  },
  {
    what: "a question",
    phase: "clarification",
    actor: CAST.consultant,
    command: (text) => ({ type: "askQuestion", text }),
    stored: (s) => s.consultation.questions.at(-1)?.text,
  },
  {
    what: "the request",
    phase: "contract",
    actor: CAST.client,
    command: (text) => ({ type: "setRequest", text }),
    stored: (s) => s.consultation.request?.text,
  },
  {
    what: "a reformulation",
    phase: "contract",
    actor: CAST.consultant,
    command: (text) => ({ type: "suggestReformulation", text }),
    stored: (s) => s.consultation.reformulations.at(-1)?.text,
  },
  {
    what: "an idea",
    phase: "consultation",
    actor: CAST.scribe,
    command: (text) => ({ type: "addIdea", text }),
    stored: (s) => s.consultation.ideas.at(-1)?.text,
  },
  {
    what: "an action",
    phase: "synthesis",
    actor: CAST.client,
    command: (text) => ({ type: "addAction", text, dueDate: null }),
    stored: (s) => s.consultation.actions.at(-1)?.text,
  },
  {
    what: "an updated action",
    phase: "synthesis",
    actor: CAST.client,
    command: (text, s) => ({
      type: "updateAction",
      actionId: s.consultation.actions[0]?.id ?? "none",
      text,
      dueDate: null,
      status: "inProgress",
    }),
    stored: (s) => s.consultation.actions[0]?.text,
  },
  {
    what: "a learning",
    phase: "evaluation",
    actor: CAST.animator,
    command: (text) => ({ type: "addLearning", text }),
    stored: (s) => s.consultation.learnings.at(-1)?.text,
  },
];

/** A room at the field's phase, with one action already in the plan so updates have something to change. */
function roomFor(field: TextField) {
  const d = roomAt(field.phase);
  if (field.phase === "synthesis") d.must(CAST.client, { type: "addAction", text: "First action", dueDate: null });
  return d;
}

describe("every text the reducer stores", () => {
  it.each(TEXT_FIELDS)("$what: refused when it shows nothing, and the state is unchanged", (field) => {
    for (const text of INVISIBLE_TEXTS) {
      const d = roomFor(field);
      const before = structuredClone(d.state);
      const outcome = d.run(field.actor, field.command(text, d.state));
      expect(outcome.ok, JSON.stringify(text)).toBe(false);
      expect(d.state).toEqual(before);
    }
  });

  it.each(TEXT_FIELDS)("$what: stored without control characters, with its Unicode intact", (field) => {
    for (const text of UNICODE_TEXTS) {
      const d = roomFor(field);
      const half = Math.floor(text.length / 2);
      const dirty = `\u0000 ${text.slice(0, half)}\u202E\u0007${text.slice(half)} \u001B`;
      d.must(field.actor, field.command(dirty, d.state));
      const expected = cleanText(text.slice(0, half) + text.slice(half));
      const stored = field.stored(d.state);
      const wanted = field.what.includes("name") ? clipLine(expected, LIMITS.name) : expected;
      expect(JSON.stringify(stored)).toBe(JSON.stringify(wanted));
    }
  });

  it("clips a long name to the limit without leaving half an emoji behind", () => {
    const d = roomAt("lobby");
    const name = `${"a".repeat(LIMITS.name - 1)}😀 and more`;
    d.system({ type: "join", participantId: "long", name, host: false });
    d.system({ type: "rename", participantId: CAST.consultant, name });
    for (const id of ["long", CAST.consultant]) {
      const stored = d.state.participants.find((p) => p.id === id)?.name;
      expect(JSON.stringify(stored)).toBe(JSON.stringify("a".repeat(LIMITS.name - 1)));
    }
  });

  it("stores an optional note or stakes that show nothing as empty", () => {
    const d = roomAt("choice");
    d.must(CAST.consultant, { type: "proposeSituation", title: "Title", stakes: "\u200B\uFEFF" });
    expect(d.state.consultation.situations.at(-1)?.stakes).toBe("");
  });

  it("cleans the headline's question and an action's resources, and stores them empty when they show nothing", () => {
    const d = roomAt("presentation");
    d.must(CAST.client, { type: "setHeadline", text: "Title", question: " \u0000How do I\u202E keep them? " });
    expect(d.state.consultation.headline?.question).toBe("How do I keep them?");
    d.must(CAST.client, { type: "setHeadline", text: "Title", question: "\u200B" });
    expect(d.state.consultation.headline?.question).toBe("");
    const s = roomAt("synthesis");
    s.must(CAST.client, { type: "addAction", text: "Act", dueDate: null, resources: "\u0007 My manager \u001B" });
    expect(s.state.consultation.actions.at(-1)?.resources).toBe("My manager");
    s.must(CAST.client, { type: "addAction", text: "Act again", dueDate: null, resources: "\uFEFF" });
    expect(s.state.consultation.actions.at(-1)?.resources).toBe("");
  });
});
