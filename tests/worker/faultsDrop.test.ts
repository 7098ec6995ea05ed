// A connection dropping mid-send, through the real RoomConnection against the real room: resent, applied once.
import { evictDurableObject, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { type PendingCommand, RoomConnection, type SocketLike } from "../../protocol/client/RoomConnection.ts";
import type { Command, RoomState } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { BASE_URL, roomStub, type TestSession } from "./helpers/session.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

/**
 * The network between one RoomConnection and the room, with faults a test can switch on: frames lost on the way
 * out, frames lost on the way back, and the line cut.
 */
class Network {
  readonly sockets: NetSocket[] = [];
  /** Frames the client sends are lost before they reach the room. */
  loseOutgoing = false;
  /** Frames from the room are lost before they reach the client. */
  loseIncoming = false;

  connect = (url: string): SocketLike => {
    const socket = new NetSocket(url.replace(/^ws/, "http"), this);
    this.sockets.push(socket);
    return socket;
  };

  /** Cuts the current line as a dead network would: the client sees an abnormal close. */
  cut(): void {
    for (const s of this.sockets) s.cut();
  }
}

class NetSocket implements SocketLike {
  readyState = 0;
  binaryType = "arraybuffer";
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  private ws: WebSocket | null = null;

  constructor(
    url: string,
    private readonly net: Network,
  ) {
    void this.open(url);
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (this.readyState !== 1 || !this.ws) throw new Error("not open");
    if (this.net.loseOutgoing) return;
    if (typeof data === "string") this.ws.send(data);
  }

  close(code = 1000): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.ws?.close(code, "client closed");
  }

  cut(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.ws?.close(1000, "line cut");
    this.onclose?.({ code: 1006 });
  }

  private async open(url: string): Promise<void> {
    const res = await SELF.fetch(url, { headers: { Upgrade: "websocket" } });
    const ws = res.webSocket;
    if (!ws) {
      this.readyState = 3;
      this.onclose?.({ code: 1006 });
      return;
    }
    ws.accept();
    this.ws = ws;
    this.readyState = 1;
    ws.addEventListener("message", (ev) => {
      if (this.readyState === 1 && !this.net.loseIncoming) this.onmessage?.({ data: ev.data });
    });
    ws.addEventListener("close", (ev) => {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.({ code: ev.code });
    });
    this.onopen?.({});
  }
}

/** A page's pending store (localStorage in the panel), kept in memory across "reloads". */
function memoryStore() {
  let saved: PendingCommand[] = [];
  return {
    load: () => [...saved],
    save: (pending: PendingCommand[]) => {
      saved = [...pending];
    },
    get saved() {
      return saved;
    },
  };
}

const connections: RoomConnection[] = [];
const open: TestSocket[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  await closeAll(open.splice(0));
});

function connect(session: TestSession, net: Network, store = memoryStore()): RoomConnection {
  const connection = new RoomConnection({
    baseUrl: BASE_URL,
    getSession: async () => session,
    createSocket: net.connect,
    pendingStore: store,
    heartbeatMs: 60_000,
  });
  connections.push(connection);
  return connection;
}

async function openRoom() {
  const cast = await openCast(1);
  open.push(...cast.all);
  await runConsultation(cast, "consultation");
  const [consultant] = cast.consultants;
  if (!consultant) throw new Error("no consultant");
  // The consultant's second tab is the real client under test; the first tab stays as a witness.
  const net = new Network();
  const connection = connect(consultant.session, net);
  await eventually(() => expect(connection.status).toBe("open"));
  return { cast, consultant, net, connection };
}

function ideaEvents(witness: TestSocket, text: string) {
  return witness.events().filter((e) => e.command.type === "addIdea" && e.command.text === text);
}

function stateOf(connection: RoomConnection): RoomState {
  if (!connection.state) throw new Error("no state");
  return connection.state;
}

const idea = (text: string): Command => ({ type: "addIdea", text });

describe("a connection dropping mid-send", () => {
  it("resends a command the room never received once it reconnects, and the room applies it once", async () => {
    const { cast, net, connection } = await openRoom();
    net.loseOutgoing = true;
    connection.send(idea("Lost on the way out"));
    expect(connection.unacknowledged).toHaveLength(1);
    net.cut();
    net.loseOutgoing = false;

    await eventually(() => expect(connection.unacknowledged).toEqual([]), { timeoutMs: 5000 });
    await eventually(() => expect(ideaEvents(cast.animator, "Lost on the way out")).toHaveLength(1));
    await eventually(() => expect(connection.state).toEqual(cast.animator.state));
    expect(stateOf(connection).consultation.ideas.filter((i) => i.text === "Lost on the way out")).toHaveLength(1);
  });

  it("resends a command whose acknowledgement was lost, and the room answers it again without applying it twice", async () => {
    const { cast, net, connection } = await openRoom();
    net.loseIncoming = true;
    const id = connection.send(idea("Applied, ack lost"));
    await eventually(() => expect(ideaEvents(cast.animator, "Applied, ack lost")).toHaveLength(1));
    expect(connection.unacknowledged.map((p) => p.id)).toEqual([id]);
    net.cut();
    net.loseIncoming = false;

    await eventually(() => expect(connection.unacknowledged).toEqual([]), { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(ideaEvents(cast.animator, "Applied, ack lost")).toHaveLength(1);
    await eventually(() => expect(connection.state).toEqual(cast.animator.state));
  });

  it("keeps unacknowledged commands across a reload and sends them once from the new page", async () => {
    const { cast, consultant } = await openRoom();
    const net = new Network();
    const store = memoryStore();
    const page = connect(consultant.session, net, store);
    await eventually(() => expect(page.status).toBe("open"));
    net.loseIncoming = true;
    page.send(idea("Sent before the reload"));
    net.loseOutgoing = true;
    page.send(idea("Never left the old page"));
    await eventually(() => expect(ideaEvents(cast.animator, "Sent before the reload")).toHaveLength(1));
    page.close();
    expect(store.saved.map((p) => p.command)).toEqual([
      idea("Sent before the reload"),
      idea("Never left the old page"),
    ]);

    const reloaded = connect(consultant.session, new Network(), store);
    await eventually(() => expect(reloaded.unacknowledged).toEqual([]), { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(ideaEvents(cast.animator, "Sent before the reload")).toHaveLength(1);
    expect(ideaEvents(cast.animator, "Never left the old page")).toHaveLength(1);
    expect(store.saved).toEqual([]);
  });

  it("resends everything unacknowledged after the room is evicted with its sockets, each applied once and in order", async () => {
    const { cast, connection } = await openRoom();
    const texts = Array.from({ length: 6 }, (_, i) => `Across the eviction ${i}`);
    for (const text of texts) connection.send(idea(text));
    await evictDurableObject(roomStub(cast.roomId), { webSockets: "close" });

    await eventually(() => expect(connection.unacknowledged).toEqual([]), { timeoutMs: 5000 });
    await eventually(() => expect(connection.status).toBe("open"));
    const ideas = stateOf(connection).consultation.ideas.map((i) => i.text);
    expect(ideas.filter((t) => t.startsWith("Across the eviction"))).toEqual(texts);
  });
});
