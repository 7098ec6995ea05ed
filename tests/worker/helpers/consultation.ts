// A cast of participants in one room and a whole consultation driven through the real protocol, for reuse in tests.
import { runInDurableObject } from "cloudflare:test";
import type { Phase, RoomState } from "../../../protocol/index.ts";
import { PHASES } from "../../../protocol/index.ts";
import { devSession, roomStub, uniqueRoomCode } from "./session.ts";
import { TestSocket } from "./TestSocket.ts";

export interface Cast {
  roomCode: string;
  roomId: string;
  /** Joined first, as the meeting host: the animator. */
  animator: TestSocket;
  /** Proposes the situation that is chosen, so becomes the client. */
  client: TestSocket;
  consultants: TestSocket[];
  all: TestSocket[];
}

/**
 * Opens the animator, the future client and `consultants` consultants, each joined, and waits until all agree;
 * with `parent`, the room stands in for a breakout room of that main room.
 */
export async function openCast(
  consultants = 2,
  roomCode = uniqueRoomCode(),
  { parent }: { parent?: string } = {},
): Promise<Cast> {
  // In a breakout room the meeting's host would only observe: there the first to join animates.
  const animator = await TestSocket.join(
    await devSession(roomCode, "Ana Animatrice", parent ? { parent } : { host: true }),
  );
  const client = await TestSocket.join(await devSession(roomCode, "Claude Client", { parent }));
  const others: TestSocket[] = [];
  for (let i = 1; i <= consultants; i++) {
    others.push(await TestSocket.join(await devSession(roomCode, `Consultant ${i}`, { parent })));
  }
  const all = [animator, client, ...others];
  await settle(all);
  await deliverResultsPromptly(animator.session.roomId);
  return { roomCode, roomId: animator.session.roomId, animator, client, consultants: others, all };
}

/**
 * Results reach D1 at every phase change, so tests read them without waiting out the room's coalescing interval
 * (tests/worker/results.test.ts checks that interval with its own). Lasts until the instance is evicted.
 */
export async function deliverResultsPromptly(roomId: string): Promise<void> {
  await runInDurableObject(roomStub(roomId), (room) => {
    room.tuning.outboxCoalesceMs = 0;
  });
}

/** Waits until every socket has replayed up to the highest version any of them holds. */
export async function settle(sockets: readonly TestSocket[]): Promise<number> {
  await new Promise((r) => setTimeout(r, 20));
  const version = Math.max(...sockets.map((s) => s.state?.version ?? 0));
  await Promise.all(sockets.map((s) => s.reach(version)));
  return version;
}

function stateOf(socket: TestSocket): RoomState {
  if (!socket.state) throw new Error(`${socket.session.name} has no state`);
  return socket.state;
}

/**
 * Runs the consultation from wherever it is up to `until` (default: closed), with content at every step: a proposed
 * and voted situation, questions, the request and a reformulation, ideas (one marked), an action plan, learnings.
 */
export async function runConsultation(cast: Cast, until: Phase = "closed"): Promise<RoomState> {
  const { animator, client, consultants } = cast;
  const [first, second] = consultants;
  if (!first) throw new Error("a consultation needs at least one consultant");
  const phase = () => stateOf(animator).consultation.phase;
  const reached = (p: Phase) => PHASES.indexOf(phase()) >= PHASES.indexOf(p);
  /** Advances to `phase`, or only to `until` when that comes first; true when `until` is reached. */
  const goTo = async (p: Phase) => {
    const target = PHASES.indexOf(p) < PHASES.indexOf(until) ? p : until;
    while (!reached(target)) await animator.must({ type: "advance" });
    return reached(until);
  };

  if (await goTo("choice")) return settleAndGet(cast);
  if (phase() === "choice") {
    const situationVersion = await client.must({
      type: "proposeSituation",
      title: "Leading a team through a merger",
      stakes: "Half the team wants to leave; I want to keep them.",
    });
    await Promise.all(consultants.map((c) => c.reach(situationVersion)));
    const situation = stateOf(client).consultation.situations.at(-1);
    if (!situation) throw new Error("no situation");
    for (const c of consultants) await c.must({ type: "vote", situationId: situation.id });
    await animator.reach(await animator.must({ type: "chooseSituation", situationId: situation.id }));
  }

  if (await goTo("presentation")) return settleAndGet(cast);
  if (phase() === "presentation") {
    await client.must({
      type: "setHeadline",
      text: "A team torn by a merger",
      question: "How do I keep my best people?",
    });
  }

  if (await goTo("clarification")) return settleAndGet(cast);
  if (phase() === "clarification") {
    await first.must({ type: "askQuestion", text: "What did you already try?" });
    if (second) await second.must({ type: "askQuestion", text: "Who decides in the end?" });
  }

  if (await goTo("contract")) return settleAndGet(cast);
  if (phase() === "contract") {
    await client.must({ type: "setRequest", text: "I would like to leave with three ways to keep the team." });
    const reformulated = await first.must({ type: "suggestReformulation", text: "Keep the team engaged through it." });
    await client.reach(reformulated);
    const reformulation = stateOf(client).consultation.reformulations.at(-1);
    if (!reformulation) throw new Error("no reformulation");
    await client.must({ type: "adoptReformulation", reformulationId: reformulation.id });
  }

  if (await goTo("consultation")) return settleAndGet(cast);
  if (phase() === "consultation") {
    const ideaVersion = await first.must({ type: "addIdea", text: "Hold one-to-ones with each key person." });
    if (second) await second.must({ type: "addIdea", text: "Name a buddy for every newcomer." });
    await client.reach(ideaVersion);
    const idea = stateOf(client).consultation.ideas[0];
    if (!idea) throw new Error("no idea");
    await client.must({ type: "markIdea", ideaId: idea.id, marked: true });
  }

  if (await goTo("synthesis")) return settleAndGet(cast);
  if (phase() === "synthesis") {
    await client.must({
      type: "addAction",
      text: "Meet each key person by Friday",
      dueDate: "2026-12-04",
      resources: "HR and my manager",
    });
    const actionVersion = await client.must({ type: "addAction", text: "Draft a buddy plan", dueDate: null });
    await client.reach(actionVersion);
    const action = stateOf(client).consultation.actions.at(-1);
    if (!action) throw new Error("no action");
    await client.must({
      type: "updateAction",
      actionId: action.id,
      text: action.text,
      dueDate: null,
      status: "inProgress",
    });
  }

  if (await goTo("evaluation")) return settleAndGet(cast);
  if (phase() === "evaluation") {
    for (const s of cast.all) await s.must({ type: "addLearning", text: `${s.session.name} learned to listen.` });
  }

  await goTo(until);
  return settleAndGet(cast);
}

async function settleAndGet(cast: Cast): Promise<RoomState> {
  await settle(cast.all);
  return stateOf(cast.animator);
}

export async function closeAll(sockets: readonly TestSocket[]): Promise<void> {
  await Promise.all(sockets.map((s) => s.close()));
}
