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
  /** Worker secrets (`wrangler secret put`; locally from .dev.vars). Never logged. */
  ZOOM_CLIENT_ID?: string;
  ZOOM_CLIENT_SECRET?: string;
  SESSION_SECRET?: string;
}

export function devMode(env: Env): boolean {
  return env.DEV_MODE === "true";
}

export interface ZoomCredentials {
  clientId: string;
  clientSecret: string;
}

/** The Zoom app's credentials, or null when the server was deployed without them. */
export function zoomCredentials(env: Env): ZoomCredentials | null {
  const clientId = env.ZOOM_CLIENT_ID;
  const clientSecret = env.ZOOM_CLIENT_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}
