// A group's past consultations for the history view, newest first, a page at a time (keyset pagination).
import { and, desc, eq, isNotNull, lt, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { countStatuses, type FollowUpCounts, type PlanAction, plansOf } from "./plans.ts";
import { consultations, meetings } from "./schema.ts";

export interface HistoryItem {
  id: string;
  meetingId: string;
  number: number;
  status: string;
  startedAt: number;
  closedAt: number | null;
  /** See consultations.closedFrom. */
  closedFrom: string | null;
  clientName: string | null;
  clientUserId: string | null;
  request: string | null;
  actions: PlanAction[];
  followUp: FollowUpCounts;
}

/** Where the next page starts: just after this consultation in the history's order. */
export interface HistoryCursor {
  startedAt: number;
  id: string;
}

export interface HistoryPage {
  items: HistoryItem[];
  next: HistoryCursor | null;
}

/**
 * Consultations that got a client (a situation was chosen) in the group's meetings; ordered by start time then id,
 * so a page boundary is stable even when two consultations started in the same millisecond.
 */
export async function groupHistory(
  d1: D1Database,
  groupId: string,
  after: HistoryCursor | null,
  limit: number,
): Promise<HistoryPage> {
  const db = drizzle(d1);
  const page = after
    ? or(
        lt(consultations.startedAt, after.startedAt),
        and(eq(consultations.startedAt, after.startedAt), lt(consultations.id, after.id)),
      )
    : undefined;
  const rows = await db
    .select({
      id: consultations.id,
      meetingId: consultations.meetingId,
      number: consultations.number,
      status: consultations.status,
      startedAt: consultations.startedAt,
      closedAt: consultations.closedAt,
      closedFrom: consultations.closedFrom,
      clientName: consultations.clientName,
      clientUserId: consultations.clientParticipantId,
      request: consultations.requestText,
    })
    .from(consultations)
    .innerJoin(meetings, eq(consultations.meetingId, meetings.id))
    .where(and(eq(meetings.groupId, groupId), isNotNull(consultations.clientParticipantId), page))
    .orderBy(desc(consultations.startedAt), desc(consultations.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const plans = await plansOf(
    db,
    shown.map((r) => r.id),
  );
  const items = shown.map((r) => {
    const actions = plans.get(r.id) ?? [];
    return { ...r, actions, followUp: countStatuses(actions) };
  });
  const last = shown.at(-1);
  return { items, next: rows.length > limit && last ? { startedAt: last.startedAt, id: last.id } : null };
}
