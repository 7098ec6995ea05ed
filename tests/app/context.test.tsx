// Inside Zoom: the panel opens the meeting's room at once and follows context changes (a role change, a breakout room).
import { render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../app/App.tsx";
import type { Platform, RoomSession } from "../../app/platform/Platform.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import "./support/setup.ts";

const zoom = vi.hoisted(() => ({ platform: null as Platform | null }));
vi.mock("../../app/platform/zoom.ts", () => ({
  detectZoom: async () => zoom.platform,
  ZoomSessionError: class extends Error {},
}));

afterEach(() => {
  zoom.platform = null;
  vi.unstubAllGlobals();
});

function meeting() {
  const rooms = new Map([
    ["main", new FakeRoom("main")],
    ["breakout", new FakeRoom("breakout")],
  ]);
  let roomId = "main";
  let listener: () => void = () => {};
  const session = (): RoomSession => ({ token: "t", roomId, participantId: "zoe-0001", name: "Zoé", host: true });
  vi.stubGlobal("WebSocket", function FakeWebSocket(url: string) {
    const room = rooms.get(url.includes("/rooms/breakout/") ? "breakout" : "main");
    if (!room) throw new Error(`no room for ${url}`);
    return room.connect({ participantId: "zoe-0001", name: "Zoé", host: true });
  });
  zoom.platform = {
    kind: "zoom",
    getSession: async () => session(),
    inviteAll: async () => true,
    onContextChange: (l) => {
      listener = l;
      return () => {};
    },
  };
  return {
    rooms,
    moveTo(id: string) {
      roomId = id;
      listener();
    },
  };
}

describe("inside Zoom", () => {
  it("opens the meeting's room without a start page, and has nothing to leave", async () => {
    meeting();
    render(<App baseUrl="http://zoom-app" />);
    await screen.findByRole("heading", { name: "Accueil" });
    expect(screen.queryByRole("button", { name: "Quitter" })).toBeNull();
    expect(screen.queryByText(/^Salle /)).toBeNull();
  });

  it("moves to the breakout room's own consultation when the meeting context says so", async () => {
    const m = meeting();
    render(<App baseUrl="http://zoom-app" />);
    await screen.findByRole("heading", { name: "Accueil" });
    const main = m.rooms.get("main");
    await waitFor(() => expect(main?.state.participants).toHaveLength(1));
    m.moveTo("breakout");
    await waitFor(() => expect(m.rooms.get("breakout")?.state.participants).toHaveLength(1));
    await screen.findByRole("heading", { name: "Accueil" });
  });
});
