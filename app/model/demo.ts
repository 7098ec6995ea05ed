// The one-click demo: simulated participants (loaded on demand) run a consultation in a fresh room that the panel then joins.
import { Observable } from "./observable.ts";

export type DemoStatus = "running" | "done" | "failed";

export interface Demo {
  room: string;
  status: Observable<DemoStatus>;
  stop(): void;
}

/** Simulated participants: an animator (the first, as host), a client, a scribe and consultants. */
const BOTS = 5;
/** Slow enough for a newcomer to follow each action. */
const PACE_MS = 1500;

/**
 * Starts the simulation and resolves once its cast has joined (its first log line says so), so the panel joins
 * after them and is a consultant, not the animator. Rejects if the simulation stops before that.
 */
export async function startDemo(baseUrl: string, room: string): Promise<Demo> {
  const { runConsultation } = await import("../../protocol/sim/index.ts");
  const controller = new AbortController();
  const status = new Observable<DemoStatus>("running");
  let joined = () => {};
  const ready = new Promise<void>((resolve) => {
    joined = resolve;
  });
  const run = runConsultation({
    baseUrl,
    room,
    participants: BOTS,
    format: "flash",
    paceMs: PACE_MS,
    signal: controller.signal,
    log: () => joined(),
  });
  const ended = run.then(
    (result) => {
      status.value = result.ok ? "done" : "failed";
      return result.failure;
    },
    (err: unknown) => {
      status.value = "failed";
      return err instanceof Error ? err.message : String(err);
    },
  );
  await Promise.race([ready, ended]);
  if (status.value === "failed") throw new Error((await ended) ?? "");
  return { room, status, stop: () => controller.abort() };
}
