// The few web-platform globals the room client uses, typed here so protocol/ stays free of DOM and Node types.

interface RuntimeGlobals {
  setTimeout(handler: () => void, ms?: number): unknown;
  clearTimeout(id: unknown): void;
  setInterval(handler: () => void, ms?: number): unknown;
  clearInterval(id: unknown): void;
  crypto: { randomUUID(): string };
  WebSocket: new (url: string) => unknown;
  fetch(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<{
    ok: boolean;
    status: number;
    json(): Promise<unknown>;
  }>;
}

// Browsers, Node 22+ and workerd all provide these globals.
export const runtime = globalThis as unknown as RuntimeGlobals;
