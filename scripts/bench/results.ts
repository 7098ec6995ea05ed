// The shape of bench/results/latest.json: every figure of one run, with its runs, spread and conditions.
import type { BundleReport } from "./bundle.ts";
import type { BenchConfig } from "./config.ts";
import type { Diagnosis } from "./diagnose.ts";
import type { CaseResult } from "./fanout.ts";
import type { FloodResult } from "./flood.ts";
import type { MachineInfo } from "./machine.ts";
import type { MemoryReading } from "./memory.ts";
import type { ProfileSummary } from "./profile.ts";
import type { RenderCase } from "./render.ts";
import type { StormEchoRun, StormRun } from "./storm.ts";
import type { ThroughputResult } from "./throughput.ts";

export interface BenchResults {
  startedAt: string;
  durationS: number;
  command: string;
  mode: "quick" | "full";
  machine: MachineInfo;
  git: { commit: string; dirty: boolean };
  config: BenchConfig;
  fanout: CaseResult[];
  ideas: CaseResult | null;
  throughput: ThroughputResult | null;
  storm: { room: StormRun[]; echo: StormEchoRun[]; harnessCpuMax: number } | null;
  memory: MemoryReading[];
  profile: { load: string; room: ProfileSummary | null; echo: ProfileSummary | null } | null;
  /** The same rooms loaded with votes (no results to D1), to isolate what a step change adds. */
  diagnosis: Diagnosis | null;
  /** One socket flooding beside a busy room's members (absent from results written before it existed). */
  flood?: FloodResult | null;
  bundle: BundleReport | null;
  /** The panel's first render in Chromium (absent from results written before it existed). */
  render?: RenderCase[];
  /** Reloads of the server during the run (must be 0: a reload drops every socket). */
  serverReloads: number;
  serverCrashes: number;
  /** Scenarios that failed, with why. */
  failures: string[];
}
