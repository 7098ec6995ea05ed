// Reading the test D1 through drizzle, and reaching into a live room's outbox and results seam.
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { ResultsWriter } from "../../../worker/db/results.ts";
import * as schema from "../../../worker/db/schema.ts";
import { roomStub } from "./session.ts";

export const db = drizzle(env.DB, { schema });

/** Everything D1 holds for one consultation. */
export async function storedResults(consultationId: string) {
  const [consultation] = await db
    .select()
    .from(schema.consultations)
    .where(eq(schema.consultations.id, consultationId));
  return {
    consultation,
    participants: await db
      .select()
      .from(schema.participants)
      .where(eq(schema.participants.consultationId, consultationId)),
    situations: await db.select().from(schema.situations).where(eq(schema.situations.consultationId, consultationId)),
    votes: await db
      .select()
      .from(schema.situationVotes)
      .where(eq(schema.situationVotes.consultationId, consultationId)),
    questions: await db.select().from(schema.questions).where(eq(schema.questions.consultationId, consultationId)),
    ideas: await db.select().from(schema.ideas).where(eq(schema.ideas.consultationId, consultationId)),
    actions: await db.select().from(schema.actionItems).where(eq(schema.actionItems.consultationId, consultationId)),
    learnings: await db.select().from(schema.learnings).where(eq(schema.learnings.consultationId, consultationId)),
  };
}

export interface OutboxRow {
  consultationId: string;
  attempts: number;
  nextAttemptAt: number;
}

/** The room's undelivered results, straight from its SQLite. */
export async function outboxOf(roomId: string): Promise<OutboxRow[]> {
  return runInDurableObject(roomStub(roomId), (_room, state) =>
    state.storage.sql
      .exec<{ consultation_id: string; attempts: number; next_attempt_at: number }>(
        "SELECT consultation_id, attempts, next_attempt_at FROM outbox",
      )
      .toArray()
      .map((r) => ({ consultationId: r.consultation_id, attempts: r.attempts, nextAttemptAt: r.next_attempt_at })),
  );
}

/** Swaps the live room's results writer (until the instance is evicted); returns the one it replaced. */
export async function swapResultsWriter(roomId: string, writer: ResultsWriter): Promise<ResultsWriter> {
  return runInDurableObject(roomStub(roomId), (room) => {
    const previous = room.resultsWriter;
    room.resultsWriter = writer;
    return previous;
  });
}

/** An earlier meeting of this room code with a closed consultation and one open action, for the follow-up phase. */
export async function seedPreviousPlan(
  code: string,
  clientId: string,
): Promise<{ consultationId: string; actionId: string }> {
  const consultationId = crypto.randomUUID();
  const actionId = crypto.randomUUID();
  await db.insert(schema.meetings).values({ id: `old-${code}`, zoomMeetingId: code, startedAt: 1000 });
  await db.insert(schema.consultations).values({
    id: consultationId,
    meetingId: `old-${code}`,
    number: 1,
    format: "classic",
    durations: {},
    status: "closed",
    clientParticipantId: clientId,
    clientName: "Previous",
    requestText: "Keep my team",
    startedAt: 1000,
    closedAt: 2000,
    updatedAt: 2000,
  });
  await db.insert(schema.actionItems).values({
    id: actionId,
    consultationId,
    text: "Talk to them",
    dueDate: null,
    status: "open",
    at: 1500,
  });
  return { consultationId, actionId };
}
