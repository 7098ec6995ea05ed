// The panel's pages: static assets fetched through the Worker so each HTML answer gets the security headers.
import { Hono } from "hono";
import { homeContextCheck } from "../auth/homeContext.ts";
import type { Env } from "../env.ts";

export const pagesRoute = new Hono<{ Bindings: Env }>();

/** A browser navigation (or anything asking for HTML) to an unknown path gets the panel, which routes on the client. */
function wantsPage(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  return req.headers.get("Sec-Fetch-Mode") === "navigate" || (req.headers.get("Accept") ?? "").includes("text/html");
}

/** Responses from a binding have immutable headers; a copy lets the middleware add its own. */
function mutable(res: Response): Response {
  return new Response(res.body, res);
}

pagesRoute.on(["GET", "HEAD"], "*", homeContextCheck, async (c) => {
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  if (asset.status !== 404 || !wantsPage(c.req.raw)) return mutable(asset);
  const index = new URL("/", c.req.url);
  return mutable(await c.env.ASSETS.fetch(new Request(index, { method: c.req.method, headers: c.req.raw.headers })));
});
