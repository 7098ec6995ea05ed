// The group memory's effects on the live room: the meeting's group shown to all, a deleted consultation forgotten.
import type { SystemCommand } from "./commands.ts";
import { ErrorCode, reject } from "./errors.ts";
import { type Consultation, newConsultation, Role, type RoomState } from "./model.ts";
import { accept, type Context, type Result } from "./reducer.ts";

type Forget = Extract<SystemCommand, { type: "forgetConsultation" }>;
type SetGroup = Extract<SystemCommand, { type: "setGroup" }>;

export function setGroup(state: RoomState, command: SetGroup): Result {
  const now = state.group ?? null;
  const next = command.group;
  const same =
    now === next ||
    (now !== null &&
      next !== null &&
      now.id === next.id &&
      now.name === next.name &&
      now.mission === next.mission &&
      now.charter === next.charter);
  if (same) return reject(ErrorCode.conflict, "The meeting already shows this group.");
  return accept({ ...state, group: next });
}

/**
 * The room's current consultation is replaced by a fresh one at the same number (in the lobby for a meeting's
 * first consultation, else at the choice, as a next consultation starts); a previous plan shown for follow-up is
 * removed with its reports. Either way nothing of the deleted consultation stays in the state.
 */
export function forgetConsultation(state: RoomState, command: Forget, ctx: Context): Result {
  const c = state.consultation;
  const forgotten = command.consultationId;
  const followUp = {
    plans: c.followUp.plans.filter((p) => p.consultationId !== forgotten),
    reports: c.followUp.reports.filter((r) => r.consultationId !== forgotten),
  };
  if (c.id === forgotten) {
    const fresh = newConsultation(ctx.newId, c.number, ctx.now, followUp.plans);
    const consultation: Consultation = {
      ...fresh,
      phase: c.number === 1 ? "lobby" : "choice",
      format: c.format,
      durations: { ...c.durations },
      notepadPolicy: c.notepadPolicy,
      followUp,
    };
    const participants = state.participants.map((p) =>
      p.role === Role.client || p.role === Role.scribe ? { ...p, role: Role.consultant } : p,
    );
    return accept({ ...state, participants, consultation }, [
      { type: "consultationStarted", consultationId: consultation.id },
      { type: "timer", endsAt: null },
    ]);
  }
  if (followUp.plans.length === c.followUp.plans.length) {
    return reject(ErrorCode.notFound, "This room holds nothing of that consultation.");
  }
  // The snapshot waiting for D1 must lose the forgotten plan's reports too, hence a results effect.
  return accept({ ...state, consultation: { ...c, followUp } }, [{ type: "results", reason: "followUp" }]);
}
