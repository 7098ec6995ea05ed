// The retention setting enforced: a group's consultations older than its retention are purged, nothing younger.
import { and, eq, isNotNull, lt, notExists, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { purgeStatements } from "./deletion.ts";
import { consultations, groups, meetings } from "./schema.ts";

/** The same day `months` calendar months earlier (UTC), clamped to the month's last day (31 March → 28/29 Feb). */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime();
}

export interface PurgeReport {
  groups: number;
  consultations: number;
  meetings: number;
}

/**
 * A consultation's age counts from its close (or its start, if it never closed). Each group is purged in its own
 * batch, so one failing group does not stop the others; meetings left empty and older than the cut-off go too.
 */
export async function purgeExpired(d1: D1Database, now: number): Promise<PurgeReport> {
  const db = drizzle(d1);
  const report: PurgeReport = { groups: 0, consultations: 0, meetings: 0 };
  const kept = await db
    .select({ id: groups.id, months: groups.retentionMonths })
    .from(groups)
    .where(isNotNull(groups.retentionMonths));
  for (const g of kept) {
    if (g.months === null || g.months < 1) continue;
    const cutoff = monthsBefore(now, g.months);
    const expired = () =>
      sql`SELECT ${consultations.id} AS id FROM ${consultations} JOIN ${meetings} ON ${consultations.meetingId} = ${meetings.id} WHERE ${meetings.groupId} = ${g.id} AND coalesce(${consultations.closedAt}, ${consultations.startedAt}) < ${cutoff}`;
    const [count] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (${expired()})`);
    const [tombstones, reports, rows] = purgeStatements(d1, expired, now);
    const emptyMeetings = db
      .delete(meetings)
      .where(
        and(
          eq(meetings.groupId, g.id),
          lt(meetings.startedAt, cutoff),
          notExists(
            db.select({ id: consultations.id }).from(consultations).where(eq(consultations.meetingId, meetings.id)),
          ),
        ),
      );
    const results = await db.batch([tombstones, reports, rows, emptyMeetings]);
    report.groups++;
    report.consultations += count?.n ?? 0;
    report.meetings += results[3].meta.changes;
  }
  return report;
}
