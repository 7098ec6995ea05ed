// Asks Zoom's zoomapp/deeplink API for the link that opens the app inside the Zoom client after an install.
import * as v from "valibot";

export const ZOOM_DEEPLINK_ENDPOINT = "https://api.zoom.us/v2/zoomapp/deeplink";

const DeeplinkSchema = v.object({ deeplink: v.pipe(v.string(), v.url()) });

/** Links that open the Zoom client (or Zoom's web launcher); anything else is not followed. */
const ALLOWED_PROTOCOLS = new Set(["zoomus:", "zoommtg:", "https:"]);

/** The deeplink, or null when Zoom refused or answered with something that is not a Zoom link. */
export async function requestDeeplink(accessToken: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(ZOOM_DEEPLINK_ENDPOINT, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
      // `action` comes back to the app as the context's `act`; the panel's home is all it needs.
      body: JSON.stringify({ action: JSON.stringify({ url: "/" }) }),
    });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  const parsed = v.safeParse(DeeplinkSchema, await res.json().catch(() => null));
  if (!parsed.success) return null;
  const link = parsed.output.deeplink;
  return ALLOWED_PROTOCOLS.has(new URL(link).protocol) ? link : null;
}
