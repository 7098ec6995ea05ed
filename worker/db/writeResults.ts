// Stores one consultation's results in D1 in one batch (a transaction); idempotent, so an outbox retry never doubles rows.
import { eq, getTableColumns, type Table } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
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

/** D1 refuses statements with more bound parameters than this. */
const D1_MAX_PARAMS = 100;

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
  await db.batch([db.insert(meetings).values(r.meeting).onConflictDoNothing(), ...statements]);
}

/** Splits rows so that no single insert exceeds D1's bound-parameter limit. */
function chunks<T>(table: Table, rows: T[]): T[][] {
  const perRow = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(D1_MAX_PARAMS / perRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
