// The room's retention and timing constants, in one object so a test can shrink them on a live instance.

export interface RoomTuning {
  /** Events kept for resync; a client further behind gets a snapshot. */
  retainedEvents: number;
  /** A state snapshot is written every this many events; the events since the last one rebuild the state. */
  snapshotEvery: number;
  dedupeMaxAgeMs: number;
  dedupeMaxRows: number;
  /** How long the animator may be gone (all sockets closed) before the role is handed over. */
  animatorGraceMs: number;
  /** First retry delay of the results outbox; doubles per failed attempt. */
  outboxRetryMs: number;
  outboxMaxRetryMs: number;
  /** Least time between two deliveries of one consultation's results (closing is delivered at once). */
  outboxCoalesceMs: number;
  /** The note pad's update log is compacted into one snapshot past this many updates or bytes. */
  notepadCompactUpdates: number;
  notepadCompactBytes: number;
  /** A breakout room's report to its main room waits this long, so a burst of changes makes one report. */
  parentReportDelayMs: number;
  /** First retry delay of that report; doubles per failed attempt up to the max. */
  parentReportRetryMs: number;
  parentReportMaxRetryMs: number;
}

export const DEFAULT_TUNING: RoomTuning = {
  retainedEvents: 1000,
  snapshotEvery: 25,
  dedupeMaxAgeMs: 24 * 60 * 60_000,
  dedupeMaxRows: 5000,
  animatorGraceMs: 20_000,
  outboxRetryMs: 5_000,
  outboxMaxRetryMs: 10 * 60_000,
  outboxCoalesceMs: 5_000,
  notepadCompactUpdates: 500,
  notepadCompactBytes: 256 * 1024,
  parentReportDelayMs: 1_000,
  parentReportRetryMs: 2_000,
  parentReportMaxRetryMs: 60_000,
};
