// Faults the room must survive: eviction in every phase and step, and D1 down when consultations close.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Command, PHASES, type Phase, PROTOCOL_VERSION, type RoomState } from "../../protocol/index.ts";
import { loadPersistedState } from "../../worker/room/replay.ts";
import { type Cast, closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { outboxOf, storedResults, swapResultsWriter } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

/** Everything the room keeps in its SQLite, read from inside the Durable Object. */
async function durable(roomId: string) {
  return runInDurableObject(roomStub(roomId), async (_room, state) => {
    const sql = state.storage.sql;
    return {
      state: JSON.stringify(loadPersistedState(sql).state),
      events: sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n,
      dedupe: sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM dedupe").one().n,
      outbox: sql.exec("SELECT consultation_id, seq FROM outbox ORDER BY consultation_id").toArray(),
      alarm: await state.storage.getAlarm(),
    };
  });
}

/** A command the room accepts in this phase from one of the cast, changing the state. */
function commandIn(cast: Cast, phase: Phase, state: RoomState): { socket: TestSocket; command: Command } {
  const [consultant] = cast.consultants;
  if (!consultant) throw new Error("no consultant");
  const c = state.consultation;
  switch (phase) {
    case "choice":
      return { socket: consultant, command: { type: "proposeSituation", title: "After the eviction", stakes: "" } };
    case "clarification":
      return { socket: consultant, command: { type: "askQuestion", text: "After the eviction?" } };
    case "contract":
      return { socket: cast.client, command: { type: "setRequest", text: "After the eviction, a request." } };
    case "consultation":
      return { socket: consultant, command: { type: "addIdea", text: "After the eviction, an idea." } };
    case "synthesis":
      return { socket: cast.client, command: { type: "addAction", text: "After the eviction", dueDate: null } };
    case "evaluation":
      return { socket: consultant, command: { type: "addLearning", text: "After the eviction." } };
    case "closed":
      return { socket: cast.animator, command: { type: "startNextConsultation" } };
    default:
      return {
        socket: cast.animator,
        command: { type: "setDuration", step: "consultation", minutes: c.durations.consultation + 1 },
      };
  }
}

/** The state as a resync hello on an open socket returns it: the room's answer, without changing anything. */
async function resyncSnapshot(socket: TestSocket): Promise<RoomState | null> {
  const since = socket.mark();
  socket.send({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: null });
  const welcome = await socket.waitFor("welcome", () => true, { since });
  return welcome.snapshot;
}

describe("an eviction", () => {
  it.each(PHASES.map((p) => [p]))(
    "in %s loses nothing: state, log, dedupe, outbox and alarm survive, and the consultation goes on",
    async (phase) => {
      const cast = await openCast(2);
      open.push(...cast.all);
      const [, scribe] = cast.consultants;
      if (!scribe) throw new Error("no scribe");
      await cast.animator.must({ type: "assignRole", participantId: scribe.participantId, role: "scribe" });
      const reached = await runConsultation(cast, phase);
      const resent = await cast.animator.command({ type: "setNotepadPolicy", policy: "clientAndScribe" }, "kept-id");
      await settle(cast.all);
      const before = await durable(cast.roomId);

      // With its sockets hibernating: nobody notices, nothing is lost.
      await evictDurableObject(roomStub(cast.roomId));
      expect(await durable(cast.roomId)).toEqual(before);
      expect(await resyncSnapshot(cast.client)).toEqual(JSON.parse(before.state));
      expect(await cast.animator.command({ type: "advance" }, "kept-id")).toEqual(resent);
      const { socket, command } = commandIn(cast, phase, reached);
      const version = await socket.must(command);
      expect(version).toBe(JSON.parse(before.state).version + 1);
      expect(await settle(cast.all)).toBe(version);
      for (const s of cast.all) expect(s.replayError).toBeNull();

      // With its sockets cut: every client comes back, catches up from where it was, and carries on.
      const beforeCut = await durable(cast.roomId);
      await evictDurableObject(roomStub(cast.roomId), { webSockets: "close" });
      await Promise.all(cast.all.map((s) => s.closedByServer()));
      const back = await Promise.all(cast.all.map((s) => TestSocket.reconnect(s)));
      open.push(...back);
      for (const s of back) {
        expect(s.messages.find((m) => m.type === "welcome")).toMatchObject({ snapshot: null, events: [] });
        expect(s.state).toEqual(JSON.parse(beforeCut.state));
      }
      const [animator, client, ...consultants] = back;
      if (!animator || !client) throw new Error("cast lost");
      const again = { ...cast, animator, client, consultants, all: back };
      const next = commandIn(again, phase === "closed" ? "choice" : phase, JSON.parse(beforeCut.state));
      expect(await next.socket.command(next.command)).toMatchObject({ type: "ack", version: version + 1 });
      await settle(back);
      for (const s of back) expect(s.replayError).toBeNull();
    },
    20_000,
  );

  it("between commands sent in a burst applies each exactly once and in order", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "consultation");
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    const ideas = Array.from({ length: 8 }, (_, i) => ({ id: `burst-${i}`, text: `Burst idea ${i}` }));
    for (const idea of ideas.slice(0, 4)) {
      consultant.send({ type: "command", id: idea.id, command: { type: "addIdea", text: idea.text } });
    }
    await evictDurableObject(roomStub(cast.roomId), { webSockets: "close" });
    await consultant.closedByServer();
    const back = await TestSocket.reconnect(consultant);
    open.push(back);
    // The client does not know which of the first four arrived: it resends everything unacknowledged.
    const answers = await Promise.all(ideas.map((idea) => back.command({ type: "addIdea", text: idea.text }, idea.id)));
    expect(answers.every((a) => a.type === "ack")).toBe(true);
    const state = await back.reach(Math.max(...answers.map((a) => (a.type === "ack" ? a.version : 0))));
    const texts = state.consultation.ideas.map((i) => i.text).filter((t) => t.startsWith("Burst"));
    expect(texts).toEqual(ideas.map((i) => i.text));
  });
});

