import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  ACTION_STATUSES,
  type AnyCommand,
  animatorOf,
  FORMATS,
  isStep,
  PHASES,
  type Phase,
  ROLES,
  type RoomState,
  RoomStateSchema,
  reduce,
  STEPS,
  SYSTEM_ACTOR,
} from "../../protocol/index.ts";
import { Driver, roomAt } from "./driver.ts";

const PEOPLE = ["p0", "p1", "p2", "p3", "p4", "p5"];
/** Command kinds with weights: progress (advance, the choice) is common, dead ends (close) are rare. */
const WEIGHTS = {
  join: 2,
  rename: 1,
  leave: 1,
  timeUp: 2,
  loadFollowUp: 1,
  assignRole: 2,
  handOverAnimator: 1,
  setFormat: 1,
  setDuration: 1,
  setNotepadPolicy: 1,
  advance: 14,
  goBack: 1,
  close: 1,
  startNextConsultation: 2,
  startTimer: 2,
  pauseTimer: 2,
  extendTimer: 2,
  reportFollowUp: 2,
  proposeSituation: 3,
  withdrawSituation: 1,
  vote: 2,
  unvote: 1,
  chooseSituation: 3,
  setHeadline: 2,
  askQuestion: 3,
  setRequest: 3,
  suggestReformulation: 2,
  adoptReformulation: 2,
  addIdea: 4,
  markIdea: 2,
  addAction: 3,
  updateAction: 2,
  addLearning: 3,
} as const;
type Kind = keyof typeof WEIGHTS;
const KINDS = Object.keys(WEIGHTS).filter((k): k is Kind => k in WEIGHTS);
const SYSTEM_KINDS: readonly Kind[] = ["join", "rename", "leave", "timeUp", "loadFollowUp"];
const ANIMATOR_KINDS: readonly Kind[] = [
  "assignRole",
  "handOverAnimator",
  "setFormat",
  "setDuration",
  "setNotepadPolicy",
  "advance",
  "goBack",
  "close",
  "startNextConsultation",
  "startTimer",
  "pauseTimer",
  "extendTimer",
  "chooseSituation",
];
const CLIENT_KINDS: readonly Kind[] = [
  "setHeadline",
  "setRequest",
  "adoptReformulation",
  "markIdea",
  "addAction",
  "updateAction",
];
const CONSULTANT_KINDS: readonly Kind[] = ["askQuestion", "suggestReformulation", "addIdea"];

const Step = fc.record({
  kind: fc.oneof(...KINDS.map((k) => ({ arbitrary: fc.constant(k), weight: WEIGHTS[k] }))),
  /** "usual": whoever normally sends this command; otherwise anyone in the room, or someone who never joined. */
  who: fc.constantFrom("usual", "usual", "usual", "usual", "anyone", "outsider"),
  person: fc.nat(PEOPLE.length - 1),
  pick: fc.nat(50),
  text: fc.oneof(fc.constant(""), fc.string({ maxLength: 12 }), fc.constant("  \u202Etrick\u0000 ")),
  flag: fc.boolean(),
  role: fc.constantFrom(...ROLES),
  minutes: fc.integer({ min: 1, max: 30 }),
  elapsedMs: fc.integer({ min: 0, max: 40 * 60_000 }),
});
type Step = typeof Step extends fc.Arbitrary<infer T> ? T : never;

function pickFrom<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

