// CPU time and resident memory of the local server's processes (workerd children of wrangler), read from /proc.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface ProcSample {
  pid: number;
  name: string;
  /** User + system CPU time in ms. */
  cpuMs: number;
  rssKb: number;
}

const ticksPerSecond = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const n = Number.parseInt(out.stdout ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

function readStat(pid: number): { name: string; pgrp: number; cpuMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces.
    const close = text.lastIndexOf(")");
    const name = text.slice(text.indexOf("(") + 1, close);
    const fields = text
      .slice(close + 2)
      .trim()
      .split(" ");
    const pgrp = Number(fields[2]);
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    return { name, pgrp, cpuMs: (cpuTicks * 1000) / ticksPerSecond };
  } catch {
    return null;
  }
}

function readRssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every process in the server's process group (wrangler starts it detached, so the group is its own). */
export function serverProcesses(groupId: number): ProcSample[] {
  const samples: ProcSample[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat || stat.pgrp !== groupId) continue;
    samples.push({ pid, name: stat.name, cpuMs: stat.cpuMs, rssKb: readRssKb(pid) });
  }
  return samples.sort((a, b) => a.pid - b.pid);
}

export function workerdRssKb(groupId: number): number {
  return serverProcesses(groupId)
    .filter((p) => p.name.includes("workerd"))
    .reduce((total, p) => total + p.rssKb, 0);
}

export interface CpuUsage {
  /** Percentages of one core over the window. */
  harness: number;
  server: Record<string, number>;
  serverTotal: number;
  /** Everything else the machine ran meanwhile (other programs): noise the figures must be read against. */
  others: number;
  /** Time the CPUs spent waiting for the disk, in % of one core. */
  iowait: number;
  wallMs: number;
}

export interface CpuMeter {
  stop(): CpuUsage;
}

/** Machine-wide busy and iowait time in ms, from the first line of /proc/stat. */
function machineTimes(): { busyMs: number; iowaitMs: number } {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const toMs = (ticks: number) => (ticks * 1000) / ticksPerSecond;
    return { busyMs: toMs(user + nice + system + irq + softirq + steal), iowaitMs: toMs(iowait) };
  } catch {
    return { busyMs: 0, iowaitMs: 0 };
  }
}

/** Measures the harness's own CPU and the server's processes over a window. */
export function startCpuMeter(groupId: number): CpuMeter {
  const t0 = performance.now();
  const harness0 = process.cpuUsage();
  const server0 = new Map(serverProcesses(groupId).map((p) => [p.pid, p.cpuMs]));
  const machine0 = machineTimes();
  return {
    stop() {
      const machine = machineTimes();
      const wallMs = Math.max(1, performance.now() - t0);
      const h = process.cpuUsage(harness0);
      const server: Record<string, number> = {};
      let serverTotal = 0;
      for (const p of serverProcesses(groupId)) {
        const used = p.cpuMs - (server0.get(p.pid) ?? p.cpuMs);
        const pct = (used / wallMs) * 100;
        const key = `${p.name}#${p.pid}`;
        server[key] = (server[key] ?? 0) + pct;
        serverTotal += pct;
      }
      const harness = ((h.user + h.system) / 1000 / wallMs) * 100;
      const busy = ((machine.busyMs - machine0.busyMs) / wallMs) * 100;
      const iowait = ((machine.iowaitMs - machine0.iowaitMs) / wallMs) * 100;
      return { harness, server, serverTotal, others: Math.max(0, busy - harness - serverTotal), iowait, wallMs };
    },
  };
}

/** CPU the rest of the machine uses (% of one core) over `ms`, this process excluded. */
export async function othersCpu(ms: number): Promise<number> {
  const meter = startCpuMeter(-1);
  await new Promise((r) => setTimeout(r, ms));
  const u = meter.stop();
  return u.others;
}

/** Waits (up to maxMs) until other programs leave the machine mostly idle; returns what they used last. */
export async function waitForQuiet(maxMs: number, thresholdPct: number, log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + maxMs;
  let quietSamples = 0;
  let last = await othersCpu(3000);
  while (Date.now() < deadline) {
    quietSamples = last < thresholdPct ? quietSamples + 1 : 0;
    if (quietSamples >= 3) return last;
    log(`other programs use ${last.toFixed(0)}% of a core; waiting for a quieter machine`);
    last = await othersCpu(5000);
  }
  return last;
}
