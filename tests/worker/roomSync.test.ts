import { afterEach, describe, expect, it } from "vitest";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { devSession, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

describe("a room with several sockets", () => {
  it("sends every socket the same events in the same order, and replaying them rebuilds the same state", async () => {
    const cast = await openCast(3);
    open.push(...cast.all);
    const final = await runConsultation(cast);
    expect(final.consultation.phase).toBe("closed");
    const versions = (s: TestSocket) => s.events().map((e) => e.version);
    const reference = cast.animator.events();
    for (const s of cast.all) {
      expect(s.replayError).toBeNull();
      expect(s.invalid).toEqual([]);
      expect(s.state).toEqual(final);
      // Each socket saw the events from its own join onwards: the same tail, identical and in order.
      const mine = s.events();
      expect(mine).toEqual(reference.slice(reference.length - mine.length));
      expect(versions(s)).toEqual([...versions(s)].sort((a, b) => a - b));
    }
    const fresh = await TestSocket.join(await devSession(cast.roomCode, "Late Comer"));
    open.push(fresh);
    const welcome = fresh.messages.find((m) => m.type === "welcome");
    expect(welcome?.type === "welcome" && welcome.snapshot).toEqual(final);
  });

  it("welcomes the first participant with a snapshot, makes them animator and reports them online", async () => {
    const code = uniqueRoomCode();
    const ana = await TestSocket.open(await devSession(code, "Ana", { host: true }));
    open.push(ana);
    const welcome = await ana.hello(null);
    expect(welcome.protocol).toBe(1);
    expect(welcome.you).toEqual({ participantId: ana.participantId, name: "Ana" });
    expect(welcome.snapshot?.version).toBe(0);
    expect(welcome.events).toEqual([]);
    const join = await ana.waitFor("event", (m) => m.event.command.type === "join");
    expect(join.event).toMatchObject({ version: 1, actorId: "system" });
    const presence = await ana.waitFor("presence");
    expect(presence.online).toEqual([ana.participantId]);
    expect(ana.state?.participants).toMatchObject([{ id: ana.participantId, role: "animator", host: true }]);
  });

  it("tells everyone when a participant comes online and goes offline", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    const since = cast.animator.mark();
    await consultant.close();
    const offline = await cast.animator.waitFor("presence", (m) => !m.online.includes(consultant.participantId), {
      since,
    });
    expect(offline.online.sort()).toEqual([cast.animator.participantId, cast.client.participantId].sort());
    const back = await TestSocket.reconnect(consultant);
    open.push(back);
    await cast.animator.waitFor("presence", (m) => m.online.includes(consultant.participantId), { since });
    await settle([cast.animator, back]);
  });
});
