// Simulated participants run one complete consultation against a live room and check they all end in agreement.
import type { RoomState } from "../model.ts";
import { firstDifference } from "./deepDiff.ts";
import { joinParticipants, newJournal, type SimJournal, type SimParticipant } from "./SimParticipant.ts";
import { choice, type Play, toChoice } from "./script.ts";
import { steps } from "./steps.ts";
import { NAMES, pick } from "./texts.ts";
import type { SimCounts, SimOptions, SimResult } from "./types.ts";
import { SimError } from "./wait.ts";

/** An absent animator keeps the role for a grace period (20 s by default) before the room hands it over. */
const ANIMATOR_WAIT_MS = 30_000;

export async function runConsultation(opts: SimOptions): Promise<SimResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const journal = newJournal();
  let cast: SimParticipant[] = [];
  let play: Play | null = null;
  let failure: string | null = null;
  try {
    if (!Number.isInteger(opts.participants) || opts.participants < 3) {
      throw new SimError("a consultation needs at least 3 participants: an animator, a client and a consultant");
    }
    const names = Array.from({ length: opts.participants }, (_, i) => pick(NAMES, i));
    const join = {
      baseUrl: opts.baseUrl,
      room: opts.room,
      journal,
      signal: opts.signal,
      createSocket: opts.createSocket,
    };
    cast = await joinParticipants(names, { ...join, timeoutMs: opts.timeoutMs });
    const animator = cast[0];
    if (!animator) throw new SimError("nobody joined");
    log(`${cast.length} participants joined room ${opts.room}; ${animator.name} joined first, as the meeting host`);
    if (animator.role !== "animator") {
      log(`${animator.name} waits for the room to hand over the animator role`);
      await animator
        .waitFor("the animator role", () => animator.role === "animator", ANIMATOR_WAIT_MS)
        .catch(() => {
          throw new SimError("the room already has an animator who is here; use a fresh room code");
        });
    }
    play = {
      cast,
      animator,
      client: null,
      phases: [],
      format: opts.format,
      paceMs: opts.paceMs ?? 0,
      signal: opts.signal,
      log,
    };
    await toChoice(play);
    await choice(play);
    await steps(play);
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
    log(`stopped: ${failure}`);
  }
  const result = await conclude(cast, play, journal, failure);
  for (const p of cast) p.close();
  return { ...result, durationMs: Date.now() - started };
}

async function conclude(
  cast: readonly SimParticipant[],
  play: Play | null,
  journal: SimJournal,
  failure: string | null,
): Promise<Omit<SimResult, "durationMs">> {
  const { states, mismatch } = await compareStates(cast);
  const final = states[0] ?? null;
  const c = final?.consultation;
  const allAcknowledged =
    journal.sent === journal.acknowledged && cast.every((p) => p.connection.unacknowledged.length === 0);
  const closed = c?.phase === "closed";
  return {
    ok:
      failure === null &&
      closed &&
      mismatch === null &&
      allAcknowledged &&
      journal.rejections.length === 0 &&
      journal.errors.length === 0,
    roomId: final?.roomId ?? null,
    consultationId: c?.id ?? null,
    version: final?.version ?? 0,
    phases: play?.phases ?? [],
    client: play?.client ? { participantId: play.client.participantId, name: play.client.name } : null,
    request: c?.request?.text ?? null,
    counts: countsOf(final),
    commandsSent: journal.sent,
    commandsAcknowledged: journal.acknowledged,
    rejections: journal.rejections,
    errors: journal.errors,
    sameState: mismatch === null && states.length === cast.length && cast.length > 0,
    mismatch,
    allAcknowledged,
    failure: failure ?? (closed || cast.length === 0 ? null : `the consultation ended in ${c?.phase ?? "no state"}`),
  };
}

/** Waits until every participant holds the highest version any of them saw, then compares their states. */
async function compareStates(
  cast: readonly SimParticipant[],
): Promise<{ states: RoomState[]; mismatch: string | null }> {
  const target = Math.max(0, ...cast.map((p) => p.state?.version ?? 0));
  const reached = await Promise.allSettled(cast.map((p) => p.reach(target)));
  const states: RoomState[] = [];
  for (const [i, r] of reached.entries()) {
    const name = cast[i]?.name ?? "?";
    if (r.status === "rejected") return { states, mismatch: `${name} never reached version ${target}` };
    states.push(r.value);
  }
  const [first, ...rest] = states;
  for (const [i, s] of rest.entries()) {
    const d = firstDifference(first, s);
    if (d) return { states, mismatch: `${cast[0]?.name} and ${cast[i + 1]?.name} differ at ${d}` };
  }
  return { states, mismatch: null };
}

function countsOf(s: RoomState | null): SimCounts {
  const c = s?.consultation;
  return {
    participants: s?.participants.length ?? 0,
    situations: c?.situations.length ?? 0,
    votes: c?.situations.reduce((n, x) => n + x.votes.length, 0) ?? 0,
    questions: c?.questions.length ?? 0,
    reformulations: c?.reformulations.length ?? 0,
    ideas: c?.ideas.length ?? 0,
    markedIdeas: c?.ideas.filter((i) => i.marked).length ?? 0,
    actions: c?.actions.length ?? 0,
    learnings: c?.learnings.length ?? 0,
    followUpReports: c?.followUp.reports.length ?? 0,
  };
}
