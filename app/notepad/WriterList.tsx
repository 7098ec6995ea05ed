// The other writers in words: who is writing in the note pad and on which line, for everyone and for screen readers.
import { t } from "../i18n/i18n.ts";
import type { Writer } from "./otherWriters.ts";

export function WriterList({ writers }: { writers: readonly Writer[] }) {
  if (writers.length === 0) return null;
  return (
    <p class="notepad-writers">
      {t("notepadAlsoWriting")}{" "}
      {writers.map((w) => (
        <span key={w.clientId} class={`notepad-writer notepad-colour-${w.colour}`}>
          {w.line === null ? w.name : t("notepadWriterAt", { name: w.name, line: w.line })}
        </span>
      ))}
    </p>
  );
}
