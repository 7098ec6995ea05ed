// Memory of the server: resident set of each workerd process (from /proc) and the Worker isolate's JS heap.
import type { Inspector } from "./inspector.ts";
import { serverProcesses } from "./procStats.ts";

export interface MemoryReading {
  label: string;
  /** Sum over the workerd processes (the runtime and the dev proxy in front of it). */
  workerdRssMb: number;
  processes: Array<{ name: string; pid: number; rssMb: number }>;
  /** JS heap in use in the Worker's isolate (rooms, sockets' attachments, caches), when the inspector answers. */
  heapMb: number | null;
}

export async function readMemory(label: string, group: number, inspector: Inspector | null): Promise<MemoryReading> {
  const processes = serverProcesses(group).map((p) => ({ name: p.name, pid: p.pid, rssMb: p.rssKb / 1024 }));
  const heap = inspector ? await inspector.heapUsed() : null;
  return {
    label,
    workerdRssMb: processes.filter((p) => p.name.includes("workerd")).reduce((n, p) => n + p.rssMb, 0),
    processes,
    heapMb: heap === null ? null : heap / 1024 ** 2,
  };
}
