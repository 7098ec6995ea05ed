// Commands a participant sends, as valibot schemas; their types derive from the schemas.
import * as v from "valibot";
import { LIMITS } from "./limits.ts";
import { ACTION_STATUSES, FORMATS, NotepadPolicy, ROLES, STEPS } from "./model.ts";

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const isoDate = v.nullable(v.pipe(v.string(), v.isoDate()));
const minutes = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));

const durations = v.object(
  Object.fromEntries(STEPS.map((s) => [s, minutes(LIMITS.stepMinutes)])) as Record<
    (typeof STEPS)[number],
    ReturnType<typeof minutes>
  >,
);

export const CommandSchema = v.variant("type", [
  // Animator: roles and format.
  v.strictObject({ type: v.literal("assignRole"), participantId: id, role: v.picklist(ROLES) }),
  v.strictObject({ type: v.literal("handOverAnimator"), participantId: id }),
  v.strictObject({ type: v.literal("setFormat"), format: v.picklist(FORMATS), durations: v.optional(durations) }),
  v.strictObject({ type: v.literal("setDuration"), step: v.picklist(STEPS), minutes: minutes(LIMITS.stepMinutes) }),
  v.strictObject({ type: v.literal("setNotepadPolicy"), policy: v.picklist(Object.values(NotepadPolicy)) }),
  // Animator: navigation and timer.
  v.strictObject({ type: v.literal("advance") }),
  v.strictObject({ type: v.literal("goBack") }),
  v.strictObject({ type: v.literal("close") }),
  v.strictObject({ type: v.literal("startNextConsultation") }),
  v.strictObject({ type: v.literal("startTimer") }),
  v.strictObject({ type: v.literal("pauseTimer") }),
  v.strictObject({ type: v.literal("extendTimer"), minutes: minutes(LIMITS.extendMinutes) }),
  // Follow-up of the previous action plan.
  v.strictObject({
    type: v.literal("reportFollowUp"),
    consultationId: id,
    actionId: id,
    status: v.picklist(ACTION_STATUSES),
    note: text(LIMITS.followUpNote),
    /** The `at` of the report this one replaces (0: none); a newer one recorded meanwhile refuses it. */
    basedOn: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  // Choice of the situation.
  v.strictObject({
    type: v.literal("proposeSituation"),
    title: text(LIMITS.situationTitle),
    stakes: text(LIMITS.situationStakes),
  }),
  v.strictObject({ type: v.literal("withdrawSituation"), situationId: id }),
  v.strictObject({ type: v.literal("vote"), situationId: id }),
  v.strictObject({ type: v.literal("unvote"), situationId: id }),
  v.strictObject({ type: v.literal("chooseSituation"), situationId: id }),
  // Steps.
  v.strictObject({
    type: v.literal("setHeadline"),
    text: text(LIMITS.headline),
    question: text(LIMITS.headlineQuestion),
  }),
  v.strictObject({ type: v.literal("askQuestion"), text: text(LIMITS.question) }),
  v.strictObject({ type: v.literal("setRequest"), text: text(LIMITS.request) }),
  v.strictObject({ type: v.literal("suggestReformulation"), text: text(LIMITS.reformulation) }),
  v.strictObject({ type: v.literal("adoptReformulation"), reformulationId: id }),
  v.strictObject({ type: v.literal("addIdea"), text: text(LIMITS.idea) }),
  v.strictObject({ type: v.literal("markIdea"), ideaId: id, marked: v.boolean() }),
  v.strictObject({
    type: v.literal("addAction"),
    text: text(LIMITS.action),
    dueDate: isoDate,
    resources: v.optional(text(LIMITS.actionResources)),
  }),
  v.strictObject({
    type: v.literal("updateAction"),
    actionId: id,
    text: text(LIMITS.action),
    dueDate: isoDate,
    status: v.picklist(ACTION_STATUSES),
    /** Absent: the action keeps its resources (clients before this field). */
    resources: v.optional(text(LIMITS.actionResources)),
  }),
  v.strictObject({ type: v.literal("addLearning"), text: text(LIMITS.learning) }),
]);
export type Command = v.InferOutput<typeof CommandSchema>;
export type CommandType = Command["type"];

/** Commands only the room itself issues (joins, timers, history); never accepted from a socket. */
export type SystemCommand =
  | { type: "join"; participantId: string; name: string; host: boolean }
  | { type: "rename"; participantId: string; name: string }
  | { type: "leave"; participantId: string; successorId: string | null }
  | { type: "timeUp" }
  | { type: "loadFollowUp"; plans: import("./model.ts").PreviousPlan[] }
  /** A consultation was deleted from the group's memory (by its client): the room drops whatever it holds of it. */
  | { type: "forgetConsultation"; consultationId: string }
  /** The meeting was attached to a group, detached, or its group renamed or deleted. */
  | { type: "setGroup"; group: import("./model.ts").MeetingGroup | null };

export type AnyCommand = Command | SystemCommand;
export const SYSTEM_ACTOR = "system";
