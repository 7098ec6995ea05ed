// OWASP headers through Hono's secureHeaders: Zoom refuses to render any HTML response that lacks them.
import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The socket runs on the page's own host: wss in production, ws only when the page itself is served over http (local). */
function ownSocketOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.protocol === "http:" ? "ws:" : "wss:"}//${url.host}`;
}

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The panel loads only its own bundle (the Zoom SDK is bundled, it talks to the client through postMessage and
 * needs no origin of its own) and connects only to its own API and socket. Vite may inline small images and fonts as
 * data: URLs. The Zoom web client shows apps in a frame, so framing is limited to Zoom rather than forbidden, and
 * Zoom asks for COEP require-corp with CORP cross-origin there.
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'", ownSocketOrigin],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'", "https://*.zoom.us", "https://*.zoom.com"],
  },
  strictTransportSecurity: HSTS,
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: false,
  crossOriginEmbedderPolicy: "require-corp",
  crossOriginResourcePolicy: "cross-origin",
});

/** API answers are JSON or redirects: nothing in them may load or be framed. */
const apiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: HSTS,
  referrerPolicy: "no-referrer",
});

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  // A 101 answer carries the socket itself; rebuilding it to add headers would drop the socket.
  if (c.req.header("Upgrade")?.toLowerCase() === "websocket") return next();
  return c.req.path.startsWith("/api/") ? apiHeaders(c, next) : pageHeaders(c, next);
};
