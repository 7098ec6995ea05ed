import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { issueSessionToken, type Session } from "../../worker/auth/sessionToken.ts";
import { meetingClaims, sealContext } from "./helpers/zoomContext.ts";

const roomA: Session = {
  roomId: "zm-room-a",
  participantId: "user-1",
  name: "Ana",
  host: true,
  meetingId: "A",
  parentRoomId: null,
};
const now = () => Math.floor(Date.now() / 1000);

function openSocket(roomId: string, token?: string): Promise<Response> {
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  return SELF.fetch(`https://codev.test/api/rooms/${roomId}/ws${query}`, { headers: { Upgrade: "websocket" } });
}

async function expectOpen(res: Response): Promise<void> {
  expect(res.status).toBe(101);
  const ws = res.webSocket;
  if (!ws) throw new Error("no socket");
  ws.accept();
  ws.close(1000, "test done");
}

describe("the room socket accepts only a valid token for that very room", () => {
  it("opens with a token for this room", async () => {
    await expectOpen(await openSocket(roomA.roomId, await issueSessionToken(env.SESSION_SECRET, roomA, now())));
  });

  it("opens the room of a Zoom session with that session's token", async () => {
    const res = await SELF.fetch("https://codev.test/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ context: await sealContext(meetingClaims()), name: "Ana", role: "attendee" }),
    });
    const session = (await res.json()) as { token: string; roomId: string };
    await expectOpen(await openSocket(session.roomId, session.token));
  });

  it("refuses a token for room A at room B with 403", async () => {
    const token = await issueSessionToken(env.SESSION_SECRET, roomA, now());
    const res = await openSocket("zm-room-b", token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden" });
  });

  it("refuses a token signed with another secret with 401", async () => {
    const forged = await issueSessionToken("not-the-session-secret-0123456789", roomA, now());
    expect((await openSocket(roomA.roomId, forged)).status).toBe(401);
  });

  it("refuses a token whose claims were edited with 401", async () => {
    const token = await issueSessionToken(env.SESSION_SECRET, roomA, now());
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(atob((payload ?? "").replace(/-/g, "+").replace(/_/g, "/")));
    const edited = btoa(JSON.stringify({ ...claims, room: "zm-room-b" }))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect((await openSocket("zm-room-b", `${header}.${edited}.${signature}`)).status).toBe(401);
  });

  it("refuses an expired token with 401", async () => {
    const expired = await issueSessionToken(env.SESSION_SECRET, roomA, now() - 3600);
    expect((await openSocket(roomA.roomId, expired)).status).toBe(401);
  });

  it("refuses a missing or malformed token with 401", async () => {
    expect((await openSocket(roomA.roomId)).status).toBe(401);
    expect((await openSocket(roomA.roomId, "not.a.token")).status).toBe(401);
  });

  it("answers a plain request with 426", async () => {
    const res = await SELF.fetch(`https://codev.test/api/rooms/${roomA.roomId}/ws`);
    expect(res.status).toBe(426);
  });
});
