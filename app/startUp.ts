// The start-up sequence: Zoom if the page runs inside it, else dev mode's start page or direct join, else a notice.
import { t } from "./i18n/i18n.ts";
import { type Demo, startDemo } from "./model/demo.ts";
import type { RoomStore } from "./model/RoomStore.ts";
import type { DevJoin } from "./platform/dev.ts";
import type { Platform } from "./platform/Platform.ts";
import { detectZoom, ZoomSessionError } from "./platform/zoom.ts";

export type RoomModule = typeof import("./roomEntry.ts");
export type StartModule = typeof import("./startEntry.ts");

export type Screen =
  | { kind: "loading" }
  | { kind: "failed"; message: string; retry: () => void }
  | { kind: "notInZoom"; start: StartModule }
  | {
      kind: "start";
      start: StartModule;
      error: string | null;
      onJoin: (join: DevJoin) => void;
      onDemo: (name: string) => void;
    }
  | { kind: "room"; room: RoomModule; store: RoomStore; onLeave: (() => void) | null; demo: Demo | null };

export function startUp(baseUrl: string, show: (screen: Screen) => void): () => void {
  // Fetched at once, in parallel with detecting the platform and asking for a session.
  const room = import("./roomEntry.ts");
  let start: StartModule | null = null;
  let current: RoomStore | null = null;
  let demo: Demo | null = null;
  let unwatch: (() => void) | null = null;

  const showStart = (mod: StartModule, error: string | null) =>
    show({
      kind: "start",
      start: mod,
      error,
      onJoin: (join) => joinDev(mod, join),
      onDemo: (name) => void runDemo(mod, name),
    });

  const failed = (e: unknown, key: "joinFailed" | "demoFailed", retry: () => void) => {
    const message = e instanceof ZoomSessionError ? t(`zoom_${e.reason}`) : e instanceof Error ? e.message : String(e);
    if (start) showStart(start, t(key, { message }));
    // Inside Zoom there is no start page to go back to: say what failed and offer to try again.
    else show({ kind: "failed", message: t(key, { message }), retry });
  };

  const enter = async (platform: Platform, label: string | null) => {
    show({ kind: "loading" });
    try {
      const mod = await room;
      const store = await mod.openRoom(platform, baseUrl, label);
      current = store;
      unwatch?.();
      unwatch = platform.onContextChange(() => void follow(platform, label));
      show({ kind: "room", room: mod, store, onLeave: platform.kind === "dev" ? leave : null, demo });
    } catch (e) {
      failed(e, "joinFailed", () => void enter(platform, label));
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

  const joinDev = (mod: StartModule, join: DevJoin) => {
    const params: Record<string, string> = { room: join.room, name: join.name };
    if (join.host) params.host = "1";
    history.replaceState(null, "", `${location.pathname}?${new URLSearchParams(params)}`);
    void enter(mod.devPlatform(baseUrl, join), join.room);
  };

  const runDemo = async (mod: StartModule, name: string) => {
    show({ kind: "loading" });
    try {
      demo = await startDemo(baseUrl, `demo-${mod.newRoomCode()}`);
      joinDev(mod, { room: demo.room, name, host: false });
    } catch (e) {
      failed(e, "demoFailed", () => showStart(mod, null));
    }
  };

  const leave = () => {
    demo?.stop();
    demo = null;
    current?.close();
    current = null;
    history.replaceState(null, "", location.pathname);
    if (start) showStart(start, null);
  };

  void (async () => {
    const zoom = await detectZoom().catch(() => null);
    if (zoom) return enter(zoom, null);
    const mod = await import("./startEntry.ts");
    start = mod;
    if (!(await mod.devModeOn(baseUrl))) return show({ kind: "notInZoom", start: mod });
    const params = new URLSearchParams(location.search);
    const code = mod.roomCode(params.get("room") ?? "");
    const name = (params.get("name") ?? "").trim();
    if (code && name) return joinDev(mod, { room: code, name, host: params.get("host") === "1" });
    showStart(mod, null);
  })();

  return () => {
    unwatch?.();
    demo?.stop();
    current?.close();
  };
}
