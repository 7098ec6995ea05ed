// The note pad's text area bound to the shared document, with the other writers' carets over it.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { NOTEPAD_LIMITS } from "../../protocol/notepad.ts";
import { CaretOverlay } from "./CaretOverlay.tsx";
import type { NotepadSession } from "./NotepadSession.ts";
import type { Writer } from "./otherWriters.ts";
import { TextareaBinding } from "./TextareaBinding.ts";

interface Props {
  session: NotepadSession;
  writable: boolean;
  writers: readonly Writer[];
  labelledBy: string;
  describedBy: string;
}

export function NotepadEditor({ session, writable, writers, labelledBy, describedBy }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [textarea, setTextarea] = useState<HTMLTextAreaElement | null>(null);
  // Bound before the browser paints, so not even a first keystroke can reach an unbound textarea.
  useLayoutEffect(() => {
    const ta = ref.current;
    if (!ta) return;
    // The binding owns the textarea's value: Preact never sets it, so a re-render cannot undo a keystroke.
    const binding = new TextareaBinding(ta, session);
    setTextarea(ta);
    return () => binding.destroy();
  }, [session]);
  return (
    <div class="notepad-editor">
      <textarea
        ref={ref}
        class="notepad-text"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        readOnly={!writable}
        maxLength={NOTEPAD_LIMITS.chars}
        rows={10}
        spellcheck
      />
      <CaretOverlay textarea={textarea} writers={writers} />
    </div>
  );
}
