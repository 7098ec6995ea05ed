import { evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { storedResults } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { devSession, roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

describe("an evicted room", () => {
  it("resumes mid-consultation on its hibernated sockets with nothing lost", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const before = await runConsultation(cast, "synthesis");
    await evictDurableObject(roomStub(cast.roomId));

    const version = await cast.client.must({ type: "addAction", text: "Call the union rep", dueDate: null });
    expect(version).toBe(before.version + 1);
    const after = await settle(cast.all);
    expect(after).toBe(version);
    for (const s of cast.all) {
      expect(s.replayError).toBeNull();
      expect(s.state?.consultation.actions.map((a) => a.text)).toEqual([
        ...before.consultation.actions.map((a) => a.text),
        "Call the union rep",
      ]);
    }
    const late = await TestSocket.join(await devSession(cast.roomCode, "Late"));
    open.push(late);
    const welcome = late.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.snapshot).toEqual(cast.animator.state);
  });

  it("resumes when its sockets were closed: every client reconnects, catches up and finishes the consultation", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const before = await runConsultation(cast, "consultation");
    await evictDurableObject(roomStub(cast.roomId), { webSockets: "close" });
    await Promise.all(cast.all.map((s) => s.closedByServer()));

    const back = await Promise.all(cast.all.map((s) => TestSocket.reconnect(s)));
    open.push(...back);
    for (const s of back) {
      expect(s.messages.find((m) => m.type === "welcome")).toMatchObject({ snapshot: null, events: [] });
      expect(s.state).toEqual(before);
    }
    const [animator, client, ...consultants] = back;
    if (!animator || !client) throw new Error("cast lost");
    const final = await runConsultation({ ...cast, animator, client, consultants, all: back });
    expect(final.consultation.ideas.length).toBeGreaterThanOrEqual(before.consultation.ideas.length);
    await eventually(async () =>
      expect((await storedResults(final.consultation.id)).consultation?.status).toBe("closed"),
    );
  });

  it("still fires the step's time-up after eviction", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const state = await runConsultation(cast, "clarification");
    await evictDurableObject(roomStub(cast.roomId));
    const since = cast.client.mark();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((state.consultation.timer.endsAt ?? 0) + 1);
    expect(await runDurableObjectAlarm(roomStub(cast.roomId))).toBe(true);
    await cast.client.waitFor("event", (m) => m.event.command.type === "timeUp", { since });
    expect(cast.client.state?.consultation.timer.status).toBe("expired");
  });
});
