// The panel's view of one room: the RoomConnection's state, status and presence, observable as one, plus command outcomes.

import type { BreakoutRoom } from "../../protocol/breakouts.ts";
import type { ConnectionStatus, RoomConnection } from "../../protocol/client/RoomConnection.ts";
import type { Command } from "../../protocol/commands.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { ServerMessage } from "../../protocol/messages.ts";
import type { Participant, RoomState } from "../../protocol/model.ts";
import { Observable } from "./observable.ts";

export type Outcome = { ok: true } | { ok: false; code: ErrorCode; message?: string; reason?: string };

export class RoomStore {
  /** Fires on every change of anything below; the room's views re-render from it. */
  readonly changes = new Observable(0);
  state: RoomState | null = null;
  status: ConnectionStatus = "connecting";
  online: readonly string[] = [];
  unsent = 0;
  myId: string | null = null;
  /** Counts the room's time-up announcements, so views can signal each one. */
  timeUps = 0;
  /** The room's last error that no control sent (e.g. an outdated app); cleared by the next acknowledgement. */
  roomError: ErrorCode | null = null;
  /** Watching the room without being one of its participants (the meeting's host in a breakout room). */
  observing = false;
  /** In a meeting's main room: its breakout rooms' consultations, as they last reported (empty elsewhere). */
  breakouts: readonly BreakoutRoom[] = [];
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly binaryListeners = new Set<(data: Uint8Array) => void>();

  constructor(
    readonly connection: RoomConnection,
    /** What to show as the room's name (the dev room code), or null inside a meeting. */
    readonly label: string | null,
    /** The room the session was issued for; a new session for another room (a breakout) needs a new store. */
    readonly roomId: string | null = null,
  ) {
    this.unsubscribe.push(connection.subscribe(() => this.sync()));
    this.unsubscribe.push(connection.onMessage((msg) => this.receive(msg)));
    this.sync();
  }

  /** Sends a command; onOutcome hears once whether the room applied or refused it. */
  send(command: Command, onOutcome?: (outcome: Outcome) => void): string {
    const id = this.connection.send(command);
    if (onOutcome) this.waiting.set(id, onOutcome);
    return id;
  }

  get me(): Participant | null {
    return this.state?.participants.find((p) => p.id === this.myId) ?? null;
  }

  serverNow(): number {
    return this.connection.serverNow();
  }

  /** Binary frames (the note pad's): its code loads on demand and listens here. */
  onBinary(listener: (data: Uint8Array) => void): () => void {
    this.binaryListeners.add(listener);
    return () => this.binaryListeners.delete(listener);
  }

  /** The connection's onBinary. */
  receiveBinary(data: Uint8Array): void {
    for (const l of this.binaryListeners) l(data);
  }

  /** Runs fn when the store closes (listeners the opener attached to the page). */
  onClose(fn: () => void): void {
    this.unsubscribe.push(fn);
  }

  close(): void {
    for (const u of this.unsubscribe) u();
    this.connection.close();
  }

  private sync(): void {
    const c = this.connection;
    this.state = c.state;
    this.status = c.status;
    this.online = c.online;
    this.unsent = c.unacknowledged.length;
    this.myId = c.participantId;
    this.observing = c.observing;
    this.changes.changed();
  }

  private receive(msg: ServerMessage): void {
    switch (msg.type) {
      case "ack":
        this.roomError = null;
        this.settle(msg.id, { ok: true });
        return;
      case "rejected":
        this.settle(msg.id, { ok: false, code: msg.code, message: msg.message, reason: msg.reason });
        return;
      case "error":
        if (msg.id !== undefined) this.settle(msg.id, { ok: false, code: msg.code });
        else this.roomError = msg.code;
        return;
      case "event":
        if (msg.event.command.type === "timeUp") this.timeUps++;
        return;
      case "breakouts":
        this.breakouts = msg.rooms;
        return;
      case "welcome":
        // The room sends its overview right after, if it still lists any breakout room.
        this.breakouts = [];
        return;
      default:
        return;
    }
  }

  private settle(id: string, outcome: Outcome): void {
    const listener = this.waiting.get(id);
    this.waiting.delete(id);
    listener?.(outcome);
  }
}
