// An in-memory room speaking the real wire protocol through the real reducer, for panel tests without a server.

import type { SocketLike } from "../../../protocol/client/RoomConnection.ts";
import type { SystemCommand } from "../../../protocol/commands.ts";
import type { ErrorCode } from "../../../protocol/errors.ts";
import { parseClientMessage, type ServerMessage } from "../../../protocol/messages.ts";
import { initialState, PROTOCOL_VERSION, type RoomState } from "../../../protocol/model.ts";
import { reduce } from "../../../protocol/reducer.ts";
import type { RoomEvent } from "../../../protocol/stateSchema.ts";

export interface Identity {
  participantId: string;
  name: string;
  host: boolean;
}

/** One fake socket; the room answers asynchronously, as a network would. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = "arraybuffer";
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;

  constructor(
    private readonly room: FakeRoom,
    readonly identity: Identity,
  ) {}

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (typeof data === "string") setTimeout(() => this.room.receive(this, data), 0);
  }

  close(code = 1000): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.room.forget(this);
    setTimeout(() => this.onclose?.({ code }), 0);
  }

  deliver(msg: ServerMessage): void {
    if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

export class FakeRoom {
  state: RoomState;
  readonly events: RoomEvent[] = [];
  online = true;
  /** The next command (any sender) is refused with this code, to test how refusals show. */
  refuseNext: ErrorCode | null = null;
  /** The message sent with the next refusal made by refuseNext (the room's words, in English). */
  refuseNextMessage = "refused for the test";
  refuseNextReason: string | undefined = undefined;
  private readonly sockets = new Set<FakeSocket>();
  private readonly joined = new Set<FakeSocket>();
  private readonly acked = new Map<string, number>();
  private ids = 0;

  constructor(
    readonly roomId = "dev-test",
    readonly now: () => number = Date.now,
  ) {
    this.state = initialState(roomId, "c1", now());
  }

  /** A socket for this identity; refuses (closes at once) while the room is offline. */
  connect(identity: Identity): FakeSocket {
    const socket = new FakeSocket(this, identity);
    setTimeout(() => {
      if (!this.online) {
        socket.readyState = 3;
        socket.onclose?.({ code: 1006 });
        return;
      }
      socket.readyState = 1;
      this.sockets.add(socket);
      socket.onopen?.({});
    }, 0);
    return socket;
  }

  /** Drops every socket, as a network cut would; with online = false, reconnects fail until it is true again. */
  dropAll(): void {
    for (const s of [...this.sockets]) s.close(1006);
  }

  forget(socket: FakeSocket): void {
    this.sockets.delete(socket);
    this.joined.delete(socket);
    this.broadcast({ type: "presence", online: this.onlineIds() });
  }

  /** Sends every socket an error frame that answers no command (e.g. an outdated client). */
  errorToAll(code: ErrorCode): void {
    this.broadcast({ type: "error", code, message: "for the test" });
  }

  /** Applies a command only the room issues (time up, previous plans, leaving). */
  system(command: SystemCommand): void {
    this.apply(command, "system");
  }

  receive(socket: FakeSocket, data: string): void {
    if (!this.sockets.has(socket)) return;
    const parsed = parseClientMessage(JSON.parse(data));
    if (!parsed.success) {
      socket.deliver({ type: "error", code: "bad_frame", message: "bad frame" });
      return;
    }
    const msg = parsed.output;
    if (msg.type === "ping") socket.deliver({ type: "pong", t: msg.t, serverNow: this.now() });
    else if (msg.type === "hello") this.hello(socket, msg.lastVersion);
    else socket.deliver(this.command(socket.identity.participantId, msg.id, msg.command));
  }

  private command(actorId: string, id: string, command: Parameters<typeof reduce>[1]): ServerMessage {
    const done = this.acked.get(id);
    if (done !== undefined) return { type: "ack", id, version: done };
    if (this.refuseNext) {
      const code = this.refuseNext;
      this.refuseNext = null;
      const reason = this.refuseNextReason;
      this.refuseNextReason = undefined;
      return { type: "rejected", id, code, message: this.refuseNextMessage, ...(reason ? { reason } : {}) };
    }
    const outcome = this.apply(command, actorId);
    if (!outcome.ok) {
      const { code, message, reason } = outcome;
      return { type: "rejected", id, code, message, ...(reason ? { reason } : {}) };
    }
    this.acked.set(id, this.state.version);
    return { type: "ack", id, version: this.state.version };
  }

  private hello(socket: FakeSocket, lastVersion: number | null): void {
    const events = lastVersion === null ? null : this.events.filter((e) => e.version > lastVersion);
    const me = socket.identity;
    socket.deliver({
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      you: { participantId: me.participantId, name: me.name },
      serverNow: this.now(),
      snapshot: events === null ? this.state : null,
      events: events ?? [],
    });
    this.joined.add(socket);
    const known = this.state.participants.find((p) => p.id === me.participantId);
    if (!known || known.name !== me.name) this.system({ type: "join", ...me });
    this.broadcast({ type: "presence", online: this.onlineIds() });
  }

  private apply(
    command: Parameters<typeof reduce>[1],
    actorId: string,
  ): { ok: true } | { ok: false; code: ErrorCode; message: string; reason?: string } {
    const at = this.now();
    const newId = `id${++this.ids}`;
    const outcome = reduce(this.state, command, { actorId, now: at, newId });
    if (!outcome.ok) return { ok: false, ...outcome.rejection };
    this.state = outcome.state;
    const event = { version: outcome.state.version, at, actorId, newId, command };
    this.events.push(event);
    this.broadcast({ type: "event", event });
    return { ok: true };
  }

  /** To every joined socket, e.g. a frame no command causes (the overview of breakout rooms). */
  broadcast(msg: ServerMessage): void {
    for (const s of this.joined) s.deliver(msg);
  }

  private onlineIds(): string[] {
    return [...new Set([...this.joined].map((s) => s.identity.participantId))];
  }
}
