// Schema of the room state and of events, so the panel validates what the room sends instead of casting it.
import * as v from "valibot";
import { CommandSchema } from "./commands.ts";
import { ACTION_STATUSES, FORMATS, NotepadPolicy, PHASES, ROLES, STEPS } from "./model.ts";

const str = v.string();
const num = v.number();
const nullableStr = v.nullable(str);
const actionStatus = v.picklist(ACTION_STATUSES);

const authored = v.object({ id: str, authorId: str, text: str, at: num });
const planAction = v.object({
  id: str,
  text: str,
  // Plans loaded before actions had resources have none.
  resources: v.optional(str, ""),
  dueDate: nullableStr,
  status: actionStatus,
});
const previousPlan = v.object({
  consultationId: str,
  clientName: str,
  clientUserId: nullableStr,
  request: str,
  actions: v.array(planAction),
});

export const PreviousPlanSchema = previousPlan;

export const TimerSchema = v.object({
  status: v.picklist(["idle", "running", "paused", "expired"]),
  endsAt: v.nullable(num),
  remainingMs: num,
});

const meetingGroup = v.object({ id: str, name: str, mission: nullableStr, charter: nullableStr });

export const RoomStateSchema = v.object({
  group: v.optional(v.nullable(meetingGroup)),
  version: num,
  roomId: str,
  participants: v.array(v.object({ id: str, name: str, role: v.picklist(ROLES), host: v.boolean(), joinedAt: num })),
  consultation: v.object({
    id: str,
    number: num,
    phase: v.picklist(PHASES),
    format: v.picklist(FORMATS),
    durations: v.object(Object.fromEntries(STEPS.map((s) => [s, num])) as Record<(typeof STEPS)[number], typeof num>),
    clientId: nullableStr,
    scribeId: nullableStr,
    notepadPolicy: v.picklist(Object.values(NotepadPolicy)),
    situations: v.array(v.object({ id: str, proposerId: str, title: str, stakes: str, votes: v.array(str), at: num })),
    chosenSituationId: nullableStr,
    // Rooms stored before the headline existed have none.
    headline: v.optional(v.nullable(v.object({ text: str, question: str, at: num })), null),
    questions: v.array(authored),
    request: v.nullable(v.object({ text: str, adoptedFrom: nullableStr, at: num })),
    reformulations: v.array(authored),
    ideas: v.array(v.object({ id: str, authorId: str, text: str, at: num, marked: v.boolean() })),
    actions: v.array(
      v.object({
        id: str,
        text: str,
        resources: v.optional(str, ""),
        dueDate: nullableStr,
        status: actionStatus,
        at: num,
      }),
    ),
    learnings: v.array(authored),
    followUp: v.object({
      plans: v.array(previousPlan),
      reports: v.array(v.object({ consultationId: str, actionId: str, status: actionStatus, note: str, at: num })),
    }),
    timer: TimerSchema,
    startedAt: num,
    closedAt: v.nullable(num),
    // Rooms stored before it was kept do not know it.
    closedFrom: v.optional(v.nullable(v.picklist(PHASES)), null),
  }),
});

export const SystemCommandSchema = v.variant("type", [
  v.object({ type: v.literal("join"), participantId: str, name: str, host: v.boolean() }),
  v.object({ type: v.literal("rename"), participantId: str, name: str }),
  v.object({ type: v.literal("leave"), participantId: str, successorId: nullableStr }),
  v.object({ type: v.literal("timeUp") }),
  v.object({ type: v.literal("loadFollowUp"), plans: v.array(previousPlan) }),
  v.object({ type: v.literal("forgetConsultation"), consultationId: str }),
  v.object({ type: v.literal("setGroup"), group: v.nullable(meetingGroup) }),
]);

/** One accepted command as the room logged it: replaying events in order rebuilds the state. */
export const EventSchema = v.object({
  version: num,
  at: num,
  actorId: str,
  newId: str,
  command: v.union([CommandSchema, SystemCommandSchema]),
});
export type RoomEvent = v.InferOutput<typeof EventSchema>;
