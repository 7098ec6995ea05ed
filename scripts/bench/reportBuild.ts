// Markdown sections for the server's memory, the panel's bundle and its first render.
import { cell, num, table } from "./format.ts";
import { RENDER_BUDGET_MS } from "./render.ts";
import type { BenchResults } from "./results.ts";

export function memorySection(r: BenchResults): string[] {
  if (r.memory.length === 0) return [];
  const rows = r.memory.map((m) => [
    m.label,
    num(m.workerdRssMb, 0),
    m.heapMb === null ? "–" : num(m.heapMb),
    m.processes
      .filter((p) => p.name.includes("workerd"))
      .map((p) => num(p.rssMb, 0))
      .join(" + "),
  ]);
  return [
    "## Memory of the server",
    "",
    table(["when", "workerd RSS (MB)", "Worker JS heap (MB)", "per workerd process (MB)"], rows),
    "",
  ];
}

export function bundleSection(r: BenchResults): string[] {
  const b = r.bundle;
  if (!b) return [];
  const rows = b.files.map((f) => [
    f.file,
    f.firstRender ? "first render" : "on demand",
    num(f.rawBytes / 1000),
    num(f.gzipBytes / 1000),
  ]);
  const ok = (x: boolean) => (x ? "within budget" : "OVER BUDGET");
  return [
    "## Panel bundle (built from the working tree; gzip level 9)",
    "",
    table(["file", "loaded", "raw KB", "gzip KB"], rows),
    "",
    `- JS for the first render: ${num(b.firstRenderJsGzipKb)} KB gzip (budget 50): ${ok(b.withinBudget.firstRenderJs)}; CSS ${num(b.firstRenderCssGzipKb)} KB`,
    `- Everything shipped (JS, CSS, HTML): ${num(b.everythingGzipKb)} KB gzip (budget 75): ${ok(b.withinBudget.everything)}`,
    ...(b.buildComplaint ? [`- The build's own size check: ${b.buildComplaint}`] : []),
    "",
  ];
}

export function renderSection(r: BenchResults): string[] {
  if (!r.render?.length) return [];
  const rows = r.render.map((c) => [
    `${c.cpuSlowdown}×`,
    c.cache,
    cell(c.firstPaintMs, 0),
    cell(c.roomShownMs, 0),
    c.roomShownMs.median <= RENDER_BUDGET_MS ? "within" : "OVER",
  ]);
  return [
    `## Panel first render in Chromium (budget ${RENDER_BUDGET_MS} ms; ${r.render[0]?.firstPaintMs.runs.length ?? 0} loads per row)`,
    "",
    "From navigation start, at 380 px, the local build served by the bench server on 127.0.0.1: first paint (the",
    "loading line) and the live room drawn with this participant in it (dev session, room chunk, socket, welcome,",
    "lobby). Cold: a fresh browser profile; warm: a second load in the same one. CPU throttled by Chromium.",
    "",
    table(["CPU slower", "cache", "first paint ms", "room shown ms", "budget"], rows),
    "",
  ];
}
