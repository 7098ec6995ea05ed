// Bench-only route to the bare rebroadcasting Durable Object; absent (404) unless the server runs in dev mode.
import { Hono } from "hono";
import { devMode, type Env } from "../env.ts";

export const echoRoute = new Hono<{ Bindings: Env }>();

echoRoute.get("/echo/:roomId/ws", async (c) => {
  // Production never runs in dev mode, so the floor-measuring room is unreachable there.
  if (!devMode(c.env)) return c.json({ error: "not_found", message: "No such API route." }, 404);
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.json({ error: "expected_websocket", message: "This route only accepts WebSocket upgrades." }, 426);
  }
  const roomId = c.req.param("roomId");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(roomId)) return c.json({ error: "invalid", message: "Bad room id." }, 400);
  const stub = c.env.ECHO_ROOMS.get(c.env.ECHO_ROOMS.idFromName(roomId));
  return stub.fetch(c.req.raw);
});
