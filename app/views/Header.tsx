// The panel's header: app name, room, which consultation of the meeting, settings, and leaving (dev mode).
import { Settings } from "../components/Settings.tsx";
import { t } from "../i18n/i18n.ts";
import { MemoryButton } from "../memory/mounts.tsx";
import type { RoomStore } from "../model/RoomStore.ts";

interface Props {
  store: RoomStore;
  onLeave: (() => void) | null;
}

export function Header({ store, onLeave }: Props) {
  const c = store.state?.consultation;
  return (
    <header class="room-header">
      <div class="header-row">
        <p class="brand">
          {t("appName")}
          {store.label && <span class="room-label">{t("roomLabel", { code: store.label })}</span>}
        </p>
        <MemoryButton store={store} />
        {onLeave && (
          <button type="button" class="quiet" onClick={onLeave}>
            {t("leave")}
          </button>
        )}
      </div>
      <div class="header-row">
        <p class="header-sub">{c && t("consultationNumber", { n: c.number })}</p>
        <Settings />
      </div>
    </header>
  );
}
