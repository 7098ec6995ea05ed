import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resultsOf } from "../../worker/db/results.ts";
import * as schema from "../../worker/db/schema.ts";
import { writeResults } from "../../worker/db/writeResults.ts";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { db, outboxOf, seedPreviousPlan, storedResults, swapResultsWriter } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { devSession, roomStub, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

describe("results in D1", () => {
  it("holds a closed consultation's request, ideas, action plan, learnings, questions, situation and roles", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const final = await runConsultation(cast);
    const c = final.consultation;
    const stored = await eventually(async () => {
      const r = await storedResults(c.id);
      expect(r.consultation?.status).toBe("closed");
      return r;
    });
    expect(stored.consultation).toMatchObject({
      meetingId: cast.roomId,
      number: 1,
      format: c.format,
      durations: c.durations,
      clientParticipantId: cast.client.participantId,
      clientName: "Claude Client",
      headline: "A team torn by a merger",
      headlineQuestion: "How do I keep my best people?",
      requestText: c.request?.text,
      startedAt: c.startedAt,
      closedAt: c.closedAt,
    });
    expect(stored.participants).toHaveLength(4);
    expect(stored.participants.find((p) => p.participantId === cast.animator.participantId)?.role).toBe("animator");
    expect(stored.situations).toMatchObject([{ title: "Leading a team through a merger", chosen: true }]);
    expect(stored.votes).toHaveLength(2);
    expect(stored.questions.map((q) => q.text).sort()).toEqual(c.questions.map((q) => q.text).sort());
    expect(stored.ideas).toHaveLength(2);
    expect(stored.ideas.filter((i) => i.marked)).toHaveLength(1);
    expect(stored.ideas.every((i) => i.authorName.startsWith("Consultant"))).toBe(true);
    expect(stored.actions.map((a) => [a.text, a.resources, a.dueDate, a.status]).sort()).toEqual(
      c.actions.map((a) => [a.text, a.resources, a.dueDate, a.status]).sort(),
    );
    expect(stored.actions.map((a) => a.resources)).toContain("HR and my manager");
    expect(stored.learnings).toHaveLength(4);
    const [meeting] = await db.select().from(schema.meetings).where(eq(schema.meetings.id, cast.roomId));
    expect(meeting).toMatchObject({ id: cast.roomId, zoomMeetingId: cast.roomCode });
  });

  it("keeps the results in the outbox while D1 fails and delivers them after it recovers", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const state = await runConsultation(cast, "evaluation");
    await eventually(async () => expect(await outboxOf(cast.roomId)).toEqual([]));
    const d1 = await swapResultsWriter(cast.roomId, async () => {
      throw new Error("D1 unavailable");
    });

    for (const s of cast.all) await s.must({ type: "addLearning", text: "Listening first helps." });
    await cast.animator.must({ type: "close" });
    const failed = await eventually(async () => {
      const [row] = await outboxOf(cast.roomId);
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
      return row;
    });
    expect(failed?.consultationId).toBe(state.consultation.id);
    expect((await storedResults(state.consultation.id)).consultation?.status).toBe("evaluation");

    await swapResultsWriter(cast.roomId, d1);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((failed?.nextAttemptAt ?? 0) + 1);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    expect(await outboxOf(cast.roomId)).toEqual([]);
    const stored = await storedResults(state.consultation.id);
    expect(stored.consultation?.status).toBe("closed");
    expect(stored.learnings).toHaveLength(3);
  });

  it("coalesces quick phase changes into one D1 write per interval, and delivers the close at once", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const interval = 10 * 60_000;
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.tuning.outboxCoalesceMs = interval;
    });
    // The first phase change since the room started reaches D1 at once.
    const id = (await runConsultation(cast, "followUp")).consultation.id;
    await eventually(async () => {
      expect(await outboxOf(cast.roomId)).toEqual([]);
      expect((await storedResults(id)).consultation?.status).toBe("followUp");
    });
    const deliveredBy = Date.now();

    // The next ones, within the interval, wait as one snapshot, due when the interval ends.
    await runConsultation(cast, "clarification");
    const [waiting, ...more] = await outboxOf(cast.roomId);
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({ consultationId: id, attempts: 0 });
    expect(waiting?.nextAttemptAt).toBeGreaterThan(deliveredBy + interval - 60_000);
    expect((await storedResults(id)).consultation?.status).toBe("followUp");

    // When it ends, the latest snapshot is the one written.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((waiting?.nextAttemptAt ?? 0) + 1);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    expect(await outboxOf(cast.roomId)).toEqual([]);
    expect((await storedResults(id)).consultation?.status).toBe("clarification");

    // Closing does not wait for the interval.
    vi.useRealTimers();
    await runConsultation(cast);
    await eventually(async () => expect((await storedResults(id)).consultation?.status).toBe("closed"));
  });

  it("keeps each consultation's proposals as its own, when the ones not chosen carry over to the next", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const [first] = cast.consultants;
    if (!first) throw new Error("no consultant");
    await runConsultation(cast, "choice");
    await first.must({ type: "proposeSituation", title: "A budget cut", stakes: "Which project to stop" });
    const one = await runConsultation(cast);
    await cast.animator.must({ type: "startNextConsultation" });
    const two = await runConsultation(cast, "choice");
    const carried = two.consultation.situations.find((x) => x.title === "A budget cut");
    expect(carried).toBeDefined();
    await cast.animator.must({ type: "chooseSituation", situationId: carried?.id ?? "" });
    await cast.animator.must({ type: "advance" });
    // Its proposer is the client now.
    const others = cast.all.filter((x) => x !== cast.animator && x !== first);
    const final = await runConsultation({ ...cast, client: first, consultants: others });
    await eventually(async () => {
      const earlier = await storedResults(one.consultation.id);
      const later = await storedResults(final.consultation.id);
      expect(later.consultation?.status).toBe("closed");
      expect(earlier.situations.map((x) => [x.title, x.chosen]).sort()).toEqual([
        ["A budget cut", false],
        ["Leading a team through a merger", true],
      ]);
      expect(later.situations.map((x) => [x.title, x.chosen])).toContainEqual(["A budget cut", true]);
    });
  });

  it("never doubles rows when the same results are delivered twice", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const final = await runConsultation(cast);
    await eventually(async () => expect(await outboxOf(cast.roomId)).toEqual([]));
    const meeting = { roomId: cast.roomId, zoomMeetingId: cast.roomCode, groupId: null, startedAt: 0 };
    const results = resultsOf(final, meeting, Date.now());
    const before = await storedResults(final.consultation.id);
    await writeResults(env.DB, results);
    await writeResults(env.DB, results);
    const after = await storedResults(final.consultation.id);
    expect({ ...after, consultation: null }).toEqual({ ...before, consultation: null });
  });
});

