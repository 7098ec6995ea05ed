// Flow commands: format and durations, moving between phases, the step timer, closing.
import type { AnyCommand } from "./commands.ts";
import { ErrorCode, RejectionReason, reject } from "./errors.ts";
import {
  type Consultation,
  FORMAT_MINUTES,
  isStep,
  newConsultation,
  PHASES,
  type Phase,
  Role,
  type RoomState,
  type Timer,
} from "./model.ts";
import { accept, type Context, type Effect, type Result } from "./reducer.ts";

type FlowCommand = Extract<
  AnyCommand,
  {
    type:
      | "setFormat"
      | "setDuration"
      | "setNotepadPolicy"
      | "advance"
      | "goBack"
      | "close"
      | "startNextConsultation"
      | "startTimer"
      | "pauseTimer"
      | "extendTimer"
      | "timeUp"
      | "loadFollowUp";
  }
>;

const MINUTE = 60_000;

export function reduceFlow(state: RoomState, command: FlowCommand, ctx: Context): Result {
  const c = state.consultation;
  switch (command.type) {
    case "setFormat": {
      const durations =
        command.format === "custom" ? (command.durations ?? c.durations) : FORMAT_MINUTES[command.format];
      return withConsultation(state, { ...c, format: command.format, durations: { ...durations } });
    }
    case "setDuration": {
      const durations = { ...c.durations, [command.step]: command.minutes };
      return withConsultation(state, { ...c, format: "custom", durations });
    }
    case "setNotepadPolicy":
      if (c.notepadPolicy === command.policy) return reject(ErrorCode.conflict, "Already so.");
      return withConsultation(state, { ...c, notepadPolicy: command.policy });
    case "advance": {
      const i = PHASES.indexOf(c.phase);
      const to = PHASES[i + 1];
      if (!to) return reject(ErrorCode.wrongPhase, "Nothing after this phase.");
      if (isStep(to) && c.clientId === null)
        return reject(ErrorCode.conflict, "Choose the client's situation first.", RejectionReason.chooseFirst);
      return enterPhase(state, to, ctx.now);
    }
    case "goBack": {
      const to = PHASES[PHASES.indexOf(c.phase) - 1];
      if (!to) return reject(ErrorCode.wrongPhase, "Nothing before this phase.");
      return enterPhase(state, to, ctx.now);
    }
    case "close":
      return enterPhase(state, "closed", ctx.now);
    case "startNextConsultation": {
      const next = newConsultation(ctx.newId, c.number + 1, ctx.now, c.followUp.plans);
      const consultation: Consultation = {
        ...next,
        phase: "choice",
        format: c.format,
        durations: { ...c.durations },
        notepadPolicy: c.notepadPolicy,
        followUp: { plans: c.followUp.plans, reports: c.followUp.reports },
        // The situations not chosen are still on the table for the next consultation; the vote starts afresh. Each
        // gets a new id: the history keeps every consultation's proposals as its own rows.
        situations: c.situations
          .filter((x) => x.id !== c.chosenSituationId)
          .map((x, i) => ({ ...x, id: `${ctx.newId}.${i}`, votes: [] })),
      };
      const participants = state.participants.map((p) =>
        p.role === Role.client || p.role === Role.scribe ? { ...p, role: Role.consultant } : p,
      );
      return accept({ ...state, participants, consultation }, [
        { type: "consultationStarted", consultationId: consultation.id },
        { type: "timer", endsAt: null },
      ]);
    }
    case "startTimer": {
      const t = c.timer;
      if (t.status === "running") return reject(ErrorCode.conflict, "The timer is already running.");
      if (t.status === "expired")
        return reject(ErrorCode.conflict, "Time is up; add minutes instead.", RejectionReason.timeUp);
      return withTimer(state, { status: "running", endsAt: ctx.now + t.remainingMs, remainingMs: t.remainingMs });
    }
    case "pauseTimer": {
      const t = c.timer;
      if (t.status !== "running" || t.endsAt === null) return reject(ErrorCode.conflict, "The timer is not running.");
      return withTimer(state, { status: "paused", endsAt: null, remainingMs: Math.max(0, t.endsAt - ctx.now) });
    }
    case "extendTimer": {
      const t = c.timer;
      const add = command.minutes * MINUTE;
      if (t.status === "running" && t.endsAt !== null) {
        return withTimer(state, { ...t, endsAt: t.endsAt + add, remainingMs: t.remainingMs + add });
      }
      if (t.status === "expired")
        return withTimer(state, { status: "running", endsAt: ctx.now + add, remainingMs: add });
      return withTimer(state, { ...t, remainingMs: t.remainingMs + add });
    }
    case "timeUp": {
      const t = c.timer;
      if (t.status !== "running" || t.endsAt === null || ctx.now < t.endsAt) {
        return reject(ErrorCode.conflict, "The timer is not due.");
      }
      const consultation = { ...c, timer: { status: "expired" as const, endsAt: t.endsAt, remainingMs: 0 } };
      return accept({ ...state, consultation }, [{ type: "timeUp", step: c.phase }]);
    }
    case "loadFollowUp":
      return withConsultation(state, { ...c, followUp: { ...c.followUp, plans: command.plans } });
  }
}

function enterPhase(state: RoomState, phase: Phase, now: number): Result {
  const c = state.consultation;
  const timer: Timer = isStep(phase)
    ? { status: "running", endsAt: now + c.durations[phase] * MINUTE, remainingMs: c.durations[phase] * MINUTE }
    : { status: "idle", endsAt: null, remainingMs: 0 };
  const closed = phase === "closed";
  const consultation: Consultation = {
    ...c,
    phase,
    timer,
    closedAt: closed ? now : null,
    closedFrom: closed ? c.phase : null,
  };
  const effects: Effect[] = [
    { type: "timer", endsAt: timer.endsAt },
    { type: "results", reason: closed ? "closed" : "phase" },
  ];
  return accept({ ...state, consultation }, effects);
}

function withConsultation(state: RoomState, consultation: Consultation): Result {
  return accept({ ...state, consultation });
}

function withTimer(state: RoomState, timer: Timer): Result {
  return accept({ ...state, consultation: { ...state.consultation, timer } }, [
    { type: "timer", endsAt: timer.status === "running" ? timer.endsAt : null },
  ]);
}
