// Timers the simulation needs, through the runtime seam so they work in the browser and in Node alike.
import { runtime } from "../client/runtime.ts";
import type { AbortSignalLike } from "./types.ts";

/** Thrown for anything that ends a simulated consultation early: a rejection, a timeout, an abort. */
export class SimError extends Error {
  override name = "SimError";
}

export function sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(new SimError("aborted")) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      runtime.clearTimeout(timer);
      reject(new SimError("aborted"));
    };
    const timer = runtime.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort);
  });
}

/**
 * Settles with `start`'s outcome, or rejects with a SimError after timeoutMs or on abort; `cleanup` always runs.
 * `start` receives resolve/reject, like a Promise executor.
 */
export function withDeadline<T>(
  what: string,
  timeoutMs: number,
  signal: AbortSignalLike | undefined,
  start: (resolve: (value: T) => void, reject: (err: Error) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let cleanup: (() => void) | null = null;
    let settled = false;
    const finish = () => {
      settled = true;
      runtime.clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      cleanup?.();
    };
    const onAbort = () => {
      finish();
      reject(new SimError("aborted"));
    };
    const timer = runtime.setTimeout(() => {
      finish();
      reject(new SimError(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener("abort", onAbort);
    const stop = start(
      (value) => {
        finish();
        resolve(value);
      },
      (err) => {
        finish();
        reject(err);
      },
    );
    // start may settle synchronously, before its cleanup is known.
    if (settled) stop();
    else cleanup = stop;
  });
}