describe("D1 unavailable when consultations close", () => {
  it("keeps both consultations' results through retries and an eviction, and delivers them once D1 answers", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "evaluation");
    await eventually(async () => expect(await outboxOf(cast.roomId)).toEqual([]));
    let refused = 0;
    await swapResultsWriter(cast.roomId, async () => {
      refused++;
      throw new Error("D1 unavailable");
    });
    const first = await runConsultation(cast);
    const failed = await eventually(async () => {
      const [row] = await outboxOf(cast.roomId);
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
      return row;
    });

    // Retries back off: each failed attempt waits twice as long as the one before.
    vi.useFakeTimers({ toFake: ["Date"] });
    const delays: number[] = [];
    let previous = failed;
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime((previous?.nextAttemptAt ?? 0) + 1);
      await runDurableObjectAlarm(roomStub(cast.roomId));
      const [row] = await outboxOf(cast.roomId);
      delays.push((row?.nextAttemptAt ?? 0) - ((previous?.nextAttemptAt ?? 0) + 1));
      previous = row;
    }
    expect(delays[1]).toBe(2 * (delays[0] ?? 0));
    expect(delays[2]).toBe(2 * (delays[1] ?? 0));
    expect(refused).toBeGreaterThanOrEqual(4);

    // The next consultation closes while D1 is still down.
    vi.useRealTimers();
    await cast.animator.must({ type: "startNextConsultation" });
    await settle(cast.all);
    const second = await runConsultation(cast);
    expect(second.consultation.id).not.toBe(first.consultation.id);
    await eventually(async () => expect(await outboxOf(cast.roomId)).toHaveLength(2));
    expect((await storedResults(first.consultation.id)).consultation?.status).toBe("evaluation");

    // An eviction: the outbox is in SQLite, and the fresh instance writes to the real D1 again.
    await evictDurableObject(roomStub(cast.roomId));
    const waiting = await outboxOf(cast.roomId);
    expect(waiting.map((r) => r.consultationId).sort()).toEqual([first.consultation.id, second.consultation.id].sort());
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.max(...waiting.map((r) => r.nextAttemptAt)) + 1);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    vi.useRealTimers();
    expect(await outboxOf(cast.roomId)).toEqual([]);
    for (const final of [first, second]) {
      const stored = await storedResults(final.consultation.id);
      expect(stored.consultation).toMatchObject({ status: "closed", requestText: final.consultation.request?.text });
      expect(stored.ideas.map((i) => i.text).sort()).toEqual(final.consultation.ideas.map((i) => i.text).sort());
      expect(stored.actions).toHaveLength(final.consultation.actions.length);
      expect(stored.learnings).toHaveLength(final.consultation.learnings.length);
    }
  });
});
