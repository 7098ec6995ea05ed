// The benchmark's quick mode runs end to end (its own server, real sockets) and reports no lost or doubled message.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { afterAll, describe, expect, it } from "vitest";

const Integrity = v.object({ lost: v.number(), duplicated: v.number(), reordered: v.number(), gaps: v.number() });
const Case = v.object({ comparison: v.object({ room: Integrity, echo: Integrity }) });
const Results = v.object({
  mode: v.literal("quick"),
  fanout: v.array(Case),
  ideas: Case,
  throughput: v.object({ room: v.array(v.unknown()), echo: v.array(v.unknown()) }),
  storm: v.object({
    room: v.array(v.object({ lost: v.number(), duplicated: v.number(), appliedTwice: v.number(), agree: v.boolean() })),
  }),
  memory: v.array(v.object({ workerdRssMb: v.number() })),
  bundle: v.object({ files: v.array(v.unknown()) }),
  render: v.array(
    v.object({
      cache: v.string(),
      firstPaintMs: v.object({ runs: v.array(v.number()) }),
      roomShownMs: v.object({ runs: v.array(v.number()) }),
    }),
  ),
  failures: v.array(v.string()),
});

describe("npm run bench -- --quick", () => {
  const out = mkdtempSync(join(tmpdir(), "codev-bench-test-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("measures every scenario and loses, doubles or reorders nothing (figures are reported, never asserted)", () => {
    const run = spawnSync(process.execPath, ["scripts/bench/main.ts", "--quick", "--out", out], {
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    const results = v.parse(Results, JSON.parse(readFileSync(join(out, "latest.json"), "utf8")));
    expect(results.failures).toEqual([]);
    expect(results.fanout).toHaveLength(2);
    for (const c of [...results.fanout, results.ideas]) {
      expect(c.comparison.room).toMatchObject({ lost: 0, duplicated: 0, reordered: 0, gaps: 0 });
      expect(c.comparison.echo).toMatchObject({ lost: 0, duplicated: 0, reordered: 0, gaps: 0 });
    }
    expect(results.throughput.room.length).toBeGreaterThan(0);
    for (const s of results.storm.room)
      expect(s).toMatchObject({ lost: 0, duplicated: 0, appliedTwice: 0, agree: true });
    expect(results.memory.length).toBeGreaterThan(0);
    expect(results.bundle.files.length).toBeGreaterThan(0);
    // Every load reached the live room (a render that never showed it would have failed the scenario).
    expect(results.render.map((c) => c.cache)).toEqual(["cold", "warm"]);
    for (const c of results.render) expect(c.roomShownMs.runs.every((ms) => ms > 0)).toBe(true);
    expect(readFileSync(join(out, "latest.md"), "utf8")).toContain("Fan-out of a step change");
  });
});
