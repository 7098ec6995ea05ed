// The room client's connecting: however often a reconnect is asked for, a participant holds one socket.
import { describe, expect, it } from "vitest";
import { RoomConnection, type SessionLike, type SocketLike } from "../../protocol/client/RoomConnection.ts";

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

describe("a room connection", () => {
  it("opens one socket when a reconnect is asked for while the first session is still being fetched", async () => {
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
    connection.reconnectNow();
    expect(sessions).toHaveLength(2);
    for (const [i, resolve] of sessions.entries()) resolve({ token: `t${i}`, roomId: "dev-r", participantId: "p" });
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(["ws://fake/api/rooms/dev-r/ws?token=t1"]);
    connection.close();
  });
});
