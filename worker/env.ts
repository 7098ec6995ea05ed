// The Worker's bindings, variables and secrets.
import type { EchoRoom } from "./bench/EchoRoom.ts";
import type { Room } from "./room/Room.ts";

export interface Env {
  ROOMS: DurableObjectNamespace<Room>;
  ECHO_ROOMS: DurableObjectNamespace<EchoRoom>;
  DB: D1Database;
  ASSETS: Fetcher;
  /** "true" turns on the open join by room code and name (local only). */
  DEV_MODE: string;
  ZOOM_CLIENT_ID?: string;
  ZOOM_CLIENT_SECRET?: string;
  SESSION_SECRET?: string;
}

export function devMode(env: Env): boolean {
  return env.DEV_MODE === "true";
}
