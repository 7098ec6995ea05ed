// Deleting from the memory: a client's consultation goes from D1 and from live rooms, and nothing else goes with it.
import { env, runInDurableObject } from "cloudflare:test";
import { count, eq } from "drizzle-orm";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { resultsOf } from "../../worker/db/results.ts";
import * as schema from "../../worker/db/schema.ts";
import { writeResults } from "../../worker/db/writeResults.ts";
import { closeAll, runConsultation, settle } from "./helpers/consultation.ts";
import { db, outboxOf, storedResults } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, createGroup, meeting, people, read } from "./helpers/memory.ts";
import { NotepadClient } from "./helpers/notepadClient.ts";
import { roomStub } from "./helpers/session.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

type ConsultationChild =
  | typeof schema.participants
  | typeof schema.situations
  | typeof schema.questions
  | typeof schema.ideas
  | typeof schema.actionItems
  | typeof schema.learnings
  | typeof schema.followUpReports;

/** Row counts of every results table within one group, to show a deletion took only what it should. */
async function totals(groupId: string) {
  const inGroup = async (table: ConsultationChild) =>
    (
      await db
        .select({ n: count() })
        .from(table)
        .innerJoin(schema.consultations, eq(table.consultationId, schema.consultations.id))
        .innerJoin(schema.meetings, eq(schema.consultations.meetingId, schema.meetings.id))
        .where(eq(schema.meetings.groupId, groupId))
    )[0]?.n ?? 0;
  const [consultations] = await db
    .select({ n: count() })
    .from(schema.consultations)
    .innerJoin(schema.meetings, eq(schema.consultations.meetingId, schema.meetings.id))
    .where(eq(schema.meetings.groupId, groupId));
  const [meetings] = await db.select({ n: count() }).from(schema.meetings).where(eq(schema.meetings.groupId, groupId));
  const [members] = await db
    .select({ n: count() })
    .from(schema.groupMembers)
    .where(eq(schema.groupMembers.groupId, groupId));
  return {
    consultations: consultations?.n ?? 0,
    participants: await inGroup(schema.participants),
    situations: await inGroup(schema.situations),
    questions: await inGroup(schema.questions),
    ideas: await inGroup(schema.ideas),
    actions: await inGroup(schema.actionItems),
    learnings: await inGroup(schema.learnings),
    reports: await inGroup(schema.followUpReports),
    meetings: meetings?.n ?? 0,
    members: members?.n ?? 0,
  };
}

/** Rows the room's note pad keeps for a consultation (its updates and its final text). */
async function notesOf(roomId: string, consultationId: string): Promise<number> {
  return runInDurableObject(
    roomStub(roomId),
    (_room, state) =>
      state.storage.sql
        .exec<{ n: number }>(
          "SELECT (SELECT count(*) FROM notepad_updates WHERE consultation_id = ?1) + (SELECT count(*) FROM notepad_texts WHERE consultation_id = ?1) AS n",
          consultationId,
        )
        .one().n,
  );
}

const Deleted = v.object({ deleted: v.literal(true) });

