// A one-field form whose text stays in place until the room acknowledges it, so nothing typed is lost on a drop.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Command } from "../../protocol/commands.ts";
import { t } from "../i18n/i18n.ts";
import { draft } from "../model/drafts.ts";
import { useObserve } from "../model/observable.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import { useCommand } from "../model/useCommand.ts";
import { Feedback } from "./Feedback.tsx";

interface Props {
  store: RoomStore;
  /** Where the draft is kept; include the consultation id so a new consultation starts blank. */
  draftKey: string;
  label: string;
  submitLabel: string;
  maxLength: number;
  multiline?: boolean;
  toCommand: (text: string) => Command;
  /** Extra fields (e.g. a due date) placed before the submit button. */
  children?: ComponentChildren;
  /** Fields placed under the main one, on their own lines (e.g. the headline's question). */
  fields?: ComponentChildren;
  onSent?: () => void;
}

// Unique across render roots: useId restarts in each root, and the tests render one root per participant.
let fields = 0;

export function DraftForm(props: Props) {
  const { store, label, submitLabel, maxLength, multiline, toCommand } = props;
  const text = draft(props.draftKey);
  useObserve(text);
  const control = useCommand(store);
  const [id] = useState(() => `draft-${++fields}`);
  const submit = (e: Event) => {
    e.preventDefault();
    const sent = text.value;
    if (!sent.trim() || control.pending) return;
    control.run(toCommand(sent), () => {
      if (text.value === sent) text.value = "";
      props.onSent?.();
      // The emptied form disables its button: keyboard focus goes back to the field rather than the page's top.
      const active = document.activeElement;
      if (!active || active === document.body || active.matches(":disabled")) document.getElementById(id)?.focus();
    });
  };
  const field = {
    id,
    value: text.value,
    maxLength,
    readOnly: control.pending,
    onInput: (e: Event) => {
      if (e.currentTarget instanceof HTMLInputElement || e.currentTarget instanceof HTMLTextAreaElement) {
        text.value = e.currentTarget.value;
      }
      control.clearError();
    },
  };
  const waiting = control.pending ? (store.status === "open" ? t("sending") : t("sendLater")) : null;
  return (
    <form class="draft-form" onSubmit={submit}>
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          {...field}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
          }}
        />
      ) : (
        <input type="text" {...field} />
      )}
      {props.fields}
      <div class="form-row">
        {props.children}
        <button type="submit" class="primary" disabled={control.pending || !text.value.trim()}>
          {submitLabel}
        </button>
      </div>
      {waiting && (
        <p class="hint" role="status">
          {waiting}
        </p>
      )}
      <Feedback code={control.error} />
    </form>
  );
}
