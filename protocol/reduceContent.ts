// Content commands: follow-up reports, situations and votes, questions, request, ideas, actions, learnings.
import type { Command } from "./commands.ts";
import { ErrorCode, RejectionReason, reject } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { type Consultation, participant, Role, type RoomState } from "./model.ts";
import { withParticipant } from "./reduceRoster.ts";
import { accept, type Context, type Result } from "./reducer.ts";
import { cleanLine, cleanText } from "./text.ts";

type ContentCommand = Extract<
  Command,
  {
    type:
      | "reportFollowUp"
      | "proposeSituation"
      | "withdrawSituation"
      | "vote"
      | "unvote"
      | "chooseSituation"
      | "setHeadline"
      | "askQuestion"
      | "setRequest"
      | "suggestReformulation"
      | "adoptReformulation"
      | "addIdea"
      | "markIdea"
      | "addAction"
      | "updateAction"
      | "addLearning";
  }
>;

const EMPTY = "The text is empty.";

export function reduceContent(state: RoomState, command: ContentCommand, ctx: Context): Result {
  const c = state.consultation;
  const set = (patch: Partial<Consultation>) => accept({ ...state, consultation: { ...c, ...patch } });
  const authored = (text: string) => ({ id: ctx.newId, authorId: ctx.actorId, text, at: ctx.now });
  switch (command.type) {
    case "reportFollowUp":
      return reportFollowUp(state, command, ctx);
    case "proposeSituation": {
      const title = cleanLine(command.title);
      if (!title) return reject(ErrorCode.invalid, "A title is required.");
      if (c.situations.length >= LIMITS.situations) return reject(ErrorCode.limitReached, "Too many situations.");
      const situation = {
        id: ctx.newId,
        proposerId: ctx.actorId,
        title,
        stakes: cleanText(command.stakes),
        votes: [],
        at: ctx.now,
      };
      return set({ situations: [...c.situations, situation] });
    }
    case "withdrawSituation": {
      const s = c.situations.find((x) => x.id === command.situationId);
      if (!s) return reject(ErrorCode.notFound, "Unknown situation.");
      const isAnimator = participant(state, ctx.actorId)?.role === Role.animator;
      if (s.proposerId !== ctx.actorId && !isAnimator)
        return reject(ErrorCode.forbidden, "Only its proposer may withdraw it.");
      if (c.chosenSituationId === s.id)
        return reject(ErrorCode.conflict, "This situation has been chosen.", RejectionReason.chosen);
      return set({ situations: c.situations.filter((x) => x.id !== s.id) });
    }
    case "vote": {
      if (!c.situations.some((s) => s.id === command.situationId))
        return reject(ErrorCode.notFound, "Unknown situation.");
      // One vote per person: voting elsewhere moves the vote.
      const situations = c.situations.map((s) => {
        const others = s.votes.filter((v) => v !== ctx.actorId);
        return s.id === command.situationId ? { ...s, votes: [...others, ctx.actorId] } : { ...s, votes: others };
      });
      return set({ situations });
    }
    case "unvote": {
      const s = c.situations.find((x) => x.id === command.situationId);
      if (!s?.votes.includes(ctx.actorId)) return reject(ErrorCode.notFound, "No vote to remove.");
      const situations = c.situations.map((x) =>
        x.id === s.id ? { ...x, votes: x.votes.filter((v) => v !== ctx.actorId) } : x,
      );
      return set({ situations });
    }
    case "chooseSituation":
      return chooseSituation(state, command.situationId);
    case "setHeadline": {
      const text = cleanLine(command.text);
      if (!text) return reject(ErrorCode.invalid, "A headline is required.");
      return set({ headline: { text, question: cleanText(command.question), at: ctx.now } });
    }
    case "askQuestion": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      if (c.questions.length >= LIMITS.questions) return reject(ErrorCode.limitReached, "Too many questions.");
      return set({ questions: [...c.questions, authored(text)] });
    }
    case "setRequest": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      return set({ request: { text, adoptedFrom: null, at: ctx.now } });
    }
    case "suggestReformulation": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      if (c.reformulations.length >= LIMITS.reformulations)
        return reject(ErrorCode.limitReached, "Too many reformulations.");
      return set({ reformulations: [...c.reformulations, authored(text)] });
    }
    case "adoptReformulation": {
      const r = c.reformulations.find((x) => x.id === command.reformulationId);
      if (!r) return reject(ErrorCode.notFound, "Unknown reformulation.");
      return set({ request: { text: r.text, adoptedFrom: r.id, at: ctx.now } });
    }
    case "addIdea": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      if (c.ideas.length >= LIMITS.ideas) return reject(ErrorCode.limitReached, "Too many ideas.");
      return set({ ideas: [...c.ideas, { ...authored(text), marked: false }] });
    }
    case "markIdea": {
      const idea = c.ideas.find((x) => x.id === command.ideaId);
      if (!idea) return reject(ErrorCode.notFound, "Unknown idea.");
      if (idea.marked === command.marked) return reject(ErrorCode.conflict, "Already so.");
      return set({ ideas: c.ideas.map((x) => (x.id === idea.id ? { ...x, marked: command.marked } : x)) });
    }
    case "addAction": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      if (c.actions.length >= LIMITS.actions) return reject(ErrorCode.limitReached, "Too many actions.");
      const resources = cleanText(command.resources ?? "");
      const action = { id: ctx.newId, text, resources, dueDate: command.dueDate, status: "open" as const, at: ctx.now };
      return set({ actions: [...c.actions, action] });
    }
    case "updateAction": {
      const a = c.actions.find((x) => x.id === command.actionId);
      if (!a) return reject(ErrorCode.notFound, "Unknown action.");
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      const resources = command.resources === undefined ? a.resources : cleanText(command.resources);
      const updated = { ...a, text, resources, dueDate: command.dueDate, status: command.status };
      return set({ actions: c.actions.map((x) => (x.id === a.id ? updated : x)) });
    }
    case "addLearning": {
      const text = cleanText(command.text);
      if (!text) return reject(ErrorCode.invalid, EMPTY);
      if (c.learnings.length >= LIMITS.learnings) return reject(ErrorCode.limitReached, "Too many learnings.");
      return set({ learnings: [...c.learnings, authored(text)] });
    }
  }
}

