// Dev mode in a plain browser (local build only): the start page, joining a room by URL or by name, and the demo.
import { type ComponentChildren, h } from "preact";
import { td } from "./i18n/dev.ts";
import { type Demo, startDemo } from "./model/demo.ts";
import type { DevJoin } from "./platform/dev.ts";
import type { StartModule, StartUpContext } from "./startUp.ts";
import { DemoBanner } from "./views/DemoBanner.tsx";

export interface DevStart {
  /** Back to the start page (the room's "leave" button). */
  leave(): void;
  /** The demo's banner, if the room shown is the demo's. */
  banner(): ComponentChildren;
  /** Joining failed: back to the start page with the message. */
  failed(message: string): void;
  stop(): void;
}

export function devStart(mod: StartModule, ctx: StartUpContext): DevStart {
  let demo: Demo | null = null;

  const showStart = (error: string | null) =>
    ctx.show({
      kind: "start",
      start: mod,
      error,
      onJoin: (join) => joinDev(join),
      onDemo: (name) => void runDemo(name),
    });

  const joinDev = (join: DevJoin) => {
    const params: Record<string, string> = { room: join.room, name: join.name };
    if (join.host) params.host = "1";
    if (join.parent) params.parent = join.parent;
    history.replaceState(null, "", `${location.pathname}?${new URLSearchParams(params)}`);
    void ctx.enter(mod.devPlatform(ctx.baseUrl, join), join.room);
  };

  const runDemo = async (name: string) => {
    ctx.show({ kind: "loading" });
    try {
      demo = await startDemo(ctx.baseUrl, `demo-${mod.newRoomCode()}`);
      joinDev({ room: demo.room, name, host: false });
    } catch (e) {
      showStart(td("demoFailed", { message: ctx.describe(e) }));
    }
  };

  const stopDemo = () => {
    demo?.stop();
    demo = null;
  };

  const params = new URLSearchParams(location.search);
  const code = mod.roomCode(params.get("room") ?? "");
  const name = (params.get("name") ?? "").trim();
  const parent = mod.roomCode(params.get("parent") ?? "");
  if (code && name && parent !== code) {
    joinDev({ room: code, name, host: params.get("host") === "1", ...(parent ? { parent } : {}) });
  } else showStart(null);

  return {
    leave: () => {
      stopDemo();
      ctx.current()?.close();
      ctx.forget();
      history.replaceState(null, "", location.pathname);
      showStart(null);
    },
    banner: () => (demo ? h(DemoBanner, { demo }) : null),
    failed: (message) => showStart(message),
    stop: stopDemo,
  };
}
