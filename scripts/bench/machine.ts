// The machine and software a run measured, so anyone can rerun it and compare.
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  node: string;
  wrangler: string;
  /** 1-minute load average when the run began: other programs make every figure noisier. */
  loadAtStart: number;
}

function packageVersion(name: string): string {
  try {
    const text = readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8");
    const match = /"version":\s*"([^"]+)"/.exec(text);
    return match?.[1] ?? "?";
  } catch {
    return "?";
  }
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? "?",
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
    wrangler: packageVersion("wrangler"),
    loadAtStart: loadavg()[0] ?? 0,
  };
}
