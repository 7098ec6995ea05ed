// Raw WebSocket plumbing for the load: open with a deadline, stamp every frame on arrival, bounded parallelism.

export type FrameHandler = (data: string, at: number) => void;

/** Opens a socket and resolves once it is open; every text frame goes to onFrame with its arrival time. */
export function openSocket(
  url: string,
  onFrame: FrameHandler,
  onClose: () => void,
  timeoutMs = 20_000,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`socket did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.onmessage = (ev: MessageEvent) => {
      // Stamp first: parsing and bookkeeping must not count as network latency.
      const at = performance.now();
      if (typeof ev.data === "string") onFrame(ev.data, at);
    };
    ws.onopen = () => {
      clearTimeout(timer);
      resolve(ws);
    };
    ws.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`socket error on ${url.replace(/token=[^&]+/, "token=…")}`));
    };
    ws.onclose = () => onClose();
  });
}

/** Retries a connection a few times, as a real client would, so one refused upgrade under load is not fatal. */
export async function withRetries<T>(what: string, fn: () => Promise<T>, attempts = 4): Promise<T> {
  let last: unknown = null;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      await sleep(500 * (i + 1));
    }
  }
  throw new Error(`${what} failed ${attempts} times: ${last instanceof Error ? last.message : String(last)}`);
}

/** Runs fn over items with at most `limit` in flight, in order of items. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i] as T;
      results[i] = await fn(item, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves when check() holds, or rejects after timeoutMs. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
