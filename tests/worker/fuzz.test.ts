// Seeded fuzzing of the real room in workerd: random and malformed frames from every role in every phase.
import { runInDurableObject } from "cloudflare:test";
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  ACTION_STATUSES,
  type CommandType,
  FORMATS,
  LIMITS,
  PERMISSIONS,
  PHASES,
  type Phase,
  PROTOCOL_VERSION,
  parseClientMessage,
  ROLES,
  type RoomState,
  STEPS,
} from "../../protocol/index.ts";
import {
  encodeNotepadFrame,
  encodePresence,
  NOTEPAD_ERROR_ID,
  NOTEPAD_TEXT,
  NotepadMessage,
  SyncStep,
} from "../../protocol/notepad.ts";
import { loadPersistedState } from "../../worker/room/replay.ts";
import { CAST, roomAt as fixtureAt } from "../protocol/driver.ts";
import { INVISIBLE_TEXTS, UNICODE_TEXTS } from "../protocol/hygieneTexts.ts";
import { stateViolations } from "../protocol/stateInvariants.ts";
import { type Cast, closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll(open.splice(0));
});

const COMMAND_TYPES = Object.keys(PERMISSIONS).filter((k): k is CommandType => Object.hasOwn(PERMISSIONS, k));
/**
 * Accepted from the animator, these would move the room to another phase or reshuffle the roles; the fuzz keeps
 * each run in the phase under test, so the animator's own tab never sends them (everyone else's tabs still do).
 */
const DRIFTING: readonly CommandType[] = [
  "advance",
  "goBack",
  "close",
  "startNextConsultation",
  "handOverAnimator",
  "assignRole",
  "chooseSituation",
];
const ODD_TYPES = ["", "join", "leave", "timeUp", "__proto__", "constructor", "toString", "hasOwnProperty", "ADVANCE"];

/** Who sends a frame: a fresh tab of the animator, the client, the consultant or the scribe, or a tab without hello. */
const SENDERS = ["animator", "client", "consultant", "scribe", "notJoined"] as const;
type Sender = (typeof SENDERS)[number];

const text = fc.oneof(
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...INVISIBLE_TEXTS, ...UNICODE_TEXTS, '<img src=x onerror="alert(1)">'), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: LIMITS.learning + 5 }).map((n) => "é".repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom(LIMITS.idea, LIMITS.idea + 1, LIMITS.name + 1).map((n) => "x".repeat(n)), weight: 1 },
);

/** Command types, favouring those allowed in the phase under test so that many reach the reducer's real work. */
function commandType(phase: Phase | null) {
  const allowed = COMMAND_TYPES.filter((t) => phase !== null && PERMISSIONS[t].phases.includes(phase));
  return fc.oneof(
    { arbitrary: allowed.length > 0 ? fc.constantFrom(...allowed) : fc.constantFrom(...COMMAND_TYPES), weight: 6 },
    { arbitrary: fc.constantFrom(...COMMAND_TYPES), weight: 3 },
    { arbitrary: fc.constantFrom(...ODD_TYPES), weight: 1 },
  );
}

/** The raw material of a command; ids are picked from the live state when the frame is sent. */
const commandSpec = (phase: Phase | null) =>
  fc.record({
    type: commandType(phase),
    pick: fc.nat(40),
    existing: fc.boolean(),
    text,
    text2: text,
    flag: fc.boolean(),
    minutes: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1, 61, 181, 2.5, 1e12)),
    status: fc.oneof(fc.constantFrom(...ACTION_STATUSES), fc.constant("bogus")),
    role: fc.oneof(fc.constantFrom(...ROLES), fc.constant("king")),
    format: fc.oneof(fc.constantFrom(...FORMATS), fc.constant("marathon")),
    step: fc.oneof(fc.constantFrom(...STEPS), fc.constantFrom("lobby", "closed")),
    date: fc.constantFrom(null, "2026-12-04", "2026-02-30", "tomorrow", ""),
  });
type CommandSpec = ReturnType<typeof commandSpec> extends fc.Arbitrary<infer T> ? T : never;

/** Ways to spoil a well-formed message: what a buggy or hostile client might send. */
const Mutation = fc.record({
  op: fc.constantFrom("drop", "replace", "extra", "arrayed", "truncated"),
  /** Whether the envelope (type, id, command) or the command inside it is spoiled. */
  inEnvelope: fc.boolean(),
  index: fc.nat(6),
  key: fc.constantFrom("extra", "__proto__", "constructor", "actorId", "version"),
  value: fc.jsonValue({ maxDepth: 2 }),
  keep: fc.nat(120),
});
type Mutation = typeof Mutation extends fc.Arbitrary<infer T> ? T : never;

