// The panel's client for the group memory's REST routes: a fresh session token as Bearer, answers checked by schema.
import * as v from "valibot";
import type { RoomStore } from "../model/RoomStore.ts";
import { ErrorSchema } from "./schemas.ts";

/** Session tokens live fifteen minutes; one is reused for ten, then a fresh one is asked for. */
const TOKEN_REUSE_MS = 10 * 60_000;

export class MemoryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Download {
  filename: string;
  text: string;
}

export class MemoryApi {
  private token: { value: string; at: number } | null = null;

  constructor(private readonly store: RoomStore) {}

  async json<S extends v.GenericSchema>(method: string, path: string, schema: S, body?: unknown) {
    const res = await this.send(method, path, body);
    const parsed = v.safeParse(schema, await res.json().catch(() => null));
    if (!parsed.success) throw new MemoryError(res.status, "unexpected", "Unexpected answer from the server.");
    return parsed.output;
  }

  /** A file the server offers for download (report, export), with the name it suggests. */
  async file(path: string, fallbackName: string): Promise<Download> {
    const res = await this.send("GET", path);
    const disposition = res.headers.get("Content-Disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    return { filename, text: await res.text() };
  }

  /** An expired or refused token is replaced once, then the error is the caller's to show. */
  private async send(method: string, path: string, body?: unknown, retry = true): Promise<Response> {
    const token = await this.bearer();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401 && retry) {
      this.token = null;
      return this.send(method, path, body, false);
    }
    if (!res.ok) {
      const error = v.safeParse(ErrorSchema, await res.json().catch(() => null));
      throw new MemoryError(
        res.status,
        error.success ? error.output.error : "http",
        error.success ? error.output.message : res.statusText,
      );
    }
    return res;
  }

  private async bearer(): Promise<string> {
    if (this.token && Date.now() - this.token.at < TOKEN_REUSE_MS) return this.token.value;
    const session = await this.store.connection.freshSession();
    this.token = { value: session.token, at: Date.now() };
    return session.token;
  }
}

const apis = new WeakMap<RoomStore, MemoryApi>();

/** One client per room store, so its token is shared by every memory view. */
export function memoryApi(store: RoomStore): MemoryApi {
  let api = apis.get(store);
  if (!api) {
    api = new MemoryApi(store);
    apis.set(store, api);
  }
  return api;
}
