// The room's note pad side in memory, for panel tests: answers step 1, checks who may write, relays edits and presence.
import { render, within } from "@testing-library/preact";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { RoomStore } from "../../../app/model/RoomStore.ts";
import { RoomView } from "../../../app/views/RoomView.tsx";
import { RoomConnection } from "../../../protocol/client/RoomConnection.ts";
import type { ErrorCode } from "../../../protocol/errors.ts";
import {
  decodeNotepadFrame,
  decodePresence,
  encodeNotepadFrame,
  encodePresence,
  NOTEPAD_ERROR_ID,
  NotepadMessage,
  type PresenceEntry,
  parsePresence,
  SyncStep,
} from "../../../protocol/notepad.ts";
import { canWriteNotepad } from "../../../protocol/permissions.ts";
import type { FakeRoom, FakeSocket } from "./FakeRoom.ts";
import type { Panel } from "./participants.tsx";

export class NotepadRelay {
  readonly docs = new Map<string, Y.Doc>();
  /** The next write (from anyone) is refused with this code, as the room refuses one. */
  refuseNext: ErrorCode | null = null;
  private readonly sockets = new Set<FakeSocket>();

  constructor(private readonly room: FakeRoom) {}

  doc(consultationId = this.room.state.consultation.id): Y.Doc {
    const existing = this.docs.get(consultationId);
    if (existing) return existing;
    const doc = new Y.Doc();
    this.docs.set(consultationId, doc);
    return doc;
  }

  /** A socket whose binary frames come here, and which receives the relay's. */
  attach(socket: FakeSocket): FakeSocket {
    const sendText = socket.send.bind(socket);
    socket.send = (data) => {
      if (typeof data === "string") return sendText(data);
      const bytes =
        data instanceof Uint8Array ? data.slice() : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (!bytes) return;
      setTimeout(() => this.receive(socket, bytes), 0);
    };
    this.sockets.add(socket);
    return socket;
  }

  /** Closes one participant's sockets, as a network cut would. */
  drop(participantId: string): void {
    for (const s of this.sockets) if (s.identity.participantId === participantId) s.close(1006);
  }

  private receive(socket: FakeSocket, data: Uint8Array): void {
    const frame = decodeNotepadFrame(data);
    const id = this.room.state.consultation.id;
    if (socket.readyState !== 1 || !frame || frame.consultationId !== id) return;
    if (frame.kind === NotepadMessage.awareness) {
      const relayed = this.named(socket, decodePresence(decoding.readVarUint8Array(frame.decoder)) ?? []);
      const update = encodePresence(relayed);
      const out = encodeNotepadFrame(NotepadMessage.awareness, id, (e) => encoding.writeVarUint8Array(e, update));
      for (const other of this.sockets) if (other !== socket) this.send(other, out);
      return;
    }
    const doc = this.doc(id);
    const step = decoding.readVarUint(frame.decoder);
    const payload = decoding.readVarUint8Array(frame.decoder);
    if (step === SyncStep.step1) {
      this.send(
        socket,
        encodeNotepadFrame(NotepadMessage.sync, id, (e) => syncProtocol.writeSyncStep2(e, doc, payload)),
      );
      this.send(
        socket,
        encodeNotepadFrame(NotepadMessage.sync, id, (e) => syncProtocol.writeSyncStep1(e, doc)),
      );
      return;
    }
    // As the room: an update that brings nothing new is neither refused nor relayed.
    if (!changes(doc, payload)) return;
    const refusal = this.refusal(socket.identity.participantId);
    if (refusal) {
      socket.deliver({ type: "error", code: refusal, message: "refused for the test", id: NOTEPAD_ERROR_ID });
      return;
    }
    Y.applyUpdate(doc, payload, "relay");
    const relayed = encodeNotepadFrame(NotepadMessage.sync, id, (e) => syncProtocol.writeUpdate(e, payload));
    for (const other of this.sockets) if (other !== socket) this.send(other, relayed);
  }

  /** As the room does: the name shown is the one the room knows, whatever the panel sent. */
  private named(socket: FakeSocket, entries: PresenceEntry[]): PresenceEntry[] {
    const { name, participantId } = socket.identity;
    return entries.map((e) => {
      const presence = e.state === null ? null : parsePresence(e.state);
      return { ...e, state: presence && JSON.stringify({ ...presence, name, participantId }) };
    });
  }

  private refusal(participantId: string): ErrorCode | null {
    if (this.refuseNext) {
      const code = this.refuseNext;
      this.refuseNext = null;
      return code;
    }
    const c = this.room.state.consultation;
    const role = this.room.state.participants.find((p) => p.id === participantId)?.role;
    if (c.phase === "closed") return "wrong_phase";
    return role && canWriteNotepad(role, c.notepadPolicy) ? null : "forbidden";
  }

  private send(socket: FakeSocket, frame: Uint8Array): void {
    const buffer = frame.slice().buffer;
    setTimeout(() => {
      if (socket.readyState === 1) socket.onmessage?.({ data: buffer });
    }, 0);
  }
}

function changes(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let changed = false;
  copy.on("update", () => {
    changed = true;
  });
  Y.applyUpdate(copy, update);
  copy.destroy();
  return changed;
}

let counter = 0;
const open: RoomStore[] = [];

/** Closes the panels opened here (call after each test). */
export function closeNotepadPanels(): void {
  for (const s of open.splice(0)) s.close();
}

/** A panel as the participants' helper opens it, with its binary frames going through the relay. */
export function openNotepadPanel(room: FakeRoom, relay: NotepadRelay, name: string): Panel {
  const id = `np${++counter}-${name.toLowerCase()}`;
  const identity = { participantId: id, name, host: false };
  const connection = new RoomConnection({
    baseUrl: "http://fake",
    getSession: async () => ({ token: id, roomId: room.roomId, participantId: id }),
    createSocket: () => relay.attach(room.connect(identity)),
    heartbeatMs: 60_000,
    onBinary: (data) => store.receiveBinary(data),
  });
  const store = new RoomStore(connection, "test");
  open.push(store);
  const { container } = render(<RoomView store={store} onLeave={null} />);
  if (!(container instanceof HTMLElement)) throw new Error("rendered outside the DOM");
  return { store, id, view: within(container), container };
}
