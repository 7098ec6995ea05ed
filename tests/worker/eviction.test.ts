import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadPersistedState } from "../../worker/room/replay.ts";
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

/** The state row's version and the log's versions, straight from the room's SQLite. */
async function persisted(roomId: string) {
  return runInDurableObject(roomStub(roomId), (_room, state) => {
    const sql = state.storage.sql;
    return {
      snapshotVersion: sql.exec<{ version: number }>("SELECT version FROM state WHERE id = 1").one().version,
      events: sql
        .exec<{ version: number }>("SELECT version FROM events ORDER BY version")
        .toArray()
        .map((r) => r.version),
      rebuilt: loadPersistedState(sql).state,
    };
  });
}

describe("the room's persistence", () => {
  it("writes a state snapshot every few events and rebuilds the state from it and the events since", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.tuning.snapshotEvery = 4;
    });
    const live = await runConsultation(cast, "consultation");
    const disk = await persisted(cast.roomId);
    // A snapshot within the last 4 versions, and every event after it still logged.
    expect(disk.snapshotVersion).toBeGreaterThan(live.version - 4);
    expect(disk.snapshotVersion).toBeLessThanOrEqual(live.version);
    const after = disk.events.filter((v) => v > disk.snapshotVersion);
    expect(after).toEqual(
      Array.from({ length: live.version - disk.snapshotVersion }, (_, i) => disk.snapshotVersion + i + 1),
    );
    expect(disk.rebuilt).toEqual(live);

    await evictDurableObject(roomStub(cast.roomId));
    const version = await cast.consultants[0]?.must({ type: "addIdea", text: "Ask the team first" });
    expect(version).toBe(live.version + 1);
    await settle(cast.all);
    const late = await TestSocket.join(await devSession(cast.roomCode, "Late"));
    open.push(late);
    const welcome = late.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.snapshot).toEqual(cast.animator.state);
  });

  it("writes no snapshot between the intervals but at each phase change: a command costs its event, not the state", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.tuning.snapshotEvery = 1000;
    });
    await runConsultation(cast, "clarification");
    for (const text of ["Who decides?", "Since when?", "What did you try?"])
      await cast.consultants[0]?.must({ type: "askQuestion", text });
    const live = await runConsultation(cast, "clarification");
    const disk = await persisted(cast.roomId);
    // The last snapshot is the phase change into clarification; the questions asked since wrote none.
    expect(live.consultation.questions.length).toBeGreaterThan(0);
    expect(disk.snapshotVersion).toBe(live.version - live.consultation.questions.length);
    expect(disk.rebuilt).toEqual(live);
  });

  it("carries on from before an event it cannot replay, and hands every client that state as a snapshot", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "clarification");
    for (const text of ["Who decides?", "Since when?"]) await cast.consultants[0]?.must({ type: "askQuestion", text });
    const live = await runConsultation(cast, "clarification");
    const lastQuestion = live.consultation.questions.at(-1);
    const roomErrors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The last event (the second question, after the last snapshot) becomes unreadable, as after a bad write or a reducer that changed.
    await runInDurableObject(roomStub(cast.roomId), (_room, state) => {
      state.storage.sql.exec("UPDATE events SET json = ? WHERE version = ?", '{"version":"broken"}', live.version);
    });
    await evictDurableObject(roomStub(cast.roomId));

    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    const version = await consultant.command({ type: "askQuestion", text: "Still there?" }, "q-1");
    expect(version).toMatchObject({ type: "ack", version: live.version + 2 });
    expect(roomErrors.mock.calls.some((c) => String(c[0]).startsWith(`room: event ${live.version} could not`))).toBe(
      true,
    );
    roomErrors.mockRestore();

    // A client that held the lost event catches up with a snapshot of what the room holds, without it.
    const back = await TestSocket.reconnect(consultant);
    open.push(back);
    const welcome = back.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.snapshot !== null).toBe(true);
    const questions = back.state?.consultation.questions.map((q) => q.text);
    expect(questions).not.toContain(lastQuestion?.text);
    expect(questions?.at(-1)).toBe("Still there?");
    const disk = await persisted(cast.roomId);
    expect(disk.rebuilt).toEqual(back.state);
  });
});
