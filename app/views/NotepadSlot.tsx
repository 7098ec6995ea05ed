// Where the shared note pad goes in each step and in the summary; its code (and Yjs) loads on demand, off the first render.
import { useEffect, useState } from "preact/hooks";
import type { Step } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import type { ViewProps } from "../model/viewProps.ts";

export type NotepadSlotProps = ViewProps & { step?: Step };

type NotepadModule = typeof import("../notepad/NotepadPanel.tsx");

export function NotepadSlot(props: NotepadSlotProps) {
  const [mod, setMod] = useState<NotepadModule | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Each attempt is a new try at loading the chunk (e.g. after a deploy replaced it).
  useEffect(() => {
    let live = true;
    import("../notepad/NotepadPanel.tsx").then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (mod) return <mod.NotepadPanel {...props} />;
  return (
    <section class="panel notepad" aria-labelledby="notepad-title">
      <h2 id="notepad-title">{t("notepadTitle")}</h2>
      <p class="muted" role="status">
        {t(failed ? "notepadUnavailable" : "loading")}
      </p>
      {failed && (
        <button
          type="button"
          onClick={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        >
          {t("retry")}
        </button>
      )}
    </section>
  );
}
