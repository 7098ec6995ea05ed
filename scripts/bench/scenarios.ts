// The scenarios in the order a run takes them, each recording its figures or its failure and moving on.

import type { BenchContext } from "./context.ts";
import { diagnoseVotes } from "./diagnose.ts";
import { type CaseHook, runCase } from "./fanout.ts";
import { runFlood } from "./flood.ts";
import { readMemory } from "./memory.ts";
import { runWindow } from "./openLoop.ts";
import { startCpuMeter } from "./procStats.ts";
import { startProfile, stopProfile } from "./profile.ts";
import { measureRender } from "./render.ts";
import type { BenchResults } from "./results.ts";
import { openEchoRooms } from "./rooms.ts";
import type { SimModule } from "./simRooms.ts";
import { sleep } from "./socket.ts";
import { stormEcho, stormRoom } from "./storm.ts";
import { runThroughput } from "./throughput.ts";

async function attempt(r: BenchResults, ctx: BenchContext, name: string, fn: () => Promise<void>): Promise<void> {
  if (ctx.serverCrashes() > 0) {
    r.failures.push(`${name}: skipped, the Workers runtime crashed earlier in the run`);
    return;
  }
  try {
    await fn();
  } catch (err) {
    const server = ctx.serverErrors();
    const message = `${name}: ${err instanceof Error ? err.message : String(err)}${server.length ? ` (server: ${server.join(" / ")})` : ""}`;
    r.failures.push(message);
    ctx.log(`FAILED ${message}`);
  }
}

export async function runScenarios(r: BenchResults, ctx: BenchContext, sim: SimModule): Promise<void> {
  const c = ctx.config;
  // First, on a quiet server: the render figures are about the panel, not about a loaded room.
  await attempt(r, ctx, "panel render", async () => {
    r.render = await measureRender(ctx);
  });
  r.memory.push(await readMemory("server started, no rooms", ctx.group, ctx.inspector));
  const biggest = c.fanout.reduce((a, b) => (b.rooms * b.size > a.rooms * a.size ? b : a));
  const profiled = c.fanout.find((f) => f.rooms === 50 && f.size === 15) ?? biggest;
  for (const f of c.fanout) {
    const hooks: CaseHook[] = [];
    if (f === profiled) {
      hooks.push((_c, room, _close) => profileBoth(r, ctx, room, f.rooms, f.size, f.rate));
      hooks.push(async () => {
        r.diagnosis = await diagnoseVotes(ctx, f.rooms, f.size, f.rate);
        ctx.log(`votes in ${f.rooms}x${f.size}: p50 ${r.diagnosis.vote.fanout.p50.median.toFixed(1)} ms`);
      });
    }
    if (f === biggest) hooks.push((_c, room, closeEcho) => memoryReadings(r, ctx, room.length, f.size, closeEcho));
    await attempt(r, ctx, `fan-out ${f.rooms}x${f.size}`, async () => {
      r.fanout.push(
        await runCase(ctx, f, "step", async (cc, room, closeEcho) => {
          // A failed profile or memory reading must not cost the case its figures.
          for (const h of hooks)
            await attempt(r, ctx, `fan-out ${f.rooms}x${f.size} extras`, () => h(cc, room, closeEcho));
        }),
      );
    });
    if (f === biggest) {
      await sleep(c.quick ? 1000 : 3000);
      r.memory.push(await readMemory("every socket closed", ctx.group, ctx.inspector));
    }
  }
  await attempt(r, ctx, "ideas", async () => {
    r.ideas = await runCase(ctx, c.ideas, "idea");
  });
  await attempt(r, ctx, "throughput", async () => {
    r.throughput = await runThroughput(ctx);
  });
  await attempt(r, ctx, "reconnect storm", async () => {
    r.storm = await storm(ctx, sim);
  });
  await attempt(r, ctx, "flood", async () => {
    r.flood = await runFlood(ctx);
  });
}

/** CPU profiles of the isolate while each target carries the same load (extra windows, not counted as runs). */
async function profileBoth(
  r: BenchResults,
  ctx: BenchContext,
  room: Parameters<CaseHook>[1],
  rooms: number,
  size: number,
  rate: number,
) {
  const inspector = ctx.inspector;
  if (!inspector) return;
  const echo = await openEchoRooms(ctx.baseUrl, ctx.tag("pe"), rooms, size);
  try {
    const load = `${rooms} rooms × ${size} sockets, ${rate} step change/s per room, ${ctx.config.profileMs / 1000} s`;
    const profiles: NonNullable<BenchResults["profile"]> = { load, room: null, echo: null };
    for (const [side, rooms_] of [
      ["room", room],
      ["echo", echo.rooms],
    ] as const) {
      await startProfile(inspector);
      await runWindow({
        rooms: rooms_,
        kind: "step",
        ratePerRoom: rate,
        durationMs: ctx.config.profileMs,
        warmupMs: 0,
        drainMs: ctx.config.drainMs,
        serverGroup: ctx.group,
      });
      profiles[side] = await stopProfile(inspector, 20);
    }
    r.profile = profiles;
    ctx.log("profiled room and echo");
  } finally {
    echo.close();
  }
}

async function memoryReadings(r: BenchResults, ctx: BenchContext, rooms: number, size: number, closeEcho: () => void) {
  closeEcho();
  await sleep(ctx.config.quick ? 500 : 2000);
  r.memory.push(
    await readMemory(`${rooms} rooms × ${size} live, right after load (echo rooms closed)`, ctx.group, ctx.inspector),
  );
  await sleep(ctx.config.idleMs);
  r.memory.push(
    await readMemory(`same, after ${ctx.config.idleMs / 1000} s idle (hibernation)`, ctx.group, ctx.inspector),
  );
  ctx.log("memory read live and after idle");
}

async function storm(ctx: BenchContext, sim: SimModule): Promise<NonNullable<BenchResults["storm"]>> {
  const s = ctx.config.storm;
  const out: NonNullable<BenchResults["storm"]> = { room: [], echo: [], harnessCpuMax: 0 };
  for (let run = 0; run < ctx.config.runs; run++) {
    const cpu = startCpuMeter(ctx.group);
    const room = await stormRoom(sim, ctx.baseUrl, ctx.tag("s"), s);
    out.harnessCpuMax = Math.max(out.harnessCpuMax, cpu.stop().harness);
    const echo = await stormEcho(ctx.baseUrl, ctx.tag("se"), s);
    out.room.push(room);
    out.echo.push(echo);
    ctx.log(
      `storm run ${run + 1}: room ${room.resyncMs.toFixed(0)} ms (lost ${room.lost}, dup ${room.duplicated}, twice ${room.appliedTwice}), echo ${echo.resyncMs.toFixed(0)} ms`,
    );
  }
  return out;
}
