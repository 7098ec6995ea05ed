// CPU profile of the Worker's isolate under load, reduced to where the time goes: top functions and their sources.
import * as v from "valibot";
import type { Inspector } from "./inspector.ts";

const ProfileSchema = v.object({
  profile: v.object({
    nodes: v.array(
      v.object({
        id: v.number(),
        children: v.optional(v.array(v.number())),
        callFrame: v.object({ functionName: v.string(), url: v.string(), lineNumber: v.number() }),
      }),
    ),
    samples: v.array(v.number()),
    timeDeltas: v.array(v.number()),
  }),
});

export interface ProfileSummary {
  wallMs: number;
  /** Share of the busy (non-idle) time, in %, per function: its own time, highest first. */
  top: Array<{ fn: string; source: string; pct: number }>;
  /** Share of the busy time, in %, spent in each function including what it called, highest first. */
  inclusive: Array<{ fn: string; pct: number }>;
  /** Idle share of the whole profile; garbage collection and the runtime outside JS as shares of the busy time. */
  idlePct: number;
  gcPct: number;
  programPct: number;
}

export async function startProfile(inspector: Inspector): Promise<void> {
  await inspector.call("Profiler.enable");
  // 250 µs: fine enough for commands that cost a few ms, coarse enough not to slow the isolate down.
  await inspector.call("Profiler.setSamplingInterval", { interval: 250 });
  await inspector.call("Profiler.start");
}

export async function stopProfile(inspector: Inspector, topN = 15): Promise<ProfileSummary | null> {
  const parsed = v.safeParse(ProfileSchema, await inspector.call("Profiler.stop", {}, 60_000));
  await inspector.call("Profiler.disable").catch(() => undefined);
  if (!parsed.success) return null;
  const { nodes, samples, timeDeltas } = parsed.output.profile;
  const frame = new Map(nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, { fn: string; source: string; us: number }>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  samples.forEach((id, i) => {
    const dt = timeDeltas[i] ?? 0;
    total += dt;
    const f = frame.get(id);
    const fn = f?.functionName || "(anonymous)";
    if (fn === "(idle)") {
      idle += dt;
      return;
    }
    const source = f?.url ? `${shortUrl(f.url)}:${(f.lineNumber ?? 0) + 1}` : "";
    const key = `${fn}@${source}`;
    const entry = self.get(key) ?? { fn, source, us: 0 };
    entry.us += dt;
    self.set(key, entry);
    // Each function on the stack once, however deep the recursion.
    const onStack = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = frame.get(n)?.functionName;
      if (name && !name.startsWith("(")) onStack.add(name);
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  });
  const busy = Math.max(1, total - idle);
  const pctOf = (fn: string) =>
    (100 * [...self.values()].filter((e) => e.fn === fn).reduce((n, e) => n + e.us, 0)) / busy;
  return {
    wallMs: total / 1000,
    top: [...self.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((e) => ({ fn: e.fn, source: e.source, pct: (100 * e.us) / busy })),
    inclusive: [...inclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([fn, us]) => ({ fn, pct: (100 * us) / busy })),
    idlePct: (100 * idle) / Math.max(1, total),
    gcPct: pctOf("(garbage collector)"),
    programPct: pctOf("(program)"),
  };
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf("/");
  return i >= 0 ? url.slice(i + 1) : url;
}
