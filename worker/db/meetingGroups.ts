// Which group a meeting belongs to: attaching or detaching a meeting, and recognising a later meeting of the group.
import { and, eq, gt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { MeetingGroup } from "../../protocol/index.ts";
import { type Member, meetingGroupOf, memberStatements } from "./groups.ts";
import type { MeetingInfo } from "./results.ts";
import { groupMembers, groupSeries, groups, meetings } from "./schema.ts";

/**
 * The series key of a meeting run by this animator (see docs/memory.md): their user id as the verified session
 * carries it (the Zoom user id, or the browser's id in dev mode).
 */
export function animatorSeriesKey(animatorId: string): string {
  return `animator:${animatorId}`;
}

export interface Attachment {
  meeting: MeetingInfo;
  /** The group the meeting belonged to until now, if any. */
  previousGroupId: string | null;
  /** The new group, or null to detach. */
  groupId: string | null;
  animatorId: string;
  /** Everyone in the room now: they become members of the new group. */
  present: readonly Member[];
}

/**
 * In one batch: the meeting row points at its group, the people present become members, the animator's series key
 * names the group; when the meeting changes group, the memberships it alone created in the old one are undone.
 */
export async function attachMeeting(d1: D1Database, a: Attachment, now: number): Promise<void> {
  const db = drizzle(d1);
  const { meeting, groupId } = a;
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(meetings)
      .values({ id: meeting.roomId, groupId, zoomMeetingId: meeting.zoomMeetingId, startedAt: meeting.startedAt })
      .onConflictDoUpdate({ target: meetings.id, set: { groupId } }),
  ];
  if (a.previousGroupId !== null && a.previousGroupId !== groupId) {
    statements.push(
      db
        .delete(groupMembers)
        .where(and(eq(groupMembers.groupId, a.previousGroupId), eq(groupMembers.addedInMeeting, meeting.roomId))),
    );
  }
  const key = animatorSeriesKey(a.animatorId);
  if (groupId !== null) {
    statements.push(...memberStatements(d1, groupId, a.present, meeting.roomId, now));
    statements.push(
      db
        .insert(groupSeries)
        .values({ seriesKey: key, groupId, updatedAt: now })
        .onConflictDoUpdate({ target: groupSeries.seriesKey, set: { groupId, updatedAt: now } }),
    );
  } else if (a.previousGroupId !== null) {
    // Detaching says "this animator's meetings are not that group's" until they attach one again.
    statements.push(
      db.delete(groupSeries).where(and(eq(groupSeries.seriesKey, key), eq(groupSeries.groupId, a.previousGroupId))),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** The group this animator's meetings belong to, provided they are still one of its members. */
export async function recogniseGroup(d1: D1Database, animatorId: string): Promise<MeetingGroup | null> {
  const [row] = await drizzle(d1)
    .select({ group: groups })
    .from(groupSeries)
    .innerJoin(groups, eq(groups.id, groupSeries.groupId))
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, groupSeries.groupId), eq(groupMembers.userId, animatorId)))
    .where(eq(groupSeries.seriesKey, animatorSeriesKey(animatorId)));
  return row ? meetingGroupOf(row.group) : null;
}

/** Room ids of the group's meetings started after `since` (the ones that may still be live). */
export async function meetingsStartedSince(d1: D1Database, groupId: string, since: number): Promise<string[]> {
  const rows = await drizzle(d1)
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), gt(meetings.startedAt, since)));
  return rows.map((r) => r.id);
}
