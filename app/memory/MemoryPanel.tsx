// The group memory over the panel: history and reports, my data, the group's settings; a keyboard-contained dialog.
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import { useObserve } from "../model/observable.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import { AttachGroup } from "./AttachGroup.tsx";
import { memoryApi } from "./api.ts";
import { ConsultationReport } from "./ConsultationReport.tsx";
import { GroupSettingsPanel } from "./GroupSettingsPanel.tsx";
import { HistoryList } from "./HistoryList.tsx";
import { MyData } from "./MyData.tsx";
import { MyGroupsSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";
import "./memory.css";
import { memoryStrings, tm } from "./i18n/tm.ts";

type Tab = "history" | "data" | "group";
const TABS: readonly Tab[] = ["history", "data", "group"];

export function MemoryPanel({ store, onClose }: { store: RoomStore; onClose: () => void }) {
  useObserve(memoryStrings);
  const api = memoryApi(store);
  const [tab, setTab] = useState<Tab>("history");
  const [picked, setPicked] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const meetingGroupId = store.state?.group?.id ?? null;
  const mine = useLoad(() => api.json("GET", "/api/groups", MyGroupsSchema), [changes]);
  const groups = mine.data?.groups ?? [];
  const groupId = picked ?? meetingGroupId ?? groups[0]?.id ?? null;
  // The server lets the animator give the meeting a group in any phase (changing it is the lobby's business).
  const attachable = tab === "group" && store.me?.role === "animator" && meetingGroupId === null;
  const dialog = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  return (
    <div
      class="memory-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="memory-title"
      ref={dialog}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        if (e.key === "Tab" && dialog.current) keepFocusInside(dialog.current, e);
      }}
    >
      <div class="memory-head">
        <h1 id="memory-title" tabIndex={-1} ref={title}>
          {t("mem_open")}
        </h1>
        <button type="button" onClick={onClose}>
          {tm("mem_close")}
        </button>
      </div>
      <fieldset class="segmented memory-tabs">
        <legend class="sr-only">{t("mem_open")}</legend>
        {TABS.map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => setTab(k)}>
            {tm(`mem_tab_${k}`)}
          </button>
        ))}
      </fieldset>
      {tab !== "data" && groups.length > 1 && (
        <div class="inline-field memory-pick">
          <label for="memory-group-pick">{tm("mem_tab_group")}</label>
          <select
            id="memory-group-pick"
            value={groupId ?? ""}
            onChange={(e) => {
              setPicked(e.currentTarget.value);
              setReading(null);
            }}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {attachable && (
        <>
          <p class="empty">{tm("mem_attachIntro")}</p>
          <AttachGroup
            api={api}
            current={null}
            onDone={() => {
              setChanges((n) => n + 1);
              title.current?.focus();
            }}
          />
        </>
      )}
      {tab === "data" ? (
        <MyData api={api} />
      ) : mine.loading && !mine.data ? (
        <p class="muted" role="status">
          {t("loading")}
        </p>
      ) : groupId === null ? (
        !attachable && <p class="empty">{tm("mem_noGroups")}</p>
      ) : tab === "group" ? (
        <GroupSettingsPanel
          key={groupId}
          api={api}
          groupId={groupId}
          animating={store.me?.role === "animator" && meetingGroupId === groupId}
          onChanged={() => setChanges((n) => n + 1)}
          onDeleted={() => {
            setPicked(null);
            setChanges((n) => n + 1);
          }}
        />
      ) : reading ? (
        <ConsultationReport
          api={api}
          groupId={groupId}
          groupName={groups.find((g) => g.id === groupId)?.name ?? ""}
          consultationId={reading}
          myId={store.myId}
          onBack={() => setReading(null)}
        />
      ) : (
        <HistoryList key={`${groupId}:${changes}`} api={api} groupId={groupId} onOpen={setReading} />
      )}
    </div>
  );
}

/** Tab and Shift+Tab cycle within the dialog, so keyboard focus never wanders onto the hidden panel behind it. */
function keepFocusInside(root: HTMLElement, e: KeyboardEvent): void {
  const focusable = [
    ...root.querySelectorAll<HTMLElement>("button:not([disabled]), select, input, textarea, a[href], [tabindex='0']"),
  ];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
