// Flooding: one socket far above the rate limit, reconnecting each time it is closed, beside a busy room's members.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { requestDevSession } from "../../protocol/client/devSession.ts";
import { PROTOCOL_VERSION } from "../../protocol/model.ts";
import type { Latency } from "./compare.ts";
import { summarize } from "./compare.ts";
import type { BenchContext } from "./context.ts";
import { cell, num, table } from "./format.ts";
import { runWindow, type WindowResult } from "./openLoop.ts";
import { openRealRooms } from "./rooms.ts";
import { sleep, withRetries } from "./socket.ts";
import { ratio, type Spread, spread } from "./stats.ts";
import { roomSocketUrl } from "./wire.ts";

/** DESIGN.md's reliability rule as the issue puts it: the others' p99 within 2× of the quiet case. */
export const FLOOD_TARGET_RATIO = 2;

export interface FloodSpec {
  /** Members of the busy room (an animator, a client, consultants), all voting in turn. */
  size: number;
  /** The members' own load, in votes per second for the whole room. */
  rate: number;
  /** Frames per second the flooder tries to send. */
  floodRate: number;
  durationMs: number;
}

export interface FloodStats {
  framesSent: number;
  /** rate_limited answers the flooder got. */
  throttled: number;
  /** Times the room closed the flooder with 1008, and times it came back. */
  closedForFlooding: number;
  reconnects: number;
}

export interface FloodSide {
  fanout: Latency;
  ack: Latency;
  lost: number;
  refused: number;
  /** The harness's own load (the flooder runs in a process of its own) and the server's CPU (% of one core). */
  harnessCpuMax: number;
  loopDelayP99Max: number;
  serverCpu: Spread;
  othersCpuMax: number;
}

export interface FloodResult {
  spec: FloodSpec;
  /** The members' figures without and with the flooder, from the same room in the same run. */
  quiet: FloodSide;
  flooded: FloodSide;
  /** Flooded p99 over quiet p99, run by run. */
  p99Ratio: Spread;
  flood: FloodStats[];
}

export function floodSpec(quick: boolean): FloodSpec {
  return quick
    ? { size: 15, rate: 10, floodRate: 1000, durationMs: 2000 }
    : { size: 15, rate: 20, floodRate: 1000, durationMs: 10_000 };
}

/**
 * A client stuck in a send loop: it sends vote commands (each one the room would accept and broadcast) at
 * floodRate, and when the room closes it for flooding it reconnects at once and goes on, with a fresh socket.
 */
class Flooder {
  readonly stats: FloodStats = { framesSent: 0, throttled: 0, closedForFlooding: 0, reconnects: 0 };
  private ws: WebSocket | null = null;
  private running = false;
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly url: string;
  private readonly situations: readonly string[];
  private readonly perTick: number;

  constructor(url: string, situations: readonly string[], floodRate: number) {
    this.url = url;
    this.situations = situations;
    this.perTick = Math.max(1, Math.round(floodRate / 100));
  }

  async start(): Promise<void> {
    this.running = true;
    await this.connect();
    this.timer = setInterval(() => this.tick(), 10);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.ws?.close(1000);
    this.ws = null;
  }

  private async connect(): Promise<void> {
    const ws = new WebSocket(this.url);
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data === "string" && ev.data.includes('"rate_limited"')) this.stats.throttled++;
    };
    ws.onclose = (ev: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (ev.code === 1008) this.stats.closedForFlooding++;
      if (!this.running) return;
      this.stats.reconnects++;
      void this.connect().catch(() => undefined);
    };
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error("the flooder's socket failed to open"));
    });
    ws.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: null }));
    this.ws = ws;
  }

  private tick(): void {
    const ws = this.ws;
    // Past a megabyte queued locally the harness, not the room, would be the bottleneck.
    if (!ws || ws.readyState !== WebSocket.OPEN || ws.bufferedAmount > 1 << 20) return;
    for (let i = 0; i < this.perTick; i++) {
      const situationId = this.situations[this.seq % this.situations.length] ?? "";
      ws.send(JSON.stringify({ type: "command", id: `flood-${this.seq++}`, command: { type: "vote", situationId } }));
      this.stats.framesSent++;
    }
  }
}

