// One consultation of a group in full, for its summary and report: request, ideas, plan with follow-up, learnings, notes.
import { and, asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type PlanAction, plansOf } from "./plans.ts";
import { consultations, ideas, learnings, meetings, participants, situations } from "./schema.ts";

export interface ConsultationDetail {
  id: string;
  groupId: string;
  meetingId: string;
  number: number;
  format: string;
  status: string;
  startedAt: number;
  closedAt: number | null;
  /** See consultations.closedFrom. */
  closedFrom: string | null;
  clientName: string | null;
  clientUserId: string | null;
  situation: { title: string; stakes: string } | null;
  /** The client's headline and question from the presentation. */
  headline: { text: string; question: string } | null;
  request: string | null;
  /** Ideas the client marked as the ones they keep, then the others. */
  markedIdeas: Array<{ text: string; authorName: string }>;
  otherIdeas: Array<{ text: string; authorName: string }>;
  actions: PlanAction[];
  learnings: Array<{ text: string; authorName: string }>;
  /** The shared note pad's text as the consultation left it. */
  notes: string | null;
  participants: Array<{ name: string; role: string }>;
}

/** Null when the consultation does not exist or is not one of this group's. */
export async function consultationDetail(
  d1: D1Database,
  groupId: string,
  consultationId: string,
): Promise<ConsultationDetail | null> {
  const db = drizzle(d1);
  const [c] = await db
    .select({ consultation: consultations })
    .from(consultations)
    .innerJoin(meetings, eq(consultations.meetingId, meetings.id))
    .where(and(eq(consultations.id, consultationId), eq(meetings.groupId, groupId)));
  if (!c) return null;
  const row = c.consultation;
  const [chosen, allIdeas, allLearnings, people, plans] = await Promise.all([
    db
      .select({ title: situations.title, stakes: situations.stakes })
      .from(situations)
      .where(and(eq(situations.consultationId, row.id), eq(situations.chosen, true))),
    db.select().from(ideas).where(eq(ideas.consultationId, row.id)).orderBy(asc(ideas.at)),
    db.select().from(learnings).where(eq(learnings.consultationId, row.id)).orderBy(asc(learnings.at)),
    db
      .select({ name: participants.name, role: participants.role })
      .from(participants)
      .where(eq(participants.consultationId, row.id))
      .orderBy(asc(participants.name)),
    plansOf(db, [row.id]),
  ]);
  const authored = (i: { text: string; authorName: string }) => ({ text: i.text, authorName: i.authorName });
  return {
    id: row.id,
    groupId,
    meetingId: row.meetingId,
    number: row.number,
    format: row.format,
    status: row.status,
    startedAt: row.startedAt,
    closedAt: row.closedAt,
    closedFrom: row.closedFrom,
    clientName: row.clientName,
    clientUserId: row.clientParticipantId,
    situation: chosen[0] ?? null,
    headline: row.headline === null ? null : { text: row.headline, question: row.headlineQuestion ?? "" },
    request: row.requestText,
    markedIdeas: allIdeas.filter((i) => i.marked).map(authored),
    otherIdeas: allIdeas.filter((i) => !i.marked).map(authored),
    actions: plans.get(row.id) ?? [],
    learnings: allLearnings.map(authored),
    notes: row.notepadText,
    participants: people,
  };
}
