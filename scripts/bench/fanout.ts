// Fan-out of a step change: rooms of 6 and 15 with 1, 50 and 200 rooms live, against the echo floor.
import { type Comparison, compareTargets, type Side } from "./compare.ts";
import type { FanoutCase } from "./config.ts";
import type { BenchContext } from "./context.ts";
import { type BenchRoom, openEchoRooms, openRealRooms, type Stage } from "./rooms.ts";

export interface CaseResult {
  case: FanoutCase;
  comparison: Comparison;
}

/** Called right after the room's last window, its sockets still open (for the profile and the memory readings). */
export type CaseHook = (c: FanoutCase, room: BenchRoom[], closeEcho: () => void) => Promise<void>;

/** Both targets' sockets at once, at most: about 4 descriptors each in the dev proxy, under a limit of 20 000. */
const MAX_SOCKETS_TOGETHER = 4000;

export async function runCase(
  ctx: BenchContext,
  c: FanoutCase,
  kind: "step" | "idea",
  hook?: CaseHook,
): Promise<CaseResult> {
  const label = `${kind === "step" ? "fan-out" : "ideas"} ${c.rooms}x${c.size} @${c.rate}/s`;
  const stage: Stage = kind === "step" ? "steps" : "ideas";
  const opened = (side: string, started: number) =>
    ctx.log(
      `${label}: ${c.rooms * c.size} ${side} sockets open in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  let echoSide: Side | null = null;
  const comparison = await compareTargets(
    {
      together: 2 * c.rooms * c.size <= MAX_SOCKETS_TOGETHER,
      echo: async () => {
        const started = performance.now();
        echoSide = await openEchoRooms(ctx.baseUrl, ctx.tag("e"), c.rooms, c.size);
        opened("echo", started);
        return echoSide;
      },
      room: async () => {
        const started = performance.now();
        const set = await openRealRooms(ctx.baseUrl, ctx.tag("r"), c.rooms, c.size, stage);
        opened("room", started);
        return set;
      },
      afterLastRoomWindow: hook ? (rooms) => hook(c, rooms, () => echoSide?.close()) : undefined,
    },
    {
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
    },
  );
  return { case: c, comparison };
}
