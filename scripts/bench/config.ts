// What each scenario measures and for how long, for the full run and for the quick smoke run.

export interface FanoutCase {
  size: number;
  rooms: number;
  /** Commands per second per room. */
  rate: number;
  durationMs: number;
}

export interface BenchConfig {
  quick: boolean;
  /** Runs per figure; the report gives the median and the range. */
  runs: number;
  warmupMs: number;
  drainMs: number;
  fanout: FanoutCase[];
  ideas: FanoutCase;
  /** Single room throughput: commands per second tried in turn, until p99 passes the limit. */
  throughput: { size: number; rates: number[]; durationMs: number; p99LimitMs: number };
  storm: { rooms: number; size: number; rate: number; dropAtMs: number; durationMs: number };
  /** How long rooms stay idle before the "after idle" memory reading. */
  idleMs: number;
  /** Length of the CPU profile taken under the 50-room load. */
  profileMs: number;
  /** The panel's first render in Chromium: loads per case, and the CPU slowdowns tried. */
  render: { runs: number; slowdowns: number[] };
}

const FULL: BenchConfig = {
  quick: false,
  runs: 3,
  warmupMs: 1000,
  drainMs: 5000,
  fanout: [6, 15].flatMap((size) => [
    { size, rooms: 1, rate: 1, durationMs: 10_000 },
    { size, rooms: 50, rate: 1, durationMs: 8000 },
    { size, rooms: 200, rate: 0.5, durationMs: 8000 },
  ]),
  ideas: { size: 6, rooms: 50, rate: 1, durationMs: 8000 },
  throughput: { size: 15, rates: [25, 50, 100, 135, 200, 300, 400, 600, 800], durationMs: 3000, p99LimitMs: 50 },
  storm: { rooms: 50, size: 15, rate: 1, dropAtMs: 3000, durationMs: 8000 },
  idleMs: 20_000,
  profileMs: 5000,
  render: { runs: 10, slowdowns: [1, 4] },
};

/** A few seconds per scenario and smaller room counts: proves the whole bench runs, in about a minute. */
const QUICK: BenchConfig = {
  quick: true,
  runs: 2,
  warmupMs: 300,
  drainMs: 3000,
  fanout: [
    { size: 6, rooms: 1, rate: 2, durationMs: 1500 },
    { size: 15, rooms: 10, rate: 1, durationMs: 1500 },
  ],
  ideas: { size: 6, rooms: 5, rate: 2, durationMs: 1500 },
  throughput: { size: 15, rates: [50, 135], durationMs: 1500, p99LimitMs: 50 },
  storm: { rooms: 3, size: 15, rate: 1, dropAtMs: 600, durationMs: 1600 },
  idleMs: 2000,
  profileMs: 1500,
  render: { runs: 2, slowdowns: [1] },
};

export function benchConfig(quick: boolean): BenchConfig {
  return quick ? QUICK : FULL;
}
