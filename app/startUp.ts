// The start-up sequence: Zoom if the page runs inside it, else dev mode's start page or direct join, else a notice.

import type { ComponentChildren } from "preact";
import type { DevStart } from "./devStart.ts";
import { t } from "./i18n/i18n.ts";
import type { RoomStore } from "./model/RoomStore.ts";
import type { DevJoin } from "./platform/dev.ts";
import type { Platform } from "./platform/Platform.ts";
import { detectZoom, ZoomSessionError } from "./platform/zoom.ts";

export type RoomModule = typeof import("./roomEntry.ts");
export type StartModule = typeof import("./startEntry.ts");

export type Screen =
  | { kind: "loading" }
  | { kind: "failed"; message: string; retry: () => void }
  | { kind: "notInZoom"; NotInZoom: typeof import("./views/NotInZoom.tsx").NotInZoom }
  | {
      kind: "start";
      start: StartModule;
      error: string | null;
      onJoin: (join: DevJoin) => void;
      onDemo: (name: string) => void;
    }
  | { kind: "room"; room: RoomModule; store: RoomStore; onLeave: (() => void) | null; banner: ComponentChildren };

/** What the dev-mode flow (shipped in the local build only, see devStart.ts) needs from start-up. */
export interface StartUpContext {
  baseUrl: string;
  show(screen: Screen): void;
  enter(platform: Platform, label: string | null): Promise<void>;
  /** The room being shown, if any. */
  current(): RoomStore | null;
  /** Forgets the room shown (after closing it). */
  forget(): void;
  /** Why an attempt failed, in the user's language. */
  describe(e: unknown): string;
}

export function startUp(baseUrl: string, show: (screen: Screen) => void): () => void {
  // Fetched at once, in parallel with detecting the platform and asking for a session.
  const room = import("./roomEntry.ts");
  let current: RoomStore | null = null;
  let dev: DevStart | null = null;
  let unwatch: (() => void) | null = null;
  let stopped = false;

  const describe = (e: unknown) =>
    e instanceof ZoomSessionError ? t(`zoom_${e.reason}`) : e instanceof Error ? e.message : String(e);

  const enter = async (platform: Platform, label: string | null) => {
    show({ kind: "loading" });
    try {
      const mod = await room;
      const store = await mod.openRoom(platform, baseUrl, label);
      if (stopped) return store.close();
      current = store;
      unwatch?.();
      unwatch = platform.onContextChange(() => void follow(platform, label));
      show({ kind: "room", room: mod, store, onLeave: dev?.leave ?? null, banner: dev?.banner() ?? null });
    } catch (e) {
      const message = t("joinFailed", { message: describe(e) });
      if (dev) dev.failed(message);
      // Inside Zoom there is no start page to go back to: say what failed and offer to try again.
      else show({ kind: "failed", message, retry: () => void enter(platform, label) });
    }
  };

  /** The meeting context changed (role, breakout room): same room, reconnect with a fresh session; else reopen. */
  const follow = async (platform: Platform, label: string | null) => {
    const store = current;
    if (!store) return;
    const session = await platform.getSession().catch(() => null);
    if (current !== store) return;
    if (!session || session.roomId === store.roomId) {
      store.connection.reconnectNow();
      return;
    }
    store.close();
    current = null;
    await enter(platform, label);
  };

  void (async () => {
    const zoom = await detectZoom().catch(() => null);
    if (zoom) return enter(zoom, null);
    // The production build ships no dev mode (its server refuses dev sessions anyway), only the notice; the
    // start page, the dev platform and the demo are in the local build (`npm start`) alone.
    if (import.meta.env.MODE === "production") {
      const { NotInZoom } = await room;
      return show({ kind: "notInZoom", NotInZoom });
    }
    const mod = await import("./startEntry.ts");
    if (!(await mod.devModeOn(baseUrl))) return show({ kind: "notInZoom", NotInZoom: mod.NotInZoom });
    if (stopped) return;
    dev = mod.devStart(mod, {
      baseUrl,
      show,
      enter,
      current: () => current,
      forget: () => {
        current = null;
      },
      describe,
    });
  })();

  return () => {
    stopped = true;
    unwatch?.();
    dev?.stop();
    current?.close();
  };
}
