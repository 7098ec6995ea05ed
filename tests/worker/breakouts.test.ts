// Breakout rooms: each reports where its consultation stands to the meeting's main room, where a trainer oversees them.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import * as v from "valibot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type BreakoutRoom, LIMITS, PROTOCOL_VERSION, type ServerMessage } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, GroupAnswer, read } from "./helpers/memory.ts";
import { BASE_URL, devSession, roomStub, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

type Breakouts = Extract<ServerMessage, { type: "breakouts" }>;
const Members = v.object({ members: v.array(v.object({ userId: v.string(), displayName: v.string() })) });

async function trainerIn(mainCode: string): Promise<TestSocket> {
  const trainer = await TestSocket.join(await devSession(mainCode, "Tom Trainer", { host: true }));
  open.push(trainer);
  return trainer;
}

/**
 * A breakout room of `mainCode` whose reports leave as soon as its status changes (`delayMs` 0), set before anyone
 * joins; workerd then runs its alarm by itself.
 */
async function breakoutOf(mainCode: string, delayMs = 0) {
  const code = uniqueRoomCode("b");
  await runInDurableObject(roomStub(`dev-${code}`), (room) => {
    room.tuning.parentReportDelayMs = delayMs;
  });
  const cast = await openCast(1, code, { parent: mainCode });
  open.push(...cast.all);
  return cast;
}

/** The first overview the main room sends, from `since` on, in which `check` holds. */
async function overview(
  trainer: TestSocket,
  check: (rooms: BreakoutRoom[]) => boolean,
  since = 0,
): Promise<BreakoutRoom[]> {
  const frame = await trainer.waitFor("breakouts", (m) => check((m as Breakouts).rooms), { since });
  return (frame as Breakouts).rooms;
}

const breakoutFrames = (s: TestSocket) => s.messages.filter((m) => m.type === "breakouts");

describe("a breakout room", () => {
  it("tells the main room where its consultation stands, who animates, who is the client and how many are here", async () => {
    const main = uniqueRoomCode("m");
    const trainer = await trainerIn(main);
    const cast = await breakoutOf(main);
    let rooms = await overview(trainer, (r) => r[0]?.status.online === 3);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({
      number: 1,
      status: { consultation: 1, phase: "lobby", animator: "Ana Animatrice", client: null, online: 3, ideas: 0 },
    });

    const state = await runConsultation(cast, "consultation");
    await cast.consultants[0]?.must({ type: "addIdea", text: "Une idée confidentielle du groupe" });
    rooms = await overview(trainer, (r) => r[0]?.status.ideas === 1);
    expect(rooms[0]?.status).toMatchObject({ phase: "consultation", client: "Claude Client", ideas: 1 });
    expect(rooms[0]?.status.timer.status).toBe("running");
    expect(rooms[0]?.status.timer.endsAt).toBeGreaterThan(state.consultation.startedAt);
    // Only where it stands: nothing the group said or wrote leaves the breakout room.
    const said = JSON.stringify(breakoutFrames(trainer));
    expect(said).not.toContain("confidentielle");
    expect(said).not.toContain(state.consultation.situations[0]?.title ?? "(no situation)");
    // The breakout room itself gets no overview, and the main room's state is untouched.
    expect(breakoutFrames(cast.animator)).toEqual([]);
    expect(trainer.state?.participants.map((p) => p.name)).toEqual(["Tom Trainer"]);
  });

  it("reports once for a burst of changes, when its delay is over, not on a command's path", async () => {
    const main = uniqueRoomCode("m");
    const trainer = await trainerIn(main);
    const cast = await breakoutOf(main, 60_000);
    // Each of these changes what the main room shows (the phase); together they make one report.
    await cast.animator.must({ type: "advance" });
    await cast.animator.must({ type: "advance" });
    // The phase changes also wake the room at once to deliver results; then the alarm waits for the report.
    const due = await eventually(async () => {
      const at = await runInDurableObject(roomStub(cast.roomId), (_room, state) => state.storage.getAlarm());
      expect(at).toBeGreaterThan(Date.now() + 30_000);
      return at;
    });
    // Before its delay the alarm sends nothing; the commands were answered all the same.
    await runDurableObjectAlarm(roomStub(cast.roomId));
    await new Promise((r) => setTimeout(r, 50));
    expect(breakoutFrames(trainer)).toEqual([]);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((due ?? 0) + 1);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    const rooms = await overview(trainer, () => true);
    expect(rooms[0]?.status).toMatchObject({ online: 3, phase: "choice" });
    await runDurableObjectAlarm(roomStub(cast.roomId));
    await new Promise((r) => setTimeout(r, 50));
    expect(breakoutFrames(trainer)).toHaveLength(1);
  });

  it("keeps a report the main room did not get and sends it again later, while the group carries on", async () => {
    const main = uniqueRoomCode("m");
    const trainer = await trainerIn(main);
    const cast = await breakoutOf(main);
    await overview(trainer, (r) => r[0]?.status.online === 3);
    const failing = { calls: 0 };
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.reportToParent = async () => {
        failing.calls++;
        throw new Error("main room unreachable");
      };
    });
    const since = trainer.mark();
    await runConsultation(cast, "followUp");
    await eventually(() => expect(failing.calls).toBeGreaterThan(0));
    const retryAt = await runInDurableObject(roomStub(cast.roomId), (_room, state) => state.storage.getAlarm());
    expect(retryAt).not.toBeNull();
    expect(trainer.messages.length).toBe(since);

    // Evicted, the room gets its real link to the main room back; the report is still due, and arrives.
    await evictDurableObject(roomStub(cast.roomId));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((retryAt ?? 0) + 60_000);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    const rooms = await overview(trainer, () => true, since);
    expect(rooms[0]?.status.phase).toBe("followUp");
  });

  it("is numbered in the order rooms first reported, and a trainer who opens the panel later sees them all", async () => {
    const main = uniqueRoomCode("m");
    const early = await trainerIn(main);
    const first = await breakoutOf(main);
    await overview(early, (r) => r.length === 1 && r[0]?.status.online === 3);
    await breakoutOf(main);
    let rooms = await overview(early, (r) => r[1]?.status.online === 3);
    expect(rooms.map((r) => [r.number, r.status.animator])).toEqual([
      [1, "Ana Animatrice"],
      [2, "Ana Animatrice"],
    ]);
    // A later report of the first room keeps its number.
    const since = early.mark();
    await first.client.close();
    rooms = await overview(early, (r) => r[0]?.status.online === 2, since);
    expect(rooms.map((r) => [r.number, r.status.online])).toEqual([
      [1, 2],
      [2, 3],
    ]);

    // The main room keeps the overview in its storage, through eviction, for whoever says hello next.
    await evictDurableObject(roomStub(early.session.roomId));
    const late = await TestSocket.join(await devSession(main, "Lea Late"));
    open.push(late);
    const frame = (await late.waitFor("breakouts", () => true)) as Breakouts;
    expect(frame.rooms.map((r) => r.number)).toEqual([1, 2]);
  });

  it("is only a breakout room by its verified session: a main room reports nowhere, and a room is never its own main room", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "presentation");
    const parent = await runInDurableObject(roomStub(cast.roomId), (_room, state) =>
      state.storage.sql.exec("SELECT COUNT(*) AS n FROM parent_report").one(),
    );
    expect(parent.n).toBe(0);
    await expect(devSession("same-code", "Ana", { parent: "same-code" })).rejects.toThrow(/400/);
  });

  it("takes its main room only from the session: a header a client sends cannot name one", async () => {
    const session = await devSession(uniqueRoomCode("m"), "Mallory");
    const url = `${BASE_URL}/api/rooms/${encodeURIComponent(session.roomId)}/ws?token=${encodeURIComponent(session.token)}`;
    const res = await SELF.fetch(url, { headers: { Upgrade: "websocket", "X-Codev-Parent": "dev-elsewhere" } });
    expect(res.status).toBe(101);
    res.webSocket?.accept();
    const parent = await runInDurableObject(roomStub(session.roomId), (_room, state) =>
      state.storage.sql.exec("SELECT COUNT(*) AS n FROM parent_report").one(),
    );
    expect(parent.n).toBe(0);
    res.webSocket?.close();
  });

  it("refuses an unreadable report and lists nothing from it", async () => {
    const main = uniqueRoomCode("m");
    const trainer = await trainerIn(main);
    await roomStub(trainer.session.roomId).reportBreakout("zm-other", JSON.stringify({ phase: "nowhere" }));
    await roomStub(trainer.session.roomId).reportBreakout("zm-other", "{not json");
    await new Promise((r) => setTimeout(r, 50));
    expect(breakoutFrames(trainer)).toEqual([]);
    expect(trainer.errors()).toEqual([]);
  });

  it("leaves the overview once nobody has been in it for half an hour; the others keep their numbers", async () => {
    const main = uniqueRoomCode("m");
    const trainer = await trainerIn(main);
    const stub = roomStub(trainer.session.roomId);
    const status = (online: number) =>
      JSON.stringify({
        consultation: 1,
        phase: "lobby",
        timer: { status: "idle", endsAt: null, remainingMs: 0 },
        animator: null,
        client: null,
        online,
        ideas: 0,
      });
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    await stub.reportBreakout("zm-empty", status(0));
    await stub.reportBreakout("zm-busy", status(4));
    vi.setSystemTime(t0 + 29 * 60_000);
    await stub.reportBreakout("zm-busy", status(3));
    let rooms = await overview(trainer, (r) => r[1]?.status.online === 3);
    expect(rooms.map((r) => r.number)).toEqual([1, 2]);
    vi.setSystemTime(t0 + 31 * 60_000);
    await stub.reportBreakout("zm-busy", status(2));
    rooms = await overview(trainer, (r) => r[0]?.status.online === 2);
    expect(rooms.map((r) => [r.number, r.status.online])).toEqual([[2, 2]]);
  });

  it("lets the meeting's host look in on a group as an observer: not listed, not counted, never its animator", async () => {
    const main = uniqueRoomCode("m");
    const code = uniqueRoomCode("b");
    await runInDurableObject(roomStub(`dev-${code}`), (room) => {
      room.tuning.parentReportDelayMs = 0;
    });
    const overseer = await trainerIn(main);
    // The trainer opens the breakout room before anyone: they observe, so the first participant still animates.
    const tom = await TestSocket.open(await devSession(code, "Tom Trainer", { host: true, parent: main }));
    open.push(tom);
    const welcome = await tom.hello();
    expect(welcome.you.observing).toBe(true);
    const ana = await TestSocket.join(await devSession(code, "Ana Animatrice", { parent: main }));
    const ben = await TestSocket.join(await devSession(code, "Ben", { parent: main }));
    open.push(ana, ben);
    const state = await ana.reach(await settle([ana, ben, tom]));
    expect(state.participants.map((p) => [p.name, p.role])).toEqual([
      ["Ana Animatrice", "animator"],
      ["Ben", "consultant"],
    ]);
    // Tom follows every event, but the room refuses him anything a participant does.
    expect(tom.state?.version).toBe(state.version);
    const refused = await tom.command({ type: "proposeSituation", title: "Un test", stakes: "Rien" });
    expect(refused).toMatchObject({ type: "rejected", code: "forbidden" });
    const rooms = await overview(overseer, (r) => r[0]?.status.online === 2);
    expect(rooms[0]?.status.animator).toBe("Ana Animatrice");

    // Once the group has its memory, those who take part are its members; the observer is not.
    const groupId = read(await api(ana.session, "POST", "/api/groups", { name: "Groupe Alpha" }), GroupAnswer).group.id;
    const members = read(await api(ana.session, "GET", `/api/groups/${groupId}`), Members).members;
    expect(members.map((m) => m.displayName).sort()).toEqual(["Ana Animatrice", "Ben"]);
  });

  it("lets the observer take part when they ask, as a consultant, and keeps them a participant after a reconnect", async () => {
    const main = uniqueRoomCode("m");
    const code = uniqueRoomCode("b");
    const ana = await TestSocket.join(await devSession(code, "Ana Animatrice", { parent: main }));
    const tom = await TestSocket.open(await devSession(code, "Tom Trainer", { host: true, parent: main }));
    open.push(ana, tom);
    await tom.hello();
    const since = tom.mark();
    tom.send({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: tom.state?.version ?? null, observe: false });
    const joined = (await tom.waitFor("welcome", () => true, { since })) as Extract<ServerMessage, { type: "welcome" }>;
    expect(joined.you.observing).toBeUndefined();
    const state = await ana.reach(await settle([ana, tom]));
    expect(state.participants.map((p) => [p.name, p.role, p.host])).toEqual([
      ["Ana Animatrice", "animator", false],
      ["Tom Trainer", "consultant", false],
    ]);
    await ana.must({ type: "advance" });
    await ana.must({ type: "advance" });
    await tom.must({ type: "proposeSituation", title: "Un test", stakes: "Rien" });
    // A new socket whose hello says nothing of observing (a reload): Tom took part, so he still does.
    const again = await TestSocket.reconnect(tom);
    open.push(again);
    expect(again.messages.find((m) => m.type === "welcome")).not.toMatchObject({ you: { observing: true } });
    await again.must({ type: "vote", situationId: again.state?.consultation.situations[0]?.id ?? "" });
  });

  it("keeps an observer who asks to take part in a full room observing, with room_full and the socket open", async () => {
    const main = uniqueRoomCode("m");
    const code = uniqueRoomCode("b");
    for (let i = 0; i < LIMITS.participants; i++) {
      open.push(await TestSocket.join(await devSession(code, `Member ${i}`, { parent: main })));
    }
    const tom = await TestSocket.open(await devSession(code, "Tom Trainer", { host: true, parent: main }));
    open.push(tom);
    expect((await tom.hello()).you.observing).toBe(true);
    const since = tom.mark();
    tom.send({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: tom.state?.version ?? null, observe: false });
    expect(await tom.waitFor("error", () => true, { since })).toMatchObject({ code: "room_full" });
    // Still following the room: the next event reaches him.
    const [first] = open;
    if (!first) throw new Error("no member");
    const version = await first.must({ type: "advance" });
    expect((await tom.reach(version)).participants).toHaveLength(LIMITS.participants);
    expect(tom.closed).toBeNull();
  });

  it("makes nobody else an observer: a host in a main room and anyone else in a breakout room take part", async () => {
    const main = uniqueRoomCode("m");
    const host = await TestSocket.open(await devSession(main, "Tom Trainer", { host: true }));
    open.push(host);
    expect((await host.hello()).you.observing).toBeUndefined();
    const code = uniqueRoomCode("b");
    const ben = await TestSocket.open(await devSession(code, "Ben", { parent: main }));
    open.push(ben);
    const since = ben.mark();
    ben.send({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: null, observe: true });
    const welcome = (await ben.waitFor("welcome", () => true, { since })) as Extract<
      ServerMessage,
      { type: "welcome" }
    >;
    expect(welcome.you.observing).toBeUndefined();
    await eventually(() => expect(ben.state?.participants.map((p) => p.name)).toEqual(["Ben"]));
  });
});
