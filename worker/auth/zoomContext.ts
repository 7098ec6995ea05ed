// Verifies Zoom's app context (X-Zoom-App-Context or getAppContext()): authentic, for this app, from Zoom, not expired.
import * as v from "valibot";
import type { ZoomCredentials } from "../env.ts";
import { decryptContext } from "./zoomContextCipher.ts";

/** Zoom documents this issuer as always present. */
export const ZOOM_ISSUER = "marketplace.zoom.us";
/** Tolerated clock difference between Zoom and the Worker; a context lives about two minutes. */
export const CLOCK_SKEW_MS = 30_000;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

// Only the claims this app relies on; Zoom adds others (act, iid, cid, entitlements…) that are ignored.
const ClaimsSchema = v.object({
  typ: v.string(),
  iss: v.string(),
  aud: v.string(),
  exp: v.number(),
  uid: v.optional(Id),
  mid: v.optional(Id),
  /** Set in a breakout room: the main meeting's UUID, while `mid` is the breakout room's own. */
  pid: v.optional(Id),
  /** Role when the context was made: host, co-host, participant (meeting), panelist, attendee (webinar). */
  attendrole: v.optional(v.string()),
});

export interface ZoomAppContext {
  /** Where the app runs: "meeting", "webinar", "panel" (main client), "chat"… */
  type: string;
  userId: string | null;
  meetingUuid: string | null;
  parentMeetingUuid: string | null;
  attendRole: string | null;
  expiresAtMs: number;
}

export type ZoomContextFailure =
  | "malformed"
  | "undecryptable"
  | "invalid_payload"
  | "wrong_issuer"
  | "wrong_audience"
  | "expired";

export type ZoomContextResult = { ok: true; context: ZoomAppContext } | { ok: false; reason: ZoomContextFailure };

/**
 * Zoom's samples compare `exp` with Date.now(), so it is in milliseconds; a value that can only be seconds
 * is scaled rather than read as 1970, which would lock every user out if Zoom ever switched units.
 */
function expiryMs(exp: number): number {
  return exp < 1e11 ? exp * 1000 : exp;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function verifyZoomContext(
  raw: string,
  credentials: ZoomCredentials,
  nowMs: number,
): Promise<ZoomContextResult> {
  const decrypted = await decryptContext(raw, credentials.clientSecret);
  if (!decrypted.ok) return decrypted;
  const claims = v.safeParse(ClaimsSchema, parseJson(decrypted.text));
  if (!claims.success) return { ok: false, reason: "invalid_payload" };
  const c = claims.output;
  if (c.iss !== ZOOM_ISSUER) return { ok: false, reason: "wrong_issuer" };
  if (c.aud !== credentials.clientId) return { ok: false, reason: "wrong_audience" };
  const expiresAtMs = expiryMs(c.exp);
  if (expiresAtMs + CLOCK_SKEW_MS < nowMs) return { ok: false, reason: "expired" };
  return {
    ok: true,
    context: {
      type: c.typ,
      userId: c.uid ?? null,
      meetingUuid: c.mid ?? null,
      parentMeetingUuid: c.pid ?? null,
      attendRole: c.attendrole ?? null,
      expiresAtMs,
    },
  };
}
