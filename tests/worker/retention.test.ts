// Retention: the scheduled Worker purges a group's consultations older than its setting, and nothing younger or elsewhere.
import { createScheduledController, env } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { monthsBefore, purgeExpired } from "../../worker/db/retention.ts";
import * as schema from "../../worker/db/schema.ts";
import worker from "../../worker/index.ts";
import { db, storedResults } from "./helpers/d1.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 15, 3, 17);

/** A group (or none) with one meeting holding one closed consultation and its results, closed at `closedAt`. */
async function seed(groupId: string | null, closedAt: number, tag: string) {
  const meetingId = `room-${tag}-${crypto.randomUUID()}`;
  const id = `c-${tag}-${crypto.randomUUID()}`;
  await db
    .insert(schema.meetings)
    .values({ id: meetingId, groupId, zoomMeetingId: `z-${tag}`, startedAt: closedAt - DAY });
  await db.insert(schema.consultations).values({
    id,
    meetingId,
    number: 1,
    format: "classic",
    durations: {},
    status: "closed",
    clientParticipantId: `client-${tag}`,
    clientName: `Client ${tag}`,
    requestText: `Request ${tag}`,
    startedAt: closedAt - 2 * 60 * 60 * 1000,
    closedAt,
    updatedAt: closedAt,
  });
  const authored = { consultationId: id, authorId: `a-${tag}`, authorName: "A", at: closedAt - 1000 };
  await db
    .insert(schema.participants)
    .values({ consultationId: id, participantId: `client-${tag}`, name: "C", role: "client" });
  await db.insert(schema.ideas).values({ ...authored, id: `i-${id}`, text: `Idea ${tag}`, marked: true });
  await db.insert(schema.learnings).values({ ...authored, id: `l-${id}`, text: `Learning ${tag}` });
  await db
    .insert(schema.actionItems)
    .values({ id: `a-${id}`, consultationId: id, text: "Act", dueDate: null, status: "open", at: closedAt });
  return { meetingId, id };
}

async function group(retentionMonths: number | null): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(schema.groups).values({ id, name: "G", retentionMonths, createdBy: "x", createdAt: 0 });
  return id;
}

describe("retention", () => {
  it("counts months on the calendar", () => {
    expect(new Date(monthsBefore(Date.UTC(2026, 2, 31), 1)).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(new Date(monthsBefore(Date.UTC(2026, 10, 15, 3, 17), 12)).toISOString()).toBe("2025-11-15T03:17:00.000Z");
    expect(new Date(monthsBefore(Date.UTC(2024, 2, 30), 1)).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it("purges only what is older than the group's retention", async () => {
    const kept12 = await group(12);
    const forever = await group(null);
    const old = await seed(kept12, monthsBefore(NOW, 12) - DAY, "old");
    const young = await seed(kept12, monthsBefore(NOW, 12) + DAY, "young");
    const ancientElsewhere = await seed(forever, NOW - 5 * 365 * DAY, "forever");
    const noGroup = await seed(null, NOW - 5 * 365 * DAY, "nogroup");
    // The young meeting reported on the old plan; that report goes with the old consultation.
    await db.insert(schema.followUpReports).values([
      {
        consultationId: old.id,
        actionId: `a-${old.id}`,
        status: "done",
        note: "n",
        reportedInMeeting: young.meetingId,
        at: NOW - 300 * DAY,
      },
      {
        consultationId: young.id,
        actionId: `a-${young.id}`,
        status: "done",
        note: "n",
        reportedInMeeting: young.meetingId,
        at: NOW - DAY,
      },
    ]);
    const youngBefore = await storedResults(young.id);

    const report = await purgeExpired(env.DB, NOW);
    expect(report.consultations).toBeGreaterThanOrEqual(1);

    const oldAfter = await storedResults(old.id);
    expect(oldAfter).toMatchObject({
      consultation: undefined,
      participants: [],
      ideas: [],
      actions: [],
      learnings: [],
    });
    expect(await db.select().from(schema.meetings).where(eq(schema.meetings.id, old.meetingId))).toEqual([]);
    expect(
      await db.select().from(schema.deletedConsultations).where(eq(schema.deletedConsultations.id, old.id)),
    ).toHaveLength(1);
    const reports = await db
      .select({ consultationId: schema.followUpReports.consultationId })
      .from(schema.followUpReports)
      .where(inArray(schema.followUpReports.consultationId, [old.id, young.id]));
    expect(reports).toEqual([{ consultationId: young.id }]);

    expect(await storedResults(young.id)).toEqual(youngBefore);
    expect((await storedResults(ancientElsewhere.id)).consultation?.id).toBe(ancientElsewhere.id);
    expect((await storedResults(noGroup.id)).ideas).toHaveLength(1);
    expect(
      await db
        .select()
        .from(schema.groups)
        .where(inArray(schema.groups.id, [kept12, forever])),
    ).toHaveLength(2);
  });

  it("runs from the daily cron trigger", async () => {
    const kept1 = await group(1);
    const stale = await seed(kept1, Date.now() - 62 * DAY, "cron-stale");
    const fresh = await seed(kept1, Date.now() - 2 * DAY, "cron-fresh");
    const controller = createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" });
    await worker.scheduled(controller, env);
    expect((await storedResults(stale.id)).consultation).toBeUndefined();
    expect((await storedResults(fresh.id)).consultation?.id).toBe(fresh.id);
  });
});
