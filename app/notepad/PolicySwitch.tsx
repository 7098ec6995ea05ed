// The animator's switch for who writes in the note pad during the consultation, beside the note pad itself.
import { Feedback } from "../components/Feedback.tsx";
import { NotepadPolicyField } from "../components/NotepadPolicyField.tsx";
import { t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import type { ViewProps } from "../model/viewProps.ts";

export function PolicySwitch(view: ViewProps) {
  const control = useCommand(view.store);
  return (
    <NotepadPolicyField
      id="notepad-policy-switch"
      class="field notepad-policy"
      label={t("notepadWho")}
      value={view.state.consultation.notepadPolicy}
      control={control}
      disabled={control.pending}
    >
      <Feedback code={control.error} />
    </NotepadPolicyField>
  );
}