/** Turns a random step into a concrete command for the current state: ids mostly refer to things that exist. */
function commandFor(state: RoomState, s: Step): { actorId: string; command: AnyCommand } {
  const c = state.consultation;
  const person = PEOPLE[s.person] ?? "p0";
  const someone = pickFrom(state.participants, s.pick)?.id ?? person;
  const consultant = pickFrom(
    state.participants.filter((p) => p.role === "consultant" || p.role === "scribe"),
    s.pick,
  )?.id;
  const usual = ANIMATOR_KINDS.includes(s.kind)
    ? animatorOf(state)?.id
    : CLIENT_KINDS.includes(s.kind)
      ? (c.clientId ?? undefined)
      : CONSULTANT_KINDS.includes(s.kind)
        ? consultant
        : s.kind === "proposeSituation"
          ? consultant
          : someone;
  const actorId = SYSTEM_KINDS.includes(s.kind)
    ? SYSTEM_ACTOR
    : s.who === "outsider"
      ? "outsider"
      : s.who === "usual"
        ? (usual ?? someone)
        : someone;
  const idOr = (id: string | undefined) => id ?? `missing-${s.pick}`;
  const kind: Kind = s.kind;
  const command = ((): AnyCommand => {
    switch (kind) {
      case "join":
        return { type: "join", participantId: person, name: s.text || person, host: s.flag };
      case "rename":
        return { type: "rename", participantId: someone, name: s.text };
      case "leave":
        return {
          type: "leave",
          participantId: idOr(animatorOf(state)?.id),
          successorId: s.flag ? null : someone,
        };
      case "timeUp":
        return { type: "timeUp" };
      case "loadFollowUp":
        return {
          type: "loadFollowUp",
          plans: [
            {
              consultationId: "previous",
              clientName: "Prev",
              clientUserId: s.flag ? someone : null,
              request: "r",
              actions: [{ id: "a-prev", text: "t", resources: "", dueDate: null, status: "open" }],
            },
          ],
        };
      case "assignRole":
        return { type: "assignRole", participantId: someone, role: s.role };
      case "handOverAnimator":
        return { type: "handOverAnimator", participantId: someone };
      case "setFormat":
        return { type: "setFormat", format: pickFrom(FORMATS, s.pick) ?? "flash" };
      case "setDuration":
        return { type: "setDuration", step: pickFrom(STEPS, s.pick) ?? "presentation", minutes: s.minutes };
      case "setNotepadPolicy":
        return { type: "setNotepadPolicy", policy: s.flag ? "everyone" : "clientAndScribe" };
      case "advance":
      case "goBack":
      case "close":
      case "startNextConsultation":
      case "startTimer":
      case "pauseTimer":
        return { type: kind };
      case "extendTimer":
        return { type: "extendTimer", minutes: s.minutes };
      case "reportFollowUp":
        return {
          type: "reportFollowUp",
          consultationId: "previous",
          actionId: s.flag ? "a-prev" : "nope",
          status: pickFrom(ACTION_STATUSES, s.pick) ?? "done",
          note: s.text,
        };
      case "proposeSituation":
        return { type: "proposeSituation", title: s.text || "A situation", stakes: s.text };
      case "withdrawSituation":
      case "vote":
      case "unvote":
      case "chooseSituation":
        return { type: kind, situationId: idOr(pickFrom(c.situations, s.pick)?.id) };
      case "setHeadline":
        return { type: kind, text: s.text || "a headline", question: s.flag ? s.text : "" };
      case "askQuestion":
      case "setRequest":
      case "suggestReformulation":
      case "addIdea":
      case "addLearning":
        return { type: kind, text: s.text || "some text" };
      case "adoptReformulation":
        return { type: kind, reformulationId: idOr(pickFrom(c.reformulations, s.pick)?.id) };
      case "markIdea":
        return { type: kind, ideaId: idOr(pickFrom(c.ideas, s.pick)?.id), marked: s.flag };
      case "addAction":
        return {
          type: kind,
          text: s.text || "an action",
          dueDate: s.flag ? "2026-12-01" : null,
          ...(s.flag ? { resources: s.text } : {}),
        };
      case "updateAction":
        return {
          type: kind,
          actionId: idOr(pickFrom(c.actions, s.pick)?.id),
          text: s.text || "changed",
          dueDate: null,
          status: pickFrom(ACTION_STATUSES, s.pick) ?? "open",
        };
    }
  })();
  return { actorId, command };
}

