// POST /api/session: trades a verified Zoom app context for a short-lived session token bound to one meeting room and user.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as v from "valibot";
import { clipLine, LIMITS } from "../../protocol/index.ts";
import { type Env, zoomCredentials } from "../env.ts";
import { isHostRole, meetingMember, roomIdForMeeting } from "./meetingRoom.ts";
import { issueSessionToken } from "./sessionToken.ts";
import { verifyZoomContext } from "./zoomContext.ts";
import { MAX_CONTEXT_CHARS } from "./zoomContextCipher.ts";

const SessionRequestSchema = v.object({
  /** The encrypted string from zoomSdk.getAppContext(). */
  context: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CONTEXT_CHARS)),
  /** Screen name from zoomSdk.getUserContext(); the context itself carries no name. */
  name: v.pipe(v.string(), v.maxLength(200)),
  /** Role from zoomSdk.getUserContext(), used only when Zoom's signed context has no role (see hostFor). */
  role: v.optional(v.pipe(v.string(), v.maxLength(32))),
});

export const zoomSessionRoute = new Hono<{ Bindings: Env }>();

const unauthorized = (reason: string) => ({
  error: "unauthorized",
  reason,
  message: "The Zoom app context was refused.",
});

/**
 * Zoom's signed context says whether the user was host or co-host when it was made (`attendrole`), and the panel
 * asks for a fresh context for every session, so that is what decides. Only a context without that field falls
 * back to the role the panel reports from getUserContext(), which a modified client could misstate; the worst
 * it gains is the animator role by default in its own meeting, which the group can hand over in the app, or, in
 * a breakout room it is in anyway, watching that group unlisted as the meeting's hosts may.
 */
function hostFor(signedHost: boolean | null, reportedRole: string | undefined): boolean {
  if (signedHost !== null) return signedHost;
  return reportedRole !== undefined && isHostRole(reportedRole);
}

zoomSessionRoute.post("/", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
  const credentials = zoomCredentials(c.env);
  const secret = c.env.SESSION_SECRET;
  if (!credentials || !secret) {
    return c.json({ error: "misconfigured", message: "The server has no Zoom credentials or session secret." }, 500);
  }
  if (!c.req.header("Content-Type")?.toLowerCase().startsWith("application/json")) {
    return c.json({ error: "unsupported_media_type", message: "Send the session request as JSON." }, 415);
  }
  const parsed = v.safeParse(SessionRequestSchema, await c.req.json().catch(() => null));
  if (!parsed.success) {
    return c.json({ error: "invalid", message: "Expected the Zoom app context, a screen name and a role." }, 400);
  }
  const now = Date.now();
  const verified = await verifyZoomContext(parsed.output.context, credentials, now);
  if (!verified.ok) return c.json(unauthorized(verified.reason), 401);
  const membership = meetingMember(verified.context);
  if (!membership.ok) return c.json(unauthorized(membership.reason), 401);
  const { member } = membership;
  const name = clipLine(parsed.output.name, LIMITS.name);
  if (!name) return c.json({ error: "invalid", message: "A screen name is required." }, 400);
  const session = {
    roomId: await roomIdForMeeting(member.meetingUuid),
    participantId: member.userId,
    name,
    host: hostFor(member.signedHost, parsed.output.role),
    meetingId: member.meetingUuid,
    // A breakout room reports its consultation to the meeting's main room; Zoom's signed context names the parent.
    parentRoomId: member.parentMeetingUuid === null ? null : await roomIdForMeeting(member.parentMeetingUuid),
  };
  const token = await issueSessionToken(secret, session, Math.floor(now / 1000));
  return c.json({
    token,
    roomId: session.roomId,
    participantId: session.participantId,
    name: session.name,
    host: session.host,
  });
});
