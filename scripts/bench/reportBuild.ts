// Markdown sections for the server's memory and the panel's bundle.
import { num, table } from "./format.ts";
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
    num(f.rawBytes / 1024),
    num(f.gzipBytes / 1024),
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
