// Loads the previous action plan(s) a fresh room shows in its follow-up phase; a small seam the group memory extends.
import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as v from "valibot";
import { ACTION_STATUSES, type PreviousPlan } from "../../protocol/index.ts";
import type { MeetingInfo } from "./results.ts";
import { actionItems, consultations, followUpReports, meetings } from "./schema.ts";

export type FollowUpLoader = (meeting: MeetingInfo) => Promise<PreviousPlan[]>;

const StatusSchema = v.picklist(ACTION_STATUSES);

/**
 * The most recent closed consultation with a client from another meeting of the same group (or, while the room
 * knows no group, of the same Zoom meeting series), with each action's latest reported status.
 */
export async function loadPreviousPlans(d1: D1Database, meeting: MeetingInfo): Promise<PreviousPlan[]> {
  const db = drizzle(d1);
  const sameSeries =
    meeting.groupId !== null
      ? eq(meetings.groupId, meeting.groupId)
      : eq(meetings.zoomMeetingId, meeting.zoomMeetingId);
  const [previous] = await db
    .select({
      id: consultations.id,
      clientName: consultations.clientName,
      clientUserId: consultations.clientParticipantId,
      request: consultations.requestText,
    })
    .from(consultations)
    .innerJoin(meetings, eq(consultations.meetingId, meetings.id))
    .where(
      and(
        sameSeries,
        ne(meetings.id, meeting.roomId),
        eq(consultations.status, "closed"),
        isNotNull(consultations.clientParticipantId),
      ),
    )
    .orderBy(desc(consultations.closedAt))
    .limit(1);
  if (!previous) return [];
  const [actions, reports] = await Promise.all([
    db.select().from(actionItems).where(eq(actionItems.consultationId, previous.id)).orderBy(actionItems.at),
    db.select().from(followUpReports).where(eq(followUpReports.consultationId, previous.id)),
  ]);
  const reported = new Map(reports.map((r) => [r.actionId, r.status]));
  return [
    {
      consultationId: previous.id,
      clientName: previous.clientName ?? "",
      clientUserId: previous.clientUserId,
      request: previous.request ?? "",
      actions: actions.map((a) => ({
        id: a.id,
        text: a.text,
        dueDate: a.dueDate,
        status: statusOf(reported.get(a.id) ?? a.status),
      })),
    },
  ];
}

function statusOf(raw: string) {
  const parsed = v.safeParse(StatusSchema, raw);
  return parsed.success ? parsed.output : "open";
}
