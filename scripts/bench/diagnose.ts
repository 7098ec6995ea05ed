// Tells the step change's own cost from the room's base cost: the same rooms' load with votes, which change the
// state but send nothing to D1, beside the step-change and echo figures of the same case.
import { type SideSummary, summarize } from "./compare.ts";
import type { BenchContext } from "./context.ts";
import { runWindow, type WindowResult } from "./openLoop.ts";
import { openRealRooms } from "./rooms.ts";

export interface Diagnosis {
  rooms: number;
  size: number;
  rate: number;
  vote: SideSummary;
}

export async function diagnoseVotes(ctx: BenchContext, rooms: number, size: number, rate: number): Promise<Diagnosis> {
  const set = await openRealRooms(ctx.baseUrl, ctx.tag("dv"), rooms, size, "choice");
  try {
    const runs: WindowResult[] = [];
    for (let run = 0; run < ctx.config.runs; run++) {
      runs.push(
        await runWindow({
          rooms: set.rooms,
          kind: "vote",
          ratePerRoom: rate,
          durationMs: ctx.config.fanout.find((f) => f.rooms === rooms && f.size === size)?.durationMs ?? 5000,
          warmupMs: ctx.config.warmupMs,
          drainMs: ctx.config.drainMs,
          serverGroup: ctx.group,
        }),
      );
    }
    return { rooms, size, rate, vote: summarize(runs, ctx.idleServerCpu) };
  } finally {
    set.close();
  }
}
