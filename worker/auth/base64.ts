// Base64 and base64url (padded or not) to bytes and back; Zoom hands out either form depending on the client.

const ANY_BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The decoded bytes, or null when the text is not base64 of either alphabet. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!ANY_BASE64.test(text)) return null;
  const standard = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (standard.length % 4 === 1) return null;
  const padded = standard + "=".repeat((4 - (standard.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
