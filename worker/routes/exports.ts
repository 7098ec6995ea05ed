// /api/me/export: a member downloads everything the memory holds about them, as JSON.
import { Hono } from "hono";
import { memberExport } from "../db/memberExport.ts";
import { type MemoryEnv, requireSession } from "./session.ts";

export const exportsRoute = new Hono<MemoryEnv>();

exportsRoute.use("*", requireSession);

exportsRoute.get("/export", async (c) => {
  const now = Date.now();
  const data = await memberExport(c.env.DB, c.get("session").participantId, now);
  c.header(
    "Content-Disposition",
    `attachment; filename="codev-my-data-${new Date(now).toISOString().slice(0, 10)}.json"`,
  );
  c.header("Cache-Control", "no-store");
  return c.json(data);
});
