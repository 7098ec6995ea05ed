// Who a verified Zoom context says the user is in a meeting, and the room id derived from the meeting UUID.
import { encodeBase64Url } from "./base64.ts";
import type { ZoomAppContext } from "./zoomContext.ts";

export interface MeetingMember {
  /** The meeting's UUID; inside a breakout room, the breakout room's own UUID. */
  meetingUuid: string;
  parentMeetingUuid: string | null;
  /** Zoom user id: stable for the person across meetings and breakout rooms. */
  userId: string;
  /** Host or co-host according to Zoom's signed context, or null when the context does not say. */
  signedHost: boolean | null;
}

export type MeetingMemberResult =
  | { ok: true; member: MeetingMember }
  | { ok: false; reason: "not_meeting" | "no_user" };

/** Only the in-meeting panel joins a room: main-client, chat and webinar contexts are refused. */
export function meetingMember(context: ZoomAppContext): MeetingMemberResult {
  if (context.type !== "meeting" || !context.meetingUuid) return { ok: false, reason: "not_meeting" };
  // Guest-mode contexts carry no user id; the app does not enable guest mode, so such a context is refused.
  if (!context.userId) return { ok: false, reason: "no_user" };
  return {
    ok: true,
    member: {
      meetingUuid: context.meetingUuid,
      parentMeetingUuid: context.parentMeetingUuid,
      userId: context.userId,
      signedHost: context.attendRole === null ? null : isHostRole(context.attendRole),
    },
  };
}

/** Zoom spells it "co-host" in the context and "coHost" in the SDK. */
export function isHostRole(role: string): boolean {
  const r = role.toLowerCase().replace(/[-_\s]/g, "");
  return r === "host" || r === "cohost";
}

/**
 * Meeting UUIDs contain `/`, `+` and `=`, so the room id is a URL-safe digest of the UUID rather than the UUID
 * itself; each breakout room has its own UUID and so its own room.
 */
export async function roomIdForMeeting(meetingUuid: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`zoom-meeting:${meetingUuid}`));
  return `zm-${encodeBase64Url(new Uint8Array(digest))}`;
}
