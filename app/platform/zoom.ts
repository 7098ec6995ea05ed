// PLACEHOLDER until the Zoom adapter lands: never detects Zoom.
import type { Platform } from "./Platform.ts";

export async function detectZoom(): Promise<Platform | null> {
  return null;
}
