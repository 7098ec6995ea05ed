// npm run simulate -- --participants 6 [--url http://localhost:8787] [--format flash] [--room CODE] [--pace MS] [--check-d1]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { runConsultation } from "../../protocol/sim/index.ts";
import { checkD1 } from "./checkD1.ts";
import { d1Hint, summarize } from "./summary.ts";

const FORMATS = ["classic", "express", "flash"] as const;
type SimFormat = (typeof FORMATS)[number];

function isFormat(x: string): x is SimFormat {
  return (FORMATS as readonly string[]).includes(x);
}

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    participants: { type: "string", default: "6" },
    url: { type: "string", default: "http://localhost:8787" },
    format: { type: "string" },
    room: { type: "string" },
    pace: { type: "string", default: "0" },
    quiet: { type: "boolean", default: false },
    /** Also confirm the results reached the local D1 of a server on this machine (default state: .wrangler/state). */
    "check-d1": { type: "boolean", default: false },
    "persist-to": { type: "string" },
  },
});

const participants = Number(values.participants);
if (!Number.isInteger(participants) || participants < 3 || participants > 30) fail("--participants must be 3 to 30");
const format = values.format;
if (format !== undefined && !isFormat(format)) fail(`--format must be one of ${FORMATS.join(", ")}`);
const paceMs = Number(values.pace);
if (!Number.isFinite(paceMs) || paceMs < 0) fail("--pace must be a number of milliseconds");
const room = values.room ?? `sim-${randomBytes(4).toString("hex")}`;
if (!/^[a-z0-9-]{1,40}$/.test(room)) fail("--room must be 1-40 of a-z, 0-9 and -");

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
const started = performance.now();
const result = await runConsultation({
  baseUrl: values.url,
  room,
  participants,
  format,
  paceMs,
  signal: controller.signal,
  log: values.quiet
    ? undefined
    : (line) => console.log(`  ${((performance.now() - started) / 1000).toFixed(2).padStart(6)}s  ${line}`),
});
console.log(summarize(result, { url: values.url, room, participants }));
let ok = result.ok;
if (result.consultationId && result.ok) {
  if (values["check-d1"]) {
    const d1 = await checkD1(result.consultationId, result.counts, values["persist-to"]);
    console.log(d1.message);
    ok = d1.ok;
  } else console.log(d1Hint(result.consultationId, values["persist-to"]));
}
process.exit(ok ? 0 : 1);
