// The consultation the simulated participants play, up to the choice of the situation, and the helpers all phases use.
import type { Command } from "../commands.ts";
import { isStep, type Phase, type RoomState, type Situation } from "../model.ts";
import type { SimParticipant } from "./SimParticipant.ts";
import { pick, SITUATIONS } from "./texts.ts";
import type { AbortSignalLike, SimOptions } from "./types.ts";
import { SimError, sleep } from "./wait.ts";

export interface Play {
  cast: SimParticipant[];
  animator: SimParticipant;
  client: SimParticipant | null;
  phases: Phase[];
  format: SimOptions["format"];
  paceMs: number;
  signal: AbortSignalLike | undefined;
  log: (line: string) => void;
}

/** Runs actions one by one with a pause (for a person watching) or all at once (for tests and load). */
export async function act(play: Play, actions: Array<() => Promise<unknown>>): Promise<void> {
  if (play.paceMs <= 0) {
    await Promise.all(actions.map((a) => a()));
    return;
  }
  for (const a of actions) {
    await a();
    await sleep(play.paceMs, play.signal);
  }
}

export async function move(play: Play, command: Command, expected: Phase): Promise<RoomState> {
  const state = await play.animator.reach(await play.animator.send(command));
  const phase = state.consultation.phase;
  if (phase !== expected) throw new SimError(`expected ${expected} after ${command.type}, the room is in ${phase}`);
  play.phases.push(phase);
  const minutes = isStep(phase) ? ` (${state.consultation.durations[phase]} min)` : "";
  play.log(`${play.animator.name} moves to ${phase}${minutes}`);
  await sleep(play.paceMs, play.signal);
  return state;
}

export function stateOf(p: SimParticipant): RoomState {
  if (!p.state) throw new SimError(`${p.name} has no state`);
  return p.state;
}

export function consultantsOf(play: Play): SimParticipant[] {
  return play.cast.filter((p) => p.role === "consultant" || p.role === "scribe");
}

export function clientOf(play: Play): SimParticipant {
  if (!play.client) throw new SimError("no client was chosen");
  return play.client;
}

/** From wherever a fresh or finished room stands to the choice of the situation, through the follow-up. */
export async function toChoice(play: Play): Promise<void> {
  const start = stateOf(play.animator).consultation.phase;
  play.phases.push(start);
  if (start === "closed") await move(play, { type: "startNextConsultation" }, "choice");
  else if (start !== "lobby" && start !== "followUp" && start !== "choice") {
    throw new SimError(`the room is in the middle of a consultation (${start}); use a fresh room code`);
  }
  if (play.format) {
    await play.animator.send({ type: "setFormat", format: play.format });
    play.log(`${play.animator.name} sets the ${play.format} format`);
  }
  if (stateOf(play.animator).consultation.phase === "lobby") await move(play, { type: "advance" }, "followUp");
  if (stateOf(play.animator).consultation.phase === "followUp") {
    await followUp(play);
    await move(play, { type: "advance" }, "choice");
  }
}

/** The animator records how the previous client's plan went, when the group's history has one. */
async function followUp(play: Play): Promise<void> {
  const plans = stateOf(play.animator).consultation.followUp.plans;
  if (plans.length === 0) play.log("no previous action plan to follow up");
  const reports = plans.flatMap((plan) =>
    plan.actions.map((a, i) => () => {
      play.log(`follow-up of ${plan.clientName}'s action "${a.text}"`);
      return play.animator.send({
        type: "reportFollowUp",
        consultationId: plan.consultationId,
        actionId: a.id,
        status: i % 2 === 0 ? "done" : "inProgress",
        note: i % 2 === 0 ? "Done, and it helped." : "Started; more to do.",
      });
    }),
  );
  await act(play, reports);
}

/** Two members propose situations, everyone votes, the animator picks the most voted and its proposer is client. */
export async function choice(play: Play): Promise<void> {
  const members = play.cast.filter((p) => p !== play.animator);
  const proposers = members.slice(0, Math.min(2, members.length));
  await act(
    play,
    proposers.map((p, i) => () => {
      const s = pick(SITUATIONS, i);
      play.log(`${p.name} proposes "${s.title}"`);
      return p.send({ type: "proposeSituation", title: s.title, stakes: s.stakes });
    }),
  );
  const ids = new Set(proposers.map((p) => p.participantId));
  const ours = (s: RoomState) => s.consultation.situations.filter((x) => ids.has(x.proposerId));
  // Two thirds of the votes go to the first proposal; a person watching sees a real choice.
  await act(
    play,
    play.cast.map((p, i) => async () => {
      const options = ours(await p.waitFor("the proposals", (s) => ours(s).length === proposers.length));
      const target = options[i % 3 === 2 ? options.length - 1 : 0];
      if (target) await p.send({ type: "vote", situationId: target.id });
    }),
  );
  const votes = play.cast.length;
  const state = await play.animator.waitFor(
    "every vote",
    (s) => ours(s).reduce((n, x) => n + x.votes.length, 0) >= votes,
  );
  const chosen = mostVoted(ours(state));
  if (!chosen) throw new SimError("no situation was proposed");
  await play.animator.send({ type: "chooseSituation", situationId: chosen.id });
  play.client = play.cast.find((p) => p.participantId === chosen.proposerId) ?? null;
  play.log(
    `${play.animator.name} chooses "${chosen.title}" (${chosen.votes.length} votes): ${play.client?.name} is the client`,
  );
  const scribe = play.cast.length >= 5 ? members.find((p) => p !== play.client) : undefined;
  if (scribe) {
    await play.animator.send({ type: "assignRole", participantId: scribe.participantId, role: "scribe" });
    play.log(`${scribe.name} is the scribe`);
  }
  await sleep(play.paceMs, play.signal);
}

function mostVoted(situations: readonly Situation[]): Situation | undefined {
  return situations.reduce<Situation | undefined>(
    (best, s) => (!best || s.votes.length > best.votes.length ? s : best),
    undefined,
  );
}
