// The protocol's invariants on one room state, as a list of violations: used wherever a fuzz test inspects a state.
import * as v from "valibot";
import { cleanLine, cleanText, LIMITS, type RoomState, RoomStateSchema } from "../../protocol/index.ts";

/** Every way this state breaks the protocol's rules; empty when it is sound. */
export function stateViolations(state: RoomState): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const parsed = v.safeParse(RoomStateSchema, JSON.parse(JSON.stringify(state)));
  check(parsed.success, "the state does not match its schema");

  const people = state.participants;
  const c = state.consultation;
  check(new Set(people.map((p) => p.id)).size === people.length, "a participant appears twice");
  check(people.length <= LIMITS.participants, "more participants than the room holds");
  const animators = people.filter((p) => p.role === "animator");
  check(people.length === 0 || animators.length === 1, `${animators.length} animators`);
  const clients = people.filter((p) => p.role === "client");
  check(clients.length <= 1 && c.clientId === (clients[0]?.id ?? null), "the client role and clientId disagree");
  const scribes = people.filter((p) => p.role === "scribe");
  check(scribes.length <= 1 && c.scribeId === (scribes[0]?.id ?? null), "the scribe role and scribeId disagree");

  const lists = [
    ["situations", c.situations.length, LIMITS.situations],
    ["questions", c.questions.length, LIMITS.questions],
    ["reformulations", c.reformulations.length, LIMITS.reformulations],
    ["ideas", c.ideas.length, LIMITS.ideas],
    ["actions", c.actions.length, LIMITS.actions],
    ["learnings", c.learnings.length, LIMITS.learnings],
  ] as const;
  for (const [name, length, max] of lists) check(length <= max, `${length} ${name}, more than ${max}`);
  for (const items of [c.situations, c.questions, c.reformulations, c.ideas, c.actions, c.learnings]) {
    check(new Set(items.map((x) => x.id)).size === items.length, "two items share an id");
  }

  const voters = c.situations.flatMap((s) => s.votes);
  check(new Set(voters).size === voters.length, "someone voted twice");
  check(
    c.chosenSituationId === null || c.situations.some((s) => s.id === c.chosenSituationId),
    "the chosen situation does not exist",
  );

  const lines = [
    ...people.map((p) => p.name),
    ...c.situations.map((s) => s.title),
    ...(c.headline ? [c.headline.text] : []),
  ];
  const texts = [
    ...c.questions,
    ...c.reformulations,
    ...c.ideas,
    ...c.actions,
    ...c.learnings,
    ...(c.request ? [c.request] : []),
  ].map((x) => x.text);
  for (const line of lines) check(line !== "" && cleanLine(line) === line, `an unclean line ${JSON.stringify(line)}`);
  for (const text of texts) check(text !== "" && cleanText(text) === text, `an unclean text ${JSON.stringify(text)}`);
  for (const name of people.map((p) => p.name)) check(name.length <= LIMITS.name, "a name over its limit");
  for (const optional of [
    ...c.situations.map((s) => s.stakes),
    ...c.followUp.reports.map((r) => r.note),
    ...c.actions.map((a) => a.resources),
    ...(c.headline ? [c.headline.question] : []),
  ]) {
    check(cleanText(optional) === optional, `an unclean optional text ${JSON.stringify(optional)}`);
  }

  const t = c.timer;
  check(t.status !== "running" || t.endsAt !== null, "a running timer without an end");
  check(t.status !== "expired" || t.remainingMs === 0, "an expired timer with time left");
  check(t.remainingMs >= 0, "negative time left");
  check((c.phase === "closed") === (c.closedAt !== null), "closedAt disagrees with the phase");
  check((c.phase === "closed") === (c.closedFrom !== null), "closedFrom disagrees with the phase");
  check(c.closedFrom !== "closed", "closed from the closed phase");
  return out;
}
