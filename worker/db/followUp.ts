// Loads the open action plans a room shows in its follow-up phase: every earlier client's plan of the group still open.
import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { PreviousPlan } from "../../protocol/index.ts";
import { isOpenPlan, plansOf } from "./plans.ts";
import type { MeetingInfo } from "./results.ts";
import { consultations, meetings } from "./schema.ts";

export type FollowUpLoader = (meeting: MeetingInfo) => Promise<PreviousPlan[]>;

/** A follow-up is a few minutes per plan; more than this would not be heard in one meeting. */
export const MAX_FOLLOW_UP_PLANS = 10;
/** How far back the history is searched for open plans (a year of monthly meetings, several consultations each). */
const SCANNED_CONSULTATIONS = 60;

/** Whose plans: a group's meetings, or those held under one Zoom meeting id or dev room code (a room with no group). */
export type PlanSeries = { groupId: string } | { zoomMeetingId: string };

/** What a room shows in its follow-up phase: its series' open plans, from its other meetings. */
export function loadPlansForRoom(d1: D1Database, meeting: MeetingInfo): Promise<PreviousPlan[]> {
  const series: PlanSeries =
    meeting.groupId !== null ? { groupId: meeting.groupId } : { zoomMeetingId: meeting.zoomMeetingId };
  return loadPreviousPlans(d1, series, meeting.roomId);
}

/**
 * Closed consultations with a client from the series' meetings (but `exceptMeetingId`), newest first, whose plan
 * still has an open or in-progress action; each action carries its latest reported status.
 */
export async function loadPreviousPlans(
  d1: D1Database,
  series: PlanSeries,
  exceptMeetingId: string | null = null,
): Promise<PreviousPlan[]> {
  const db = drizzle(d1);
  const sameSeries =
    "groupId" in series ? eq(meetings.groupId, series.groupId) : eq(meetings.zoomMeetingId, series.zoomMeetingId);
  const candidates = await db
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
        exceptMeetingId === null ? undefined : ne(meetings.id, exceptMeetingId),
        eq(consultations.status, "closed"),
        isNotNull(consultations.clientParticipantId),
      ),
    )
    .orderBy(desc(consultations.closedAt))
    .limit(SCANNED_CONSULTATIONS);
  const plans = await plansOf(
    db,
    candidates.map((c) => c.id),
  );
  const open: PreviousPlan[] = [];
  for (const c of candidates) {
    const actions = plans.get(c.id) ?? [];
    if (!isOpenPlan(actions)) continue;
    open.push({
      consultationId: c.id,
      clientName: c.clientName ?? "",
      clientUserId: c.clientUserId,
      request: c.request ?? "",
      actions: actions.map((a) => ({
        id: a.id,
        text: a.text,
        resources: a.resources,
        dueDate: a.dueDate,
        status: a.status,
      })),
    });
    if (open.length === MAX_FOLLOW_UP_PLANS) break;
  }
  return open;
}
