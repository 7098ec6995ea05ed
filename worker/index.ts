// The Worker: Hono routes for /api (health, sessions, Zoom install, room sockets) and the panel's pages, all with security headers.
import { Hono } from "hono";
import { devSessionRoute } from "./auth/devSession.ts";
import { zoomInstallRoute } from "./auth/installRoute.ts";
import { verifySessionToken } from "./auth/sessionToken.ts";
import { zoomSessionRoute } from "./auth/zoomSession.ts";
import { echoRoute } from "./bench/echoRoute.ts";
import type { Env } from "./env.ts";
import { pagesRoute } from "./http/pages.ts";
import { securityHeaders } from "./http/securityHeaders.ts";
import { identityHeaders, withoutIdentity } from "./room/identity.ts";
import { exportsRoute } from "./routes/exports.ts";
import { groupsRoute } from "./routes/groups.ts";
import { historyRoute } from "./routes/history.ts";
import { meetingGroupRoute } from "./routes/meetingGroup.ts";
import { scheduled } from "./scheduled.ts";

export { EchoRoom } from "./bench/EchoRoom.ts";
export { Room } from "./room/Room.ts";

export const app = new Hono<{ Bindings: Env }>();

app.use("*", securityHeaders);

app.get("/api/health", (c) => c.json({ ok: true, service: "codev" }));

app.route("/api/dev", devSessionRoute);
app.route("/api/session", zoomSessionRoute);
app.route("/api/zoom", zoomInstallRoute);
app.route("/api/bench", echoRoute);
app.route("/api/groups", groupsRoute);
app.route("/api/groups", historyRoute);
app.route("/api/meeting", meetingGroupRoute);
app.route("/api/me", exportsRoute);

app.get("/api/rooms/:roomId/ws", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.json({ error: "expected_websocket", message: "This route only accepts WebSocket upgrades." }, 426);
  }
  const secret = c.env.SESSION_SECRET;
  const token = c.req.query("token");
  if (!secret || !token) return c.json({ error: "unauthorized", message: "A session token is required." }, 401);
  const session = await verifySessionToken(secret, token);
  if (!session) return c.json({ error: "unauthorized", message: "Invalid or expired session token." }, 401);
  if (session.roomId !== c.req.param("roomId")) {
    return c.json({ error: "forbidden", message: "This token is for another room." }, 403);
  }
  const stub = c.env.ROOMS.get(c.env.ROOMS.idFromName(session.roomId));
  const headers = withoutIdentity(c.req.raw.headers);
  for (const [k, val] of Object.entries(identityHeaders(session))) headers.set(k, val);
  return stub.fetch(new Request(c.req.raw.url, { headers }));
});

app.all("/api/*", (c) => c.json({ error: "not_found", message: "No such API route." }, 404));

// Everything else is the panel (wrangler.toml routes all but /assets/* through the Worker).
app.route("/", pagesRoute);

export default {
  fetch: app.fetch,
  scheduled,
} satisfies ExportedHandler<Env>;
