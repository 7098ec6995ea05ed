// The group's memory over three meetings: history, open follow-ups loaded into each room, reports kept in D1.
import { eq } from "drizzle-orm";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import type { RoomState } from "../../protocol/index.ts";
import * as schema from "../../worker/db/schema.ts";
import { type Cast, closeAll, runConsultation } from "./helpers/consultation.ts";
import { db } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, createGroup, meeting, type Person, people, read } from "./helpers/memory.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

const Status = v.picklist(["open", "inProgress", "done", "dropped"]);
const Action = v.object({ id: v.string(), text: v.string(), status: Status, note: v.nullable(v.string()) });
const History = v.object({
  items: v.array(
    v.object({
      id: v.string(),
      clientName: v.nullable(v.string()),
      request: v.nullable(v.string()),
      status: v.string(),
      actions: v.array(Action),
      followUp: v.object({ open: v.number(), inProgress: v.number(), done: v.number(), dropped: v.number() }),
    }),
  ),
  next: v.nullable(v.string()),
});
const FollowUps = v.object({
  plans: v.array(
    v.object({ consultationId: v.string(), clientName: v.string(), actions: v.array(v.object({ status: Status })) }),
  ),
});

function stateOf(socket: TestSocket): RoomState {
  if (!socket.state) throw new Error("no state");
  return socket.state;
}

/** Runs a whole consultation and waits until D1 holds it closed. */
async function closed(cast: Cast): Promise<RoomState> {
  const final = await runConsultation(cast);
  await eventually(async () => {
    const [row] = await db
      .select({ status: schema.consultations.status })
      .from(schema.consultations)
      .where(eq(schema.consultations.id, final.consultation.id));
    expect(row?.status).toBe("closed");
  });
  return final;
}

/** The plans the room loaded for its follow-up, as clients' names, newest first. */
async function followUpOf(cast: Cast, count: number): Promise<string[]> {
  return eventually(() => {
    const plans = stateOf(cast.animator).consultation.followUp.plans;
    expect(plans).toHaveLength(count);
    return plans.map((p) => p.clientName);
  });
}

describe("a group over three meetings", () => {
  it("shows the right history and open follow-ups, and keeps the follow-up reports", async () => {
    const cast = people("Ana", "Alex", "Bea", "Cal", "Dom");
    const [ana, alex, bea, cal, dom] = cast;
    if (!ana || !alex || !bea || !cal || !dom) throw new Error("cast");
    const others = (...ps: Person[]) => ps;

    // Meeting 1: Alex is the client.
    const m1 = await meeting(ana, alex, others(bea, cal, dom));
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Codev Montréal");
    expect(stateOf(m1.animator).consultation.followUp.plans).toEqual([]);
    const c1 = await closed(m1);
    await closeAll(m1.all);

    // Meeting 2: recognised; Alex's plan comes back; Alex reports; Bea is the client.
    const m2 = await meeting(ana, bea, others(alex, cal, dom));
    open.push(...m2.all);
    expect(await followUpOf(m2, 1)).toEqual(["Alex"]);
    const [first, second] = c1.consultation.actions;
    if (!first || !second) throw new Error("plan");
    await runConsultation(m2, "followUp");
    const alexIn2 = m2.consultants.find((s) => s.participantId === alex.id);
    if (!alexIn2) throw new Error("Alex");
    const report = { type: "reportFollowUp", consultationId: c1.consultation.id } as const;
    await alexIn2.must({ ...report, actionId: first.id, status: "done", note: "Met all five." });
    await alexIn2.must({ ...report, actionId: second.id, status: "inProgress", note: "Draft started." });
    const refused = await m2.client.command({ ...report, actionId: first.id, status: "dropped", note: "" });
    expect(refused.type).toBe("rejected");
    const c2 = await closed(m2);
    const reports = await db
      .select()
      .from(schema.followUpReports)
      .where(eq(schema.followUpReports.consultationId, c1.consultation.id));
    expect(reports.map((r) => [r.actionId, r.status, r.note, r.reportedInMeeting]).sort()).toEqual(
      [
        [first.id, "done", "Met all five.", m2.roomId],
        [second.id, "inProgress", "Draft started.", m2.roomId],
      ].sort(),
    );
    await closeAll(m2.all);

    // Meeting 3: Bea's plan and what is left of Alex's; Cal is the client.
    const m3 = await meeting(ana, cal, others(alex, bea, dom));
    open.push(...m3.all);
    expect(await followUpOf(m3, 2)).toEqual(["Bea", "Alex"]);
    const alexPlan = stateOf(m3.animator).consultation.followUp.plans[1];
    expect(alexPlan?.actions.map((a) => a.status)).toEqual(["done", "inProgress"]);
    expect(alexPlan?.actions.map((a) => a.resources)).toEqual(["HR and my manager", ""]);
    await runConsultation(m3, "followUp");
    const alexIn3 = m3.consultants.find((s) => s.participantId === alex.id);
    await alexIn3?.must({ ...report, actionId: second.id, status: "done", note: "Buddy plan running." });
    const c3 = await closed(m3);

    const history = read(await api(m3.client.session, "GET", `/api/groups/${groupId}/history`), History);
    expect(history.items.map((i) => i.clientName)).toEqual(["Cal", "Bea", "Alex"]);
    expect(history.items.map((i) => i.id)).toEqual([c3.consultation.id, c2.consultation.id, c1.consultation.id]);
    expect(history.items[2]).toMatchObject({
      request: c1.consultation.request?.text,
      status: "closed",
      followUp: { open: 0, inProgress: 0, done: 2, dropped: 0 },
    });
    expect(history.items[2]?.actions.map((a) => a.note)).toEqual(["Met all five.", "Buddy plan running."]);
    expect(history.next).toBeNull();

    const page1 = read(await api(m3.client.session, "GET", `/api/groups/${groupId}/history?limit=2`), History);
    expect(page1.items.map((i) => i.clientName)).toEqual(["Cal", "Bea"]);
    const page2 = read(
      await api(m3.client.session, "GET", `/api/groups/${groupId}/history?limit=2&cursor=${page1.next}`),
      History,
    );
    expect(page2.items.map((i) => i.clientName)).toEqual(["Alex"]);
    expect(page2.next).toBeNull();

    // Alex's plan is done: the open follow-ups are Cal's and Bea's.
    const followUps = read(await api(m3.client.session, "GET", `/api/groups/${groupId}/follow-ups`), FollowUps);
    expect(followUps.plans.map((p) => p.clientName)).toEqual(["Cal", "Bea"]);
  });
});
