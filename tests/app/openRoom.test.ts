// Opening the live room: the first session, unsent commands kept in storage, and reconnecting when the network returns.
import { waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openRoom } from "../../app/model/openRoom.ts";
import type { Platform } from "../../app/platform/Platform.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import "./support/setup.ts";

afterEach(() => vi.unstubAllGlobals());

function platformFor(room: FakeRoom): Platform {
  const session = { token: "t", roomId: room.roomId, participantId: "zoe-0001", name: "Zoé", host: false };
  // The connection builds its socket with `new WebSocket(url)`; a constructor returning an object yields that object.
  vi.stubGlobal("WebSocket", function FakeWebSocket() {
    return room.connect({ participantId: session.participantId, name: session.name, host: false });
  });
  return {
    kind: "dev",
    getSession: async () => session,
    inviteAll: async () => false,
    onContextChange: () => () => {},
  };
}

describe("openRoom", () => {
  it("joins with the platform's session and keeps unsent commands in storage until the room has them", async () => {
    const room = new FakeRoom();
    const store = await openRoom(platformFor(room), "http://fake", "abc");
    await waitFor(() => expect(store.me?.name).toBe("Zoé"));
    room.online = false;
    room.dropAll();
    await waitFor(() => expect(store.status).toBe("reconnecting"));
    store.send({ type: "advance" });
    const key = `codev:pending:${room.roomId}:zoe-0001`;
    expect(localStorage.getItem(key)).toContain("advance");
    room.online = true;
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
    expect(room.state.consultation.phase).toBe("followUp");
    store.close();
  });

  it("reconnects at once when the browser says the network is back", async () => {
    const room = new FakeRoom();
    const store = await openRoom(platformFor(room), "http://fake", null);
    await waitFor(() => expect(store.status).toBe("open"));
    const reconnect = vi.spyOn(store.connection, "reconnectNow");
    window.dispatchEvent(new Event("online"));
    expect(reconnect).toHaveBeenCalledTimes(1);
    store.close();
    window.dispatchEvent(new Event("online"));
    expect(reconnect).toHaveBeenCalledTimes(1);
  });

  it("stops trusting the socket the moment the browser says the network is gone", async () => {
    const room = new FakeRoom();
    const store = await openRoom(platformFor(room), "http://fake", null);
    await waitFor(() => expect(store.status).toBe("open"));
    // The socket still looks open, as a real one does for a while after the network drops.
    room.online = false;
    window.dispatchEvent(new Event("offline"));
    expect(store.status).toBe("reconnecting");
    store.send({ type: "advance" });
    expect(store.unsent).toBe(1);
    room.online = true;
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(store.unsent).toBe(0));
    expect(room.state.consultation.phase).toBe("followUp");
    store.close();
  });
});
