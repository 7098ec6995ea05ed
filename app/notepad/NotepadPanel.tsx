// The shared note pad in the panel (loaded on demand): the text, who else writes, who may write, its size and refusals.
import type { ErrorCode } from "../../protocol/errors.ts";
import { NOTEPAD_LIMITS } from "../../protocol/notepad.ts";
import type { MessageKey } from "../i18n/fr.ts";
import { lang, t } from "../i18n/i18n.ts";
import { useObserve } from "../model/observable.ts";
import { can } from "../model/viewProps.ts";
import type { NotepadSlotProps } from "../views/NotepadSlot.tsx";
import { NotepadEditor } from "./NotepadEditor.tsx";
import { notepadFor } from "./notepadFor.ts";
import { otherWriters } from "./otherWriters.ts";
import { PolicySwitch } from "./PolicySwitch.tsx";
import { WriterList } from "./WriterList.tsx";
import "./notepad.css";

/** The size shows once the text passes this share of the limit. */
const NEAR_LIMIT = 0.8;

const PROBLEMS: Partial<Record<ErrorCode, MessageKey>> = {
  forbidden: "notepadErr_forbidden",
  limit_reached: "notepadErr_limit_reached",
  wrong_phase: "notepadErr_wrong_phase",
  too_large: "notepadErr_too_large",
};

export function NotepadPanel(view: NotepadSlotProps) {
  const session = notepadFor(view.store);
  useObserve(session.changes, lang);
  const writable = session.writable();
  const length = session.pad.text.length;
  const near = length >= NOTEPAD_LIMITS.chars * NEAR_LIMIT;
  const number = new Intl.NumberFormat(lang.value);
  const writers = otherWriters(session);
  return (
    <section class="panel notepad" aria-labelledby="notepad-title">
      <h2 id="notepad-title">{t("notepadTitle")}</h2>
      {can(view, "setNotepadPolicy") && <PolicySwitch {...view} />}
      <NotepadEditor
        session={session}
        writable={writable}
        writers={writers}
        labelledBy="notepad-title"
        describedBy={near ? "notepad-help notepad-size" : "notepad-help"}
      />
      <p id="notepad-help" class="muted">
        {t(help(view, writable, session.online))}
      </p>
      <WriterList writers={writers} />
      {near && (
        <p id="notepad-size" class={length >= NOTEPAD_LIMITS.chars ? "notepad-size full" : "notepad-size"}>
          {t("notepadSize", { n: number.format(length), max: number.format(NOTEPAD_LIMITS.chars) })}
        </p>
      )}
      {session.problem && (
        <p class="feedback" role="alert">
          {t(PROBLEMS[session.problem] ?? "notepadErr_other")}
        </p>
      )}
    </section>
  );
}

function help(view: NotepadSlotProps, writable: boolean, online: boolean): MessageKey {
  if (view.state.consultation.phase === "closed") return "notepadClosed";
  if (!writable) return "notepadReadOnly";
  return online ? "notepadHint" : "notepadOffline";
}
