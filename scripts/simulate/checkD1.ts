// Confirms a simulated consultation reached the local D1 (through the room's outbox), by asking wrangler.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as v from "valibot";
import type { SimCounts } from "../../protocol/sim/index.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");

const Row = v.object({
  status: v.string(),
  questions: v.number(),
  ideas: v.number(),
  actions: v.number(),
  learnings: v.number(),
});
const Output = v.array(v.object({ results: v.array(Row) }));
type Row = v.InferOutput<typeof Row>;

export function d1Query(consultationId: string): string {
  // Ids come from the room (UUIDs); refuse anything else rather than quote it into SQL.
  if (!/^[A-Za-z0-9-]+$/.test(consultationId)) throw new Error("unexpected consultation id");
  const count = (table: string) => `(select count(*) from ${table} where consultation_id = c.id) as ${table}`;
  return `select c.status, ${count("questions")}, ${count("ideas")}, (select count(*) from action_items where consultation_id = c.id) as actions, ${count("learnings")} from consultations c where c.id = '${consultationId}'`;
}

function query(consultationId: string, persistTo: string | undefined): Row | null {
  const args = [wrangler, "d1", "execute", "DB", "--local", "--json", "--command", d1Query(consultationId)];
  if (persistTo) args.push("--persist-to", persistTo);
  const out = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  });
  if (out.status !== 0) throw new Error(`wrangler d1 execute failed: ${out.stderr || out.stdout}`);
  const parsed = v.safeParse(Output, JSON.parse(out.stdout));
  if (!parsed.success) throw new Error(`unexpected wrangler output: ${out.stdout.slice(0, 200)}`);
  return parsed.output[0]?.results[0] ?? null;
}

/** Polls until D1 holds the closed consultation with the same counts (the outbox delivers within seconds). */
export async function checkD1(
  consultationId: string,
  counts: SimCounts,
  persistTo: string | undefined,
  timeoutMs = 20_000,
): Promise<{ ok: boolean; message: string }> {
  const deadline = Date.now() + timeoutMs;
  let last: Row | null = null;
  for (;;) {
    last = query(consultationId, persistTo);
    const ok =
      last !== null &&
      last.status === "closed" &&
      last.questions === counts.questions &&
      last.ideas === counts.ideas &&
      last.actions === counts.actions &&
      last.learnings === counts.learnings;
    if (ok) return { ok, message: `D1 holds it: ${JSON.stringify(last)}` };
    if (Date.now() > deadline)
      return { ok: false, message: `D1 does not match after ${timeoutMs} ms: ${JSON.stringify(last)}` };
    await new Promise((r) => setTimeout(r, 1000));
  }
}
