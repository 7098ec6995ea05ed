// Roster commands: joining, renaming, roles, the animator hand-over and the animator leaving.
import type { AnyCommand } from "./commands.ts";
import { ErrorCode, RejectionReason, reject } from "./errors.ts";
import { LIMITS } from "./limits.ts";
import { animatorOf, isStep, type Participant, participant, Role, type RoomState } from "./model.ts";
import { accept, type Context, type Result } from "./reducer.ts";
import { clipLine } from "./text.ts";

type RosterCommand = Extract<AnyCommand, { type: "join" | "rename" | "leave" | "assignRole" | "handOverAnimator" }>;

export function reduceRoster(state: RoomState, command: RosterCommand, ctx: Context): Result {
  switch (command.type) {
    case "join":
      return join(state, command, ctx);
    case "rename": {
      const name = clipLine(command.name, LIMITS.name);
      const p = participant(state, command.participantId);
      if (!p) return reject(ErrorCode.notFound, "Unknown participant.");
      if (!name || name === p.name) return reject(ErrorCode.conflict, "Nothing to change.");
      return accept(withParticipant(state, { ...p, name }));
    }
    case "leave":
      return leave(state, command.participantId, command.successorId);
    case "assignRole":
      return assignRole(state, command.participantId, command.role);
    case "handOverAnimator":
      return handOver(state, command.participantId);
  }
}

function join(state: RoomState, command: Extract<AnyCommand, { type: "join" }>, ctx: Context): Result {
  const name = clipLine(command.name, LIMITS.name);
  if (!name) return reject(ErrorCode.invalid, "A name is required.");
  const existing = participant(state, command.participantId);
  if (existing) {
    if (existing.name === name && existing.host === command.host) return reject(ErrorCode.conflict, "Already here.");
    return accept(withParticipant(state, { ...existing, name, host: command.host }));
  }
  if (state.participants.length >= LIMITS.participants) return reject(ErrorCode.limitReached, "The room is full.");
  const animator = animatorOf(state);
  const hostTakesOver =
    command.host && animator !== undefined && !animator.host && state.consultation.phase === "lobby";
  const role = animator === undefined || hostTakesOver ? Role.animator : Role.consultant;
  const joined: Participant = { id: command.participantId, name, role, host: command.host, joinedAt: ctx.now };
  let next: RoomState = { ...state, participants: [...state.participants, joined] };
  if (hostTakesOver && animator) next = withParticipant(next, { ...animator, role: Role.consultant });
  return accept(next);
}

function leave(state: RoomState, leaverId: string, successorId: string | null): Result {
  const leaver = participant(state, leaverId);
  if (!leaver || leaver.role !== Role.animator)
    return reject(ErrorCode.conflict, "Only an animator's leaving changes roles.");
  const successor = successorId === null ? undefined : participant(state, successorId);
  if (!successor || successor.id === leaverId) return reject(ErrorCode.notFound, "No successor for the animator.");
  return handOverTo(state, leaver, successor);
}

function handOver(state: RoomState, targetId: string): Result {
  const current = animatorOf(state);
  const target = participant(state, targetId);
  if (!current || !target) return reject(ErrorCode.notFound, "Unknown participant.");
  if (target.id === current.id) return reject(ErrorCode.conflict, "Already the animator.");
  // Handing over to the client mid-steps would leave the consultation without its client.
  if (isStep(state.consultation.phase) && target.id === state.consultation.clientId) {
    return reject(
      ErrorCode.conflict,
      "The client cannot animate their own consultation.",
      RejectionReason.clientAnimates,
    );
  }
  return handOverTo(state, current, target);
}

function handOverTo(state: RoomState, from: Participant, to: Participant): Result {
  let next = withParticipant(state, { ...from, role: Role.consultant });
  next = withParticipant(next, { ...to, role: Role.animator });
  const c = next.consultation;
  // The new animator leaves the client or scribe seat empty rather than holding two roles.
  const consultation = {
    ...c,
    clientId: c.clientId === to.id ? null : c.clientId,
    scribeId: c.scribeId === to.id ? null : c.scribeId,
  };
  return accept({ ...next, consultation });
}

function assignRole(state: RoomState, targetId: string, role: Role): Result {
  const target = participant(state, targetId);
  if (!target) return reject(ErrorCode.notFound, "Unknown participant.");
  if (role === Role.animator) return reject(ErrorCode.invalid, "Hand the animator role over instead.");
  if (target.role === Role.animator)
    return reject(ErrorCode.conflict, "Hand the animator role over first.", RejectionReason.animatorRole);
  if (target.role === role) return reject(ErrorCode.conflict, "Already in that role.");
  const c = state.consultation;
  const clientChanges = role === Role.client || target.id === c.clientId;
  if (clientChanges && c.phase !== "lobby" && c.phase !== "followUp" && c.phase !== "choice") {
    return reject(ErrorCode.wrongPhase, "The client can only change before the steps begin.");
  }
  let next = state;
  let clientId = c.clientId === target.id ? null : c.clientId;
  let scribeId = c.scribeId === target.id ? null : c.scribeId;
  const demote = (id: string | null) => {
    const p = id === null ? undefined : participant(next, id);
    if (p && p.id !== target.id) next = withParticipant(next, { ...p, role: Role.consultant });
  };
  if (role === Role.client) {
    demote(c.clientId);
    clientId = target.id;
  }
  if (role === Role.scribe) {
    demote(c.scribeId);
    scribeId = target.id;
  }
  next = withParticipant(next, { ...target, role });
  return accept({ ...next, consultation: { ...next.consultation, clientId, scribeId } });
}

export function withParticipant(state: RoomState, p: Participant): RoomState {
  return { ...state, participants: state.participants.map((q) => (q.id === p.id ? p : q)) };
}
