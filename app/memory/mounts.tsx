// The group memory's entry points in the live panel; small on purpose, they fetch the memory views only when shown.
import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import type { ViewProps } from "../model/viewProps.ts";

/** A component from a lazily loaded module; nothing shows until it arrives, and a failed load shows nothing. */
function useLazy<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<{ C: ComponentType<P> } | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (C) => live && setComponent({ C }),
      (err: unknown) => console.error("memory: views failed to load", err),
    );
    return () => {
      live = false;
    };
  }, []);
  return component?.C ?? null;
}

/** In the lobby: the meeting's group, and for the animator attaching or creating it. */
export function LobbyGroup(view: ViewProps) {
  const GroupBar = useLazy(() => import("./GroupBar.tsx").then((m) => m.GroupBar));
  return GroupBar ? <GroupBar view={view} /> : null;
}

/** In the header: opens the group's memory (history, reports, my data, the group) over the panel. */
export function MemoryButton({ store }: { store: RoomStore }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <>
      <button
        type="button"
        ref={opener}
        class="quiet memory-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {t("mem_open")}
      </button>
      {open && <MemoryDialog store={store} onClose={close} />}
    </>
  );
}

function MemoryDialog({ store, onClose }: { store: RoomStore; onClose: () => void }) {
  const MemoryPanel = useLazy(() => import("./MemoryPanel.tsx").then((m) => m.MemoryPanel));
  if (!MemoryPanel) {
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  }
  return <MemoryPanel store={store} onClose={onClose} />;
}
