// Builds real Zoom app contexts for the tests: AES-256-GCM with key SHA-256(client secret), packed as Zoom packs them.
import { env } from "cloudflare:test";

export const CLIENT_ID = env.ZOOM_CLIENT_ID;
export const CLIENT_SECRET = env.ZOOM_CLIENT_SECRET;
export const MEETING_UUID = "wceIoD0lTySwype1+3/4Rw==";
export const BREAKOUT_UUID = "bRk0uTr00m/Uuid+Zz9=xA==";
export const USER_ID = "UIhTkdB5Q123456789";

/** Claims of a fresh in-meeting context, as Zoom sends them (ts and exp in milliseconds). */
export function meetingClaims(overrides: Record<string, unknown> = {}, now = Date.now()): Record<string, unknown> {
  return {
    typ: "meeting",
    uid: USER_ID,
    mid: MEETING_UUID,
    aud: CLIENT_ID,
    iss: "marketplace.zoom.us",
    ts: now,
    exp: now + 116_000,
    entitlements: [],
    attendrole: "participant",
    ...overrides,
  };
}

export interface SealOptions {
  secret?: string;
  ivLength?: number;
  aad?: Uint8Array<ArrayBuffer>;
}

/** Where each part sits in a packed context, so tests can tamper with one part at a time. */
export interface Sealed {
  bytes: Uint8Array;
  cipherStart: number;
  tagStart: number;
  aadStart: number;
}

export async function sealBytes(claims: unknown, opts: SealOptions = {}): Promise<Sealed> {
  const secret = opts.secret ?? CLIENT_SECRET;
  const iv = crypto.getRandomValues(new Uint8Array(opts.ivLength ?? 12));
  const aad = opts.aad ?? new TextEncoder().encode("zoom-app-context");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  const key = await crypto.subtle.importKey("raw", digest, { name: "AES-GCM" }, false, ["encrypt"]);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: aad, tagLength: 128 },
      key,
      new TextEncoder().encode(JSON.stringify(claims)),
    ),
  );
  const cipher = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  const out = new Uint8Array(1 + iv.length + 2 + aad.length + 4 + cipher.length + 16);
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint8(at, iv.length);
  at += 1;
  out.set(iv, at);
  at += iv.length;
  view.setUint16(at, aad.length, true);
  at += 2;
  const aadStart = at;
  out.set(aad, at);
  at += aad.length;
  view.setUint32(at, cipher.length, true);
  at += 4;
  const cipherStart = at;
  out.set(cipher, at);
  at += cipher.length;
  out.set(tag, at);
  return { bytes: out, cipherStart, tagStart: at, aadStart };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function sealContext(claims: unknown, opts: SealOptions = {}): Promise<string> {
  return toBase64((await sealBytes(claims, opts)).bytes);
}

/** A copy with one bit flipped at `index`. */
export function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}