describe("the follow-up of the previous plan", () => {
  it("loads the series' last closed plan into a fresh room and stores the client's report", async () => {
    const code = uniqueRoomCode("series");
    const { consultationId: previousId, actionId } = await seedPreviousPlan(code, "previous-client");

    const animator = await TestSocket.join(await devSession(code, "Ana", { host: true }));
    open.push(animator);
    const loaded = await animator.waitFor("event", (m) => m.event.command.type === "loadFollowUp");
    expect(loaded.event.actorId).toBe("system");
    expect(animator.state?.consultation.followUp.plans).toEqual([
      {
        consultationId: previousId,
        clientName: "Previous",
        clientUserId: "previous-client",
        request: "Keep my team",
        actions: [{ id: actionId, text: "Talk to them", resources: "", dueDate: null, status: "open" }],
      },
    ]);

    const pat = await TestSocket.join(await devSession(code, "Pat", { participantId: "previous-client" }));
    open.push(pat);
    await pat.must({
      type: "reportFollowUp",
      consultationId: previousId,
      actionId,
      status: "done",
      note: "It worked.",
    });
    const [report] = await eventually(async () => {
      const rows = await db.select().from(schema.followUpReports).where(eq(schema.followUpReports.actionId, actionId));
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(report).toMatchObject({
      consultationId: previousId,
      status: "done",
      note: "It worked.",
      reportedInMeeting: pat.session.roomId,
    });
  });
});
