// The animator's controls for one participant: their role for this consultation, or handing the animation to them.
import type { Participant, Role } from "../../../protocol/model.ts";
import { ConfirmButton } from "../../components/ConfirmButton.tsx";
import { Feedback } from "../../components/Feedback.tsx";
import { t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import { can, type ViewProps } from "../../model/viewProps.ts";

const ASSIGNABLE: readonly Exclude<Role, "animator">[] = ["consultant", "client", "scribe"];

export function RoleControls({ view, person }: { view: ViewProps; person: Participant }) {
  const control = useCommand(view.store);
  if (person.role === "animator" || !can(view, "assignRole")) return null;
  const selectId = `role-${person.id}`;
  return (
    <div class="person-controls">
      <label class="sr-only" for={selectId}>
        {t("roleOf", { name: person.name })}
      </label>
      <select
        id={selectId}
        value={person.role}
        onChange={(e) => {
          const role = ASSIGNABLE.find((r) => r === e.currentTarget.value);
          if (role) control.run({ type: "assignRole", participantId: person.id, role });
        }}
      >
        {ASSIGNABLE.map((r) => (
          <option key={r} value={r}>
            {t(`role_${r}`)}
          </option>
        ))}
      </select>
      {can(view, "handOverAnimator") && (
        <ConfirmButton
          class="quiet"
          label={t("handOverTo", { name: person.name })}
          question={t("confirmHandOver", { name: person.name })}
          onConfirm={() => control.run({ type: "handOverAnimator", participantId: person.id })}
        >
          {t("makeAnimator")}
        </ConfirmButton>
      )}
      <Feedback code={control.error} />
    </div>
  );
}
