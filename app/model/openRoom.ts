// Opens the live room for a platform: first session, the connection with its pending store, reconnect on wake-up,
// and the browser's word on the network.
import { RoomConnection } from "../../protocol/client/RoomConnection.ts";
import type { Platform, RoomSession } from "../platform/Platform.ts";
import { pendingStore } from "./pendingStore.ts";
import { RoomStore } from "./RoomStore.ts";

/** A hidden page longer than this probably slept; its socket may look open while being dead. */
const SLEEP_MS = 20_000;

export async function openRoom(platform: Platform, baseUrl: string, label: string | null): Promise<RoomStore> {
  const first = await platform.getSession();
  let unused: RoomSession | null = first;
  const getSession = async () => {
    const session = unused ?? (await platform.getSession());
    unused = null;
    return session;
  };
  const connection = new RoomConnection({
    baseUrl,
    getSession,
    pendingStore: pendingStore(`codev:pending:${first.roomId}:${first.participantId}`),
    // Frames arrive only once the socket is open, after the store below exists.
    onBinary: (data) => store.receiveBinary(data),
  });
  const store = new RoomStore(connection, label, first.roomId);
  watchWakeUps(store);
  return store;
}

function watchWakeUps(store: RoomStore): void {
  let hiddenAt = 0;
  const onOnline = () => store.connection.reconnectNow();
  const onOffline = () => store.connection.networkLost();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") {
      hiddenAt = Date.now();
      return;
    }
    if (store.status !== "open" || (hiddenAt > 0 && Date.now() - hiddenAt > SLEEP_MS)) store.connection.reconnectNow();
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  document.addEventListener("visibilitychange", onVisibility);
  store.onClose(() => {
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
    document.removeEventListener("visibilitychange", onVisibility);
  });
}
