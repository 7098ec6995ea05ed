// The flood scenario on its own: node scripts/bench/floodRun.ts [--quick] [--port 8780] [--wait-quiet MIN]; prints its section.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchConfig } from "./config.ts";
import type { BenchContext } from "./context.ts";
import { floodSection, runFlood } from "./flood.ts";
import { startCpuMeter, waitForQuiet } from "./procStats.ts";
import { startBenchServer } from "./server.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    port: { type: "string", default: "8780" },
    out: { type: "string" },
    /** Minutes to wait, at most, for other programs to leave the machine idle before measuring. */
    "wait-quiet": { type: "string" },
  },
});
const started = performance.now();
const log = (line: string) =>
  console.error(`[flood ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
if (values["wait-quiet"]) await waitForQuiet(Number(values["wait-quiet"]) * 60_000, 25, log);
// The scenario needs no panel: an empty page is enough for the server's assets folder.
const parent = mkdtempSync(join(tmpdir(), "h7-flood-"));
const dist = join(parent, "dist");
mkdirSync(dist);
writeFileSync(join(dist, "index.html"), "<!doctype html><title>bench</title>");
const server = await startBenchServer({ port: Number(values.port), distDir: dist, parentDir: parent });
let tags = 0;
try {
  const idle = startCpuMeter(server.group);
  await new Promise((r) => setTimeout(r, 2000));
  const ctx: BenchContext = {
    baseUrl: server.url,
    group: server.group,
    config: benchConfig(values.quick),
    inspector: null,
    idleServerCpu: idle.stop().serverTotal,
    log,
    serverErrors: () => server.recentErrors(),
    serverCrashes: () => server.crashes(),
    tag: (prefix) => `${prefix}${Date.now().toString(36)}${tags++}`,
  };
  const result = await runFlood(ctx);
  const section = floodSection(result).join("\n");
  console.log(section);
  if (values.out) {
    writeFileSync(join(values.out, "flood.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(values.out, "flood.md"), `${section}\n`);
  }
  if (server.reloads() > 0) log(`the server reloaded ${server.reloads()} time(s): the figures are void`);
} finally {
  await server.stop();
  rmSync(parent, { recursive: true, force: true });
}