const CommandId = fc.oneof(
  { arbitrary: fc.uuid(), weight: 6 },
  { arbitrary: fc.constantFrom("dup-1", "dup-2"), weight: 2 },
  { arbitrary: fc.constantFrom("", "x".repeat(LIMITS.commandId + 1), 42, null), weight: 1 },
);

const frame = (phase: Phase | null) =>
  fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("text" as const), text: fc.string({ unit: "binary" }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("json" as const), value: fc.jsonValue({ maxDepth: 3 }) }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant("typed" as const),
        type: fc.constantFrom("hello", "command", "ping", "welcome", "event", "ack", "error"),
        rest: fc.dictionary(fc.constantFrom("id", "t", "protocol", "lastVersion", "command", "x"), fc.jsonValue()),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("big" as const),
        bytes: fc.integer({ min: LIMITS.frameBytes - 2, max: 3 * LIMITS.frameBytes }),
        multibyte: fc.boolean(),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant("binary" as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("notepad" as const),
        message: fc.constantFrom(NotepadMessage.sync, NotepadMessage.awareness, 7),
        step: fc.constantFrom(SyncStep.step1, SyncStep.step2, SyncStep.update, 9),
        /** A real Yjs update or presence carrying this text, or random bytes after a valid header. */
        real: fc.boolean(),
        text,
        bytes: fc.uint8Array({ maxLength: 48 }),
        otherConsultation: fc.boolean(),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("hello" as const),
        protocol: fc.constantFrom(PROTOCOL_VERSION, PROTOCOL_VERSION, 0, 2, -1),
        lastVersion: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 400 }), fc.constantFrom(0.5, 1e15, "3")),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("ping" as const),
        t: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant("command" as const),
        id: CommandId,
        spec: commandSpec(phase),
        mutation: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: Mutation, weight: 2 }),
      }),
      weight: 10,
    },
  );
type Frame = ReturnType<typeof frame> extends fc.Arbitrary<infer T> ? T : never;

/** "usual": the tab of a role the command's permission names, so a good share of commands is accepted. */
const send = (phase: Phase | null) =>
  fc.record({ from: fc.constantFrom(...SENDERS, "usual", "usual"), frame: frame(phase) });
type Send = ReturnType<typeof send> extends fc.Arbitrary<infer T> ? T : never;

function pickId(ids: readonly string[], spec: CommandSpec): string {
  const id = ids.length > 0 && spec.existing ? ids[spec.pick % ids.length] : undefined;
  return id ?? `missing-${spec.pick}`;
}

/** A command with the spec's values; well-formed when the values are, and ids mostly pointing at real items. */
function commandFrom(spec: CommandSpec, state: RoomState): Record<string, unknown> {
  const c = state.consultation;
  const people = state.participants.map((p) => p.id);
  const plan = c.followUp.plans[0];
  const base = { type: spec.type };
  switch (spec.type) {
    case "assignRole":
      return { ...base, participantId: pickId(people, spec), role: spec.role };
    case "handOverAnimator":
      return { ...base, participantId: pickId(people, spec) };
    case "setFormat":
      return spec.flag ? { ...base, format: spec.format } : { ...base, format: "custom", durations: c.durations };
    case "setDuration":
      return { ...base, step: spec.step, minutes: spec.minutes };
    case "setNotepadPolicy":
      return { ...base, policy: spec.flag ? "everyone" : "clientAndScribe" };
    case "extendTimer":
      return { ...base, minutes: spec.minutes };
    case "reportFollowUp":
      return {
        ...base,
        consultationId: plan?.consultationId ?? "previous",
        actionId: pickId(plan?.actions.map((a) => a.id) ?? [], spec),
        status: spec.status,
        note: spec.text,
      };
    case "proposeSituation":
      return { ...base, title: spec.text, stakes: spec.text2 };
    case "withdrawSituation":
    case "vote":
    case "unvote":
    case "chooseSituation":
      return {
        ...base,
        situationId: pickId(
          c.situations.map((s) => s.id),
          spec,
        ),
      };
    case "askQuestion":
    case "setRequest":
    case "suggestReformulation":
    case "addIdea":
    case "addLearning":
      return { ...base, text: spec.text };
    case "adoptReformulation":
      return {
        ...base,
        reformulationId: pickId(
          c.reformulations.map((r) => r.id),
          spec,
        ),
      };
    case "markIdea":
      return {
        ...base,
        ideaId: pickId(
          c.ideas.map((i) => i.id),
          spec,
        ),
        marked: spec.flag,
      };
    case "addAction":
      return { ...base, text: spec.text, dueDate: spec.date };
    case "updateAction":
      return {
        ...base,
        actionId: pickId(
          c.actions.map((a) => a.id),
          spec,
        ),
        text: spec.text,
        dueDate: spec.date,
        status: spec.status,
      };
    case "join":
      return { ...base, participantId: "intruder", name: spec.text, host: true };
    default:
      return base;
  }
}

