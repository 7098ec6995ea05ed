import { describe, expect, it } from "vitest";
import { LIMITS } from "../../protocol/index.ts";
import { CAST, Driver, roomAt } from "./driver.ts";

const roleOf = (d: Driver, id: string) => d.state.participants.find((p) => p.id === id)?.role;

describe("joining", () => {
  it("makes the first participant the animator and everyone after a consultant", () => {
    const d = new Driver();
    d.system({ type: "join", participantId: "a", name: "A", host: false });
    d.system({ type: "join", participantId: "b", name: "B", host: false });
    expect([roleOf(d, "a"), roleOf(d, "b")]).toEqual(["animator", "consultant"]);
  });

  it("lets the meeting host take the animator role from a non-host while still in the lobby", () => {
    const d = new Driver();
    d.system({ type: "join", participantId: "a", name: "A", host: false });
    d.system({ type: "join", participantId: "h", name: "Host", host: true });
    expect([roleOf(d, "a"), roleOf(d, "h")]).toEqual(["consultant", "animator"]);
  });

  it("does not let a late host take the role once the consultation has started", () => {
    const d = roomAt("presentation");
    d.must(CAST.animator, { type: "handOverAnimator", participantId: CAST.consultant });
    d.system({ type: "join", participantId: "h", name: "Host", host: true });
    expect(roleOf(d, "h")).toBe("consultant");
  });

  it("cleans names and refuses an empty one", () => {
    const d = new Driver();
    d.system({ type: "join", participantId: "a", name: "  Ana\u202E\u0007  Marie \n", host: false });
    expect(d.state.participants[0]?.name).toBe("Ana Marie");
    expect(d.system({ type: "join", participantId: "b", name: " \u0000 ", host: false }).ok).toBe(false);
  });

  it("treats a repeated join as a no-op conflict, and a changed name as an update", () => {
    const d = new Driver();
    d.system({ type: "join", participantId: "a", name: "A", host: false });
    expect(d.system({ type: "join", participantId: "a", name: "A", host: false })).toMatchObject({
      ok: false,
      rejection: { code: "conflict" },
    });
    d.system({ type: "join", participantId: "a", name: "Anne", host: false });
    expect(d.state.participants).toHaveLength(1);
    expect(d.state.participants[0]?.name).toBe("Anne");
  });

  it("refuses a participant beyond the room's capacity", () => {
    const d = new Driver();
    for (let i = 0; i < LIMITS.participants; i++)
      d.system({ type: "join", participantId: `p${i}`, name: `P${i}`, host: false });
    expect(d.system({ type: "join", participantId: "extra", name: "Extra", host: false })).toMatchObject({
      ok: false,
      rejection: { code: "limit_reached" },
    });
  });
});

describe("roles", () => {
  it("hands the animator role over, the previous animator becoming a consultant", () => {
    const d = roomAt("lobby");
    d.must(CAST.animator, { type: "handOverAnimator", participantId: CAST.consultant });
    expect([roleOf(d, CAST.animator), roleOf(d, CAST.consultant)]).toEqual(["consultant", "animator"]);
  });

  it("refuses to make the client the animator in the middle of the steps", () => {
    const d = roomAt("consultation");
    expect(d.run(CAST.animator, { type: "handOverAnimator", participantId: CAST.client })).toMatchObject({
      ok: false,
      rejection: { code: "conflict" },
    });
    expect(d.state.consultation.clientId).toBe(CAST.client);
  });

  it("refuses to change or remove the client once the steps have begun", () => {
    const d = roomAt("contract");
    for (const role of ["consultant", "scribe"] as const) {
      expect(d.run(CAST.animator, { type: "assignRole", participantId: CAST.client, role }).ok).toBe(false);
    }
    expect(d.run(CAST.animator, { type: "assignRole", participantId: CAST.consultant, role: "client" }).ok).toBe(false);
    expect(d.state.consultation.clientId).toBe(CAST.client);
  });

  it("keeps a single client: assigning another one demotes the previous client", () => {
    const d = roomAt("choice");
    d.must(CAST.animator, { type: "assignRole", participantId: CAST.consultant, role: "client" });
    expect(roleOf(d, CAST.client)).toBe("consultant");
    expect(d.state.consultation.clientId).toBe(CAST.consultant);
  });

  it("keeps a single scribe, and refuses to make anyone a second animator", () => {
    const d = roomAt("lobby");
    d.must(CAST.animator, { type: "assignRole", participantId: CAST.consultant, role: "scribe" });
    expect(roleOf(d, CAST.scribe)).toBe("consultant");
    expect(d.run(CAST.animator, { type: "assignRole", participantId: CAST.client, role: "animator" }).ok).toBe(false);
  });

  it("the room hands an absent animator's role to the successor it names", () => {
    const d = roomAt("clarification");
    d.system({ type: "leave", participantId: CAST.animator, successorId: CAST.consultant });
    expect([roleOf(d, CAST.animator), roleOf(d, CAST.consultant)]).toEqual(["consultant", "animator"]);
  });

  it("a leave without successor, or for someone who is not the animator, changes nothing", () => {
    const d = roomAt("lobby");
    expect(d.system({ type: "leave", participantId: CAST.animator, successorId: null }).ok).toBe(false);
    expect(d.system({ type: "leave", participantId: CAST.consultant, successorId: CAST.scribe }).ok).toBe(false);
  });
});