describe("deleting a consultation", () => {
  it("removes the client's consultation from D1 and from the live rooms, and nothing else", async () => {
    const [ana, bea, cal, dom] = people("Ana", "Bea", "Cal", "Dom");
    if (!ana || !bea || !cal || !dom) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal, dom]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Suppression");
    const final1 = await runConsultation(m1);
    const c1 = final1.consultation;
    await eventually(async () => expect((await storedResults(c1.id)).consultation?.status).toBe("closed"));
    await closeAll(m1.all);

    // Meeting 2 is live: it shows Bea's plan, Bea reported on it, and Cal's consultation is under way.
    const m2 = await meeting(ana, cal, [bea, dom]);
    open.push(...m2.all);
    await eventually(() => expect(m2.animator.state?.consultation.followUp.plans).toHaveLength(1));
    await runConsultation(m2, "followUp");
    const [beaIn2] = m2.consultants;
    const action = c1.actions[0];
    if (!beaIn2 || !action) throw new Error("setup");
    await beaIn2.must({
      type: "reportFollowUp",
      consultationId: c1.id,
      actionId: action.id,
      status: "done",
      note: "ok",
    });
    const c2 = (await runConsultation(m2, "synthesis")).consultation;
    const pad = await NotepadClient.start(m2.client, c2.id);
    pad.insert(0, "Notes only Cal's consultation had.");
    pad.flush();
    await eventually(async () => expect(await notesOf(m2.roomId, c2.id)).toBeGreaterThan(0));
    await eventually(async () => {
      expect((await storedResults(c2.id)).consultation?.status).toBe("synthesis");
      expect(await outboxOf(m2.roomId)).toEqual([]);
    });
    const before = await totals(groupId);
    const c1Rows = await storedResults(c1.id);

    // Cal deletes the consultation under way about their situation.
    const gone = await api(m2.client.session, "DELETE", `/api/groups/${groupId}/consultations/${c2.id}`);
    expect(read(gone, Deleted).deleted).toBe(true);
    const fresh = await eventually(() => {
      const state = m2.animator.state;
      expect(state?.consultation.id).not.toBe(c2.id);
      return state;
    });
    expect(fresh?.consultation).toMatchObject({
      phase: "lobby",
      clientId: null,
      ideas: [],
      actions: [],
      questions: [],
    });
    expect(fresh?.consultation.followUp.plans.map((p) => p.consultationId)).toEqual([c1.id]);
    expect(fresh?.participants.every((p) => p.role === "animator" || p.role === "consultant")).toBe(true);
    await settle(m2.all);
    for (const s of m2.all) expect(JSON.stringify(s.state)).not.toContain(c2.id);
    expect(await outboxOf(m2.roomId)).toEqual([]);
    expect(await notesOf(m2.roomId, c2.id)).toBe(0);
    const afterC2 = await storedResults(c2.id);
    expect(afterC2).toMatchObject({
      consultation: undefined,
      participants: [],
      situations: [],
      questions: [],
      ideas: [],
      actions: [],
      learnings: [],
    });
    expect(await storedResults(c1.id)).toEqual(c1Rows);
    const afterFirst = await totals(groupId);
    expect(afterFirst).toEqual({
      ...before,
      consultations: before.consultations - 1,
      participants: before.participants - 4,
      situations: before.situations - 1,
      questions: before.questions - 2,
      ideas: before.ideas - 2,
    });

    // Bea deletes hers: the rows, the reports on her plan, and the plan shown in the live room all go.
    expect((await api(m2.client.session, "DELETE", `/api/groups/${groupId}/consultations/${c1.id}`)).status).toBe(403);
    expect((await api(beaIn2.session, "DELETE", `/api/groups/${groupId}/consultations/${c1.id}`)).status).toBe(200);
    await eventually(() => expect(m2.animator.state?.consultation.followUp).toEqual({ plans: [], reports: [] }));
    const afterC1 = await storedResults(c1.id);
    expect(afterC1.consultation).toBeUndefined();
    expect(afterC1.ideas).toEqual([]);
    expect(
      await db.select().from(schema.followUpReports).where(eq(schema.followUpReports.consultationId, c1.id)),
    ).toEqual([]);
    const afterSecond = await totals(groupId);
    expect(afterSecond).toEqual({
      ...afterFirst,
      consultations: afterFirst.consultations - 1,
      participants: afterFirst.participants - 4,
      situations: afterFirst.situations - 1,
      questions: afterFirst.questions - 2,
      ideas: afterFirst.ideas - 2,
      actions: afterFirst.actions - 2,
      learnings: afterFirst.learnings - 4,
      reports: afterFirst.reports - 1,
    });
    expect((await api(beaIn2.session, "GET", `/api/groups/${groupId}/consultations/${c1.id}`)).status).toBe(404);

    // A delivery already on its way cannot bring it back.
    const late = resultsOf(
      final1,
      { roomId: m1.roomId, zoomMeetingId: m1.roomCode, groupId, startedAt: 0 },
      Date.now(),
    );
    await writeResults(env.DB, late);
    expect((await storedResults(c1.id)).consultation).toBeUndefined();
    expect((await storedResults(c1.id)).actions).toEqual([]);
  });
});

describe("deleting a group", () => {
  it("removes its meetings, consultations and members, and its live room forgets it", async () => {
    const [ana, bea, cal] = people("Ana", "Bea", "Cal");
    if (!ana || !bea || !cal) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Éphémère");
    const c1 = (await runConsultation(m1)).consultation;
    await eventually(async () => expect((await storedResults(c1.id)).consultation?.status).toBe("closed"));
    await closeAll(m1.all);
    const m2 = await meeting(ana, cal, [bea]);
    open.push(...m2.all);
    await eventually(() => expect(m2.animator.state?.consultation.followUp.plans).toHaveLength(1));

    expect((await api(m2.client.session, "DELETE", `/api/groups/${groupId}`)).status).toBe(403);
    expect((await api(m2.animator.session, "DELETE", `/api/groups/${groupId}`)).status).toBe(200);
    expect((await storedResults(c1.id)).consultation).toBeUndefined();
    expect(await db.select().from(schema.groups).where(eq(schema.groups.id, groupId))).toEqual([]);
    expect(await db.select().from(schema.groupMembers).where(eq(schema.groupMembers.groupId, groupId))).toEqual([]);
    expect(await db.select().from(schema.meetings).where(eq(schema.meetings.groupId, groupId))).toEqual([]);
    await eventually(() => expect(m2.animator.state?.consultation.followUp.plans).toEqual([]));
    expect(m2.client.state?.group).toBeNull();
    const group = await runInDurableObject(roomStub(m2.roomId), (room) => room.groupId());
    expect(group).toBeNull();
    expect((await api(m2.animator.session, "GET", `/api/groups/${groupId}/history`)).status).toBe(403);
  });
});
