import { describe, expect, it } from "vitest";
import {
  LIMITS,
  PROTOCOL_VERSION,
  parseClientMessage,
  parseServerMessage,
  type ServerMessage,
} from "../../protocol/index.ts";
import { roomAt } from "./driver.ts";

describe("client messages", () => {
  it.each([
    [{ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: null }],
    [{ type: "hello", protocol: PROTOCOL_VERSION, lastVersion: 12 }],
    [{ type: "command", id: "c1", command: { type: "advance" } }],
    [{ type: "command", id: "c2", command: { type: "addIdea", text: "Try" } }],
    [{ type: "ping", t: 123 }],
  ])("accepts %j", (msg) => {
    expect(parseClientMessage(msg).success).toBe(true);
  });

  it.each([
    ["no type", { protocol: 1 }],
    ["an unknown type", { type: "explode" }],
    ["a negative last version", { type: "hello", protocol: 1, lastVersion: -1 }],
    ["extra keys", { type: "ping", t: 1, extra: true }],
    [
      "a command id that is too long",
      { type: "command", id: "x".repeat(LIMITS.commandId + 1), command: { type: "advance" } },
    ],
    ["an empty command id", { type: "command", id: "", command: { type: "advance" } }],
    ["a system command", { type: "command", id: "c", command: { type: "timeUp" } }],
    [
      "a text over its limit",
      { type: "command", id: "c", command: { type: "addIdea", text: "x".repeat(LIMITS.idea + 1) } },
    ],
    ["a bad due date", { type: "command", id: "c", command: { type: "addAction", text: "a", dueDate: "tomorrow" } }],
  ])("refuses %s", (_label, msg) => {
    expect(parseClientMessage(msg).success).toBe(false);
  });
});

describe("server messages", () => {
  it("accept everything the room sends, including a full snapshot", () => {
    const state = roomAt("synthesis").state;
    const messages: ServerMessage[] = [
      {
        type: "welcome",
        protocol: 1,
        you: { participantId: "a", name: "A" },
        serverNow: 1,
        snapshot: state,
        events: [],
      },
      {
        type: "event",
        event: {
          version: 3,
          at: 1,
          actorId: "system",
          newId: "n",
          command: { type: "leave", participantId: "a", successorId: null },
        },
      },
      { type: "ack", id: "c1", version: 4 },
      { type: "rejected", id: "c1", code: "forbidden", message: "No." },
      { type: "rejected", id: "c2", code: "conflict", message: "No.", reason: "animatorRole" },
      // A reason added by a later room must not make the frame unreadable.
      { type: "rejected", id: "c3", code: "conflict", message: "No.", reason: "aReasonAddedLater" },
      { type: "error", code: "bad_frame", message: "Bad.", id: "c1" },
      { type: "presence", online: ["a", "b"] },
      { type: "pong", t: 1, serverNow: 2 },
    ];
    for (const m of messages) expect(parseServerMessage(JSON.parse(JSON.stringify(m))).success, m.type).toBe(true);
  });
});
