// The pure reducer: reduce(state, command, context) gives the next state and its effects, or a typed rejection.
import type { AnyCommand, Command, SystemCommand } from "./commands.ts";
import { SYSTEM_ACTOR } from "./commands.ts";
import { assertNever, ErrorCode, type Rejection, reject } from "./errors.ts";
import { participant, type RoomState } from "./model.ts";
import { PERMISSIONS } from "./permissions.ts";
import { reduceContent } from "./reduceContent.ts";
import { reduceFlow } from "./reduceFlow.ts";
import { forgetConsultation, setGroup } from "./reduceMemory.ts";
import { reduceRoster } from "./reduceRoster.ts";

/** What the room must do after an accepted command; data only, the room carries it out. */
export type Effect =
  /** The step timer changed: (re)schedule the time-up alarm at endsAt, or cancel it when null. */
  | { type: "timer"; endsAt: number | null }
  /** The step's time is up: tell everyone. */
  | { type: "timeUp"; step: string }
  /** Results changed in a way the group's history must keep (phase change, close, follow-up). */
  | { type: "results"; reason: "phase" | "closed" | "followUp" }
  /** A new consultation began in this meeting. */
  | { type: "consultationStarted"; consultationId: string };

export interface Context {
  /** Participant id of the sender, or SYSTEM_ACTOR for the room's own commands. */
  actorId: string;
  /** Server time in ms. */
  now: number;
  /** A fresh id for anything the command creates. */
  newId: string;
}

export type Outcome = { ok: true; state: RoomState; effects: Effect[] } | { ok: false; rejection: Rejection };

/** Handler result before the version is bumped. */
export type Result = { ok: true; state: RoomState; effects: Effect[] } | { ok: false; rejection: Rejection };

export function accept(state: RoomState, effects: Effect[] = []): Result {
  return { ok: true, state, effects };
}

export function reduce(state: RoomState, command: AnyCommand, ctx: Context): Outcome {
  const result = ctx.actorId === SYSTEM_ACTOR ? reduceSystem(state, command, ctx) : reduceUser(state, command, ctx);
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, version: state.version + 1 }, effects: result.effects };
}

function isSystemCommand(command: AnyCommand): command is SystemCommand {
  return ["join", "rename", "leave", "timeUp", "loadFollowUp", "forgetConsultation", "setGroup"].includes(command.type);
}

function reduceSystem(state: RoomState, command: AnyCommand, ctx: Context): Result {
  if (!isSystemCommand(command)) return reject(ErrorCode.forbidden, "The room only issues its own commands.");
  switch (command.type) {
    case "join":
    case "rename":
    case "leave":
      return reduceRoster(state, command, ctx);
    case "timeUp":
    case "loadFollowUp":
      return reduceFlow(state, command, ctx);
    case "forgetConsultation":
      return forgetConsultation(state, command, ctx);
    case "setGroup":
      return setGroup(state, command);
    default:
      return assertNever(command);
  }
}

function reduceUser(state: RoomState, command: AnyCommand, ctx: Context): Result {
  if (isSystemCommand(command)) return reject(ErrorCode.forbidden, "Only the room may send this command.");
  const actor = participant(state, ctx.actorId);
  if (!actor) return reject(ErrorCode.forbidden, "You have not joined this room.");
  const rule = PERMISSIONS[command.type];
  if (!rule.roles.includes(actor.role)) return reject(ErrorCode.forbidden, `Your role (${actor.role}) cannot do this.`);
  if (!rule.phases.includes(state.consultation.phase)) {
    return reject(ErrorCode.wrongPhase, `Not possible during ${state.consultation.phase}.`);
  }
  return dispatchUser(state, command, ctx);
}

function dispatchUser(state: RoomState, command: Command, ctx: Context): Result {
  switch (command.type) {
    case "assignRole":
    case "handOverAnimator":
      return reduceRoster(state, command, ctx);
    case "setFormat":
    case "setDuration":
    case "setNotepadPolicy":
    case "advance":
    case "goBack":
    case "close":
    case "startNextConsultation":
    case "startTimer":
    case "pauseTimer":
    case "extendTimer":
      return reduceFlow(state, command, ctx);
    case "reportFollowUp":
    case "proposeSituation":
    case "withdrawSituation":
    case "vote":
    case "unvote":
    case "chooseSituation":
    case "setHeadline":
    case "askQuestion":
    case "setRequest":
    case "suggestReformulation":
    case "adoptReformulation":
    case "addIdea":
    case "markIdea":
    case "addAction":
    case "updateAction":
    case "addLearning":
      return reduceContent(state, command, ctx);
    default:
      return assertNever(command);
  }
}
