// Stores one consultation's results in D1 in one batch (a transaction); idempotent, so an outbox retry never doubles rows.
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import { chunks } from "./chunks.ts";
import type { ConsultationResults } from "./results.ts";
import {
  actionItems,
  consultations,
  followUpReports,
  ideas,
  learnings,
  meetings,
  participants,
  questions,
  situations,
  situationVotes,
} from "./schema.ts";

/**
 * The meeting row is created once; the consultation row is upserted by id; its child rows are replaced as a whole,
 * so the stored results always equal the latest snapshot (items withdrawn in the room disappear here too).
 */
export async function writeResults(d1: D1Database, r: ConsultationResults): Promise<void> {
  const db = drizzle(d1);
  const id = r.consultation.id;
  const { id: _id, meetingId: _meetingId, startedAt: _startedAt, ...mutable } = r.consultation;
  const statements: BatchItem<"sqlite">[] = [
    db.insert(consultations).values(r.consultation).onConflictDoUpdate({ target: consultations.id, set: mutable }),
    // Votes go before situations: they reference them.
    db.delete(situationVotes).where(eq(situationVotes.consultationId, id)),
    db.delete(situations).where(eq(situations.consultationId, id)),
    db.delete(participants).where(eq(participants.consultationId, id)),
    db.delete(questions).where(eq(questions.consultationId, id)),
    db.delete(ideas).where(eq(ideas.consultationId, id)),
    db.delete(actionItems).where(eq(actionItems.consultationId, id)),
    db.delete(learnings).where(eq(learnings.consultationId, id)),
    ...chunks(participants, r.participants).map((rows) => db.insert(participants).values(rows)),
    ...chunks(situations, r.situations).map((rows) => db.insert(situations).values(rows)),
    ...chunks(situationVotes, r.votes).map((rows) => db.insert(situationVotes).values(rows)),
    ...chunks(questions, r.questions).map((rows) => db.insert(questions).values(rows)),
    ...chunks(ideas, r.ideas).map((rows) => db.insert(ideas).values(rows)),
    ...chunks(actionItems, r.actions).map((rows) => db.insert(actionItems).values(rows)),
    ...chunks(learnings, r.learnings).map((rows) => db.insert(learnings).values(rows)),
    ...r.followUpReports.map((report) =>
      db
        .insert(followUpReports)
        .values(report)
        .onConflictDoUpdate({
          target: [followUpReports.consultationId, followUpReports.actionId],
          set: { status: report.status, note: report.note, reportedInMeeting: report.reportedInMeeting, at: report.at },
        }),
    ),
  ];
  try {
    await db.batch([db.insert(meetings).values(r.meeting).onConflictDoNothing(), ...statements]);
  } catch (err) {
    // The consultation was deleted while these results were on their way: nothing is to be stored, and retrying
    // could never succeed (see the deleted_consultations trigger).
    if (isDeletedRefusal(err)) return;
    throw err;
  }
}

function isDeletedRefusal(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${err.cause instanceof Error ? err.cause.message : ""}` : "";
  return text.includes("consultation deleted");
}
