// Short-lived signed session tokens that bind one participant to one room (HS256 through hono/jwt).
import { sign, verify } from "hono/jwt";
import * as v from "valibot";

/** Fifteen minutes: enough to open the socket and reconnect; the panel asks for a fresh one after that. */
export const SESSION_TTL_SECONDS = 15 * 60;
const ISSUER = "codev";

export interface Session {
  roomId: string;
  participantId: string;
  name: string;
  /** Meeting host or co-host (becomes animator by default). */
  host: boolean;
  /** Zoom meeting UUID, or the dev room code in dev mode. */
  meetingId: string;
  /** In a breakout room, the room of the meeting it belongs to (which oversees it); null in a main room. */
  parentRoomId: string | null;
}

const ClaimsSchema = v.object({
  room: v.string(),
  sub: v.string(),
  name: v.string(),
  host: v.boolean(),
  mid: v.string(),
  // Absent from tokens issued before breakout rooms reported to their meeting.
  par: v.optional(v.nullable(v.string()), null),
  exp: v.number(),
});

export async function issueSessionToken(secret: string, s: Session, nowSeconds: number): Promise<string> {
  return sign(
    {
      iss: ISSUER,
      room: s.roomId,
      sub: s.participantId,
      name: s.name,
      host: s.host,
      mid: s.meetingId,
      par: s.parentRoomId,
      iat: nowSeconds,
      exp: nowSeconds + SESSION_TTL_SECONDS,
    },
    secret,
    "HS256",
  );
}

/** The session in a valid, unexpired token, or null for anything else (forged, expired, malformed). */
export async function verifySessionToken(secret: string, token: string): Promise<Session | null> {
  try {
    const payload = await verify(token, secret, { alg: "HS256", iss: ISSUER });
    const claims = v.safeParse(ClaimsSchema, payload);
    if (!claims.success) return null;
    const c = claims.output;
    return {
      roomId: c.room,
      participantId: c.sub,
      name: c.name,
      host: c.host,
      meetingId: c.mid,
      parentRoomId: c.par,
    };
  } catch {
    return null;
  }
}
