// The animator's choice of who writes in the note pad (everyone, or only the client and the scribe), sent as a command.
import type { ComponentChildren } from "preact";
import { NotepadPolicy } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import type { CommandControl } from "../model/useCommand.ts";

const POLICIES = Object.values(NotepadPolicy);

export function NotepadPolicyField(props: {
  id: string;
  label: string;
  value: NotepadPolicy;
  control: CommandControl;
  class?: string;
  disabled?: boolean;
  /** Shown after the select, inside the field (e.g. the room's refusal). */
  children?: ComponentChildren;
}) {
  const { id, control } = props;
  return (
    <div class={props.class ?? "field"}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const policy = POLICIES.find((p) => p === e.currentTarget.value);
          if (policy) control.run({ type: "setNotepadPolicy", policy });
        }}
      >
        {POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`notepad_${p}`)}
          </option>
        ))}
      </select>
      {props.children}
    </div>
  );
}
