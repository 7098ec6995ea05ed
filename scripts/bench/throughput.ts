// Single-room throughput: votes from every member of one room at rising rates until p99 passes the limit.
import type { BenchContext } from "./context.ts";
import { runWindow, type WindowResult } from "./openLoop.ts";
import { type BenchRoom, openEchoRooms, openRealRooms } from "./rooms.ts";
import { percentiles } from "./stats.ts";

/** The room throttles each socket above 10 frames/s (burst 30); beyond 9.5/s per socket a short window would cheat. */
const ROOM_RATE_PER_SOCKET = 9.5;

export interface LadderStep {
  rate: number;
  p50: number;
  p99: number;
  lost: number;
  rejectedOrErrors: number;
  serverCpu: number;
  harnessCpu: number;
}

export interface LadderRun {
  /** Highest rate whose p99 stayed within the limit, with nothing lost or refused. */
  sustained: number;
  /** Why the ladder stopped: latency, loss or refusal, the room's rate limit, or the end of the ladder. */
  stoppedBy: "latency" | "loss" | "rate limit" | "end of ladder";
  steps: LadderStep[];
}

export interface ThroughputResult {
  room: LadderRun[];
  echo: LadderRun[];
  size: number;
}

export async function runThroughput(ctx: BenchContext): Promise<ThroughputResult> {
  const t = ctx.config.throughput;
  const out: ThroughputResult = { room: [], echo: [], size: t.size };
  for (let run = 0; run < ctx.config.runs; run++) {
    // A fresh pair of rooms per run, so one run's backlog or state growth cannot weigh on the next.
    const echo = await openEchoRooms(ctx.baseUrl, ctx.tag("te"), 1, t.size);
    const room = await openRealRooms(ctx.baseUrl, ctx.tag("tr"), 1, t.size, "choice");
    try {
      for (const side of run % 2 === 0 ? (["echo", "room"] as const) : (["room", "echo"] as const)) {
        const ladder = await climb(ctx, side === "room" ? room.rooms : echo.rooms, side === "room");
        out[side].push(ladder);
        ctx.log(`throughput run ${run + 1} ${side}: ${ladder.sustained}/s (stopped by ${ladder.stoppedBy})`);
      }
    } finally {
      echo.close();
      room.close();
    }
  }
  return out;
}

async function climb(ctx: BenchContext, rooms: BenchRoom[], limited: boolean): Promise<LadderRun> {
  const t = ctx.config.throughput;
  const steps: LadderStep[] = [];
  let sustained = 0;
  for (const rate of t.rates) {
    if (limited && rate > t.size * ROOM_RATE_PER_SOCKET) return { sustained, stoppedBy: "rate limit", steps };
    const r = await runWindow({
      rooms,
      kind: "vote",
      ratePerRoom: rate,
      durationMs: t.durationMs,
      warmupMs: Math.min(500, t.durationMs / 4),
      drainMs: ctx.config.drainMs,
      serverGroup: ctx.group,
    });
    const step = stepOf(rate, r);
    steps.push(step);
    if (step.lost > 0 || step.rejectedOrErrors > 0) return { sustained, stoppedBy: "loss", steps };
    if (step.p99 > t.p99LimitMs) return { sustained, stoppedBy: "latency", steps };
    sustained = rate;
  }
  return { sustained, stoppedBy: "end of ladder", steps };
}

function stepOf(rate: number, r: WindowResult): LadderStep {
  const f = percentiles(r.fanout);
  return {
    rate,
    p50: f.p50,
    p99: f.p99,
    lost: r.lost + r.gaps + r.duplicated + r.reordered,
    rejectedOrErrors: r.rejected + r.errors,
    serverCpu: r.serverCpu,
    harnessCpu: r.harnessCpu,
  };
}
