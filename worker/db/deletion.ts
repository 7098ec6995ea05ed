// Deleting from the memory: one consultation (by its client) or a whole group (by its animator or creator).
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { consultations, deletedConsultations, followUpReports, groups, meetings } from "./schema.ts";

/** The statements that delete the consultations a subquery selects, leaving a tombstone for each (one batch). */
export function purgeStatements(d1: D1Database, selectIds: () => SQL, now: number) {
  const db = drizzle(d1);
  return [
    // "WHERE true" keeps SQLite from reading the upsert's ON CONFLICT as part of the SELECT.
    db
      .insert(deletedConsultations)
      .select(sql`SELECT id, ${now} AS at FROM (${selectIds()}) WHERE true`)
      .onConflictDoNothing(),
    db.delete(followUpReports).where(inArray(followUpReports.consultationId, sql`(${selectIds()})`)),
    // Participants, situations, votes, questions, ideas, actions and learnings go with it (ON DELETE CASCADE).
    db.delete(consultations).where(inArray(consultations.id, sql`(${selectIds()})`)),
  ] as const;
}

/**
 * Removes the consultation and everything it produced, and the follow-up reports on its plan, in one transaction;
 * the meeting it took place in stays, with its other consultations. False when there was nothing to delete.
 */
export async function deleteConsultation(d1: D1Database, consultationId: string, now: number): Promise<boolean> {
  const db = drizzle(d1);
  const [exists] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  if (!exists) return false;
  const [tombstone, reports, rows] = purgeStatements(d1, () => sql`SELECT ${consultationId} AS id`, now);
  await db.batch([tombstone, reports, rows]);
  return true;
}

export interface DeletedGroup {
  /** The rooms of the group's meetings, to tell the live ones. */
  roomIds: string[];
  consultationIds: string[];
}

/**
 * Removes the group, its meetings with all their consultations and results, its members and series keys. Meetings
 * are deleted explicitly: the schema would otherwise only unlink them from the group and keep their content.
 */
export async function deleteGroup(d1: D1Database, groupId: string, now: number): Promise<DeletedGroup> {
  const db = drizzle(d1);
  const [rooms, held] = await Promise.all([
    db.select({ id: meetings.id }).from(meetings).where(eq(meetings.groupId, groupId)),
    db
      .select({ id: consultations.id })
      .from(consultations)
      .innerJoin(meetings, eq(consultations.meetingId, meetings.id))
      .where(eq(meetings.groupId, groupId)),
  ]);
  const ofGroup = () =>
    sql`SELECT ${consultations.id} AS id FROM ${consultations} JOIN ${meetings} ON ${consultations.meetingId} = ${meetings.id} WHERE ${meetings.groupId} = ${groupId}`;
  const [tombstones, reports, rows] = purgeStatements(d1, ofGroup, now);
  await db.batch([
    tombstones,
    reports,
    rows,
    db.delete(meetings).where(eq(meetings.groupId, groupId)),
    db.delete(groups).where(eq(groups.id, groupId)),
  ]);
  return { roomIds: rooms.map((r) => r.id), consultationIds: held.map((c) => c.id) };
}
