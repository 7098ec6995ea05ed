// The group's past consultations, newest first, a page at a time: date, client, request, plan and its follow-up.
import { useState } from "preact/hooks";
import { closedEarly } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import type { MemoryApi } from "./api.ts";
import { day, failure, followUpLine } from "./format.ts";
import { tm } from "./i18n/tm.ts";
import { type HistoryItem, HistoryPageSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";

const PAGE = 10;

interface Props {
  api: MemoryApi;
  groupId: string;
  onOpen: (consultationId: string) => void;
}

export function HistoryList({ api, groupId, onOpen }: Props) {
  const path = (cursor: string | null) =>
    `/api/groups/${encodeURIComponent(groupId)}/history?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const first = useLoad(() => api.json("GET", path(null), HistoryPageSchema), [groupId]);
  const [more, setMore] = useState<{ items: HistoryItem[]; next: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (first.loading && !first.data) {
    return (
      <p class="muted" role="status">
        {t("loading")}
      </p>
    );
  }
  if (first.error || !first.data) {
    return (
      <p class="feedback" role="alert">
        {failure(first.error)}
      </p>
    );
  }
  const items = [...first.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : first.data.next;
  const loadMore = async () => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.json("GET", path(next), HistoryPageSchema);
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next });
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };
  if (items.length === 0) return <p class="empty">{tm("mem_empty")}</p>;
  return (
    <section aria-labelledby="memory-history-title">
      <h2 id="memory-history-title">{tm("mem_tab_history")}</h2>
      <ol class="memory-history">
        {items.map((item) => (
          <li key={item.id} class="panel">
            <h3>
              <button type="button" class="memory-item" onClick={() => onOpen(item.id)}>
                {tm("mem_itemTitle", { date: day(item.startedAt), client: item.clientName ?? "—" })}
              </button>
              {item.status !== "closed" && <span class="badge">{tm("mem_unfinished")}</span>}
              {closedEarly({ phase: item.status, closedFrom: item.closedFrom }) && (
                <span class="badge">{t("closedEarly")}</span>
              )}
            </h3>
            {item.request && <p class="memory-request">{item.request}</p>}
            {item.actions.length > 0 && (
              <ul class="memory-actions" aria-label={t("actionPlan")}>
                {item.actions.map((a) => (
                  <li key={a.id}>
                    <span class={`badge status-${a.status}`}>{t(`status_${a.status}`)}</span> {a.text}
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">
              {item.actions.length > 0
                ? followUpLine(item.followUp)
                : t(item.status === "closed" ? "noActionsClosed" : "noActions")}
            </p>
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" class="wide" disabled={busy} onClick={() => void loadMore()}>
          {tm("mem_more")}
        </button>
      )}
      {error && (
        <p class="feedback" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