interface Envelope {
  type: "command";
  id: unknown;
  command: Record<string, unknown>;
}

function mutate(message: Envelope, mutation: Mutation | null): string {
  const json = JSON.stringify(message);
  if (!mutation) return json;
  const target: Record<string, unknown> = mutation.inEnvelope ? { ...message } : { ...message.command };
  const keys = Object.keys(target);
  const key = keys[mutation.index % keys.length];
  const rebuilt = () => JSON.stringify(mutation.inEnvelope ? target : { ...message, command: target });
  switch (mutation.op) {
    case "drop":
      if (key !== undefined) delete target[key];
      return rebuilt();
    case "replace":
      if (key !== undefined) target[key] = mutation.value;
      return rebuilt();
    case "extra":
      // Written into the JSON text, so that even "__proto__" arrives as an own key of the parsed object.
      return mutation.inEnvelope
        ? `${json.slice(0, -1)},${JSON.stringify(mutation.key)}:{"x":1}}`
        : `${json.slice(0, -2)},${JSON.stringify(mutation.key)}:{"x":1}}}`;
    case "arrayed":
      return JSON.stringify([message]);
    case "truncated":
      return json.slice(0, mutation.keep);
  }
}

type NotepadSpec = Extract<Frame, { kind: "notepad" }>;

/** A binary frame with a readable note pad header: a real Yjs update or presence, or garbage in its payload. */
function notepadFrame(spec: NotepadSpec, consultationId: string): ArrayBuffer {
  const payload = (): Uint8Array => {
    if (!spec.real) return spec.bytes;
    if (spec.message === NotepadMessage.awareness) {
      const state = JSON.stringify({ colour: spec.bytes.length % 10, name: spec.text, cursor: null });
      return encodePresence([{ clientId: spec.bytes.length + 1, clock: 1, state }]);
    }
    const doc = new Y.Doc();
    doc.getText(NOTEPAD_TEXT).insert(0, spec.text);
    return spec.step === SyncStep.step1 ? Y.encodeStateVector(doc) : Y.encodeStateAsUpdate(doc);
  };
  const bytes = encodeNotepadFrame(NotepadMessage.sync, consultationId, (e) => {
    if (spec.message === NotepadMessage.sync) encoding.writeVarUint(e, spec.step);
    encoding.writeVarUint8Array(e, payload());
  });
  // The header's kind is rewritten so that unknown kinds reach the room too.
  bytes[0] = spec.message;
  return bytes.slice().buffer;
}

function bigFrame(bytes: number, multibyte: boolean): string {
  const head = '{"type":"command","id":"big","command":{"type":"addIdea","text":"';
  const tail = '"}}';
  const room = Math.max(0, bytes - head.length - tail.length);
  return head + (multibyte ? "é".repeat(Math.ceil(room / 2)) : "x".repeat(room)) + tail;
}

/** The wire form of a frame for the current state. */
function encode(frame: Frame, state: RoomState): string | ArrayBuffer {
  switch (frame.kind) {
    case "text":
      return frame.text;
    case "json":
      return JSON.stringify(frame.value);
    case "typed":
      return JSON.stringify({ ...frame.rest, type: frame.type });
    case "big":
      return bigFrame(frame.bytes, frame.multibyte);
    case "binary":
      return frame.bytes.slice().buffer;
    case "notepad":
      return notepadFrame(frame, frame.otherConsultation ? "another-consultation" : state.consultation.id);
    case "hello":
      return JSON.stringify({ type: "hello", protocol: frame.protocol, lastVersion: frame.lastVersion });
    case "ping":
      return JSON.stringify({ type: "ping", t: frame.t });
    case "command":
      return mutate({ type: "command", id: frame.id, command: commandFrom(frame.spec, state) }, frame.mutation);
  }
}

interface Room {
  cast: Cast;
  scribe: TestSocket;
  consultant: TestSocket;
}

