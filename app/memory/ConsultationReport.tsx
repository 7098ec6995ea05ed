// One consultation's report (headline, request, ideas, plan and follow-up, learnings, notes): Markdown download, print, deletion.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { closedEarly } from "../../protocol/model.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { PhaseName } from "../components/PhaseName.tsx";
import { dueLine, lang, t } from "../i18n/i18n.ts";
import type { MemoryApi } from "./api.ts";
import { day, failure, saveFile } from "./format.ts";
import { tm } from "./i18n/tm.ts";
import { type Detail, DetailSchema, OkSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";

interface Props {
  api: MemoryApi;
  groupId: string;
  groupName: string;
  consultationId: string;
  myId: string | null;
  onBack: () => void;
}

export function ConsultationReport({ api, groupId, groupName, consultationId, myId, onBack }: Props) {
  const base = `/api/groups/${encodeURIComponent(groupId)}/consultations/${encodeURIComponent(consultationId)}`;
  const detail = useLoad(() => api.json("GET", base, DetailSchema), [base]);
  const [note, setNote] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail.data]);

  const download = async () => {
    setNote(null);
    try {
      const file = await api.file(`${base}/report.md?lang=${lang.value}`, "consultation.md");
      saveFile(file.filename, file.text, "text/markdown;charset=utf-8");
    } catch (err) {
      setNote(failure(err));
    }
  };
  const remove = async () => {
    setNote(null);
    try {
      await api.json("DELETE", base, OkSchema);
      setDeleted(true);
    } catch (err) {
      setNote(failure(err));
    }
  };

  const back = (
    <button type="button" class="quiet" onClick={onBack}>
      {tm("mem_back")}
    </button>
  );
  if (deleted) {
    return (
      <div>
        <p role="status">{tm("mem_deleted")}</p>
        {back}
      </div>
    );
  }
  const c = detail.data?.consultation;
  if (!c) {
    return (
      <div>
        {detail.loading ? (
          <p class="muted" role="status">
            {t("loading")}
          </p>
        ) : (
          <p class="feedback" role="alert">
            {failure(detail.error)}
          </p>
        )}
        {back}
      </div>
    );
  }
  return (
    <article class="memory-report" aria-labelledby="memory-report-title">
      <div class="memory-toolbar no-print">
        {back}
        <button type="button" onClick={() => void download()}>
          {tm("mem_download")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {tm("mem_print")}
        </button>
        {c.clientUserId !== null && c.clientUserId === myId && (
          <ConfirmButton class="danger" question={tm("mem_confirmDelete")} onConfirm={() => void remove()}>
            {tm("mem_delete")}
          </ConfirmButton>
        )}
      </div>
      {note && (
        <p class="feedback no-print" role="alert">
          {note}
        </p>
      )}
      <h2 id="memory-report-title" tabIndex={-1} ref={heading}>
        {tm("mem_itemTitle", { date: day(c.startedAt), client: c.clientName ?? "—" })}
      </h2>
      {/* The Markdown's head too, so that a printed report stands on its own. */}
      <p class="muted">{tm("mem_confidential")}</p>
      <p>
        {tm("mem_groupIs", { name: groupName })}
        <br />
        {t("formatIs", { name: t(`format_${c.format}`) })}
      </p>
      {c.status && c.status !== "closed" && <p class="badge">{tm("mem_unfinished")}</p>}
      {c.closedFrom && closedEarly({ phase: c.status ?? "", closedFrom: c.closedFrom }) && (
        <p class="badge">
          {t("closedEarly")} · <PhaseName phase={c.closedFrom} />
        </p>
      )}
      <ReportBody c={c} />
    </article>
  );
}

function ReportBody({ c }: { c: Detail }) {
  return (
    <>
      {c.situation && (
        <Part title={t("situation")}>
          <p>
            <strong>{c.situation.title}</strong>
          </p>
          <p class="memory-text">{c.situation.stakes}</p>
        </Part>
      )}
      {c.headline && (
        <Part title={t("headline")}>
          <p class="memory-text">
            <strong>{c.headline.text}</strong>
          </p>
          {c.headline.question && <p class="memory-text">{t("headlineQuestionIs", { text: c.headline.question })}</p>}
        </Part>
      )}
      <Part title={t("request")}>
        {c.request ? <blockquote class="memory-text">{c.request}</blockquote> : <p class="empty">{t("noRequest")}</p>}
      </Part>
      <Part title={t("markedIdeas")}>
        <Authored items={c.markedIdeas} />
      </Part>
      <Part title={tm("mem_otherIdeas")}>
        <Authored items={c.otherIdeas} />
      </Part>
      <Part title={t("actionPlan")}>
        {c.actions.length === 0 ? (
          <p class="empty">{t(c.status === "closed" ? "noActionsClosed" : "noActions")}</p>
        ) : (
          <ul class="memory-actions">
            {c.actions.map((a) => (
              <li key={a.id}>
                <span class={`badge status-${a.status}`}>{t(`status_${a.status}`)}</span> {a.text}
                {a.dueDate && <span class="muted"> — {dueLine(a.dueDate)}</span>}
                {a.resources && <p class="memory-text">{t("resourcesIs", { text: a.resources })}</p>}
                {a.note && <p class="memory-text muted">{tm("mem_followUpNote", { note: a.note })}</p>}
              </li>
            ))}
          </ul>
        )}
      </Part>
      <Part title={t("learnings")}>
        <Authored items={c.learnings} />
      </Part>
      <Part title={t("notepadTitle")}>
        {c.notes?.trim() ? <p class="memory-text">{c.notes}</p> : <p class="empty">{tm("mem_none")}</p>}
      </Part>
    </>
  );
}

function Part({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="memory-part">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Authored({ items }: { items: Array<{ text: string; authorName: string }> }) {
  if (items.length === 0) return <p class="empty">{tm("mem_none")}</p>;
  return (
    <ul>
      {items.map((i, n) => (
        <li key={n} class="memory-text">
          {i.text} <span class="muted">— {i.authorName}</span>
        </li>
      ))}
    </ul>
  );
}
