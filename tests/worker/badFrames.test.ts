import { afterEach, describe, expect, it } from "vitest";
import { LIMITS } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

async function castInClarification() {
  const cast = await openCast(1);
  open.push(...cast.all);
  await runConsultation(cast, "clarification");
  const [consultant] = cast.consultants;
  if (!consultant) throw new Error("no consultant");
  return { cast, consultant };
}

/** Sends a frame, expects exactly one error frame for it, then proves the socket and the room still work. */
async function expectErrorThenUsable(socket: TestSocket, frame: object | string | ArrayBuffer) {
  const since = socket.mark();
  socket.send(frame);
  const error = await socket.waitFor("error", () => true, { since });
  const pong = socket.mark();
  socket.send({ type: "ping", t: 42 });
  await socket.waitFor("pong", (m) => m.t === 42, { since: pong });
  expect(socket.closed).toBeNull();
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message.length).toBeLessThan(250);
  return error;
}

describe("frames the room cannot use", () => {
  it("answers non-JSON with bad_frame", async () => {
    const { consultant } = await castInClarification();
    expect(await expectErrorThenUsable(consultant, "{not json")).toMatchObject({ code: "bad_frame" });
  });

  it("answers a frame over the size limit with too_large", async () => {
    const { consultant } = await castInClarification();
    const text = "x".repeat(LIMITS.frameBytes);
    const error = await expectErrorThenUsable(consultant, {
      type: "command",
      id: "big",
      command: { type: "askQuestion", text },
    });
    expect(error.code).toBe("too_large");
  });

  it("counts bytes, not characters, against the size limit", async () => {
    const { consultant } = await castInClarification();
    const text = "é".repeat(Math.ceil(LIMITS.frameBytes / 2));
    const error = await expectErrorThenUsable(consultant, JSON.stringify({ type: "ping", t: 1, pad: text }));
    expect(error.code).toBe("too_large");
  });

  it("answers an unknown message type with unknown_type", async () => {
    const { consultant } = await castInClarification();
    expect(await expectErrorThenUsable(consultant, { type: "explode" })).toMatchObject({ code: "unknown_type" });
  });

  it("answers an unknown command with unknown_type and its id", async () => {
    const { consultant } = await castInClarification();
    const error = await expectErrorThenUsable(consultant, { type: "command", id: "c-1", command: { type: "explode" } });
    expect(error).toMatchObject({ code: "unknown_type", id: "c-1" });
  });

  it("treats the room's own commands as unknown when a socket sends them", async () => {
    const { cast, consultant } = await castInClarification();
    const join = { type: "join", participantId: "intruder", name: "Intruder", host: true };
    const error = await expectErrorThenUsable(consultant, { type: "command", id: "c-2", command: join });
    expect(error).toMatchObject({ code: "unknown_type", id: "c-2" });
    expect(cast.animator.state?.participants.some((p) => p.id === "intruder")).toBe(false);
  });

  it("answers a message that does not match its schema with bad_frame", async () => {
    const { consultant } = await castInClarification();
    const error = await expectErrorThenUsable(consultant, {
      type: "command",
      id: "c-3",
      command: { type: "askQuestion" },
    });
    expect(error).toMatchObject({ code: "bad_frame", id: "c-3" });
    expect(await expectErrorThenUsable(consultant, [1, 2, 3])).toMatchObject({ code: "bad_frame" });
    expect(await expectErrorThenUsable(consultant, { type: "hello", protocol: 1 })).toMatchObject({
      code: "bad_frame",
    });
  });

  it("answers binary frames with bad_frame until the note pad uses them", async () => {
    const { consultant } = await castInClarification();
    const error = await expectErrorThenUsable(consultant, new Uint8Array([1, 2, 3]).buffer);
    expect(error.code).toBe("bad_frame");
  });
});

describe("commands the reducer refuses", () => {
  it("rejects a consultant advancing the step as forbidden and changes nothing", async () => {
    const { cast, consultant } = await castInClarification();
    const before = cast.animator.state;
    const since = cast.animator.mark();
    expect(await consultant.command({ type: "advance" })).toMatchObject({ type: "rejected", code: "forbidden" });
    expect(await consultant.command({ type: "addIdea", text: "Too early" })).toMatchObject({
      type: "rejected",
      code: "wrong_phase",
    });
    await cast.animator.must({ type: "setDuration", step: "evaluation", minutes: 7 });
    const events = cast.animator.messages.slice(since).filter((m) => m.type === "event");
    expect(events).toHaveLength(1);
    expect(cast.animator.state?.version).toBe((before?.version ?? 0) + 1);
    expect(await consultant.command({ type: "askQuestion", text: "Still usable?" })).toMatchObject({ type: "ack" });
  });

  it("rejects a consultant writing the client's request", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "contract");
    const [consultant] = cast.consultants;
    const answer = await consultant?.command({ type: "setRequest", text: "Not mine to write" });
    expect(answer).toMatchObject({ type: "rejected", code: "forbidden" });
  });
});
