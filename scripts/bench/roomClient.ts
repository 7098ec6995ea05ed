// A raw socket on the real room: hello/welcome, version tracking (gaps, duplicates), acks, resend after reconnect.
import type { Command } from "../../protocol/commands.ts";
import { PROTOCOL_VERSION } from "../../protocol/model.ts";
import { type LoadClient, LoadKind, newAnomalies, type SentCommand } from "./loadClient.ts";
import { openSocket } from "./socket.ts";
import { type LightEvent, type LightServerMessage, parseLight } from "./wire.ts";

interface Waiter {
  resolve: (version: number) => void;
  reject: (err: Error) => void;
}

export class RoomClient implements LoadClient {
  readonly received = new Map<string, number>();
  readonly sent = new Map<string, SentCommand>();
  readonly anomalies = newAnomalies();
  readonly id: string;
  /** Last contiguous state version this socket holds; -1 before the first welcome. */
  version = -1;
  /** Reconnects answered with a full snapshot rather than the missed events. */
  snapshotResyncs = 0;
  lastProblem = "";
  /** Events kept while preparing a room (to read the ids the room gave to situations). */
  recording = false;
  readonly events: LightEvent[] = [];
  private readonly url: string;
  private ws: WebSocket | null = null;
  private welcomed: (() => void) | null = null;
  private readonly waiters = new Map<string, Waiter>();
  /** Commands not yet acknowledged, resent after a reconnect as a real client does; the room dedupes by id. */
  private readonly unacked = new Map<string, string>();
  private seq = 0;
  private stepForward = true;
  /** Situations this participant votes for in turn (vote load). */
  voteTargets: string[] = [];

  constructor(id: string, url: string) {
    this.id = id;
    this.url = url;
  }

  /** Opens the socket and resolves on welcome; after the first time, says the version it already holds. */
  async connect(): Promise<void> {
    const welcomed = new Promise<void>((resolve) => {
      this.welcomed = resolve;
    });
    let opened: WebSocket | null = null;
    const ws = await openSocket(
      this.url,
      (data, at) => this.onFrame(data, at),
      () => {
        // May fire before the socket ever opened, when `opened` is still null.
        if (opened !== null && this.ws === opened) this.ws = null;
      },
    );
    opened = ws;
    this.ws = ws;
    const lastVersion = this.version < 0 ? null : this.version;
    ws.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, lastVersion }));
    await welcomed;
    for (const frame of this.unacked.values()) ws.send(frame);
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  get pendingCount(): number {
    return this.unacked.size;
  }

  /** Sends a command and resolves with the version it produced; rejects if the room refuses it. */
  command(command: Command): Promise<number> {
    const id = `${this.id}:${this.seq++}`;
    const done = new Promise<number>((resolve, reject) => this.waiters.set(id, { resolve, reject }));
    this.transmit(id, command);
    return done;
  }

  sendLoad(kind: LoadKind): string {
    const id = `${this.id}:${this.seq++}`;
    let command: Command;
    if (kind === LoadKind.idea) command = { type: "addIdea", text: `idea ${id}` };
    else if (kind === LoadKind.vote) {
      command = { type: "vote", situationId: this.voteTargets[this.seq % Math.max(1, this.voteTargets.length)] ?? "" };
    } else {
      // Back and forth between two steps: every command is a real step change, with no end to run into.
      command = this.stepForward ? { type: "advance" } : { type: "goBack" };
      this.stepForward = !this.stepForward;
    }
    this.sent.set(id, { sentAt: performance.now(), key: null, ackAt: null });
    this.transmit(id, command);
    return id;
  }

  resetWindow(): void {
    this.received.clear();
    this.sent.clear();
  }

  /** Drops the socket without telling anyone, as a network failure would. */
  drop(): void {
    this.ws?.close(4000, "bench drop");
    this.ws = null;
  }

  close(): void {
    this.ws?.close(1000);
    this.ws = null;
  }

  private transmit(id: string, command: Command): void {
    const frame = JSON.stringify({ type: "command", id, command });
    this.unacked.set(id, frame);
    const sent = this.sent.get(id);
    if (sent) sent.sentAt = performance.now();
    this.ws?.send(frame);
  }

  private onFrame(data: string, at: number): void {
    const msg = parseLight(data);
    if (!msg) {
      this.anomalies.errors++;
      return;
    }
    this.handle(msg, at);
  }

  private handle(msg: LightServerMessage, at: number): void {
    switch (msg.type) {
      case "welcome":
        if (msg.snapshot) {
          if (this.version >= 0) this.snapshotResyncs++;
          this.version = msg.snapshot.version;
        }
        for (const e of msg.events) this.apply(e, at);
        this.welcomed?.();
        this.welcomed = null;
        return;
      case "event":
        this.apply(msg.event, at);
        return;
      case "ack": {
        this.unacked.delete(msg.id);
        const sent = this.sent.get(msg.id);
        if (sent && sent.ackAt === null) {
          sent.ackAt = at;
          sent.key = String(msg.version);
        }
        this.waiters.get(msg.id)?.resolve(msg.version);
        this.waiters.delete(msg.id);
        return;
      }
      case "rejected":
        this.unacked.delete(msg.id);
        this.anomalies.rejected++;
        this.lastProblem = `rejected ${msg.code}: ${msg.message}`;
        this.waiters.get(msg.id)?.reject(new Error(this.lastProblem));
        this.waiters.delete(msg.id);
        return;
      case "error":
        this.anomalies.errors++;
        this.lastProblem = `error ${msg.code}: ${msg.message}`;
        return;
      case "presence":
      case "pong":
        return;
    }
  }

  private apply(e: LightEvent, at: number): void {
    if (this.recording) this.events.push(e);
    if (e.version <= this.version) {
      this.anomalies.duplicated++;
      return;
    }
    if (e.version > this.version + 1) this.anomalies.gaps += e.version - this.version - 1;
    this.version = e.version;
    this.received.set(String(e.version), at);
  }
}
