// One participant's live link to a room: hello/resync, event replay through the reducer, acks, resend, clock offset, reconnect.
import type { Command } from "../commands.ts";
import { ErrorCode } from "../errors.ts";
import { parseServerMessage, type ServerMessage } from "../messages.ts";
import { PROTOCOL_VERSION, type RoomState } from "../model.ts";
import { reduce } from "../reducer.ts";
import type { RoomEvent } from "../stateSchema.ts";
import { backoffMs } from "./backoff.ts";
import { runtime } from "./runtime.ts";

/** The subset of the WebSocket API the connection uses (browser, Node 22+ and workerd all provide it). */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string | ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface SessionLike {
  token: string;
  roomId: string;
  participantId: string;
}

export interface PendingCommand {
  id: string;
  command: Command;
}

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface ConnectionOptions {
  /** Base http(s) URL of the server, e.g. http://localhost:8787 or the page's origin. */
  baseUrl: string;
  /** A fresh session; called before every (re)connect so an expired token is never reused. */
  getSession: () => Promise<SessionLike>;
  createSocket?: (url: string) => SocketLike;
  /** Keeps unacknowledged commands across page reloads (e.g. localStorage). */
  pendingStore?: { load(): PendingCommand[]; save(pending: PendingCommand[]): void };
  newId?: () => string;
  now?: () => number;
  /** Heartbeat period; a missing pong within the same period drops and reopens the socket. */
  heartbeatMs?: number;
  onBinary?: (data: Uint8Array) => void;
}

type Listener = () => void;

/** Error codes that mean the room can never accept that frame as sent, so resending it is pointless. */
const UNREADABLE: ReadonlySet<string> = new Set([ErrorCode.badFrame, ErrorCode.tooLarge, ErrorCode.unknownType]);
type MessageListener = (msg: ServerMessage) => void;

export class RoomConnection {
  state: RoomState | null = null;
  status: ConnectionStatus = "connecting";
  online: string[] = [];
  participantId: string | null = null;
  /** serverTime ≈ localTime + clockOffsetMs. */
  clockOffsetMs = 0;
  /** The room lets this socket watch without taking part (the meeting's host in a breakout room). */
  observing = false;
  /** Asked to take part rather than observe; said in every hello from then on. */
  private takingPart = false;
  private pending: PendingCommand[];
  private socket: SocketLike | null = null;
  private attempt = 0;
  /** Bumped by every connect, so a connect still waiting for its session when a newer one starts opens nothing. */
  private connects = 0;
  private closedByUser = false;
  private retryTimer: unknown = null;
  private heartbeat: unknown = null;
  private lastPongAt = 0;
  private readonly listeners = new Set<Listener>();
  private readonly messageListeners = new Set<MessageListener>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly opts: ConnectionOptions;

  constructor(opts: ConnectionOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.newId = opts.newId ?? (() => runtime.crypto.randomUUID());
    this.pending = opts.pendingStore?.load() ?? [];
    void this.connect();
  }

  /** Queues a command (kept until acknowledged, resent after reconnects) and returns its client id. */
  send(command: Command): string {
    const id = this.newId();
    this.pending.push({ id, command });
    this.savePending();
    this.transmit({ type: "command", id, command });
    this.emit();
    return id;
  }

  /** Unacknowledged commands, oldest first. */
  get unacknowledged(): readonly PendingCommand[] {
    return this.pending;
  }

  sendBinary(data: Uint8Array): boolean {
    if (this.socket?.readyState !== 1 || this.status !== "open") return false;
    this.socket.send(data);
    return true;
  }

  serverNow(): number {
    return this.now() + this.clockOffsetMs;
  }

