// What the load driver needs from one socket, whether it talks to the real room or to the bare echo room.

/** step: the animator changes step; idea: a consultant adds an idea; vote: anyone moves their vote (unbounded). */
export const LoadKind = { step: "step", idea: "idea", vote: "vote" } as const;
export type LoadKind = (typeof LoadKind)[keyof typeof LoadKind];

export interface LoadClient {
  readonly id: string;
  /** Arrival time of each load frame seen in the current window, by key (event version, or echo frame id). */
  readonly received: Map<string, number>;
  /** Send time and, once known, the key and acknowledgement time of each load command this socket sent. */
  readonly sent: Map<string, SentCommand>;
  /** Frames that came twice or out of order, and gaps in what should be a contiguous stream. */
  readonly anomalies: { duplicated: number; reordered: number; gaps: number; rejected: number; errors: number };
  /** Sends the next load command of this kind and returns its id. */
  sendLoad(kind: LoadKind): string;
  /** Forgets the current window's bookkeeping. */
  resetWindow(): void;
  close(): void;
}

export interface SentCommand {
  sentAt: number;
  /** The key receivers record it under; for the room it is only known from the acknowledgement. */
  key: string | null;
  ackAt: number | null;
}

export function newAnomalies(): LoadClient["anomalies"] {
  return { duplicated: 0, reordered: 0, gaps: 0, rejected: 0, errors: 0 };
}