/** A room at `phase`: the animator, the client, a consultant and a scribe, after real steps with real content. */
async function roomAt(phase: Phase): Promise<Room> {
  const cast = await openCast(2);
  open.push(...cast.all);
  const [consultant, scribe] = cast.consultants;
  if (!consultant || !scribe) throw new Error("two consultants expected");
  await cast.animator.must({ type: "assignRole", participantId: scribe.participantId, role: "scribe" });
  await runConsultation(cast, phase);
  return { cast, consultant, scribe };
}

async function storedState(roomId: string): Promise<RoomState> {
  return runInDurableObject(roomStub(roomId), (_room, state) => loadPersistedState(state.storage.sql).state);
}

/** Fresh tabs for one run: a rate-limit bucket of their own, so the fuzz reaches the handlers instead of the limiter. */
async function openTabs(room: Room): Promise<Record<Sender, TestSocket>> {
  const { cast, consultant, scribe } = room;
  const tabs = {
    animator: await TestSocket.join(cast.animator.session),
    client: await TestSocket.join(cast.client.session),
    consultant: await TestSocket.join(consultant.session),
    scribe: await TestSocket.join(scribe.session),
    notJoined: await TestSocket.open(consultant.session),
  };
  open.push(...Object.values(tabs));
  return tabs;
}

/**
 * A well-formed command someone other than the fuzzing tabs sends, that the room must accept in this phase; chosen so
 * that it never fills a list towards its limit however many runs there are.
 */
async function probe(room: Room, phase: Phase): Promise<number> {
  const { cast, consultant } = room;
  const c = (await storedState(cast.roomId)).consultation;
  const [situation] = c.situations;
  const [idea] = c.ideas;
  const [action] = c.actions;
  switch (phase) {
    case "choice":
      if (!situation) break;
      return consultant.must({ type: "vote", situationId: situation.id });
    case "clarification":
      return consultant.must({ type: "askQuestion", text: "And then?" });
    case "contract":
      return cast.client.must({ type: "setRequest", text: "I would like to leave with one idea." });
    case "consultation":
      if (!idea) break;
      return cast.client.must({ type: "markIdea", ideaId: idea.id, marked: !idea.marked });
    case "synthesis":
    case "evaluation":
      if (!action) break;
      return cast.client.must({
        type: "updateAction",
        actionId: action.id,
        text: "Try it",
        dueDate: null,
        status: "open",
      });
    case "closed":
      await cast.animator.must({ type: "handOverAnimator", participantId: consultant.participantId });
      return consultant.must({ type: "handOverAnimator", participantId: cast.animator.participantId });
    default:
      break;
  }
  return cast.animator.must({ type: "setDuration", step: "synthesis", minutes: 12 });
}

