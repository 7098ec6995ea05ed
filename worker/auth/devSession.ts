// Dev mode: join a room by code and display name without Zoom; refused unless DEV_MODE is "true".
import { Hono } from "hono";
import * as v from "valibot";
import { clipLine, LIMITS } from "../../protocol/index.ts";
import { devMode, type Env } from "../env.ts";
import { issueSessionToken } from "./sessionToken.ts";

const roomCode = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9-]{1,40}$/));

const DevJoinSchema = v.object({
  room: roomCode,
  /** Dev mode's stand-in for a Zoom breakout room: the code of the main room this room reports to. */
  parent: v.optional(v.union([v.literal(""), roomCode]), ""),
  name: v.pipe(v.string(), v.maxLength(200)),
  /** Stable id a browser keeps so a reload is the same participant; generated when absent. */
  participantId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  host: v.optional(v.boolean(), false),
});

export const devSessionRoute = new Hono<{ Bindings: Env }>();

devSessionRoute.post("/session", async (c) => {
  if (!devMode(c.env)) return c.json({ error: "dev_mode_off", message: "Dev mode is disabled on this server." }, 403);
  const secret = c.env.SESSION_SECRET;
  if (!secret) return c.json({ error: "misconfigured", message: "The server has no session secret." }, 500);
  const body = await c.req.json().catch(() => null);
  const parsed = v.safeParse(DevJoinSchema, body);
  if (!parsed.success)
    return c.json({ error: "invalid", message: "Expected a room code (a-z, 0-9, -) and a name." }, 400);
  const name = clipLine(parsed.output.name, LIMITS.name);
  if (!name) return c.json({ error: "invalid", message: "A name is required." }, 400);
  const { room, parent } = parsed.output;
  if (parent === room) return c.json({ error: "invalid", message: "A room cannot be its own main room." }, 400);
  const participantId = parsed.output.participantId ?? crypto.randomUUID();
  const session = {
    roomId: `dev-${room}`,
    participantId,
    name,
    host: parsed.output.host,
    meetingId: room,
    parentRoomId: parent ? `dev-${parent}` : null,
  };
  const token = await issueSessionToken(secret, session, Math.floor(Date.now() / 1000));
  return c.json({ token, ...session });
});

devSessionRoute.get("/status", (c) => c.json({ devMode: devMode(c.env) }));
