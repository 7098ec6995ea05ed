// npm run bench [-- --quick] [--port 8790]: starts a local server, measures the room against the echo floor, writes bench/results.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as sim from "../../protocol/sim/index.ts";
import { buildPanel, weighPanel } from "./bundle.ts";
import { benchConfig } from "./config.ts";
import type { BenchContext } from "./context.ts";
import { Inspector } from "./inspector.ts";
import { lockResults } from "./lock.ts";
import { machineInfo } from "./machine.ts";
import { startCpuMeter, waitForQuiet } from "./procStats.ts";
import { toMarkdown } from "./report.ts";
import type { BenchResults } from "./results.ts";
import { runScenarios } from "./scenarios.ts";
import { root, startBenchServer } from "./server.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    port: { type: "string" },
    out: { type: "string" },
    /** Keep the server's SQLite files in /dev/shm, to tell disk waits from the room's own work. */
    "state-in-memory": { type: "boolean", default: false },
    /** Minutes to wait, at most, for other programs to leave the machine idle before measuring. */
    "wait-quiet": { type: "string" },
  },
});
const config = benchConfig(values.quick);
const outDir = values.out ?? join(root, "bench", "results");
const started = performance.now();
const log = (line: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);

/** The first port of 8790-8799 nothing listens on (other local servers may hold some). */
async function freePort(): Promise<number> {
  if (values.port) return Number(values.port);
  for (let port = 8790; port <= 8799; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 8790-8799");
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

const unlock = lockResults(outDir);
process.once("exit", unlock);
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  durationS: 0,
  command: ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "),
  mode: values.quick ? "quick" : "full",
  machine: machineInfo(),
  git: {
    commit: git(["rev-parse", "--short", "HEAD"]),
    dirty: git(["status", "--porcelain", "--", "worker", "protocol", "app"]) !== "",
  },
  config,
  fanout: [],
  ideas: null,
  throughput: null,
  storm: null,
  memory: [],
  profile: null,
  diagnosis: null,
  bundle: null,
  serverReloads: 0,
  serverCrashes: 0,
  failures: [],
};

log(`${results.mode} run on ${results.machine.cores} cores, Node ${results.machine.node}`);
if (values["wait-quiet"]) await waitForQuiet(Number(values["wait-quiet"]) * 60_000, 25, log);
const build = buildPanel();
results.bundle = weighPanel(build.dir, build.complaint, build.firstRender);
rmSync(build.dir, { recursive: true, force: true });
log(`panel built: first render ${results.bundle.firstRenderJsGzipKb.toFixed(1)} KB gzip JS`);
// The server serves the local build: the render scenario joins rooms through dev mode, which production leaves out.
const dist = buildPanel("devtools").dir;
const port = await freePort();
const server = await startBenchServer({
  port,
  distDir: dist,
  parentDir: values["state-in-memory"] ? "/dev/shm" : undefined,
});
log(`server on ${server.url} (process group ${server.group})`);
// Whatever happens, the server (a detached process group) must not outlive the run.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.once(event, (err: unknown) => {
    log(`${event}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    rmSync(dist, { recursive: true, force: true });
    void server.stop().finally(() => process.exit(1));
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  });
}
const inspector = await Inspector.find(server.group, port);
if (!inspector) log("no inspector found: no CPU profile or heap figures");
const idle = startCpuMeter(server.group);
await new Promise((r) => setTimeout(r, config.quick ? 1000 : 3000));
const idleServerCpu = idle.stop().serverTotal;
log(`server idle CPU ${idleServerCpu.toFixed(1)}% of a core`);
let tags = 0;
const nonce = Math.random().toString(36).slice(2, 6);
const ctx: BenchContext = {
  baseUrl: server.url,
  group: server.group,
  config,
  inspector,
  idleServerCpu,
  log,
  serverErrors: () => server.recentErrors(),
  serverCrashes: () => server.crashes(),
  tag: (prefix) => `${prefix}${nonce}${tags++}`,
};
try {
  await runScenarios(results, ctx, sim);
} finally {
  results.serverReloads = server.reloads();
  results.serverCrashes = server.crashes();
  inspector?.close();
  await server.stop();
  rmSync(dist, { recursive: true, force: true });
}
if (results.serverReloads > 0)
  results.failures.push(`the server reloaded ${results.serverReloads} time(s) during the run`);
results.durationS = (performance.now() - started) / 1000;
const markdown = toMarkdown(results);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, "latest.md"), markdown);
console.log(markdown);
log(`wrote ${join(outDir, "latest.md")} and latest.json in ${results.durationS.toFixed(0)} s`);
process.exit(results.failures.length > 0 ? 1 : 0);
