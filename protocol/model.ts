// The consultation model of the method: roles, phases, steps, formats and the room state.

export const PROTOCOL_VERSION = 1;

export const Role = {
  animator: "animator",
  client: "client",
  consultant: "consultant",
  scribe: "scribe",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** The six steps of a consultation, in order. */
export const STEPS = ["presentation", "clarification", "contract", "consultation", "synthesis", "evaluation"] as const;
export type Step = (typeof STEPS)[number];

/** Every phase a consultation goes through, in order. */
export const PHASES = ["lobby", "followUp", "choice", ...STEPS, "closed"] as const;
export type Phase = (typeof PHASES)[number];

export function isStep(phase: Phase): phase is Step {
  return (STEPS as readonly string[]).includes(phase);
}

/** 1..6 for a step, null otherwise. */
export function stepNumber(phase: Phase): number | null {
  const i = (STEPS as readonly string[]).indexOf(phase);
  return i < 0 ? null : i + 1;
}

/** Troika (Liberating Structures): three people, a quarter of an hour a round, the client turned away while consulted. */
export const FORMATS = ["classic", "express", "flash", "troika", "custom"] as const;
export type Format = (typeof FORMATS)[number];

export type Durations = Record<Step, number>;

/** Minutes per step, from the practitioners' common ranges in the method. */
export const FORMAT_MINUTES: Record<Exclude<Format, "custom">, Durations> = {
  classic: { presentation: 10, clarification: 15, contract: 10, consultation: 30, synthesis: 15, evaluation: 10 },
  express: { presentation: 5, clarification: 10, contract: 5, consultation: 20, synthesis: 10, evaluation: 10 },
  flash: { presentation: 5, clarification: 5, contract: 3, consultation: 10, synthesis: 5, evaluation: 5 },
  troika: { presentation: 2, clarification: 3, contract: 1, consultation: 5, synthesis: 2, evaluation: 2 },
};

export const NotepadPolicy = { everyone: "everyone", clientAndScribe: "clientAndScribe" } as const;
export type NotepadPolicy = (typeof NotepadPolicy)[keyof typeof NotepadPolicy];

export const ActionStatus = { open: "open", inProgress: "inProgress", done: "done", dropped: "dropped" } as const;
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];
export const ACTION_STATUSES: readonly ActionStatus[] = Object.values(ActionStatus);

export interface Participant {
  id: string;
  name: string;
  role: Role;
  /** True when the meeting (Zoom) says this person is host or co-host. */
  host: boolean;
  joinedAt: number;
}

export interface Situation {
  id: string;
  proposerId: string;
  title: string;
  stakes: string;
  votes: string[];
  at: number;
}

export interface Authored {
  id: string;
  authorId: string;
  text: string;
  at: number;
}

export interface Idea extends Authored {
  marked: boolean;
}

export interface Action {
  id: string;
  text: string;
  /** Who or what the client will lean on; empty when none was named. */
  resources: string;
  /** ISO date YYYY-MM-DD, or null when the client sets none. */
  dueDate: string | null;
  status: ActionStatus;
  at: number;
}

/** What the client writes at the presentation: the situation in a headline ("manchette") and their question. */
export interface Headline {
  text: string;
  question: string;
  at: number;
}

export interface Request {
  text: string;
  /** Reformulation the client adopted, if any. */
  adoptedFrom: string | null;
  at: number;
}

export interface Timer {
  status: "idle" | "running" | "paused" | "expired";
  /** Absolute server time at which the step's time is up, when running or expired. */
  endsAt: number | null;
  /** Time left, kept while paused or idle. */
  remainingMs: number;
}

/** The previous consultation's plan, loaded from the group's history for the follow-up. */
export interface PreviousPlan {
  consultationId: string;
  clientName: string;
  /** Participant id (Zoom user id) of that client, when known. */
  clientUserId: string | null;
  request: string;
  actions: Array<{ id: string; text: string; resources: string; dueDate: string | null; status: ActionStatus }>;
}

export interface FollowUpReport {
  consultationId: string;
  actionId: string;
  status: ActionStatus;
  note: string;
  at: number;
}

export interface Consultation {
  id: string;
  /** 1 for the meeting's first consultation. */
  number: number;
  phase: Phase;
  format: Format;
  /** Minutes per step. */
  durations: Durations;
  clientId: string | null;
  scribeId: string | null;
  notepadPolicy: NotepadPolicy;
  situations: Situation[];
  chosenSituationId: string | null;
  headline: Headline | null;
  questions: Authored[];
  request: Request | null;
  reformulations: Authored[];
  ideas: Idea[];
  actions: Action[];
  learnings: Authored[];
  followUp: { plans: PreviousPlan[]; reports: FollowUpReport[] };
  timer: Timer;
  startedAt: number;
  closedAt: number | null;
  /** The phase it was closed from: "evaluation" when it ran its course, an earlier one when closed early; null while open. */
  closedFrom: Phase | null;
}

/** The group a meeting belongs to, as its participants see it (the group's memory lives on the server). */
export interface MeetingGroup {
  id: string;
  name: string;
  mission: string | null;
  charter: string | null;
}

export interface RoomState {
  /** Number of accepted commands; every accepted command adds one. */
  version: number;
  roomId: string;
  participants: Participant[];
  consultation: Consultation;
  /** The meeting's group once attached or recognised; absent or null while it has none. */
  group?: MeetingGroup | null;
}

export function initialState(roomId: string, consultationId: string, now: number): RoomState {
  return { version: 0, roomId, participants: [], consultation: newConsultation(consultationId, 1, now, []) };
}

export function newConsultation(id: string, number: number, now: number, plans: PreviousPlan[]): Consultation {
  return {
    id,
    number,
    phase: "lobby",
    format: "classic",
    durations: { ...FORMAT_MINUTES.classic },
    clientId: null,
    scribeId: null,
    notepadPolicy: NotepadPolicy.everyone,
    situations: [],
    chosenSituationId: null,
    headline: null,
    questions: [],
    request: null,
    reformulations: [],
    ideas: [],
    actions: [],
    learnings: [],
    followUp: { plans, reports: [] },
    timer: { status: "idle", endsAt: null, remainingMs: 0 },
    startedAt: now,
    closedAt: null,
    closedFrom: null,
  };
}

/**
 * Closed before its last step (the animator's "close" from an earlier phase). Takes plain strings too, as the group's
 * history stores them (`status` is the phase).
 */
export function closedEarly(c: { phase: string; closedFrom: string | null }): boolean {
  return c.phase === "closed" && c.closedFrom !== null && c.closedFrom !== "evaluation";
}

export function animatorOf(state: RoomState): Participant | undefined {
  return state.participants.find((p) => p.role === Role.animator);
}

export function participant(state: RoomState, id: string): Participant | undefined {
  return state.participants.find((p) => p.id === id);
}
