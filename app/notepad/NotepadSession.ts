// One panel's note pad for the room's current consultation: the Yjs document, its sync with the room, its presence.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { ErrorCode } from "../../protocol/errors.ts";
import type { ServerMessage } from "../../protocol/messages.ts";
import {
  decodeNotepadFrame,
  decodePresence,
  encodeNotepadFrame,
  encodePresence,
  NOTEPAD_ERROR_ID,
  NOTEPAD_TEXT,
  NotepadMessage,
  type NotepadPresence,
} from "../../protocol/notepad.ts";
import { canWriteNotepad } from "../../protocol/permissions.ts";
import { Observable } from "../model/observable.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import { colourOf } from "./colours.ts";
import { Outgoing } from "./Outgoing.ts";
import { RemotePresence } from "./remotePresence.ts";

/** After the room dropped a frame for flooding, a sync recovers what it carried. */
const RESYNC_MS = 1500;

/** One consultation's document; replaced whole when the consultation changes or the room refused an edit. */
export interface Pad {
  consultationId: string;
  doc: Y.Doc;
  text: Y.Text;
  undo: Y.UndoManager;
}

type Cursor = NonNullable<NotepadPresence["cursor"]>;

export class NotepadSession {
  readonly changes = new Observable(0);
  /** The origin of this panel's own edits: the only ones sent, and the only ones undo takes back. */
  readonly local = { notepad: "local" };
  pad: Pad;
  /** True once the room's state has arrived since the last (re)connection or reset. */
  synced = false;
  /** The room's last refusal of one of my changes, until I edit again. */
  problem: ErrorCode | null = null;
  readonly others = new RemotePresence();
  private readonly outgoing = new Outgoing({
    online: () => this.online,
    sendUpdate: (update) => this.sendSync((e) => syncProtocol.writeUpdate(e, update)),
    sendPresence: () => this.sendPresence(),
  });
  private cursor: Cursor | null = null;
  private presenceClock = 0;
  private wasOpen = false;
  private readonly stop: Array<() => void> = [];

  constructor(private readonly store: RoomStore) {
    this.pad = this.newPad(store.state?.consultation.id ?? "");
    this.stop.push(store.changes.subscribe(() => this.follow()));
    this.stop.push(store.onBinary((data) => this.receive(data)));
    this.stop.push(store.connection.onMessage((msg) => this.hear(msg)));
    this.follow();
  }

  /** Whether the room will take my edits: the consultation is open and its policy includes my role. */
  writable(): boolean {
    const me = this.store.me;
    const c = this.store.state?.consultation;
    return !!me && !!c && c.phase !== "closed" && canWriteNotepad(me.role, c.notepadPolicy);
  }

  get online(): boolean {
    return this.store.status === "open";
  }

  /** My caret or selection, shown to the others; indices into the text. */
  setCursor(anchor: number, head: number): void {
    const { text } = this.pad;
    const at = (i: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, i));
    this.cursor = { anchor: at(anchor), head: at(head) };
    this.outgoing.presence();
  }

  clearProblem(): void {
    if (this.problem === null) return;
    this.problem = null;
    this.changes.changed();
  }

  dispose(): void {
    for (const s of this.stop) s();
    this.outgoing.dispose();
    this.pad.undo.destroy();
    this.pad.doc.destroy();
  }

  private newPad(consultationId: string): Pad {
    const doc = new Y.Doc();
    const text = doc.getText(NOTEPAD_TEXT);
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([this.local]) });
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      // Undo and redo are my edits too; only what the room sent is not mine to send.
      if (origin === this.local || origin === undo) this.outgoing.update(update);
    });
    text.observe(() => this.changes.changed());
    return { consultationId, doc, text, undo };
  }

  /** Starts over with an empty document, which the room then fills: a new consultation, or a refused edit. */
  private reset(consultationId: string, resync = true): void {
    this.pad.undo.destroy();
    this.pad.doc.destroy();
    this.pad = this.newPad(consultationId);
    this.outgoing.dropEdits();
    // A caret points into one document; the binding reports it again in the new one.
    this.cursor = null;
    this.synced = false;
    this.others.clear();
    if (resync && this.online) this.start();
    this.changes.changed();
  }

  private follow(): void {
    const id = this.store.state?.consultation.id;
    const next = !!id && id !== this.pad.consultationId;
    if (id && next) this.reset(id, false);
    const open = this.online;
    if (open && (next || !this.wasOpen)) this.start();
    this.wasOpen = open;
    // A writer who may no longer write takes their caret away.
    if (!this.writable() && this.cursor) {
      this.cursor = null;
      this.outgoing.presence();
    }
    this.changes.changed();
  }

  /** On each (re)connection: my step 1, to which the room answers with its state and its own step 1. */
  private start(): void {
    this.others.clear();
    // Past any departure the room announced for my client while I was away.
    this.presenceClock += 2;
    this.outgoing.dropEdits();
    this.sendSync((e) => syncProtocol.writeSyncStep1(e, this.pad.doc));
    if (this.cursor) this.outgoing.presence();
  }

  private receive(data: Uint8Array): void {
    const frame = decodeNotepadFrame(data);
    if (!frame || frame.consultationId !== this.pad.consultationId) return;
    try {
      if (frame.kind === NotepadMessage.awareness) {
        const entries = decodePresence(decoding.readVarUint8Array(frame.decoder)) ?? [];
        if (this.others.apply(entries, this.pad.doc.clientID)) this.changes.changed();
        return;
      }
      const reply = encoding.createEncoder();
      const step = syncProtocol.readSyncMessage(frame.decoder, reply, this.pad.doc, this);
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.changes.changed();
      }
      // Only a writer answers the room's step 1: a reader has nothing the room would take.
      if (step === syncProtocol.messageYjsSyncStep1 && this.writable() && encoding.length(reply) > 0) {
        this.sendSync((e) => encoding.writeUint8Array(e, encoding.toUint8Array(reply)));
      }
    } catch (err) {
      console.warn("notepad: unreadable frame from the room", err);
    }
  }

  private hear(msg: ServerMessage): void {
    if (msg.type !== "error") return;
    if (msg.id === NOTEPAD_ERROR_ID) {
      this.problem = msg.code;
      // The room did not keep my change: show its text again, not what only I hold.
      this.reset(this.pad.consultationId);
      return;
    }
    // A dropped frame may have carried an edit; syncing again recovers it.
    if (msg.code === "rate_limited" && msg.id === undefined) setTimeout(() => this.online && this.start(), RESYNC_MS);
  }

  private sendPresence(): void {
    this.presenceClock += 1;
    const me = this.store.me;
    const state =
      this.cursor && me && this.writable() ? JSON.stringify({ colour: colourOf(me.id), cursor: this.cursor }) : null;
    const update = encodePresence([{ clientId: this.pad.doc.clientID, clock: this.presenceClock, state }]);
    this.send(NotepadMessage.awareness, (e) => encoding.writeVarUint8Array(e, update));
  }

  private sendSync(write: (e: encoding.Encoder) => void): void {
    this.send(NotepadMessage.sync, write);
  }

  private send(kind: NotepadMessage, write: (e: encoding.Encoder) => void): void {
    this.store.connection.sendBinary(encodeNotepadFrame(kind, this.pad.consultationId, write));
  }
}
