import { runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { devSession, roomStub, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

async function castInChoice() {
  const cast = await openCast(2);
  open.push(...cast.all);
  await runConsultation(cast, "choice");
  const [first, second] = cast.consultants;
  if (!first || !second) throw new Error("two consultants expected");
  return { cast, first, second };
}

describe("reconnecting", () => {
  it("gives a socket that reconnects with its last version exactly the events it missed", async () => {
    const { cast, first, second } = await castInChoice();
    await first.close();
    const missedFrom = (first.state?.version ?? 0) + 1;
    await cast.client.must({ type: "proposeSituation", title: "A hard conversation", stakes: "" });
    await second.must({ type: "proposeSituation", title: "A new role", stakes: "Starting Monday" });
    const last = await cast.animator.must({ type: "setFormat", format: "express" });
    await cast.animator.reach(last);

    const back = await TestSocket.reconnect(first);
    open.push(back);
    const welcome = back.messages.find((m) => m.type === "welcome");
    if (welcome?.type !== "welcome") throw new Error("no welcome");
    expect(welcome.snapshot).toBeNull();
    expect(welcome.events.map((e) => e.version)).toEqual([missedFrom, missedFrom + 1, missedFrom + 2]);
    expect(welcome.events).toEqual(cast.animator.events().filter((e) => e.version >= missedFrom));
    expect(back.replayError).toBeNull();
    expect(back.state).toEqual(cast.animator.state);
  });

  it("sends an empty catch-up to a socket that missed nothing", async () => {
    const { first } = await castInChoice();
    const back = await TestSocket.reconnect(first);
    open.push(back);
    const welcome = back.messages.find((m) => m.type === "welcome");
    expect(welcome).toMatchObject({ snapshot: null, events: [] });
  });

  it("sends a snapshot to a socket further behind than the retained log", async () => {
    const { cast, first } = await castInChoice();
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.tuning.retainedEvents = 2;
    });
    await first.close();
    for (const title of ["One", "Two", "Three"])
      await cast.client.must({ type: "proposeSituation", title, stakes: "" });
    await settle([cast.animator, cast.client]);
    const back = await TestSocket.reconnect(first);
    open.push(back);
    const welcome = back.messages.find((m) => m.type === "welcome");
    if (welcome?.type !== "welcome") throw new Error("no welcome");
    expect(welcome.events).toEqual([]);
    expect(welcome.snapshot).toEqual(cast.animator.state);
  });

  it("sends a snapshot to a socket claiming a version the room never reached", async () => {
    const { cast, first } = await castInChoice();
    const stranger = await TestSocket.open(first.session);
    open.push(stranger);
    const welcome = await stranger.hello(10_000);
    expect(welcome.snapshot).toEqual(cast.animator.state);
    expect(welcome.events).toEqual([]);
  });

  it("answers a hello on an open socket as a resync, without joining again", async () => {
    const { cast, first } = await castInChoice();
    const version = first.state?.version ?? 0;
    const since = cast.animator.mark();
    const welcome = await first.hello(version - 2);
    expect(welcome.snapshot).toBeNull();
    expect(welcome.events.map((e) => e.version)).toEqual([version - 1, version]);
    await cast.animator.must({ type: "setFormat", format: "flash" });
    expect(cast.animator.messages.slice(since).filter((m) => m.type === "event")).toHaveLength(1);
    expect(cast.animator.messages.slice(since).filter((m) => m.type === "presence")).toEqual([]);
  });

  it("joins a returning participant without a new join event when nothing about them changed", async () => {
    const { cast, first } = await castInChoice();
    const since = cast.animator.mark();
    const again = await TestSocket.join(first.session);
    open.push(again);
    await cast.animator.must({ type: "setFormat", format: "flash" });
    const events = cast.animator.messages.slice(since).filter((m) => m.type === "event");
    expect(events.map((m) => m.type === "event" && m.event.command.type)).toEqual(["setFormat"]);
  });

  it("updates a returning participant's name with a join event everyone receives", async () => {
    const { cast, first } = await castInChoice();
    const since = cast.animator.mark();
    const renamed = await TestSocket.join(
      await devSession(cast.roomCode, "Renamed Consultant", { participantId: first.participantId }),
    );
    open.push(renamed);
    const join = await cast.animator.waitFor("event", (m) => m.event.command.type === "join", { since });
    expect(join.event.actorId).toBe("system");
    expect(join.event.command).toMatchObject({ participantId: first.participantId, name: "Renamed Consultant" });
    await settle(cast.all.filter((s) => s !== first));
    expect(cast.animator.state?.participants.find((p) => p.id === first.participantId)?.name).toBe(
      "Renamed Consultant",
    );
  });

  it("refuses another protocol version with unsupported_protocol and keeps the socket usable", async () => {
    const code = uniqueRoomCode();
    const s = await TestSocket.open(await devSession(code, "Ana"));
    open.push(s);
    s.send({ type: "hello", protocol: PROTOCOL_VERSION + 1, lastVersion: null });
    const error = await s.waitFor("error");
    expect(error.code).toBe("unsupported_protocol");
    const welcome = await s.hello(null);
    expect(welcome.snapshot).not.toBeNull();
  });

  it("refuses a command before hello with not_joined", async () => {
    const s = await TestSocket.open(await devSession(uniqueRoomCode(), "Ana"));
    open.push(s);
    s.send({ type: "command", id: "c1", command: { type: "advance" } });
    const error = await s.waitFor("error");
    expect(error).toMatchObject({ code: "not_joined", id: "c1" });
  });
});
