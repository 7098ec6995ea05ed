import { evictDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

async function castInConsultation() {
  const cast = await openCast(2);
  open.push(...cast.all);
  await runConsultation(cast, "consultation");
  const [first] = cast.consultants;
  if (!first) throw new Error("no consultant");
  return { cast, first };
}

const idea: Command = { type: "addIdea", text: "Ask the team what they need." };
const quiet = () => new Promise((r) => setTimeout(r, 50));

describe("command ids", () => {
  it("apply a resent command once and acknowledge it again with the same version", async () => {
    const { cast, first } = await castInConsultation();
    const ideas = cast.animator.state?.consultation.ideas.length ?? 0;
    const firstAck = await first.command(idea, "idea-1");
    const since = cast.animator.mark();
    const secondAck = await first.command(idea, "idea-1");
    expect(firstAck.type).toBe("ack");
    expect(secondAck).toEqual(firstAck);
    await quiet();
    expect(cast.animator.messages.slice(since)).toEqual([]);
    expect(cast.animator.state?.consultation.ideas).toHaveLength(ideas + 1);
  });

  it("are not applied twice when resent after a reconnect", async () => {
    const { cast, first } = await castInConsultation();
    first.send({ type: "command", id: "idea-2", command: idea });
    await first.close();
    const back = await TestSocket.reconnect(first);
    open.push(back);
    const ack = await back.command(idea, "idea-2");
    expect(ack.type).toBe("ack");
    await quiet();
    const added = cast.animator
      .events()
      .filter((e) => e.command.type === "addIdea" && e.actorId === first.participantId);
    expect(added).toHaveLength(1);
    expect(ack.type === "ack" && ack.version).toBe(added[0]?.version);
  });

  it("give a resent rejected command the same rejection", async () => {
    const { first } = await castInConsultation();
    const once = await first.command({ type: "advance" }, "not-mine");
    const twice = await first.command({ type: "advance" }, "not-mine");
    expect(once).toMatchObject({ type: "rejected", code: "forbidden" });
    expect(twice).toEqual(once);
  });

  it("give a resent rejected command the same reason, even after an eviction", async () => {
    const { cast } = await castInConsultation();
    // The client cannot take the animator role in their own consultation: a refusal with a named reason.
    const command: Command = { type: "handOverAnimator", participantId: cast.client.participantId };
    const once = await cast.animator.command(command, "to-the-client");
    expect(once).toMatchObject({ type: "rejected", code: "conflict", reason: "clientAnimates" });
    await evictDurableObject(roomStub(cast.roomId));
    expect(await cast.animator.command(command, "to-the-client")).toEqual(once);
  });

  it("are per participant: another participant may use the same id", async () => {
    const { cast, first } = await castInConsultation();
    const [, second] = cast.consultants;
    if (!second) throw new Error("no second consultant");
    const a = await first.command(idea, "shared-id");
    const b = await second.command(idea, "shared-id");
    expect(a.type === "ack" && b.type === "ack" && b.version).toBe(a.type === "ack" && a.version + 1);
  });

  it("are remembered across an eviction", async () => {
    const { cast, first } = await castInConsultation();
    const before = await first.command(idea, "idea-3");
    await evictDurableObject(roomStub(cast.roomId));
    const after = await first.command(idea, "idea-3");
    expect(after).toEqual(before);
  });
});
