import { describe, expect, it } from "vitest";
import { closedEarly, FORMAT_MINUTES, PHASES, type Phase, STEPS, stepNumber } from "../../protocol/index.ts";
import { CAST, Driver, roomAt } from "./driver.ts";

const MINUTE = 60_000;

describe("moving through the phases", () => {
  it.each(PHASES.slice(0, -1).map((p, i) => [p, PHASES[i + 1]]))("advance goes from %s to %s", (from, to) => {
    const d = roomAt(from as Phase);
    expect(d.must(CAST.animator, { type: "advance" }).consultation.phase).toBe(to);
  });

  it.each(PHASES.slice(1, -1).map((p, i) => [p, PHASES[i]]))("goBack goes from %s to %s", (from, to) => {
    const d = roomAt(from as Phase);
    expect(d.must(CAST.animator, { type: "goBack" }).consultation.phase).toBe(to);
  });

  it("cannot advance into the steps before a situation (and so a client) is chosen", () => {
    const d = roomAt("followUp");
    d.must(CAST.animator, { type: "advance" });
    expect(d.run(CAST.animator, { type: "advance" })).toMatchObject({ ok: false, rejection: { code: "conflict" } });
  });

  it("numbers the six steps 1 to 6 and nothing else", () => {
    expect(STEPS.map((s) => stepNumber(s))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stepNumber("lobby")).toBeNull();
    expect(stepNumber("closed")).toBeNull();
  });

  it("asks the room to keep results and move the timer on every phase change", () => {
    const d = roomAt("choice");
    const outcome = d.run(CAST.animator, { type: "advance" });
    if (!outcome.ok) throw new Error("rejected");
    expect(outcome.effects).toEqual([
      { type: "timer", endsAt: d.now + FORMAT_MINUTES.classic.presentation * MINUTE },
      { type: "results", reason: "phase" },
    ]);
  });

  it("closing records the time, stops the timer and asks for the final results", () => {
    const d = roomAt("evaluation");
    const outcome = d.run(CAST.animator, { type: "close" });
    if (!outcome.ok) throw new Error("rejected");
    expect(outcome.state.consultation).toMatchObject({
      phase: "closed",
      closedAt: d.now,
      closedFrom: "evaluation",
      timer: { status: "idle" },
    });
    expect(closedEarly(outcome.state.consultation)).toBe(false);
    expect(outcome.effects).toContainEqual({ type: "results", reason: "closed" });
  });

  it("the animator may close early, from any open phase, and the consultation says from where", () => {
    for (const phase of PHASES.slice(0, -2)) {
      const outcome = roomAt(phase).run(CAST.animator, { type: "close" });
      if (!outcome.ok) throw new Error(`close refused in ${phase}`);
      expect(outcome.state.consultation.closedFrom).toBe(phase);
      expect(closedEarly(outcome.state.consultation), phase).toBe(true);
    }
    // The next consultation starts open.
    const d = roomAt("clarification");
    d.must(CAST.animator, { type: "close" });
    expect(d.must(CAST.animator, { type: "startNextConsultation" }).consultation.closedFrom).toBeNull();
  });

  it("a next consultation keeps the format, numbers itself and sends the client back to consulting", () => {
    const d = roomAt("evaluation");
    d.must(CAST.animator, { type: "setFormat", format: "express" });
    d.must(CAST.animator, { type: "close" });
    const before = d.state.consultation;
    const after = d.must(CAST.animator, { type: "startNextConsultation" });
    expect(after.consultation).toMatchObject({
      number: 2,
      phase: "choice",
      format: "express",
      clientId: null,
      scribeId: null,
    });
    expect(after.consultation.id).not.toBe(before.id);
    expect(after.participants.map((p) => p.role).sort()).toEqual([
      "animator",
      "consultant",
      "consultant",
      "consultant",
    ]);
  });
});

describe("the situations of a meeting", () => {
  it("those not chosen stay on the table for the next consultation, with the vote started afresh", () => {
    const d = roomAt("choice");
    d.must(CAST.consultant, { type: "proposeSituation", title: "Another one", stakes: "Also pressing" });
    const another = d.state.consultation.situations.find((x) => x.title === "Another one");
    d.must(CAST.scribe, { type: "vote", situationId: another?.id ?? "" });
    d.must(CAST.animator, { type: "close" });
    const after = d.must(CAST.animator, { type: "startNextConsultation" });
    expect(after.consultation.chosenSituationId).toBeNull();
    const [carried, ...more] = after.consultation.situations;
    expect(more).toEqual([]);
    expect(carried).toEqual({ ...another, id: carried?.id, votes: [] });
    expect(carried?.id).not.toBe(another?.id);
    // Its proposer can be chosen as the next client.
    d.must(CAST.animator, { type: "chooseSituation", situationId: carried?.id ?? "" });
    expect(d.state.consultation.clientId).toBe(CAST.consultant);
  });
});

