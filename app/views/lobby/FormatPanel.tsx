// The consultation's format and the minutes of each step: the animator picks and adjusts, everyone sees them.
import { FORMATS, type Format, STEPS } from "../../../protocol/model.ts";
import { Feedback } from "../../components/Feedback.tsx";
import { NotepadPolicyField } from "../../components/NotepadPolicyField.tsx";
import { StepName } from "../../components/StepName.tsx";
import { t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import { can, type ViewProps } from "../../model/viewProps.ts";
import { MinutesField } from "./MinutesField.tsx";

export function FormatPanel(view: ViewProps) {
  const c = view.state.consultation;
  const control = useCommand(view.store);
  const editable = can(view, "setFormat");
  const total = STEPS.reduce((sum, s) => sum + c.durations[s], 0);
  return (
    <section class="panel" aria-labelledby="format-title">
      <h2 id="format-title">{t("formatTitle")}</h2>
      {editable ? (
        <div class="field">
          <label for="format">{t("format")}</label>
          <select
            id="format"
            value={c.format}
            onChange={(e) => {
              const format = FORMATS.find((f): f is Format => f === e.currentTarget.value);
              if (format) control.run({ type: "setFormat", format });
            }}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format_${f}`)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{t("formatIs", { name: t(`format_${c.format}`) })}</p>
      )}
      <ul class="durations">
        {STEPS.map((s, i) => {
          const name = (
            <>
              {i + 1}. <StepName step={s} />
            </>
          );
          // Plain text for those who only read them: six live regions would announce every change six times over.
          return editable ? (
            <li key={s}>
              <label for={`minutes-${s}`}>{name}</label>
              <MinutesField step={s} value={c.durations[s]} control={control} />
            </li>
          ) : (
            <li key={s}>
              <span>{name}</span>
              <span>{t("minutes", { n: c.durations[s] })}</span>
            </li>
          );
        })}
      </ul>
      <p class="muted">{t("totalMinutes", { n: total })}</p>
      {editable ? (
        <NotepadPolicyField id="notepad-policy" label={t("notepadPolicy")} value={c.notepadPolicy} control={control} />
      ) : (
        <p>{t("notepadIs", { policy: t(`notepad_${c.notepadPolicy}`) })}</p>
      )}
      <Feedback code={control.error} />
    </section>
  );
}