function chooseSituation(state: RoomState, situationId: string): Result {
  const c = state.consultation;
  const s = c.situations.find((x) => x.id === situationId);
  if (!s) return reject(ErrorCode.notFound, "Unknown situation.");
  const proposer = participant(state, s.proposerId);
  if (!proposer) return reject(ErrorCode.notFound, "Its proposer is not in the room.");
  if (proposer.role === Role.animator)
    return reject(
      ErrorCode.conflict,
      "Hand the animator role over before being the client.",
      RejectionReason.animatorClient,
    );
  let next = state;
  const previous = c.clientId === null ? undefined : participant(state, c.clientId);
  if (previous && previous.id !== proposer.id) next = withParticipant(next, { ...previous, role: Role.consultant });
  next = withParticipant(next, { ...proposer, role: Role.client });
  const scribeId = c.scribeId === proposer.id ? null : c.scribeId;
  return accept({ ...next, consultation: { ...c, chosenSituationId: s.id, clientId: proposer.id, scribeId } });
}

function reportFollowUp(state: RoomState, command: Extract<Command, { type: "reportFollowUp" }>, ctx: Context): Result {
  const c = state.consultation;
  const plan = c.followUp.plans.find((p) => p.consultationId === command.consultationId);
  const action = plan?.actions.find((a) => a.id === command.actionId);
  if (!plan || !action) return reject(ErrorCode.notFound, "Unknown action in the previous plans.");
  const isAnimator = participant(state, ctx.actorId)?.role === Role.animator;
  if (plan.clientUserId !== ctx.actorId && !isAnimator) {
    return reject(ErrorCode.forbidden, "Only that plan's client or the animator reports on it.");
  }
  const current = c.followUp.reports.find((r) => r.consultationId === plan.consultationId && r.actionId === action.id);
  if (command.basedOn !== undefined && command.basedOn !== (current?.at ?? 0))
    return reject(ErrorCode.conflict, "A newer report was recorded meanwhile.", RejectionReason.staleReport);
  const report = {
    consultationId: plan.consultationId,
    actionId: action.id,
    status: command.status,
    note: cleanText(command.note),
    at: ctx.now,
  };
  const reports = [
    ...c.followUp.reports.filter((r) => !(r.consultationId === plan.consultationId && r.actionId === action.id)),
    report,
  ];
  return accept({ ...state, consultation: { ...c, followUp: { ...c.followUp, reports } } }, [
    { type: "results", reason: "followUp" },
  ]);
}
