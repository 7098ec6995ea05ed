// Opens panel participants on a FakeRoom: a real RoomConnection and RoomStore each, and renders their panel.
import { type BoundFunctions, type queries, render, within } from "@testing-library/preact";
import { RoomStore } from "../../../app/model/RoomStore.ts";
import { RoomView } from "../../../app/views/RoomView.tsx";
import { RoomConnection } from "../../../protocol/client/RoomConnection.ts";
import type { FakeRoom } from "./FakeRoom.ts";

export interface Panel {
  store: RoomStore;
  id: string;
  view: BoundFunctions<typeof queries>;
  container: Element;
}

let counter = 0;
const open: RoomStore[] = [];

/** Closes every panel's connection (call after each test). */
export function closePanels(): void {
  for (const s of open.splice(0)) s.close();
}

export function openPanel(room: FakeRoom, name: string, opts: { host?: boolean; id?: string } = {}): Panel {
  const id = opts.id ?? `p${++counter}-${name.toLowerCase()}`;
  const identity = { participantId: id, name, host: opts.host ?? false };
  const connection = new RoomConnection({
    baseUrl: "http://fake",
    getSession: async () => ({ token: id, roomId: room.roomId, participantId: id }),
    createSocket: () => room.connect(identity),
    heartbeatMs: 60_000,
  });
  const store = new RoomStore(connection, "test");
  open.push(store);
  const { container } = render(<RoomView store={store} onLeave={null} />);
  if (!(container instanceof HTMLElement)) throw new Error("rendered outside the DOM");
  return { store, id, view: within(container), container };
}
