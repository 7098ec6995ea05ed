import { describe, expect, it } from "vitest";
import { verifyZoomContext } from "../../worker/auth/zoomContext.ts";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  flipBit,
  MEETING_UUID,
  meetingClaims,
  sealBytes,
  sealContext,
  toBase64,
  toBase64Url,
  USER_ID,
} from "./helpers/zoomContext.ts";

const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const verify = (raw: string, now = Date.now()) => verifyZoomContext(raw, credentials, now);

describe("verifyZoomContext", () => {
  it("accepts a real context and reads the user, the meeting and the role", async () => {
    const result = await verify(await sealContext(meetingClaims({ attendrole: "co-host" })));
    expect(result).toMatchObject({
      ok: true,
      context: { type: "meeting", userId: USER_ID, meetingUuid: MEETING_UUID, attendRole: "co-host" },
    });
  });

  it("accepts base64url without padding as well as base64", async () => {
    const { bytes } = await sealBytes(meetingClaims());
    expect((await verify(toBase64(bytes))).ok).toBe(true);
    expect((await verify(toBase64Url(bytes))).ok).toBe(true);
  });

  it("accepts any iv length and an empty aad", async () => {
    const { bytes } = await sealBytes(meetingClaims(), { ivLength: 16, aad: new Uint8Array(0) });
    expect((await verify(toBase64(bytes))).ok).toBe(true);
  });

  it("refuses an expired context", async () => {
    const now = Date.now();
    const raw = await sealContext(meetingClaims({ ts: now - 300_000, exp: now - 120_000 }));
    expect(await verify(raw, now)).toEqual({ ok: false, reason: "expired" });
  });

  it("tolerates a little clock skew but not more", async () => {
    const now = Date.now();
    expect((await verify(await sealContext(meetingClaims({ exp: now - 10_000 })), now)).ok).toBe(true);
    expect((await verify(await sealContext(meetingClaims({ exp: now - 60_000 })), now)).ok).toBe(false);
  });

  it("reads an expiry given in seconds as seconds", async () => {
    const now = Date.now();
    const inSeconds = Math.floor(now / 1000) + 60;
    expect((await verify(await sealContext(meetingClaims({ exp: inSeconds })), now)).ok).toBe(true);
  });

  it("refuses a context made for another app", async () => {
    const raw = await sealContext(meetingClaims({ aud: "someone-elses-client-id" }));
    expect(await verify(raw)).toEqual({ ok: false, reason: "wrong_audience" });
  });

  it("refuses a context from another issuer", async () => {
    const raw = await sealContext(meetingClaims({ iss: "evil.example" }));
    expect(await verify(raw)).toEqual({ ok: false, reason: "wrong_issuer" });
  });

  it("refuses a context sealed with another key", async () => {
    const raw = await sealContext(meetingClaims(), { secret: "not-the-client-secret" });
    expect(await verify(raw)).toEqual({ ok: false, reason: "undecryptable" });
  });

  it("refuses tampered ciphertext, tag, aad or iv", async () => {
    const sealed = await sealBytes(meetingClaims());
    for (const index of [sealed.cipherStart, sealed.tagStart + 5, sealed.aadStart, 1]) {
      expect(await verify(toBase64(flipBit(sealed.bytes, index)))).toEqual({ ok: false, reason: "undecryptable" });
    }
  });

  it("refuses a truncated or padded context", async () => {
    const { bytes } = await sealBytes(meetingClaims());
    for (const cut of [1, 8, 16, bytes.length - 20]) {
      expect(await verify(toBase64(bytes.subarray(0, bytes.length - cut)))).toEqual({ ok: false, reason: "malformed" });
    }
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes);
    expect(await verify(toBase64(padded))).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses what is not base64 at all", async () => {
    for (const raw of ["", "not base64!", "<script>alert(1)</script>", "a", "x".repeat(9000)]) {
      expect(await verify(raw)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("refuses an authentic payload that lacks required claims", async () => {
    const { exp: _exp, ...noExp } = meetingClaims();
    expect(await verify(await sealContext(noExp))).toEqual({ ok: false, reason: "invalid_payload" });
    expect(await verify(await sealContext("just a string"))).toEqual({ ok: false, reason: "invalid_payload" });
  });
});
