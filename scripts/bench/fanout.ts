// Fan-out of a step change: rooms of 6 and 15 with 1, 50 and 200 rooms live, against the echo floor.
import { type Comparison, compareTargets } from "./compare.ts";
import type { FanoutCase } from "./config.ts";
import type { BenchContext } from "./context.ts";
import { type BenchRoom, openEchoRooms, openRealRooms, type Stage } from "./rooms.ts";

export interface CaseResult {
  case: FanoutCase;
  comparison: Comparison;
}

/** Called with both sets still open, after the case's runs (for the profile and the memory readings). */
export type CaseHook = (c: FanoutCase, room: BenchRoom[], closeEcho: () => void) => Promise<void>;

export async function runCase(
  ctx: BenchContext,
  c: FanoutCase,
  kind: "step" | "idea",
  hook?: CaseHook,
): Promise<CaseResult> {
  const label = `${kind === "step" ? "fan-out" : "ideas"} ${c.rooms}x${c.size} @${c.rate}/s`;
  const started = performance.now();
  const stage: Stage = kind === "step" ? "steps" : "ideas";
  const echo = await openEchoRooms(ctx.baseUrl, ctx.tag("e"), c.rooms, c.size);
  const room = await openRealRooms(ctx.baseUrl, ctx.tag("r"), c.rooms, c.size, stage).catch((err: unknown) => {
    echo.close();
    throw err;
  });
  ctx.log(`${label}: ${2 * c.rooms * c.size} sockets open in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    const comparison = await compareTargets(room.rooms, echo.rooms, {
      kind,
      rate: c.rate,
      durationMs: c.durationMs,
      warmupMs: ctx.config.warmupMs,
      drainMs: ctx.config.drainMs,
      runs: ctx.config.runs,
      serverGroup: ctx.group,
      log: ctx.log,
      label,
      idleServerCpu: ctx.idleServerCpu,
    });
    if (hook) await hook(c, room.rooms, () => echo.close());
    return { case: c, comparison };
  } finally {
    echo.close();
    room.close();
  }
}
