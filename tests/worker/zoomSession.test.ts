import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { verifySessionToken } from "../../worker/auth/sessionToken.ts";
import {
  BREAKOUT_UUID,
  flipBit,
  MEETING_UUID,
  meetingClaims,
  sealBytes,
  sealContext,
  toBase64,
  USER_ID,
} from "./helpers/zoomContext.ts";

interface SessionBody {
  context: string;
  name: string;
  role?: string;
}

function postSession(body: SessionBody | string, contentType = "application/json"): Promise<Response> {
  return SELF.fetch("https://codev.test/api/session", {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function sessionFor(claims: Record<string, unknown>, extra: Partial<SessionBody> = {}) {
  const res = await postSession({ context: await sealContext(claims), name: "Ana", role: "attendee", ...extra });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

describe("POST /api/session", () => {
  it("answers a verified meeting context with a session token bound to the meeting room and the Zoom user", async () => {
    const { res, body } = await sessionFor(meetingClaims());
    expect(res.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["host", "name", "participantId", "roomId", "token"]);
    expect(body).toMatchObject({ participantId: USER_ID, name: "Ana", host: false });
    expect(body.roomId).toMatch(/^zm-[A-Za-z0-9_-]{43}$/);
    const session = await verifySessionToken(env.SESSION_SECRET, String(body.token));
    expect(session).toEqual({
      roomId: body.roomId,
      participantId: USER_ID,
      name: "Ana",
      host: false,
      meetingId: MEETING_UUID,
      parentRoomId: null,
    });
  });

  it("gives everyone in the same meeting the same room, and each breakout room its own", async () => {
    const a = await sessionFor(meetingClaims({ uid: "user-a" }));
    const b = await sessionFor(meetingClaims({ uid: "user-b" }));
    const breakout = await sessionFor(meetingClaims({ mid: BREAKOUT_UUID, pid: MEETING_UUID }));
    expect(a.body.roomId).toBe(b.body.roomId);
    expect(breakout.body.roomId).not.toBe(a.body.roomId);
  });

  it("binds a breakout room's session to the meeting's main room, which Zoom's signed context names", async () => {
    const main = await sessionFor(meetingClaims());
    const breakout = await sessionFor(meetingClaims({ mid: BREAKOUT_UUID, pid: MEETING_UUID }));
    const session = await verifySessionToken(env.SESSION_SECRET, String(breakout.body.token));
    expect(session?.roomId).toBe(breakout.body.roomId);
    expect(session?.parentRoomId).toBe(main.body.roomId);
    expect((await verifySessionToken(env.SESSION_SECRET, String(main.body.token)))?.parentRoomId).toBeNull();
  });

  it("takes the host flag from Zoom's signed role, not from the role the panel reports", async () => {
    expect((await sessionFor(meetingClaims({ attendrole: "host" }), { role: "attendee" })).body.host).toBe(true);
    expect((await sessionFor(meetingClaims({ attendrole: "co-host" }), { role: "attendee" })).body.host).toBe(true);
    expect((await sessionFor(meetingClaims({ attendrole: "participant" }), { role: "host" })).body.host).toBe(false);
  });

  it("falls back to the reported role only when the signed context has none", async () => {
    const { attendrole: _role, ...unsigned } = meetingClaims();
    expect((await sessionFor(unsigned, { role: "coHost" })).body.host).toBe(true);
    expect((await sessionFor(unsigned, { role: "attendee" })).body.host).toBe(false);
    expect((await sessionFor(unsigned, { role: undefined })).body.host).toBe(false);
  });

  it("cleans the screen name and never needs it to be safe HTML", async () => {
    const { res, body } = await sessionFor(meetingClaims(), { name: "  <img src=x onerror=alert(1)>\u202E\n Bo  " });
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(body.name).toBe("<img src=x onerror=alert(1)> Bo");
  });

  const refusals: [string, () => Promise<string>][] = [
    ["an expired context", () => sealContext(meetingClaims({ exp: Date.now() - 120_000 }))],
    ["a context for another app", () => sealContext(meetingClaims({ aud: "another-app" }))],
    ["a context from another issuer", () => sealContext(meetingClaims({ iss: "zoom.evil" }))],
    ["a context sealed with another key", () => sealContext(meetingClaims(), { secret: "wrong-secret" })],
    [
      "tampered ciphertext",
      async () => {
        const s = await sealBytes(meetingClaims());
        return toBase64(flipBit(s.bytes, s.cipherStart + 3));
      },
    ],
    [
      "a tampered tag",
      async () => {
        const s = await sealBytes(meetingClaims());
        return toBase64(flipBit(s.bytes, s.tagStart));
      },
    ],
    [
      "a truncated context",
      async () => {
        const s = await sealBytes(meetingClaims());
        return toBase64(s.bytes.subarray(0, s.bytes.length - 4));
      },
    ],
    ["a main-client context", () => sealContext(meetingClaims({ typ: "panel", mid: undefined }))],
    ["a webinar context", () => sealContext(meetingClaims({ typ: "webinar" }))],
    ["a meeting context without a meeting", () => sealContext(meetingClaims({ mid: undefined }))],
    ["a guest context without a user", () => sealContext(meetingClaims({ uid: undefined, iid: "invitation" }))],
    ["garbage", async () => "AAAA"],
  ];
  for (const [what, make] of refusals) {
    it(`refuses ${what} with 401`, async () => {
      const res = await postSession({ context: await make(), name: "Ana", role: "host" });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthorized" });
    });
  }

  it("refuses a body that is not the expected JSON", async () => {
    expect((await postSession("{nope")).status).toBe(400);
    expect((await postSession(JSON.stringify({ name: "Ana" }))).status).toBe(400);
    expect((await postSession(JSON.stringify({ context: 42, name: "Ana" }))).status).toBe(400);
    const ctx = await sealContext(meetingClaims());
    expect((await postSession({ context: ctx, name: " \n\t " })).status).toBe(400);
    expect((await postSession(JSON.stringify({ context: ctx, name: "Ana" }), "text/plain")).status).toBe(415);
  });

  it("refuses an oversized body", async () => {
    const res = await postSession({ context: "A".repeat(20_000), name: "Ana" });
    expect(res.status).toBe(413);
  });
});