/** Checks every invariant across one reduction; throws with the reason when one breaks. */
function checkStep(before: RoomState, actorId: string, command: AnyCommand, now: number, newId: string): RoomState {
  const pristine = structuredClone(before);
  const outcome = reduce(before, command, { actorId, now, newId });
  // Pure: the input is never mutated and the same input gives the same output.
  expect(before).toEqual(pristine);
  expect(reduce(pristine, command, { actorId, now, newId })).toEqual(outcome);
  if (!outcome.ok) return before;
  const after = outcome.state;
  expect(after.version).toBe(before.version + 1);

  const animators = after.participants.filter((p) => p.role === "animator");
  if (after.participants.length > 0) expect(animators).toHaveLength(1);
  const clients = after.participants.filter((p) => p.role === "client");
  expect(clients.length).toBeLessThanOrEqual(1);
  expect(after.consultation.clientId).toBe(clients[0]?.id ?? null);
  const scribes = after.participants.filter((p) => p.role === "scribe");
  expect(scribes.length).toBeLessThanOrEqual(1);
  expect(after.consultation.scribeId).toBe(scribes[0]?.id ?? null);

  // No participant's command takes the client away mid-steps (only the room's hand-over may, when the client is alone).
  const hadClient = before.consultation.clientId !== null || !isStep(before.consultation.phase);
  if (isStep(after.consultation.phase) && actorId !== SYSTEM_ACTOR && hadClient) {
    expect(after.consultation.clientId).not.toBeNull();
  }
  if (after.consultation.phase !== before.consultation.phase) {
    expect(animatorOf(before)?.id).toBe(actorId);
  }
  if (after.consultation.id === before.consultation.id) {
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(after.consultation.ideas)).toEqual(expect.arrayContaining(ids(before.consultation.ideas)));
    expect(ids(after.consultation.actions)).toEqual(expect.arrayContaining(ids(before.consultation.actions)));
  }
  // What the room stores and sends is JSON: the state must survive the trip and match its schema exactly.
  expect(v.parse(RoomStateSchema, JSON.parse(JSON.stringify(after)))).toEqual(after);
  return after;
}

/** Where a run starts: an empty room, or the fixture cast already at some phase so every step gets exercised. */
const Start = fc.constantFrom<"empty" | Phase>("empty", "empty", ...PHASES);

function startAt(start: "empty" | Phase): Driver {
  return start === "empty" ? new Driver() : roomAt(start);
}

function runSteps(start: "empty" | Phase, steps: Step[]): void {
  const d = startAt(start);
  let state = d.state;
  let n = 0;
  for (const s of steps) {
    const { actorId, command } = commandFor(state, s);
    d.now += s.elapsedMs;
    const pristine = structuredClone(state);
    const next = checkStep(state, actorId, command, d.now, `id-${++n}`);
    if (next === state) expect(state).toEqual(pristine);
    state = next;
  }
}

describe("random command sequences", () => {
  it("keep every invariant after every command", () => {
    fc.assert(
      fc.property(Start, fc.array(Step, { minLength: 1, maxLength: 150 }), (start, steps) => runSteps(start, steps)),
      { seed: 20261101, numRuns: 400 },
    );
  });

  it("keep every invariant with another seed and longer runs", () => {
    fc.assert(
      fc.property(Start, fc.array(Step, { minLength: 100, maxLength: 400 }), (start, steps) => runSteps(start, steps)),
      { seed: 424242, numRuns: 100 },
    );
  });

  it("reach the closed phase in some runs, so the later steps are exercised", () => {
    let closed = 0;
    fc.assert(
      fc.property(fc.array(Step, { minLength: 200, maxLength: 300 }), (steps) => {
        const d = new Driver();
        for (const s of steps) {
          const { actorId, command } = commandFor(d.state, s);
          d.now += s.elapsedMs;
          d.run(actorId, command, 0);
        }
        if (PHASES.indexOf(d.state.consultation.phase) >= PHASES.indexOf("consultation")) closed++;
      }),
      { seed: 7, numRuns: 100 },
    );
    expect(closed).toBeGreaterThan(0);
  });

  /** Found by seed 20261101 (path "70"): the animator demoted the client in the contract step, leaving no client. */
  it("regression: a step never loses its client to the animator reassigning roles", () => {
    const base = { person: 0, text: "", flag: false, minutes: 1, elapsedMs: 1000 } as const;
    runSteps("contract", [
      { ...base, kind: "proposeSituation", who: "outsider", pick: 2, role: "animator" },
      { ...base, kind: "assignRole", who: "anyone", pick: 47, role: "client" },
      { ...base, kind: "assignRole", who: "usual", pick: 37, role: "consultant" },
    ]);
  });
});
