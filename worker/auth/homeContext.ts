// Checks the X-Zoom-App-Context header that the Zoom client sends with the home URL: present means it must verify.
import type { MiddlewareHandler } from "hono";
import { type Env, zoomCredentials } from "../env.ts";
import { verifyZoomContext } from "./zoomContext.ts";

export const ZOOM_CONTEXT_HEADER = "X-Zoom-App-Context";

/**
 * A plain browser sends no header and gets the page (dev mode decides later whether it may join). A header that is
 * there but forged or stale is refused: the page then never loads inside Zoom with someone else's context. Any
 * running context is fine here (the panel explains when it is not in a meeting); only POST /api/session requires one.
 */
export const homeContextCheck: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const header = c.req.header(ZOOM_CONTEXT_HEADER);
  if (header === undefined) return next();
  const credentials = zoomCredentials(c.env);
  if (!credentials) return c.text("This server is not configured for Zoom.", 500);
  const verified = await verifyZoomContext(header, credentials, Date.now());
  if (!verified.ok) return c.text("The Zoom app context was refused.", 401);
  return next();
};
