// The client's headline ("manchette") and question: written at the presentation by the client or the scribe, editable in every step, shown to all.
import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS } from "../../../protocol/limits.ts";
import { DraftForm } from "../../components/DraftForm.tsx";
import { t } from "../../i18n/i18n.ts";
import { draft } from "../../model/drafts.ts";
import { useObserve } from "../../model/observable.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";

export function HeadlineCard(view: ViewProps) {
  const c = view.state.consultation;
  const h = c.headline;
  const key = draftKey(view, "headline");
  const question = draft(`${key}:q`);
  useObserve(question);
  const [editing, setEditing] = useState(false);
  const box = useRef<HTMLElement>(null);
  const writer = can(view, "setHeadline");
  // The scribe writes for the client, and is spoken to so.
  const scribe = view.me.role === "scribe";
  const open = writer && (editing || (!h && c.phase === "presentation"));
  const wasOpen = useRef(open);
  // The control in this card that last had the focus.
  const lastIn = useRef<Element | null>(null);
  useEffect(() => {
    // Into the form when it opens; onto the edit button when it closes under the keyboard of whoever was in it,
    // never for someone elsewhere (their focus on the page's body is not a focus in the form).
    const active = document.activeElement;
    const left = lastIn.current;
    if (open && editing) box.current?.querySelector("input")?.focus();
    else if (wasOpen.current && !open && left && !left.isConnected && (!active || active === document.body))
      box.current?.querySelector("button")?.focus();
    wasOpen.current = open;
  }, [open, editing]);
  if (!h && !writer && c.phase !== "presentation") return null;
  const edit = () => {
    draft(key).value = h?.text ?? "";
    question.value = h?.question ?? "";
    setEditing(true);
  };
  return (
    <section
      class="panel headline"
      aria-labelledby="headline-title"
      ref={box}
      onFocusIn={(e) => (lastIn.current = e.target instanceof Element ? e.target : null)}
    >
      <h2 id="headline-title">{t("headline")}</h2>
      {h ? (
        <>
          <p class="headline-text">{h.text}</p>
          {h.question && <p class="headline-question">{t("headlineQuestionIs", { text: h.question })}</p>}
        </>
      ) : (
        <p class="empty">{t("noHeadline")}</p>
      )}
      {open ? (
        <DraftForm
          store={view.store}
          draftKey={key}
          label={t(scribe ? "clientHeadlineLabel" : "headlineLabel")}
          submitLabel={t("saveHeadline")}
          maxLength={LIMITS.headline}
          toCommand={(text) => ({ type: "setHeadline", text, question: question.value })}
          onSent={() => {
            question.value = "";
            setEditing(false);
          }}
          fields={
            <label>
              {t("headlineQuestionLabel")}
              <textarea
                rows={2}
                maxLength={LIMITS.headlineQuestion}
                value={question.value}
                onInput={(e) => {
                  question.value = e.currentTarget.value;
                }}
              />
            </label>
          }
        >
          {editing && (
            <button type="button" class="quiet" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          )}
        </DraftForm>
      ) : (
        writer && (
          <button type="button" class="small" onClick={edit}>
            {t(h ? "editHeadline" : "writeHeadline")}
          </button>
        )
      )}
    </section>
  );
}
