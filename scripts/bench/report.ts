// Writes a run's figures as markdown: one table per scenario, ratios to the echo floor, and what missed its target.
import type { SideSummary } from "./compare.ts";
import type { CaseResult } from "./fanout.ts";
import { floodSection } from "./flood.ts";
import { cell, num, table, times } from "./format.ts";
import { RENDER_BUDGET_MS } from "./render.ts";
import { bundleSection, memorySection, renderSection } from "./reportBuild.ts";
import { profileSection, stormSection, throughputSection } from "./reportMore.ts";
import type { BenchResults } from "./results.ts";

/** DESIGN.md: the room within 1.5× of the bare rebroadcasting room. */
export const TARGET_RATIO = 1.5;

export function toMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out = [
    `# Benchmark results (${r.mode})`,
    "",
    `- Run: ${r.startedAt}, ${num(r.durationS, 0)} s, command \`${r.command}\``,
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, Linux ${m.kernel}; Node ${m.node}, wrangler ${m.wrangler}; load average at start ${num(m.loadAtStart, 2)}`,
    `- Code: ${r.git.commit}${r.git.dirty ? " (with uncommitted changes)" : ""}; server reloads during the run: ${r.serverReloads}, runtime crashes: ${r.serverCrashes}`,
    `- Other programs on the machine during the load windows: ${othersLine(r)} of a core (they share the 2 cores with the server and the harness; figures taken beside them are noisier)`,
    `- Every latency is in ms, median of ${r.config.runs} runs with [min–max]; × floor is the room's median over the echo room's median in the same run, same load.`,
    "",
    ...missedSection(r),
    "## Fan-out of a step change (animator's send → last socket's receipt)",
    "",
    fanoutTable(r.fanout),
    "",
    "## Idea round trip (send → acknowledgement) and arrival at the other sockets",
    "",
    r.ideas ? ideasTable(r.ideas) : "not measured",
    "",
    ...throughputSection(r),
    ...stormSection(r),
    ...floodSection(r.flood),
    ...memorySection(r),
    ...bundleSection(r),
    ...renderSection(r),
    ...profileSection(r),
    ...(r.failures.length ? ["## Failures", "", ...r.failures.map((f) => `- ${f}`), ""] : []),
  ];
  return `${out.join("\n")}\n`;
}

function othersLine(r: BenchResults): string {
  const all = [...r.fanout, ...(r.ideas ? [r.ideas] : [])].flatMap((c) => [
    ...c.comparison.room.othersCpu.runs,
    ...c.comparison.echo.othersCpu.runs,
  ]);
  if (all.length === 0) return "not measured";
  const sorted = [...all].sort((a, b) => a - b);
  return `median ${num(sorted[Math.floor(sorted.length / 2)] ?? 0, 0)}%, max ${num(sorted[sorted.length - 1] ?? 0, 0)}%`;
}

function health(s: SideSummary): string {
  return `${num(s.harnessCpuMax, 0)}% / ${num(s.othersCpu.max, 0)}%`;
}

function integrity(s: SideSummary): string {
  const bad = s.lost + s.duplicated + s.reordered + s.gaps;
  return `${s.commands} / ${bad}${s.rejected + s.errors ? ` (${s.rejected + s.errors} refused)` : ""}`;
}

function fanoutTable(cases: CaseResult[]): string {
  const rows: string[][] = [];
  for (const { case: c, comparison } of cases) {
    for (const side of ["room", "echo"] as const) {
      const s = comparison[side];
      const f = s.fanout;
      const e = comparison.echo.fanout;
      const ratio =
        side === "room"
          ? [f.p50, f.p95, f.p99, f.max]
              .map((x, i) => times(x.median, [e.p50, e.p95, e.p99, e.max][i]?.median ?? Number.NaN))
              .join(" / ")
          : "";
      rows.push([
        side === "room" ? `${c.rooms} × ${c.size} @ ${c.rate}/s` : "",
        side,
        cell(f.p50),
        cell(f.p95),
        cell(f.p99),
        cell(f.max),
        ratio,
        integrity(s),
        cell(s.serverCpuMsPerCommand, 2),
        health(s),
      ]);
    }
  }
  return table(
    [
      "rooms × sockets @ rate",
      "target",
      "p50",
      "p95",
      "p99",
      "max",
      "× floor (p50 / p95 / p99 / max)",
      "commands / lost+dup+reordered",
      "server CPU ms per command",
      "CPU harness / other programs (max)",
    ],
    rows,
  );
}

function ideasTable({ case: c, comparison }: CaseResult): string {
  const rows = (["room", "echo"] as const).map((side) => {
    const s = comparison[side];
    const e = comparison.echo;
    const ratio =
      side === "room"
        ? `${times(s.ack.p99.median, e.ack.p99.median)} / ${times(s.others.p99.median, e.others.p99.median)}`
        : "";
    return [
      side === "room" ? `${c.rooms} × ${c.size} @ ${c.rate}/s` : "",
      side,
      cell(s.ack.p50),
      cell(s.ack.p95),
      cell(s.ack.p99),
      cell(s.others.p50),
      cell(s.others.p95),
      cell(s.others.p99),
      ratio,
      integrity(s),
    ];
  });
  return table(
    [
      "rooms × sockets @ rate",
      "target",
      "ack p50",
      "ack p95",
      "ack p99",
      "others p50",
      "others p95",
      "others p99",
      "× floor (ack p99 / others p99)",
      "commands / lost+dup+reordered",
    ],
    rows,
  );
}

function missedSection(r: BenchResults): string[] {
  const missed: string[] = [];
  const check = (what: string, room: number, floor: number) => {
    if (Number.isFinite(room) && Number.isFinite(floor) && floor > 0 && room / floor > TARGET_RATIO) {
      missed.push(`- ${what}: ${num(room)} ms vs floor ${num(floor)} ms (${times(room, floor)})`);
    }
  };
  for (const { case: c, comparison: k } of r.fanout) {
    for (const p of ["p50", "p95", "p99"] as const)
      check(`fan-out ${c.rooms} × ${c.size} ${p}`, k.room.fanout[p].median, k.echo.fanout[p].median);
    const bad = k.room.lost + k.room.duplicated + k.room.reordered + k.room.gaps;
    if (bad > 0) missed.push(`- fan-out ${c.rooms} × ${c.size}: ${bad} messages lost, duplicated or reordered`);
  }
  if (r.ideas) {
    const k = r.ideas.comparison;
    for (const p of ["p50", "p95", "p99"] as const) {
      check(`idea ack ${p}`, k.room.ack[p].median, k.echo.ack[p].median);
      check(`idea arrival at others ${p}`, k.room.others[p].median, k.echo.others[p].median);
    }
  }
  for (const s of r.storm?.room ?? []) {
    if (s.lost + s.duplicated + s.appliedTwice > 0 || !s.agree)
      missed.push("- reconnect storm: messages lost, duplicated or states differ");
  }
  if (r.bundle && !r.bundle.withinBudget.firstRenderJs)
    missed.push(`- panel first-render JS ${num(r.bundle.firstRenderJsGzipKb)} KB gzip > 50 KB`);
  if (r.bundle && !r.bundle.withinBudget.everything)
    missed.push(`- panel total ${num(r.bundle.everythingGzipKb)} KB gzip > 75 KB`);
  for (const c of r.render ?? []) {
    if (c.roomShownMs.median > RENDER_BUDGET_MS)
      missed.push(
        `- panel render (${c.cache}, CPU ${c.cpuSlowdown}× slower): live room shown after ${num(c.roomShownMs.median)} ms > ${RENDER_BUDGET_MS} ms`,
      );
  }
  const title = `## Targets missed (room > ${TARGET_RATIO}× the floor, loss, budgets)`;
  return [title, "", ...(missed.length ? missed : ["None."]), ""];
}
