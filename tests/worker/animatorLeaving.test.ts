import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { devSession, roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

const GRACE_MS = 20_000;

/** Jumps the room's clock past the animator's grace period and runs its alarm. */
async function afterGrace(roomId: string): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + GRACE_MS + 1000);
  await runDurableObjectAlarm(roomStub(roomId));
}

function animatorId(s: TestSocket): string | undefined {
  return s.state?.participants.find((p) => p.role === "animator")?.id;
}

describe("the animator leaving", () => {
  it("hands the role to an online host after the grace period, and everyone hears it", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "clarification");
    const coHost = await TestSocket.join(await devSession(cast.roomCode, "Co Host", { host: true }));
    open.push(coHost);
    const stayers = [cast.client, ...cast.consultants, coHost];
    await settle([...stayers, cast.animator]);
    const since = stayers.map((s) => s.mark());
    await cast.animator.close();

    await afterGrace(cast.roomId);
    for (const [i, s] of stayers.entries()) {
      const leave = await s.waitFor("event", (m) => m.event.command.type === "leave", { since: since[i] });
      expect(leave.event.command).toEqual({
        type: "leave",
        participantId: cast.animator.participantId,
        successorId: coHost.participantId,
      });
      expect(animatorId(s)).toBe(coHost.participantId);
    }
    expect(await coHost.command({ type: "advance" })).toMatchObject({ type: "ack" });
  });

  it("without a host online, hands it to the earliest joined participant who is not the client", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "presentation");
    await cast.animator.close();
    await afterGrace(cast.roomId);
    const [first] = cast.consultants;
    await cast.client.waitFor("event", (m) => m.event.command.type === "leave");
    expect(animatorId(cast.client)).toBe(first?.participantId);
    expect(cast.client.state?.consultation.clientId).toBe(cast.client.participantId);
  });

  it("keeps the role for an animator who reconnects within the grace period", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "choice");
    const back = await TestSocket.reconnect(cast.animator);
    open.push(back);
    await afterGrace(cast.roomId);
    await new Promise((r) => setTimeout(r, 50));
    expect(cast.client.events().some((e) => e.command.type === "leave")).toBe(false);
    expect(animatorId(cast.client)).toBe(cast.animator.participantId);
  });

  it("keeps the role while the animator still has another socket open", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const secondTab = await TestSocket.join(cast.animator.session);
    open.push(secondTab);
    await cast.animator.close();
    await afterGrace(cast.roomId);
    await new Promise((r) => setTimeout(r, 50));
    expect(animatorId(cast.client)).toBe(cast.animator.participantId);
  });

  it("gives the role to the first participant back in a room the animator left while nobody was online", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "choice");
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    await closeAll(cast.all);
    await afterGrace(cast.roomId);
    vi.useRealTimers();

    const back = await TestSocket.reconnect(consultant);
    open.push(back);
    const pending = await runInDurableObject(roomStub(cast.roomId), (_room, state) =>
      state.storage.sql.exec("SELECT participant_id FROM pending_leave").toArray(),
    );
    expect(pending).toEqual([{ participant_id: cast.animator.participantId }]);
    await afterGrace(cast.roomId);
    await back.waitFor("event", (m) => m.event.command.type === "leave");
    expect(animatorId(back)).toBe(consultant.participantId);
  });
});
