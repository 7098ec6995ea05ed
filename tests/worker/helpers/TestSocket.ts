// One participant's socket in a test: records every server message, waits for matching ones, and replays events.
import { SELF } from "cloudflare:test";
import {
  type Command,
  PROTOCOL_VERSION,
  parseServerMessage,
  type RoomState,
  reduce,
  type ServerMessage,
} from "../../../protocol/index.ts";
import { BASE_URL, type TestSession } from "./session.ts";

type Of<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
type Answer = Of<"ack"> | Of<"rejected">;

interface Waiter {
  resolve: (m: ServerMessage) => void;
}

export interface WaitOptions {
  /** Only messages at or after this index (see mark()). */
  since?: number;
  timeoutMs?: number;
}

function isOf<T extends ServerMessage["type"]>(m: ServerMessage, type: T): m is Of<T> {
  return m.type === type;
}

export class TestSocket {
  /** Every valid server message, in arrival order. */
  readonly messages: ServerMessage[] = [];
  /** Text frames that did not parse as a ServerMessage (should stay empty). */
  readonly invalid: unknown[] = [];
  /** The room state rebuilt from the welcome and the events, exactly as the panel does. */
  state: RoomState | null = null;
  /** Set when an event could not be replayed (gap or divergence). */
  replayError: string | null = null;
  closed: { code: number; reason: string } | null = null;
  private readonly waiters = new Set<Waiter>();
  private readonly closeWaiters = new Set<() => void>();

  private constructor(
    readonly ws: WebSocket,
    readonly session: TestSession,
  ) {
    ws.addEventListener("message", (ev) => this.receive(ev.data));
    ws.addEventListener("close", (ev) => {
      this.closed = { code: ev.code, reason: ev.reason };
      for (const w of this.closeWaiters) w();
    });
  }

  static async open(session: TestSession): Promise<TestSocket> {
    const url = `${BASE_URL}/api/rooms/${encodeURIComponent(session.roomId)}/ws?token=${encodeURIComponent(session.token)}`;
    const res = await SELF.fetch(url, { headers: { Upgrade: "websocket" } });
    const ws = res.webSocket;
    if (res.status !== 101 || !ws) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
    ws.accept();
    return new TestSocket(ws, session);
  }

  /** Opens a socket and completes the hello; resolves with the welcome. */
  static async join(session: TestSession, lastVersion: number | null = null): Promise<TestSocket> {
    const socket = await TestSocket.open(session);
    await socket.hello(lastVersion);
    return socket;
  }

  /** A new socket for the same participant that keeps the old one's state and asks only for what it missed. */
  static async reconnect(previous: TestSocket): Promise<TestSocket> {
    await previous.close();
    const socket = await TestSocket.open(previous.session);
    socket.state = previous.state;
    await socket.hello(previous.state?.version ?? null);
    return socket;
  }

  get participantId(): string {
    return this.session.participantId;
  }

  /** Index of the next message to arrive, to wait only for what comes after an action. */
  mark(): number {
    return this.messages.length;
  }

  send(frame: object | string | ArrayBuffer): void {
    this.ws.send(typeof frame === "string" || frame instanceof ArrayBuffer ? frame : JSON.stringify(frame));
  }

  async hello(lastVersion: number | null = this.state?.version ?? null): Promise<Of<"welcome">> {
    const since = this.mark();
    this.send({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion });
    return this.waitFor("welcome", () => true, { since });
  }

  /** Sends a command and resolves with its ack or rejection. */
  async command(command: Command, id: string = crypto.randomUUID()): Promise<Answer> {
    const since = this.mark();
    this.send({ type: "command", id, command });
    return this.answer(id, since);
  }

  /** Sends a command that must be accepted; resolves with the version it produced. */
  async must(command: Command): Promise<number> {
    const answer = await this.command(command);
    if (answer.type !== "ack") throw new Error(`${command.type} rejected: ${answer.code} ${answer.message}`);
    return answer.version;
  }

