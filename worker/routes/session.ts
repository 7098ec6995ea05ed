// Group-memory routes are called by the panel with its session token as a Bearer token; this verifies it.
import type { Context, MiddlewareHandler } from "hono";
import type { Session } from "../auth/sessionToken.ts";
import { verifySessionToken } from "../auth/sessionToken.ts";
import type { Env } from "../env.ts";

export interface MemoryEnv {
  Bindings: Env;
  Variables: { session: Session };
}

export type MemoryContext = Context<MemoryEnv>;

/** A JSON error every route answers the same way: a stable code for programs, a sentence for people. */
export function fail(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 500, error: string, message: string) {
  return c.json({ error, message }, status);
}

/** Idempotent, as routers mounted on the same prefix each bring it. */
export const requireSession: MiddlewareHandler<MemoryEnv> = async (c, next) => {
  if (c.var.session) return next();
  const secret = c.env.SESSION_SECRET;
  if (!secret) return fail(c, 500, "misconfigured", "The server has no session secret.");
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  const token = match?.[1];
  if (!token) return fail(c, 401, "unauthorized", "Send the session token as a Bearer token.");
  const session = await verifySessionToken(secret, token);
  if (!session) return fail(c, 401, "unauthorized", "Invalid or expired session token.");
  c.set("session", session);
  await next();
};

/** The live room the caller's session is bound to. */
export function roomOf(c: MemoryContext) {
  const roomId = c.get("session").roomId;
  return c.env.ROOMS.get(c.env.ROOMS.idFromName(roomId));
}

/** Any room by id (a meeting's room id is its D1 meeting id). */
export function roomById(c: MemoryContext, roomId: string) {
  return c.env.ROOMS.get(c.env.ROOMS.idFromName(roomId));
}
