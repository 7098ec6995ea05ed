// A socket on the bare rebroadcasting room: its frames carry their own id, which every receiver records.
import * as v from "valibot";
import { type LoadClient, type LoadKind, newAnomalies, type SentCommand } from "./loadClient.ts";
import { openSocket } from "./socket.ts";

const EchoFrameSchema = v.object({ type: v.literal("command"), id: v.string() });

export class EchoClient implements LoadClient {
  readonly received = new Map<string, number>();
  readonly sent = new Map<string, SentCommand>();
  readonly anomalies = newAnomalies();
  /** Last sequence number seen per sender, to spot reordering. */
  private readonly lastSeq = new Map<string, number>();
  private ws: WebSocket | null = null;
  closedByServer = false;
  private seq = 0;
  readonly id: string;
  private readonly url: string;

  constructor(id: string, url: string) {
    this.id = id;
    this.url = url;
  }

  async connect(): Promise<void> {
    this.closedByServer = false;
    this.ws = await openSocket(
      this.url,
      (data, at) => this.onFrame(data, at),
      () => {
        this.closedByServer = true;
      },
    );
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  sendLoad(kind: LoadKind): string {
    const commandId = `${this.id}:${this.seq++}`;
    // Same shape and size as the room's command frames, so both floors carry the same bytes in.
    const command =
      kind === "idea"
        ? { type: "addIdea", text: `idea ${commandId}` }
        : kind === "vote"
          ? { type: "vote", situationId: "00000000-0000-4000-8000-000000000000" }
          : { type: "advance" };
    const at = performance.now();
    this.ws?.send(JSON.stringify({ type: "command", id: commandId, command }));
    this.sent.set(commandId, { sentAt: at, key: commandId, ackAt: null });
    return commandId;
  }

  /** A probe frame; resolves when this socket sees it come back. */
  probe(id: string): void {
    this.ws?.send(JSON.stringify({ type: "command", id, command: { type: "advance" } }));
  }

  resetWindow(): void {
    this.received.clear();
    this.sent.clear();
  }

  close(): void {
    this.ws?.close(1000);
    this.ws = null;
  }

  private onFrame(data: string, at: number): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      this.anomalies.errors++;
      return;
    }
    const frame = v.safeParse(EchoFrameSchema, json);
    if (!frame.success) return;
    const id = frame.output.id;
    if (this.received.has(id)) this.anomalies.duplicated++;
    else this.received.set(id, at);
    const own = this.sent.get(id);
    if (own && own.ackAt === null) own.ackAt = at;
    const dash = id.lastIndexOf(":");
    const sender = id.slice(0, dash);
    const seq = Number(id.slice(dash + 1));
    const last = this.lastSeq.get(sender) ?? -1;
    if (seq <= last) this.anomalies.reordered++;
    else this.lastSeq.set(sender, seq);
  }
}
