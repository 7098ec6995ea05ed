import { afterEach, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../worker/room/RateLimiter.ts";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

describe("flooding", () => {
  it("lets a burst within the limit through untouched", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const since = cast.client.mark();
    for (let t = 0; t < RATE_LIMITS.burst - 5; t++) cast.client.send({ type: "ping", t });
    await cast.client.waitFor("pong", (m) => m.t === RATE_LIMITS.burst - 6, { since });
    expect(cast.client.errors(since)).toEqual([]);
  });

  it("throttles a flooding socket, then closes it, while the others carry on", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "clarification");
    const [flooder, other] = cast.consultants;
    if (!flooder || !other) throw new Error("two consultants expected");
    const since = flooder.mark();
    for (let t = 0; t < 300; t++) flooder.send({ type: "ping", t });

    const closed = await flooder.closedByServer();
    expect(closed.code).toBe(1008);
    const received = flooder.messages.slice(since);
    const pongs = received.filter((m) => m.type === "pong").length;
    expect(pongs).toBeGreaterThanOrEqual(RATE_LIMITS.burst - 1);
    expect(pongs).toBeLessThan(RATE_LIMITS.burst + 10);
    expect(flooder.errors(since).every((e) => e.code === "rate_limited")).toBe(true);
    expect(flooder.errors(since).length).toBeLessThanOrEqual(RATE_LIMITS.floodFrames);

    expect(await other.command({ type: "askQuestion", text: "Shall we go on?" })).toMatchObject({ type: "ack" });
    await cast.animator.waitFor("presence", (m) => !m.online.includes(flooder.participantId));
  });
});
