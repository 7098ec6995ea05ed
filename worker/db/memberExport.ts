// Everything the memory holds about one person (data portability): their own words and records, nobody else's.
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { plansOf } from "./plans.ts";
import {
  consultations,
  groupMembers,
  groups,
  ideas,
  learnings,
  meetings,
  participants,
  questions,
  situations,
  situationVotes,
} from "./schema.ts";

/**
 * Only rows the person wrote or that describe them: their memberships, their participations (their own name and
 * role), situations they proposed and their votes, their questions, ideas and learnings, and, for consultations
 * where they were the client, their request, action plan and follow-up reports. Other people's names and words
 * (ideas offered to them, the shared notes) are left out, as are other members.
 */
export async function memberExport(d1: D1Database, userId: string, now: number) {
  const db = drizzle(d1);
  const own = <T extends { consultationId: string; text: string; at: number }>(rows: T[]) =>
    rows.map((r) => ({ consultationId: r.consultationId, text: r.text, at: r.at }));
  const [memberships, participations, proposed, votes, asked, offered, learned, asClient] = await Promise.all([
    db
      .select({
        groupId: groupMembers.groupId,
        groupName: groups.name,
        displayName: groupMembers.displayName,
        addedAt: groupMembers.addedAt,
        createdBy: groups.createdBy,
      })
      .from(groupMembers)
      .innerJoin(groups, eq(groupMembers.groupId, groups.id))
      .where(eq(groupMembers.userId, userId)),
    db
      .select({
        consultationId: participants.consultationId,
        groupId: meetings.groupId,
        startedAt: consultations.startedAt,
        name: participants.name,
        role: participants.role,
      })
      .from(participants)
      .innerJoin(consultations, eq(participants.consultationId, consultations.id))
      .innerJoin(meetings, eq(consultations.meetingId, meetings.id))
      .where(eq(participants.participantId, userId))
      .orderBy(asc(consultations.startedAt)),
    db
      .select({
        consultationId: situations.consultationId,
        title: situations.title,
        stakes: situations.stakes,
        chosen: situations.chosen,
        at: situations.at,
      })
      .from(situations)
      .where(eq(situations.proposerId, userId)),
    db
      .select({ consultationId: situationVotes.consultationId, situationId: situationVotes.situationId })
      .from(situationVotes)
      .where(eq(situationVotes.voterId, userId)),
    db.select().from(questions).where(eq(questions.authorId, userId)).orderBy(asc(questions.at)),
    db.select().from(ideas).where(eq(ideas.authorId, userId)).orderBy(asc(ideas.at)),
    db.select().from(learnings).where(eq(learnings.authorId, userId)).orderBy(asc(learnings.at)),
    db
      .select({
        consultationId: consultations.id,
        startedAt: consultations.startedAt,
        closedAt: consultations.closedAt,
        headline: consultations.headline,
        headlineQuestion: consultations.headlineQuestion,
        request: consultations.requestText,
      })
      .from(consultations)
      .where(eq(consultations.clientParticipantId, userId))
      .orderBy(asc(consultations.startedAt)),
  ]);
  const plans = await plansOf(
    db,
    asClient.map((c) => c.consultationId),
  );
  return {
    exportedAt: now,
    userId,
    // Who created the group is someone else's record unless it is this person.
    memberships: memberships.map(({ createdBy, ...m }) => ({ ...m, createdGroup: createdBy === userId })),
    participations,
    situationsProposed: proposed,
    votes,
    questions: own(asked),
    ideas: offered.map((i) => ({ consultationId: i.consultationId, text: i.text, marked: i.marked, at: i.at })),
    learnings: own(learned),
    consultationsAsClient: asClient.map((c) => ({ ...c, actions: plans.get(c.consultationId) ?? [] })),
  };
}

export type MemberExport = Awaited<ReturnType<typeof memberExport>>;