/** Signs of an internal detail in a message meant for a client. */
const LEAK = /\n\s+at |Error:|ValiError|SQLITE|sqlite|\.ts:\d|node_modules|\[object/;

/**
 * Everything a run must leave true of these sockets; reported as JSON so no broken surrogate reaches the test
 * reporter. Replay is checked only on honest sockets: a fuzzing tab may claim a version it never had.
 */
function runProblems(sockets: readonly TestSocket[], honest: boolean): string[] {
  const problems: string[] = [];
  for (const s of sockets) {
    const who = s.session.name;
    if (s.closed) problems.push(`${who}: closed ${JSON.stringify(s.closed)}`);
    if (s.invalid.length > 0) problems.push(`${who}: unreadable server frame ${JSON.stringify(s.invalid[0])}`);
    if (honest && s.replayError) problems.push(`${who}: ${s.replayError}`);
    for (const m of s.messages) {
      if (m.type === "error" && m.code === "internal") problems.push(`${who}: internal error`);
      if ((m.type === "error" || m.type === "rejected") && LEAK.test(m.message)) {
        problems.push(`${who}: detail leaked ${JSON.stringify(m.message)}`);
      }
    }
  }
  return problems;
}

/** What the tabs heard back, e.g. "ack", "rejected:forbidden", "error:bad_frame". */
function outcomes(tabs: readonly TestSocket[]): string[] {
  return tabs.flatMap((t) =>
    t.messages.flatMap((m) =>
      m.type === "ack"
        ? ["ack"]
        : m.type === "error" && m.id === NOTEPAD_ERROR_ID
          ? [`notepad:${m.code}`]
          : m.type === "rejected" || m.type === "error"
            ? [`${m.type}:${m.code}`]
            : [],
    ),
  );
}

/**
 * One fuzz run: the frames from fresh tabs, then a probe from the room's usual sockets, then every check. Returns
 * what the tabs heard, so a test can make sure the fuzz reached every kind of handling.
 */
async function fuzzRun(room: Room, phase: Phase, sends: readonly Send[]): Promise<string[]> {
  const { cast } = room;
  const tabs = await openTabs(room);
  try {
    for (const { from, frame } of sends) {
      const chosen = from === "usual" ? usualSender(frame) : from;
      const sender =
        chosen === "animator" && frame.kind === "command" && isDrifting(frame.spec.type) ? "client" : chosen;
      tabs[sender].send(encode(frame, cast.animator.state ?? (await storedState(cast.roomId))));
    }
    // Each tab's frames are handled in order: a pong after them means all of them were.
    const marker = 1e15 + Math.random();
    await Promise.all(
      Object.values(tabs).map(async (tab) => {
        const since = tab.mark();
        tab.send({ type: "ping", t: marker });
        await tab.waitFor("pong", (m) => m.t === marker, { since });
      }),
    );
    const version = await probe(room, phase);
    await Promise.all(cast.all.map((s) => s.reach(version)));
    const stored = await storedState(cast.roomId);
    await Promise.all(cast.all.map((s) => s.reach(stored.version)));
    const problems = [
      ...runProblems(cast.all, true),
      ...runProblems(Object.values(tabs), false),
      ...stateViolations(stored).map((p) => `stored state: ${p}`),
      ...cast.all.flatMap((s) =>
        JSON.stringify(s.state) === JSON.stringify(stored) ? [] : [`${s.session.name} disagrees with the stored state`],
      ),
    ];
    if (stored.consultation.phase !== phase) problems.push(`the room left ${phase} for ${stored.consultation.phase}`);
    if (problems.length > 0) throw new Error(problems.join("\n"));
    return outcomes(Object.values(tabs));
  } finally {
    await closeAll(Object.values(tabs));
  }
}

function usualSender(frame: Frame): Sender {
  if (frame.kind !== "command") return "consultant";
  const rule = COMMAND_TYPES.find((t) => t === frame.spec.type);
  const role =
    rule === undefined ? undefined : PERMISSIONS[rule].roles[frame.spec.pick % PERMISSIONS[rule].roles.length];
  return role ?? "consultant";
}

function isDrifting(type: string): boolean {
  return (DRIFTING as readonly string[]).includes(type);
}

const SEEDS: Record<Phase, number> = {
  lobby: 81001,
  followUp: 81002,
  choice: 81003,
  presentation: 81004,
  clarification: 81005,
  contract: 81006,
  consultation: 81007,
  synthesis: 81008,
  evaluation: 81009,
  closed: 81010,
};

describe("the room under random and malformed frames", () => {
  it.each(PHASES.map((p) => [p]))(
    "in %s: never fails, keeps every invariant, and keeps serving everyone",
    async (phase) => {
      const room = await roomAt(phase);
      const roomErrors = vi.spyOn(console, "error");
      const heard = new Set<string>();
      await fc.assert(
        fc.asyncProperty(fc.array(send(phase), { minLength: 1, maxLength: 24, size: "max" }), async (sends) => {
          for (const outcome of await fuzzRun(room, phase, sends)) heard.add(outcome);
        }),
        { seed: SEEDS[phase], numRuns: 20, endOnFailure: true },
      );
      expect(roomErrors.mock.calls.map((c) => String(c[0]))).not.toContain("room: message failed");
      // The fuzz reached the parser, the size check, the type check, the hello gate, the note pad and the reducer.
      const reached = [/^error:bad_frame$/, /^error:too_large$/, /^error:unknown_type$/, /:not_joined$/, /^notepad:/];
      for (const kind of [...reached, /^rejected:/])
        expect(
          [...heard].some((h) => kind.test(h)),
          String(kind),
        ).toBe(true);
      // In the closed phase the animator's only accepted commands would start another consultation or hand over.
      if (phase !== "closed") expect([...heard]).toContain("ack");
      await settle(room.cast.all);
    },
    60_000,
  );
});

describe("the fuzz's own frames", () => {
  it("are mostly well-formed commands, so the fuzz reaches the reducer and not only the parser", () => {
    const state = roomFixture();
    let valid = 0;
    fc.assert(
      fc.property(commandSpec(null), (spec) => {
        const frame = mutate({ type: "command", id: "c-1", command: commandFrom(spec, state) }, null);
        if (parseClientMessage(JSON.parse(frame)).success) valid++;
      }),
      { seed: 81000, numRuns: 1000 },
    );
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(1000);
  });
});

/** A room in the synthesis step with one of everything, for generating commands outside the room. */
function roomFixture(): RoomState {
  const d = fixtureAt("synthesis");
  d.must(CAST.client, { type: "addAction", text: "Act", dueDate: null });
  return d.state;
}
