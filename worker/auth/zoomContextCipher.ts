// Unpacks and decrypts Zoom's encrypted app context with Web Crypto (AES-256-GCM, key = SHA-256 of the client secret).
import { decodeBase64 } from "./base64.ts";

/** A real context is a few hundred bytes; anything far larger is refused before any crypto work. */
export const MAX_CONTEXT_CHARS = 8192;
const TAG_BYTES = 16;

export interface PackedContext {
  iv: Uint8Array<ArrayBuffer>;
  aad: Uint8Array<ArrayBuffer>;
  /** Ciphertext followed by the 16-byte tag, the form Web Crypto's AES-GCM expects. */
  sealed: Uint8Array<ArrayBuffer>;
}

/**
 * Splits `[ivLen:1][iv][aadLen:2 LE][aad][ctLen:4 LE][ciphertext][tag:16]`. Every length must fit exactly:
 * a truncated or padded buffer is refused here rather than handed to the cipher.
 */
export function unpackContext(bytes: Uint8Array<ArrayBuffer>): PackedContext | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  if (bytes.length < 1) return null;
  const ivLength = view.getUint8(at);
  at += 1;
  if (ivLength === 0 || at + ivLength + 2 > bytes.length) return null;
  const iv = bytes.subarray(at, at + ivLength);
  at += ivLength;
  const aadLength = view.getUint16(at, true);
  at += 2;
  if (at + aadLength + 4 > bytes.length) return null;
  const aad = bytes.subarray(at, at + aadLength);
  at += aadLength;
  const cipherLength = view.getUint32(at, true);
  at += 4;
  if (cipherLength === 0 || at + cipherLength + TAG_BYTES !== bytes.length) return null;
  return { iv, aad, sealed: bytes.subarray(at) };
}

async function contextKey(clientSecret: string): Promise<CryptoKey> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(clientSecret));
  return crypto.subtle.importKey("raw", digest, { name: "AES-GCM" }, false, ["decrypt"]);
}

export type Decrypted = { ok: true; text: string } | { ok: false; reason: "malformed" | "undecryptable" };

/** The decrypted JSON text; "undecryptable" covers a wrong key and any tampering, which GCM cannot tell apart. */
export async function decryptContext(raw: string, clientSecret: string): Promise<Decrypted> {
  if (raw.length === 0 || raw.length > MAX_CONTEXT_CHARS) return { ok: false, reason: "malformed" };
  const bytes = decodeBase64(raw);
  const packed = bytes && unpackContext(bytes);
  if (!packed) return { ok: false, reason: "malformed" };
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: packed.iv, additionalData: packed.aad, tagLength: TAG_BYTES * 8 },
      await contextKey(clientSecret),
      packed.sealed,
    );
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(plain) };
  } catch {
    return { ok: false, reason: "undecryptable" };
  }
}
