// The Zoom platform: configures the bundled Zoom Apps SDK; in a plain browser config rejects and there is no Zoom.
import zoomSdk from "@zoom/appssdk";
import type { Platform } from "./Platform.ts";
import { configureZoom, createZoomPlatform, type ZoomPlatformOptions } from "./zoomPlatform.ts";

export { ZoomSessionError, type ZoomSessionFailure } from "./zoomPlatform.ts";

// Config and the SDK's listeners happen once per page, however often start-up asks (the first call's options win).
// Outside any frame a plain browser rejects config at once; inside a foreign frame the SDK waits for its own timeout.
let detected: Promise<Platform | null> | null = null;

/** The Zoom platform when the page runs inside the Zoom client, or null (plain browser: the panel may use dev mode). */
export function detectZoom(options: ZoomPlatformOptions = {}): Promise<Platform | null> {
  detected ??= configureZoom(zoomSdk).then(
    (config) => createZoomPlatform(zoomSdk, config, options),
    () => null,
  );
  return detected;
}