  async answer(id: string, since = 0): Promise<Answer> {
    return this.waitUntil((m): m is Answer => (m.type === "ack" || m.type === "rejected") && m.id === id, { since });
  }

  /** The first message of this type (at or after `since`) that matches. */
  waitFor<T extends ServerMessage["type"]>(
    type: T,
    match: (m: Of<T>) => boolean = () => true,
    opts: WaitOptions = {},
  ): Promise<Of<T>> {
    return this.waitUntil((m): m is Of<T> => isOf(m, type) && match(m), opts);
  }

  /** The first message (at or after `since`) the guard accepts. */
  waitUntil<M extends ServerMessage>(
    accepts: (m: ServerMessage) => m is M,
    { since = 0, timeoutMs = 3000 }: WaitOptions = {},
  ): Promise<M> {
    return new Promise((resolve, reject) => {
      const found = this.messages.slice(since).find(accepts);
      if (found) return resolve(found);
      const waiter: Waiter = {
        resolve: (m) => {
          if (!accepts(m)) return;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.session.name}: nothing matching within ${timeoutMs} ms; got ${this.describe(since)}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves once this socket's replayed state reaches the version. */
  async reach(version: number, timeoutMs = 3000): Promise<RoomState> {
    const deadline = performance.now() + timeoutMs;
    while ((this.state?.version ?? -1) < version) {
      if (performance.now() > deadline)
        throw new Error(`${this.session.name} stuck at v${this.state?.version}, wanted v${version}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    if (!this.state) throw new Error("no state");
    return this.state;
  }

  /** The events received over this socket (live and in welcomes), in order. */
  events() {
    return this.messages.flatMap((m) => (m.type === "event" ? [m.event] : m.type === "welcome" ? m.events : []));
  }

  errors(since = 0): Of<"error">[] {
    return this.messages.slice(since).filter((m): m is Of<"error"> => m.type === "error");
  }

  async close(code = 1000): Promise<void> {
    if (this.closed) return;
    const done = new Promise<void>((r) => this.closeWaiters.add(r));
    this.ws.close(code, "test done");
    await Promise.race([done, new Promise((r) => setTimeout(r, 500))]);
  }

  async closedByServer(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const deadline = performance.now() + timeoutMs;
    while (!this.closed) {
      if (performance.now() > deadline) throw new Error(`${this.session.name}: socket still open`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.closed;
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    const parsed = parseServerMessage(JSON.parse(data));
    if (!parsed.success) {
      this.invalid.push(data);
      return;
    }
    const msg = parsed.output;
    this.replay(msg);
    this.messages.push(msg);
    for (const w of [...this.waiters]) w.resolve(msg);
  }

  private replay(msg: ServerMessage): void {
    if (msg.type === "welcome") {
      if (msg.snapshot) this.state = msg.snapshot;
      for (const e of msg.events) this.apply(e);
    } else if (msg.type === "event") {
      this.apply(msg.event);
    }
  }

  private apply(event: Extract<ServerMessage, { type: "event" }>["event"]): void {
    const state = this.state;
    if (!state) {
      this.replayError = `event v${event.version} before any state`;
      return;
    }
    if (event.version <= state.version) return;
    if (event.version !== state.version + 1) {
      this.replayError = `gap: at v${state.version}, got v${event.version}`;
      return;
    }
    const outcome = reduce(state, event.command, { actorId: event.actorId, now: event.at, newId: event.newId });
    if (!outcome.ok) {
      this.replayError = `event v${event.version} (${event.command.type}) rejected on replay: ${outcome.rejection.message}`;
      return;
    }
    this.state = outcome.state;
  }

  private describe(since: number): string {
    return JSON.stringify(this.messages.slice(since).map((m) => (m.type === "error" ? `error:${m.code}` : m.type)));
  }
}
