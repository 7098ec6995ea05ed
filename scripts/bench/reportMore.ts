// Markdown sections for throughput, the reconnect storm and the CPU profile.
import type { SideSummary } from "./compare.ts";
import { cell, num, table, times } from "./format.ts";
import type { ProfileSummary } from "./profile.ts";
import type { BenchResults } from "./results.ts";
import { spread } from "./stats.ts";
import type { LadderRun } from "./throughput.ts";

function ladderCell(runs: LadderRun[]): string {
  const s = spread(runs.map((r) => r.sustained));
  const why = [...new Set(runs.map((r) => r.stoppedBy))].join(", ");
  return `${num(s.median, 0)} [${num(s.min, 0)}–${num(s.max, 0)}] (stopped by ${why})`;
}

function steps(runs: LadderRun[]): string {
  return (runs[0]?.steps ?? []).map((s) => `${s.rate}/s: ${num(s.p99)}`).join(", ");
}

export function throughputSection(r: BenchResults): string[] {
  const t = r.throughput;
  if (!t) return [];
  const limit = r.config.throughput.p99LimitMs;
  return [
    `## Single-room throughput (votes from all ${t.size} sockets, until p99 > ${limit} ms)`,
    "",
    table(
      ["target", "sustained commands/s, median [range]", "p99 (ms) at each rate, first run"],
      [
        ["room", ladderCell(t.room), steps(t.room)],
        ["echo", ladderCell(t.echo), steps(t.echo)],
      ],
    ),
    "",
    `The room throttles each socket above 10 frames/s (burst 30), so ${t.size} sockets may send at most ~${t.size * 10}/s; the ladder stops there for the room ("rate limit") rather than let short bursts pass for sustained load.`,
    "",
  ];
}

export function stormSection(r: BenchResults): string[] {
  const s = r.storm;
  if (!s) return [];
  const room = spread(s.room.map((x) => x.resyncMs));
  const echo = spread(s.echo.map((x) => x.resyncMs));
  const runs = s.room;
  const sum = (f: (x: (typeof runs)[number]) => number) => runs.reduce((n, x) => n + f(x), 0);
  return [
    `## Reconnect storm (every socket of ${r.config.storm.rooms} rooms × ${r.config.storm.size} drops at once, animators changing step at ${r.config.storm.rate}/s)`,
    "",
    table(
      [
        "target",
        "sockets",
        "until all resynced (ms)",
        "× floor",
        "commands / acknowledged",
        "lost",
        "duplicated",
        "applied twice",
        "snapshot resyncs",
        "states agree",
      ],
      [
        [
          "room",
          String(s.room[0]?.sockets ?? 0),
          `${num(room.median, 0)} [${num(room.min, 0)}–${num(room.max, 0)}]`,
          times(room.median, echo.median),
          `${sum((x) => x.commands)} / ${sum((x) => x.acknowledged)}`,
          String(sum((x) => x.lost)),
          String(sum((x) => x.duplicated)),
          String(sum((x) => x.appliedTwice)),
          String(sum((x) => x.snapshotResyncs)),
          s.room.every((x) => x.agree) ? "yes" : "NO",
        ],
        [
          "echo",
          String(s.echo[0]?.sockets ?? 0),
          `${num(echo.median, 0)} [${num(echo.min, 0)}–${num(echo.max, 0)}]`,
          "",
          "",
          "",
          "",
          "",
          "",
          "",
        ],
      ],
    ),
    "",
    `Room: the real client (RoomConnection) reconnects at once, asks a fresh session, says hello with its last version and resends what is unacknowledged; resynced = welcomed back and holding the version the room had at the drop. Echo: the same number of bare sockets reopen and see one frame echoed. Harness CPU peaked at ${num(s.harnessCpuMax, 0)}%.`,
    "",
  ];
}

function profileTable(p: ProfileSummary): string {
  return table(
    ["self time (% of busy)", "function", "source"],
    p.top.slice(0, 12).map((t) => [num(t.pct), t.fn, t.source]),
  );
}

function diagnosisTable(r: BenchResults): string[] {
  const d = r.diagnosis;
  const k = r.fanout.find((c) => d && c.case.rooms === d.rooms && c.case.size === d.size)?.comparison;
  if (!d || !k) return [];
  const row = (name: string, s: SideSummary) => [
    name,
    cell(s.fanout.p50),
    cell(s.fanout.p99),
    times(s.fanout.p50.median, k.echo.fanout.p50.median),
    cell(s.serverCpuMsPerCommand, 2),
  ];
  return [
    `Step changes against votes (a state change that sends nothing to D1), ${d.rooms} rooms × ${d.size} at ${d.rate}/s per room:`,
    "",
    table(
      ["load", "p50 (ms)", "p99 (ms)", "p50 × floor", "server CPU ms per command"],
      [row("room: step change", k.room), row("room: vote", d.vote), row("echo", k.echo)],
    ),
    "",
  ];
}

export function profileSection(r: BenchResults): string[] {
  const p = r.profile;
  if (!p) return diagnosisTable(r);
  const part = (name: string, s: ProfileSummary | null) =>
    s
      ? [
          `### ${name}: idle ${num(s.idlePct)}% of ${num(s.wallMs / 1000)} s; of the busy time: GC ${num(s.gcPct)}%, runtime outside JS ${num(s.programPct)}%`,
          "",
          profileTable(s),
          "",
          `Including callees: ${s.inclusive
            .slice(0, 10)
            .map((x) => `${x.fn} ${num(x.pct)}%`)
            .join(", ")}`,
          "",
        ]
      : [`### ${name}: no profile`, ""];
  return [
    `## Where the time goes (CPU profile of the Worker's isolate, ${p.load})`,
    "",
    ...diagnosisTable(r),
    ...part("room", p.room),
    ...part("echo", p.echo),
  ];
}
