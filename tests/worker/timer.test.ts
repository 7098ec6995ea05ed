import { runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { roomStub } from "./helpers/session.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

describe("the step timer", () => {
  it("starts when a step begins and its time-up reaches every socket through the alarm", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const state = await runConsultation(cast, "presentation");
    const { timer } = state.consultation;
    expect(timer.status).toBe("running");
    if (timer.endsAt === null) throw new Error("no end time");
    const marks = cast.all.map((s) => s.mark());

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(timer.endsAt + 1000);
    expect(await runDurableObjectAlarm(roomStub(cast.roomId))).toBe(true);

    for (const [i, s] of cast.all.entries()) {
      const timeUp = await s.waitFor("event", (m) => m.event.command.type === "timeUp", { since: marks[i] });
      expect(timeUp.event.actorId).toBe("system");
      expect(s.state?.consultation.timer).toEqual({ status: "expired", endsAt: timer.endsAt, remainingMs: 0 });
    }
  });

  it("does not fire early: an alarm before the end time leaves the timer running", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const state = await runConsultation(cast, "presentation");
    await runDurableObjectAlarm(roomStub(cast.roomId));
    await new Promise((r) => setTimeout(r, 50));
    expect(cast.animator.state?.consultation.timer).toEqual(state.consultation.timer);
    expect(cast.animator.events().some((e) => e.command.type === "timeUp")).toBe(false);
  });

  it("stops when paused, so a later alarm changes nothing", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const state = await runConsultation(cast, "presentation");
    await cast.animator.must({ type: "pauseTimer" });
    const endsAt = state.consultation.timer.endsAt ?? 0;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(endsAt + 60_000);
    await runDurableObjectAlarm(roomStub(cast.roomId));
    await new Promise((r) => setTimeout(r, 50));
    expect(cast.animator.state?.consultation.timer.status).toBe("paused");
  });
});
