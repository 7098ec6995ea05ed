// A note pad client over a TestSocket: a Y.Doc kept in sync with the room through binary frames, as the panel keeps it.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  decodeNotepadFrame,
  decodePresence,
  encodeNotepadFrame,
  encodePresence,
  NOTEPAD_TEXT,
  NotepadMessage,
  type PresenceEntry,
  SyncStep,
} from "../../../protocol/notepad.ts";
import type { TestSocket } from "./TestSocket.ts";

const REMOTE = "room";
const LOCAL = "local";

export interface NotepadClientOptions {
  /** Whether it answers the room's step 1 with what the room lacks (the panel does so only when it may write). */
  writer?: boolean;
}

export class NotepadClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText(NOTEPAD_TEXT);
  /** Everyone else's presence, by Yjs client id, as the room relayed it. */
  readonly presence = new Map<number, PresenceEntry>();
  /** Binary frames received, in order, for tests that check what reached whom. */
  readonly frames: Uint8Array[] = [];
  synced = false;
  private pending: Uint8Array[] = [];
  private presenceClock = 0;
  private readonly writer: boolean;

  private constructor(
    public socket: TestSocket,
    readonly consultationId: string,
    opts: NotepadClientOptions,
  ) {
    this.writer = opts.writer ?? true;
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.pending.push(update);
    });
    this.listen(socket);
  }

  /** Joins the note pad on a socket that has said hello, and waits for the room's step 2. */
  static async start(socket: TestSocket, consultationId: string, opts: NotepadClientOptions = {}) {
    const client = new NotepadClient(socket, consultationId, opts);
    await client.resync();
    return client;
  }

  /** Moves to a new socket (after a reconnect) and syncs both ways again. */
  async reattach(socket: TestSocket): Promise<void> {
    this.socket = socket;
    this.listen(socket);
    await this.resync();
  }

  async resync(): Promise<void> {
    this.synced = false;
    // What was queued while offline is in the document, and the room asks for it after our step 1.
    this.pending = [];
    this.send(NotepadMessage.sync, (e) => syncProtocol.writeSyncStep1(e, this.doc));
    const deadline = performance.now() + 3000;
    while (!this.synced) {
      if (performance.now() > deadline) throw new Error(`${this.socket.session.name}: no sync step 2`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  insert(index: number, text: string): void {
    this.doc.transact(() => this.text.insert(index, text), LOCAL);
  }

  delete(index: number, length: number): void {
    this.doc.transact(() => this.text.delete(index, length), LOCAL);
  }

  /** Sends local edits made since the last flush as one update frame; true when there was something to send. */
  flush(): boolean {
    if (this.pending.length === 0 || this.socket.closed) return false;
    const update = Y.mergeUpdates(this.pending);
    this.pending = [];
    this.sendUpdate(update);
    return true;
  }

  /** Sends any update, e.g. one crafted by the test. */
  sendUpdate(update: Uint8Array, step: number = SyncStep.update): void {
    this.send(NotepadMessage.sync, (e) => {
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, update);
    });
  }

  announce(state: object | null): void {
    this.presenceClock += 1;
    const entry = { clientId: this.doc.clientID, clock: this.presenceClock, state: state && JSON.stringify(state) };
    const update = encodePresence([entry]);
    this.send(NotepadMessage.awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  get value(): string {
    return this.text.toString();
  }

  private send(kind: (typeof NotepadMessage)[keyof typeof NotepadMessage], write: (e: encoding.Encoder) => void) {
    this.socket.ws.send(encodeNotepadFrame(kind, this.consultationId, write));
  }

  private listen(socket: TestSocket): void {
    socket.ws.binaryType = "arraybuffer";
    socket.ws.addEventListener("message", (ev) => {
      if (this.socket !== socket || !(ev.data instanceof ArrayBuffer)) return;
      this.receive(new Uint8Array(ev.data));
    });
  }

  private receive(data: Uint8Array): void {
    this.frames.push(data);
    const frame = decodeNotepadFrame(data);
    if (!frame || frame.consultationId !== this.consultationId) return;
    if (frame.kind === NotepadMessage.awareness) {
      for (const entry of decodePresence(decoding.readVarUint8Array(frame.decoder)) ?? []) {
        this.presence.set(entry.clientId, entry);
      }
      return;
    }
    const reply = encoding.createEncoder();
    const step = syncProtocol.readSyncMessage(frame.decoder, reply, this.doc, REMOTE);
    if (step === SyncStep.step2) this.synced = true;
    if (step === SyncStep.step1 && this.writer) {
      this.socket.ws.send(
        encodeNotepadFrame(NotepadMessage.sync, this.consultationId, (e) =>
          encoding.writeUint8Array(e, encoding.toUint8Array(reply)),
        ),
      );
    }
  }
}

/** Mulberry32: a tiny seeded generator, so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