  /** A fresh session for this participant and room, e.g. to authenticate the group memory's REST calls. */
  freshSession(): Promise<SessionLike> {
    return this.opts.getSession();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMessage(listener: MessageListener): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** For an observer: join the room as one of its participants, now and after every reconnect. */
  takePart(): void {
    this.takingPart = true;
    this.transmit(this.hello(), true);
  }

  /** Drops the current socket (if any) and reconnects at once, e.g. when the browser comes back online. */
  reconnectNow(): void {
    if (this.closedByUser) return;
    this.attempt = 0;
    this.dropSocket();
    void this.connect();
  }

  /**
   * The browser says the network is gone: the socket is not trusted a moment longer (its heartbeat would take up to
   * two periods to notice), so commands queue as unsent at once; reconnecting goes on with backoff.
   */
  networkLost(): void {
    if (this.closedByUser) return;
    // A connect still waiting for its session, or a retry already planned, must open nothing besides the new retry.
    this.connects++;
    if (this.retryTimer) runtime.clearTimeout(this.retryTimer);
    this.dropSocket();
    this.scheduleReconnect();
  }

  close(): void {
    this.closedByUser = true;
    this.dropSocket();
    this.setStatus("closed");
  }

  private async connect(): Promise<void> {
    if (this.retryTimer) runtime.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const connect = ++this.connects;
    let session: SessionLike;
    try {
      session = await this.opts.getSession();
    } catch {
      if (connect === this.connects) this.scheduleReconnect();
      return;
    }
    if (this.closedByUser || connect !== this.connects) return;
    this.participantId = session.participantId;
    const url = socketUrl(this.opts.baseUrl, session);
    const socket = (this.opts.createSocket ?? defaultSocket)(url);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.transmit(this.hello(), true);
      this.ping();
      this.startHeartbeat();
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.dropSocket();
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // onclose follows and reconnects.
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") {
      if (data instanceof ArrayBuffer) this.opts.onBinary?.(new Uint8Array(data));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = parseServerMessage(json);
    if (!parsed.success) return;
    const msg = parsed.output;
    this.handle(msg);
    for (const l of this.messageListeners) l(msg);
    this.emit();
  }

  private handle(msg: ServerMessage): void {
    switch (msg.type) {
      case "welcome":
        this.observing = msg.you.observing === true;
        if (msg.snapshot) this.state = msg.snapshot;
        for (const e of msg.events) this.apply(e);
        this.attempt = 0;
        this.setStatus("open");
        // The room dedupes by id, so resending everything unacknowledged never doubles anything.
        for (const p of this.pending) this.transmit({ type: "command", id: p.id, command: p.command });
        return;
      case "event":
        this.apply(msg.event);
        return;
      case "ack":
      case "rejected":
        this.forget(msg.id);
        return;
      case "presence":
        this.online = msg.online;
        return;
      case "pong": {
        const t = this.now();
        this.lastPongAt = t;
        this.clockOffsetMs = msg.serverNow - (msg.t + t) / 2;
        return;
      }
      case "error":
        // A frame the room could not read will never be read: drop it. Throttled or early frames are kept and resent.
        if (msg.id !== undefined && UNREADABLE.has(msg.code)) this.forget(msg.id);
        // An observer asking to take part in a full room stays an observer, after reconnects too.
        if (msg.code === ErrorCode.roomFull) this.takingPart = false;
        return;
    }
  }

  private forget(id: string): void {
    this.pending = this.pending.filter((p) => p.id !== id);
    this.savePending();
  }

  private apply(event: RoomEvent): void {
    const state = this.state;
    if (!state || event.version <= state.version) return;
    const outcome =
      event.version === state.version + 1
        ? reduce(state, event.command, { actorId: event.actorId, now: event.at, newId: event.newId })
        : null;
    if (outcome?.ok) {
      this.state = outcome.state;
      return;
    }
    // A gap or a divergence: ask the room for what we miss.
    this.transmit(this.hello(), true);
  }

  private hello(): object {
    const lastVersion = this.state?.version ?? null;
    return { type: "hello", protocol: PROTOCOL_VERSION, lastVersion, ...(this.takingPart ? { observe: false } : {}) };
  }

  private transmit(msg: object, evenBeforeWelcome = false): void {
    const socket = this.socket;
    if (socket?.readyState !== 1) return;
    if (!evenBeforeWelcome && this.status !== "open") return;
    socket.send(JSON.stringify(msg));
  }

  private ping(): void {
    this.transmit({ type: "ping", t: this.now() }, true);
  }

  private startHeartbeat(): void {
    const period = this.opts.heartbeatMs ?? 15_000;
    this.lastPongAt = this.now();
    if (this.heartbeat) runtime.clearInterval(this.heartbeat);
    this.heartbeat = runtime.setInterval(() => {
      if (this.now() - this.lastPongAt > 2 * period) {
        // Laptop sleep or a dead network path: the socket looks open but nothing comes back.
        this.reconnectNow();
        return;
      }
      this.ping();
    }, period);
  }

  private scheduleReconnect(): void {
    if (this.closedByUser) return;
    this.setStatus("reconnecting");
    const delay = backoffMs(this.attempt++);
    this.retryTimer = runtime.setTimeout(() => void this.connect(), delay);
  }

  private dropSocket(): void {
    if (this.heartbeat) runtime.clearInterval(this.heartbeat);
    this.heartbeat = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close(1000);
      } catch {
        // Already closed.
      }
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private savePending(): void {
    this.opts.pendingStore?.save(this.pending);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function defaultSocket(url: string): SocketLike {
  const ctor: unknown = runtime.WebSocket;
  // The global WebSocket satisfies SocketLike in every runtime the panel and the scripts run in.
  return new (ctor as new (u: string) => SocketLike)(url);
}

/** ws(s)://host/api/rooms/:roomId/ws?token=… from the page's http(s) base URL. */
export function socketUrl(baseUrl: string, session: SessionLike): string {
  const base = baseUrl.replace(/\/+$/, "").replace(/^http/, "ws");
  return `${base}/api/rooms/${encodeURIComponent(session.roomId)}/ws?token=${encodeURIComponent(session.token)}`;
}
