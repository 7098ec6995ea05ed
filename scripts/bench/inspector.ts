// The local server's V8 inspector (as wrangler dev exposes it): CPU profiles and heap usage of the Worker's isolate.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import * as v from "valibot";
import { serverProcesses } from "./procStats.ts";

const Targets = v.array(v.object({ webSocketDebuggerUrl: v.string(), description: v.optional(v.string()) }));
const Reply = v.object({
  id: v.number(),
  result: v.optional(v.unknown()),
  error: v.optional(v.object({ message: v.string() })),
});

/** Ports the server's processes listen on, from /proc (no extra tools needed). */
function listeningPorts(groupId: number): number[] {
  const inodes = new Set<string>();
  for (const p of serverProcesses(groupId)) {
    try {
      for (const fd of readdirSync(`/proc/${p.pid}/fd`)) {
        const link = readlinkSync(`/proc/${p.pid}/fd/${fd}`, { encoding: "utf8" });
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m?.[1]) inodes.add(m[1]);
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  const ports: number[] = [];
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    // f[1] local address (hex ip:port), f[3] state (0A = LISTEN), f[9] inode.
    if (f[3] === "0A" && f[9] !== undefined && inodes.has(f[9]))
      ports.push(Number.parseInt(f[1]?.split(":")[1] ?? "0", 16));
  }
  return ports;
}

export class Inspector {
  private readonly ws: WebSocket;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: v.InferOutput<typeof Reply>) => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== "string") return;
      const reply = v.safeParse(Reply, JSON.parse(ev.data));
      if (!reply.success) return;
      this.waiting.get(reply.output.id)?.(reply.output);
      this.waiting.delete(reply.output.id);
    };
  }

  /**
   * Finds wrangler's inspector among the server's listening ports; null when there is none. workerd's own inspector
   * serves one session at a time and wrangler holds it, so only wrangler's relay ("workers") answers.
   */
  static async find(groupId: number, exceptPort: number): Promise<Inspector | null> {
    for (const port of listeningPorts(groupId)) {
      if (port === exceptPort) continue;
      let url: string | undefined;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/json`, { signal: AbortSignal.timeout(2000) });
        const targets = v.safeParse(Targets, await res.json());
        url = targets.success
          ? targets.output.find((t) => t.description === "workers")?.webSocketDebuggerUrl
          : undefined;
      } catch {
        // Not an inspector.
      }
      if (!url) continue;
      // wrangler's relay refuses a client without an Origin; Node's WebSocket (undici) takes headers as a second
      // argument, which the DOM typing of the constructor does not declare.
      const ws: WebSocket = Reflect.construct(WebSocket, [url, { headers: { origin: "http://127.0.0.1" } }]);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("inspector socket timed out")), 5000);
          ws.onopen = () => {
            clearTimeout(timer);
            resolve();
          };
          ws.onerror = () => reject(new Error("inspector socket failed"));
        });
        const inspector = new Inspector(ws);
        await inspector.call("Runtime.getHeapUsage", {}, 5000);
        return inspector;
      } catch {
        ws.close();
      }
    }
    return null;
  }

  call(method: string, params: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`inspector: ${method} timed out`));
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`inspector: ${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Used JS heap of the Worker's isolate, in bytes (workerd does not answer a forced garbage collection). */
  async heapUsed(): Promise<number | null> {
    try {
      const usage = v.safeParse(v.object({ usedSize: v.number() }), await this.call("Runtime.getHeapUsage", {}, 5000));
      return usage.success ? usage.output.usedSize : null;
    } catch {
      return null;
    }
  }

  close(): void {
    this.ws.close();
  }
}
