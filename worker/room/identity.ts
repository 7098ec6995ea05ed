// The verified identity the Worker hands to the room Durable Object with each socket upgrade.
import type { Session } from "../auth/sessionToken.ts";

const H = {
  room: "X-Codev-Room",
  participant: "X-Codev-Participant",
  name: "X-Codev-Name",
  host: "X-Codev-Host",
  meeting: "X-Codev-Meeting",
  parent: "X-Codev-Parent",
} as const;

export function identityHeaders(s: Session): Record<string, string> {
  return {
    [H.room]: s.roomId,
    [H.participant]: s.participantId,
    [H.name]: encodeURIComponent(s.name),
    [H.host]: s.host ? "1" : "0",
    [H.meeting]: encodeURIComponent(s.meetingId),
    ...(s.parentRoomId === null ? {} : { [H.parent]: s.parentRoomId }),
  };
}

/**
 * The client's request headers without any that would pass for identity: the room trusts these headers, and the
 * Worker sets only those the session has (a main room's session has no parent), so none may come from the client.
 */
export function withoutIdentity(clientHeaders: Headers): Headers {
  const headers = new Headers(clientHeaders);
  for (const name of [...headers.keys()]) if (name.toLowerCase().startsWith("x-codev-")) headers.delete(name);
  return headers;
}

/** Reads the identity the Worker set; the room is only reachable through the Worker, which verified it. */
export function identityFrom(req: Request): Session | null {
  const roomId = req.headers.get(H.room);
  const participantId = req.headers.get(H.participant);
  const name = req.headers.get(H.name);
  const meeting = req.headers.get(H.meeting);
  if (!roomId || !participantId || name === null || meeting === null) return null;
  return {
    roomId,
    participantId,
    name: decodeURIComponent(name),
    host: req.headers.get(H.host) === "1",
    meetingId: decodeURIComponent(meeting),
    parentRoomId: req.headers.get(H.parent) || null,
  };
}
