// The room client's connecting: however often a reconnect is asked for, a participant holds one socket.
import { describe, expect, it } from "vitest";
import { RoomConnection, type SessionLike, type SocketLike } from "../../protocol/client/RoomConnection.ts";
import { initialState } from "../../protocol/model.ts";

function idleSocket(): SocketLike {
  return {
    readyState: 0,
    binaryType: "blob",
    send() {},
    close() {},
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  };
}

/** A connection whose session requests wait until the test answers them, recording each socket URL it opens. */
function awaitingSessions() {
  const sessions: Array<(s: SessionLike) => void> = [];
  const opened: string[] = [];
  const connection = new RoomConnection({
    baseUrl: "http://fake",
    getSession: () => new Promise<SessionLike>((resolve) => sessions.push(resolve)),
    createSocket: (url) => {
      opened.push(url);
      return idleSocket();
    },
  });
  return { connection, sessions, opened };
}

describe("a room connection", () => {
  it("opens one socket when a reconnect is asked for while the first session is still being fetched", async () => {
    const { connection, sessions, opened } = awaitingSessions();
    connection.reconnectNow();
    expect(sessions).toHaveLength(2);
    for (const [i, resolve] of sessions.entries()) resolve({ token: `t${i}`, roomId: "dev-r", participantId: "p" });
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(["ws://fake/api/rooms/dev-r/ws?token=t1"]);
    connection.close();
  });

  it("opens nothing for a connect still fetching its session when the network is lost", async () => {
    const { connection, sessions, opened } = awaitingSessions();
    connection.networkLost();
    expect(connection.status).toBe("reconnecting");
    sessions[0]?.({ token: "t0", roomId: "dev-r", participantId: "p" });
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual([]);
    connection.close();
  });

  it("forgets a command the room could not read, and keeps a throttled one to resend", async () => {
    const sockets: SocketLike[] = [];
    const connection = new RoomConnection({
      baseUrl: "http://fake",
      getSession: async () => ({ token: "t", roomId: "dev-r", participantId: "p" }),
      createSocket: () => {
        const socket = { ...idleSocket(), readyState: 1 };
        sockets.push(socket);
        return socket;
      },
    });
    await new Promise((r) => setTimeout(r, 0));
    const socket = sockets[0];
    if (!socket) throw new Error("no socket opened");
    const receive = (msg: object) => socket.onmessage?.({ data: JSON.stringify(msg) });
    socket.onopen?.({});
    const snapshot = initialState("dev-r", "c1", 0);
    receive({
      type: "welcome",
      protocol: 1,
      you: { participantId: "p", name: "P" },
      serverNow: 0,
      snapshot,
      events: [],
    });
    const unreadable = connection.send({ type: "addIdea", text: "a" });
    const throttled = connection.send({ type: "addIdea", text: "b" });
    receive({ type: "error", code: "bad_frame", message: "no", id: unreadable });
    receive({ type: "error", code: "rate_limited", message: "slow down", id: throttled });
    expect(connection.unacknowledged.map((p) => p.id)).toEqual([throttled]);
    connection.close();
  });
});