describe("the step timer", () => {
  it.each(STEPS.map((s) => [s]))("starts running on entering %s for that step's minutes", (step) => {
    const d = roomAt(step);
    const { timer } = d.state.consultation;
    expect(timer).toEqual({
      status: "running",
      endsAt: d.now + FORMAT_MINUTES.classic[step] * MINUTE,
      remainingMs: FORMAT_MINUTES.classic[step] * MINUTE,
    });
  });

  it("uses the format's durations: flash is shorter than classic", () => {
    const d = roomAt("choice");
    d.must(CAST.animator, { type: "setFormat", format: "flash" });
    d.must(CAST.animator, { type: "advance" });
    expect(d.state.consultation.timer.remainingMs).toBe(FORMAT_MINUTES.flash.presentation * MINUTE);
  });

  it("troika takes a quarter of an hour a round, its consultation the longest step", () => {
    const d = roomAt("lobby");
    const s = d.must(CAST.animator, { type: "setFormat", format: "troika" });
    const minutes = Object.values(s.consultation.durations);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(15);
    expect(s.consultation.durations.consultation).toBe(Math.max(...minutes));
  });

  it("a custom duration makes the format custom", () => {
    const d = roomAt("lobby");
    const s = d.must(CAST.animator, { type: "setDuration", step: "consultation", minutes: 42 });
    expect(s.consultation.format).toBe("custom");
    expect(s.consultation.durations.consultation).toBe(42);
  });

  it("pausing keeps the time left and starting again resumes from it", () => {
    const d = roomAt("clarification");
    const endsAt = d.state.consultation.timer.endsAt ?? 0;
    d.must(CAST.animator, { type: "pauseTimer" }, 60_000);
    const left = endsAt - d.now;
    expect(d.state.consultation.timer).toEqual({ status: "paused", endsAt: null, remainingMs: left });
    d.must(CAST.animator, { type: "startTimer" }, 5 * 60_000);
    expect(d.state.consultation.timer).toEqual({ status: "running", endsAt: d.now + left, remainingMs: left });
  });

  it("extending adds minutes to a running timer", () => {
    const d = roomAt("consultation");
    const endsAt = d.state.consultation.timer.endsAt ?? 0;
    d.must(CAST.animator, { type: "extendTimer", minutes: 5 });
    expect(d.state.consultation.timer.endsAt).toBe(endsAt + 5 * MINUTE);
  });

  it("time-up is refused before the end time and accepted after it, once", () => {
    const d = roomAt("presentation");
    expect(d.system({ type: "timeUp" }).ok).toBe(false);
    const outcome = d.system({ type: "timeUp" }, FORMAT_MINUTES.classic.presentation * MINUTE);
    if (!outcome.ok) throw new Error("rejected");
    expect(outcome.state.consultation.timer.status).toBe("expired");
    expect(outcome.effects).toEqual([{ type: "timeUp", step: "presentation" }]);
    expect(d.system({ type: "timeUp" }).ok).toBe(false);
  });

  it("after time-up, extending runs the timer again for the added minutes", () => {
    const d = roomAt("presentation");
    d.system({ type: "timeUp" }, FORMAT_MINUTES.classic.presentation * MINUTE);
    d.must(CAST.animator, { type: "extendTimer", minutes: 2 });
    expect(d.state.consultation.timer).toEqual({
      status: "running",
      endsAt: d.now + 2 * MINUTE,
      remainingMs: 2 * MINUTE,
    });
  });

  it("participants cannot send the room's own time-up", () => {
    const d = roomAt("presentation");
    expect(d.run(CAST.animator, { type: "timeUp" }, 60 * MINUTE)).toMatchObject({
      ok: false,
      rejection: { code: "forbidden" },
    });
  });

  it("a fresh room has version 0 and gains one version per accepted command", () => {
    const d = new Driver();
    expect(d.state.version).toBe(0);
    d.system({ type: "join", participantId: "a", name: "A", host: false });
    d.run("a", { type: "goBack" });
    expect(d.state.version).toBe(1);
  });
});
