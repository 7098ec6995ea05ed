// Groups and their members in D1: create, read, update, list a user's groups, membership checks.
import { and, asc, count, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { MeetingGroup } from "../../protocol/index.ts";
import { chunks } from "./chunks.ts";
import { groupMembers, groups } from "./schema.ts";

export type Group = typeof groups.$inferSelect;

/** What a live room shows of its group (protocol's MeetingGroup). */
export function meetingGroupOf(group: Group): MeetingGroup {
  return { id: group.id, name: group.name, mission: group.mission, charter: group.charter };
}

export interface GroupSettings {
  name: string;
  mission: string | null;
  charter: string | null;
  retentionMonths: number | null;
}

export interface Member {
  userId: string;
  displayName: string;
}

export async function createGroup(d1: D1Database, settings: GroupSettings, creator: Member, now: number) {
  const db = drizzle(d1);
  const group: Group = { id: crypto.randomUUID(), ...settings, createdBy: creator.userId, createdAt: now };
  await db.batch([
    db.insert(groups).values(group),
    db.insert(groupMembers).values({ groupId: group.id, ...creator, addedAt: now, addedInMeeting: null }),
  ]);
  return group;
}

export async function groupById(d1: D1Database, id: string): Promise<Group | null> {
  const [group] = await drizzle(d1).select().from(groups).where(eq(groups.id, id));
  return group ?? null;
}

export async function updateGroup(d1: D1Database, id: string, patch: Partial<GroupSettings>): Promise<Group | null> {
  const db = drizzle(d1);
  if (Object.keys(patch).length > 0) await db.update(groups).set(patch).where(eq(groups.id, id));
  return groupById(d1, id);
}

export async function isMember(d1: D1Database, groupId: string, userId: string): Promise<boolean> {
  const [row] = await drizzle(d1)
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return row !== undefined;
}

/** The groups a user belongs to, by name, with their size. */
export async function groupsOf(d1: D1Database, userId: string) {
  const db = drizzle(d1);
  const mine = await db
    .select({ id: groups.id, name: groups.name, createdBy: groups.createdBy })
    .from(groupMembers)
    .innerJoin(groups, eq(groupMembers.groupId, groups.id))
    .where(eq(groupMembers.userId, userId))
    .orderBy(asc(groups.name));
  return Promise.all(mine.map(async (g) => ({ ...g, memberCount: await memberCount(d1, g.id) })));
}

export async function membersOf(d1: D1Database, groupId: string): Promise<Member[]> {
  return drizzle(d1)
    .select({ userId: groupMembers.userId, displayName: groupMembers.displayName })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(groupMembers.displayName));
}

async function memberCount(d1: D1Database, groupId: string): Promise<number> {
  const [row] = await drizzle(d1).select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  return row?.n ?? 0;
}

/**
 * Everyone who joins a meeting of the group becomes a member; a known member keeps the meeting that first made
 * them one and gets their latest display name.
 */
export function memberStatements(
  d1: D1Database,
  groupId: string,
  people: readonly Member[],
  meetingId: string,
  now: number,
) {
  const db = drizzle(d1);
  const rows = people.map((p) => ({ groupId, ...p, addedAt: now, addedInMeeting: meetingId }));
  return chunks(groupMembers, rows).map((batch) =>
    db
      .insert(groupMembers)
      .values(batch)
      .onConflictDoUpdate({
        target: [groupMembers.groupId, groupMembers.userId],
        set: { displayName: sql.raw("excluded.display_name") },
      }),
  );
}

export async function addMembers(
  d1: D1Database,
  groupId: string,
  people: readonly Member[],
  meetingId: string,
  now: number,
) {
  const statements = memberStatements(d1, groupId, people, meetingId, now);
  const [first, ...rest] = statements;
  if (first) await drizzle(d1).batch([first, ...rest]);
}
