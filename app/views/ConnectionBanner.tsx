// Says when the link to the room is not open, how many of my actions wait to be sent, and the room's own errors.
import { t, tn } from "../i18n/i18n.ts";
import type { RoomStore } from "../model/RoomStore.ts";

const TEXT = { connecting: "statusConnecting", reconnecting: "statusReconnecting", closed: "statusClosed" } as const;

export function ConnectionBanner({ store }: { store: RoomStore }) {
  const status = store.status;
  const unsent = store.unsent;
  return (
    <div class="connection" role="status" aria-live="polite">
      {store.roomError && <p class="connection-state">{t(`err_${store.roomError}`)}</p>}
      {status !== "open" && (
        <p class={`connection-state ${status}`}>
          {t(TEXT[status])}
          {unsent > 0 && <span class="unsent"> {tn("unsent", unsent)}</span>}
        </p>
      )}
    </div>
  );
}