export async function runFlood(ctx: BenchContext, spec: FloodSpec = floodSpec(ctx.config.quick)): Promise<FloodResult> {
  const set = await openRealRooms(ctx.baseUrl, ctx.tag("f"), 1, spec.size, "choice");
  const [room] = set.rooms;
  const [animator] = room?.clients ?? [];
  if (!room || !animator) throw new Error("no flood room");
  const code = room.id;
  const session = await withRetries("the flooder's session", () =>
    requestDevSession(ctx.baseUrl, { room: code, name: "Flooder", participantId: `flooder-${code}`, host: false }),
  );
  const url = roomSocketUrl(ctx.baseUrl, session.roomId, session.token);
  const windows: { quiet: WindowResult[]; flooded: WindowResult[] } = { quiet: [], flooded: [] };
  const stats: FloodStats[] = [];
  const window = () =>
    runWindow({
      rooms: [room],
      kind: "vote",
      ratePerRoom: spec.rate,
      durationMs: spec.durationMs,
      warmupMs: ctx.config.warmupMs,
      drainMs: ctx.config.drainMs,
      serverGroup: ctx.group,
    });
  try {
    for (let run = 0; run < ctx.config.runs; run++) {
      // Alternating keeps a drift of the machine from favouring one side.
      const order = run % 2 === 0 ? (["quiet", "flooded"] as const) : (["flooded", "quiet"] as const);
      for (const side of order) {
        if (side === "quiet") {
          windows.quiet.push(await window());
        } else {
          const flooder = startFlooderProcess(url, animator.voteTargets, spec.floodRate);
          try {
            await flooder.ready;
            // The flooder is already past its burst and being throttled when the window starts.
            await sleep(300);
            windows.flooded.push(await window());
          } finally {
            stats.push(await flooder.stop());
          }
          // Its last departure reaches everyone; let the room settle before the next window.
          await sleep(500);
        }
        const last = windows[side].at(-1);
        if (last) ctx.log(`flood run ${run + 1} ${side}: ${brief(last)}`);
      }
    }
  } finally {
    set.close();
  }
  const p99 = (w: WindowResult) => percentile99(w.fanout);
  return {
    spec,
    quiet: sideOf(windows.quiet, ctx.idleServerCpu),
    flooded: sideOf(windows.flooded, ctx.idleServerCpu),
    p99Ratio: spread(windows.flooded.map((w, i) => ratio(p99(w), p99(windows.quiet[i] ?? w)))),
    flood: stats,
  };
}

function sideOf(windows: WindowResult[], idleServerCpu: number): FloodSide {
  const s = summarize(windows, idleServerCpu);
  return {
    fanout: s.fanout,
    ack: s.ack,
    lost: lossOf(s),
    refused: s.rejected + s.errors,
    harnessCpuMax: s.harnessCpuMax,
    loopDelayP99Max: s.loopDelayP99Max,
    serverCpu: s.serverCpu,
    othersCpuMax: s.othersCpu.max,
  };
}

function lossOf(s: { lost: number; duplicated: number; reordered: number; gaps: number }): number {
  return s.lost + s.duplicated + s.reordered + s.gaps;
}

function percentile99(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(0.99 * sorted.length))) - 1] ?? Number.NaN;
}

function brief(w: WindowResult): string {
  return `n=${w.fanout.length} p99=${num(percentile99(w.fanout))} ms lost=${w.lost} refused=${w.rejected + w.errors}`;
}

