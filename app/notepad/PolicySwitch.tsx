// The animator's switch for who writes in the note pad: everyone, or only the client and the scribe.
import { NotepadPolicy } from "../../protocol/model.ts";
import { Feedback } from "../components/Feedback.tsx";
import { t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import type { ViewProps } from "../model/viewProps.ts";

const POLICIES = Object.values(NotepadPolicy);

export function PolicySwitch(view: ViewProps) {
  const control = useCommand(view.store);
  return (
    <div class="field notepad-policy">
      <label for="notepad-policy-switch">{t("notepadWho")}</label>
      <select
        id="notepad-policy-switch"
        value={view.state.consultation.notepadPolicy}
        disabled={control.pending}
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
      <Feedback code={control.error} />
    </div>
  );
}
