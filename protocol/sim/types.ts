// What a simulated consultation takes and what it reports.
import type { SocketLike } from "../client/RoomConnection.ts";
import type { Format, Phase } from "../model.ts";

/** The part of AbortSignal the simulation uses (protocol/ has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface SimOptions {
  /** http(s) base URL of a server running in dev mode. */
  baseUrl: string;
  /** Dev room code (a-z, 0-9, -). */
  room: string;
  /** Simulated participants, at least 3 (animator, client, one consultant); a scribe is named from 5. */
  participants: number;
  format?: Exclude<Format, "custom">;
  /** Pause between actions so a person can follow; 0 runs as fast as the room answers. */
  paceMs?: number;
  signal?: AbortSignalLike;
  log?: (line: string) => void;
  createSocket?: (url: string) => SocketLike;
  /** How long to wait for an acknowledgement or an expected state before calling it lost (default 15 s). */
  timeoutMs?: number;
}

export interface SimProblem {
  participant: string;
  command: string;
  code: string;
  message: string;
}

export interface SimCounts {
  participants: number;
  situations: number;
  votes: number;
  questions: number;
  reformulations: number;
  ideas: number;
  markedIdeas: number;
  actions: number;
  learnings: number;
  followUpReports: number;
}

export interface SimResult {
  ok: boolean;
  roomId: string | null;
  consultationId: string | null;
  /** State version after the consultation closed. */
  version: number;
  /** Phases the consultation went through, in order. */
  phases: Phase[];
  client: { participantId: string; name: string } | null;
  request: string | null;
  counts: SimCounts;
  commandsSent: number;
  commandsAcknowledged: number;
  rejections: SimProblem[];
  errors: SimProblem[];
  /** Every simulated participant ended with a deep-equal state. */
  sameState: boolean;
  /** Where the first two states differ, when they do. */
  mismatch: string | null;
  /** Every command got its acknowledgement (none lost, none left pending). */
  allAcknowledged: boolean;
  /** Why the run stopped early, if it did. */
  failure: string | null;
  durationMs: number;
}