/** The report's section: the members' latencies without and with the flooder, and what the flooder met. */
export function floodSection(r: FloodResult | null | undefined): string[] {
  if (!r) return [];
  const s = r.spec;
  const total = (k: keyof FloodStats) => r.flood.reduce((a, f) => a + f[k], 0);
  const verdict = r.p99Ratio.median <= FLOOD_TARGET_RATIO ? "within" : "NOT within";
  return [
    `## One socket flooding (${s.floodRate} frames/s, reconnecting when closed) beside ${s.size} members voting ${s.rate}/s`,
    "",
    table(
      ["members' figure (ms)", "quiet", "one socket flooding"],
      [
        ["fan-out p50", cell(r.quiet.fanout.p50), cell(r.flooded.fanout.p50)],
        ["fan-out p99", cell(r.quiet.fanout.p99), cell(r.flooded.fanout.p99)],
        ["fan-out max", cell(r.quiet.fanout.max), cell(r.flooded.fanout.max)],
        ["ack p99", cell(r.quiet.ack.p99), cell(r.flooded.ack.p99)],
        ["lost / refused", `${r.quiet.lost} / ${r.quiet.refused}`, `${r.flooded.lost} / ${r.flooded.refused}`],
      ],
    ),
    "",
    `Flooded p99 over quiet p99, run by run: ${cell(r.p99Ratio, 2)}× — ${verdict} the ${FLOOD_TARGET_RATIO}× target.`,
    `Harness (the flooder in a process of its own): CPU at most ${num(r.flooded.harnessCpuMax, 0)}% of a core, event-loop delay p99 at most ${num(r.flooded.loopDelayP99Max)} ms (quiet: ${num(r.quiet.harnessCpuMax, 0)}%, ${num(r.quiet.loopDelayP99Max)} ms); server CPU ${cell(r.quiet.serverCpu, 0)}% quiet, ${cell(r.flooded.serverCpu, 0)}% flooded; other programs at most ${num(r.quiet.othersCpuMax, 0)}% in quiet windows, ${num(r.flooded.othersCpuMax, 0)}% in flooded ones (the flooder's process included).`,
    `The flooder sent ${total("framesSent")} frames, got ${total("throttled")} rate_limited answers, was closed for flooding ${total("closedForFlooding")} times and came back ${total("reconnects")} times.`,
    "",
  ];
}

/**
 * The flooder runs in a process of its own, as another client machine would: its thousand frames a second must
 * not slow the harness that times the members.
 */
function startFlooderProcess(url: string, situations: readonly string[], floodRate: number) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), FLOODER_FLAG, url, String(floodRate), ...situations],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  let signalReady = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    signalReady = resolve;
    child.once("exit", () => reject(new Error("the flooder's process ended before it flooded")));
  });
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes(READY)) signalReady();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A stop before readiness must not leave an unhandled rejection behind.
  ready.catch(() => undefined);
  return {
    ready,
    async stop(): Promise<FloodStats> {
      child.stdin.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
      const last = out.trim().split("\n").at(-1) ?? "";
      return parseStats(last);
    },
  };
}

function parseStats(line: string): FloodStats {
  const empty: FloodStats = { framesSent: 0, throttled: 0, closedForFlooding: 0, reconnects: 0 };
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null) return empty;
    const read = (k: keyof FloodStats) => {
      const n = Object.getOwnPropertyDescriptor(value, k)?.value;
      return typeof n === "number" ? n : 0;
    };
    return {
      framesSent: read("framesSent"),
      throttled: read("throttled"),
      closedForFlooding: read("closedForFlooding"),
      reconnects: read("reconnects"),
    };
  } catch {
    return empty;
  }
}

const FLOODER_FLAG = "--flooder";
const READY = "flooding";

/** In the flooder's process: flood until the parent closes stdin, then print the stats as one JSON line. */
if (process.argv[2] === FLOODER_FLAG) {
  const [, , , url = "", rate = "1000", ...situations] = process.argv;
  const flooder = new Flooder(url, situations, Number(rate));
  await flooder.start();
  process.stdout.write(`${READY}\n`);
  process.stdin.resume();
  process.stdin.once("end", () => {
    flooder.stop();
    process.stdout.write(`${JSON.stringify(flooder.stats)}\n`, () => process.exit(0));
  });
}
