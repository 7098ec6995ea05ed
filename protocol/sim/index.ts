// Simulated participants over the real protocol: the simulate script, the bench and the panel's demo use this.
export { firstDifference } from "./deepDiff.ts";
export { runConsultation } from "./runConsultation.ts";
export { type JoinOptions, joinParticipants, newJournal, type SimJournal, SimParticipant } from "./SimParticipant.ts";
export type { AbortSignalLike, SimCounts, SimOptions, SimProblem, SimResult } from "./types.ts";
export { SimError, sleep, withDeadline } from "./wait.ts";
