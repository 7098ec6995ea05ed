// Runs the same load on the bare echo room and on the real room, interleaved run by run, and sums each side up.
import type { LoadKind } from "./loadClient.ts";
import { runWindow, type WindowResult } from "./openLoop.ts";
import type { BenchRoom } from "./rooms.ts";
import { percentiles, type Spread, spread, sum } from "./stats.ts";

export interface Latency {
  p50: Spread;
  p95: Spread;
  p99: Spread;
  max: Spread;
  /** Samples per run. */
  n: number[];
}

export interface SideSummary {
  fanout: Latency;
  ack: Latency;
  others: Latency;
  commands: number;
  lost: number;
  duplicated: number;
  reordered: number;
  gaps: number;
  rejected: number;
  errors: number;
  harnessCpuMax: number;
  loopDelayP99Max: number;
  serverCpu: Spread;
  othersCpu: Spread;
  iowait: Spread;
  /** Server CPU time per command (ms), a cost the latency figures alone hide. */
  serverCpuMsPerCommand: Spread;
  problems: string[];
}

export interface Comparison {
  room: SideSummary;
  echo: SideSummary;
}

export interface LoadSpec {
  kind: LoadKind;
  rate: number;
  durationMs: number;
  warmupMs: number;
  drainMs: number;
  runs: number;
  serverGroup: number;
  log: (line: string) => void;
  label: string;
  idleServerCpu: number;
}

/** A target's rooms, opened on demand and closed when done. */
export interface Side {
  rooms: BenchRoom[];
  close(): void;
}

export interface Targets {
  room: () => Promise<Side>;
  echo: () => Promise<Side>;
  /**
   * Both sets open for the whole case (windows interleave on the same rooms), or each opened for its own window
   * and closed after it: the dev proxy holds about four file descriptors per socket, so the biggest cases cannot
   * keep both sets open under the usual limit of 20 000.
   */
  together: boolean;
  /** Runs with the room's sockets still open right after its last window (profile, memory). */
  afterLastRoomWindow?: (rooms: BenchRoom[]) => Promise<void>;
}

export async function compareTargets(targets: Targets, spec: LoadSpec): Promise<Comparison> {
  const results: { room: WindowResult[]; echo: WindowResult[] } = { room: [], echo: [] };
  const open: { room: Side | null; echo: Side | null } = { room: null, echo: null };
  try {
    if (targets.together) {
      open.echo = await targets.echo();
      open.room = await targets.room();
    }
    for (let run = 0; run < spec.runs; run++) {
      // Alternating keeps slow drifts of the machine (other programs, heat) from favouring one side; the last run
      // ends with the room, so what follows it sees the room right after its load.
      const last = run === spec.runs - 1;
      const order = run % 2 === 0 || last ? (["echo", "room"] as const) : (["room", "echo"] as const);
      for (const side of order) {
        const set = open[side] ?? (await targets[side]());
        open[side] = set;
        const r = await runWindow({
          rooms: set.rooms,
          kind: spec.kind,
          ratePerRoom: spec.rate,
          ...windowTimes(spec),
          serverGroup: spec.serverGroup,
        });
        results[side].push(r);
        spec.log(`${spec.label} run ${run + 1} ${side}: ${brief(r)}`);
        if (side === "room" && last) {
          if (!targets.together) closeSide(open, "echo");
          await targets.afterLastRoomWindow?.(set.rooms);
        }
        if (!targets.together) closeSide(open, side);
      }
    }
  } finally {
    closeSide(open, "echo");
    closeSide(open, "room");
  }
  return { room: summarize(results.room, spec.idleServerCpu), echo: summarize(results.echo, spec.idleServerCpu) };
}

function closeSide(open: { room: Side | null; echo: Side | null }, side: "room" | "echo"): void {
  open[side]?.close();
  open[side] = null;
}

function windowTimes(spec: LoadSpec) {
  return { durationMs: spec.durationMs, warmupMs: spec.warmupMs, drainMs: spec.drainMs };
}

export function brief(r: WindowResult): string {
  const f = percentiles(r.fanout);
  const loss = r.lost + r.duplicated + r.reordered + r.gaps;
  return (
    `n=${f.n} p50=${f.p50.toFixed(1)} p99=${f.p99.toFixed(1)} max=${f.max.toFixed(1)} ms` +
    `${loss ? ` LOST/DUP=${loss}` : ""}${r.rejected + r.errors ? ` rejected/errors=${r.rejected + r.errors}` : ""}` +
    ` cpu harness ${r.harnessCpu.toFixed(0)}% server ${r.serverCpu.toFixed(0)}% others ${r.othersCpu.toFixed(0)}%`
  );
}

function latency(samples: number[][]): Latency {
  const per = samples.map(percentiles);
  return {
    p50: spread(per.map((p) => p.p50)),
    p95: spread(per.map((p) => p.p95)),
    p99: spread(per.map((p) => p.p99)),
    max: spread(per.map((p) => p.max)),
    n: per.map((p) => p.n),
  };
}

export function summarize(runs: WindowResult[], idleServerCpu: number): SideSummary {
  return {
    fanout: latency(runs.map((r) => r.fanout)),
    ack: latency(runs.map((r) => r.ack)),
    others: latency(runs.map((r) => r.others)),
    commands: sum(runs.map((r) => r.commands)),
    lost: sum(runs.map((r) => r.lost)),
    duplicated: sum(runs.map((r) => r.duplicated)),
    reordered: sum(runs.map((r) => r.reordered)),
    gaps: sum(runs.map((r) => r.gaps)),
    rejected: sum(runs.map((r) => r.rejected)),
    errors: sum(runs.map((r) => r.errors)),
    harnessCpuMax: Math.max(0, ...runs.map((r) => r.harnessCpu)),
    loopDelayP99Max: Math.max(0, ...runs.map((r) => r.loopDelayP99)),
    serverCpu: spread(runs.map((r) => r.serverCpu)),
    othersCpu: spread(runs.map((r) => r.othersCpu)),
    iowait: spread(runs.map((r) => r.iowait)),
    serverCpuMsPerCommand: spread(
      runs.map((r) =>
        r.sentTotal > 0 ? ((Math.max(0, r.serverCpu - idleServerCpu) / 100) * r.wallMs) / r.sentTotal : Number.NaN,
      ),
    ),
    problems: [...new Set(runs.flatMap((r) => r.problems))].slice(0, 5),
  };
}
