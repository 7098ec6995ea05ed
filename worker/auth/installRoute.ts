// The Zoom install flow: /api/zoom/install starts OAuth (PKCE, state in a signed cookie); /api/zoom/callback
// finishes it, asks Zoom for a deeplink and sends the browser into the Zoom client.
import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { type Env, zoomCredentials } from "../env.ts";
import { requestDeeplink } from "./zoomDeeplink.ts";
import { exchangeCode, type PendingAuthorization, startAuthorization } from "./zoomOAuth.ts";

export const zoomInstallRoute = new Hono<{ Bindings: Env }>();

const COOKIE = "codev_oauth";
/** Long enough to sign in to Zoom and consent, short enough that a stale flow dies. */
const COOKIE_SECONDS = 10 * 60;

/** The cookie is signed with a key derived from the session secret, so a cookie can never pass for a token. */
const cookieKey = (sessionSecret: string) => `oauth-state:${sessionSecret}`;

/** Must equal the Redirect URL set on the Zoom app; it is derived from the host the install was reached on. */
export function callbackUrl(requestUrl: string): string {
  return new URL("/api/zoom/callback", requestUrl).href;
}

async function readPending(c: Context<{ Bindings: Env }>, key: string): Promise<PendingAuthorization | null> {
  const value = await getSignedCookie(c, key, COOKIE, "host");
  deleteCookie(c, COOKIE, { path: "/", secure: true, prefix: "host" });
  if (!value) return null;
  const [state, codeVerifier] = value.split(".");
  return state && codeVerifier ? { state, codeVerifier } : null;
}

zoomInstallRoute.get("/install", async (c) => {
  const credentials = zoomCredentials(c.env);
  const secret = c.env.SESSION_SECRET;
  if (!credentials || !secret) return c.text("This server is not configured for Zoom.", 500);
  const { url, pending } = await startAuthorization(credentials.clientId, callbackUrl(c.req.url));
  await setSignedCookie(c, COOKIE, `${pending.state}.${pending.codeVerifier}`, cookieKey(secret), {
    prefix: "host",
    path: "/",
    secure: true,
    httpOnly: true,
    // Lax: the cookie must come back on Zoom's top-level redirect to the callback.
    sameSite: "Lax",
    maxAge: COOKIE_SECONDS,
  });
  return c.redirect(url.href, 302);
});

zoomInstallRoute.get("/callback", async (c) => {
  const credentials = zoomCredentials(c.env);
  const secret = c.env.SESSION_SECRET;
  if (!credentials || !secret) return c.text("This server is not configured for Zoom.", 500);
  const cookie = await readPending(c, cookieKey(secret));
  // A callback with a state belongs to a flow started here and must match its cookie; one without a state is an
  // install started on the Zoom Marketplace, which has no cookie and no verifier (any cookie left over is ignored).
  const pending = c.req.query("state") === undefined ? null : cookie;
  if (c.req.query("state") !== undefined && !pending) {
    return c.text("This install link has expired or was opened in another browser. Start the install again.", 400);
  }
  const exchange = await exchangeCode(credentials, new URL(c.req.url), callbackUrl(c.req.url), pending);
  if (!exchange.ok) {
    console.warn(`zoom install: ${exchange.reason}`);
    return c.text("Zoom did not authorize the app. Start the install again.", 400);
  }
  // The access token serves only to ask for the deeplink; it is neither stored nor logged.
  const deeplink = await requestDeeplink(exchange.accessToken);
  if (!deeplink) {
    console.warn("zoom install: no deeplink");
    return c.text("Codev is installed. Open it from the Apps panel in a Zoom meeting.", 200);
  }
  return c.redirect(deeplink, 302);
});
