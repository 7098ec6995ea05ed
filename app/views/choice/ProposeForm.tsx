// Proposing a situation: a title and a line on what is at stake; the text stays until the room has it.
import { LIMITS } from "../../../protocol/limits.ts";
import { Feedback } from "../../components/Feedback.tsx";
import { t } from "../../i18n/i18n.ts";
import { draft } from "../../model/drafts.ts";
import { useObserve } from "../../model/observable.ts";
import { useCommand } from "../../model/useCommand.ts";
import { draftKey, type ViewProps } from "../../model/viewProps.ts";

export function ProposeForm(view: ViewProps) {
  const title = draft(draftKey(view, "situationTitle"));
  const stakes = draft(draftKey(view, "situationStakes"));
  useObserve(title, stakes);
  const control = useCommand(view.store);
  const submit = (e: Event) => {
    e.preventDefault();
    const sent = { title: title.value, stakes: stakes.value };
    if (!sent.title.trim() || control.pending) return;
    control.run({ type: "proposeSituation", ...sent }, () => {
      if (title.value === sent.title) title.value = "";
      if (stakes.value === sent.stakes) stakes.value = "";
    });
  };
  return (
    <form class="panel draft-form" onSubmit={submit}>
      <label for="situation-title">{t("situationTitle")}</label>
      <input
        id="situation-title"
        type="text"
        maxLength={LIMITS.situationTitle}
        readOnly={control.pending}
        value={title.value}
        onInput={(e) => {
          title.value = e.currentTarget.value;
        }}
      />
      <label for="situation-stakes">{t("situationStakes")}</label>
      <textarea
        id="situation-stakes"
        rows={2}
        maxLength={LIMITS.situationStakes}
        readOnly={control.pending}
        value={stakes.value}
        onInput={(e) => {
          stakes.value = e.currentTarget.value;
        }}
      />
      <button type="submit" class="primary" disabled={control.pending || !title.value.trim()}>
        {t("propose")}
      </button>
      {control.pending && (
        <p class="hint" role="status">
          {view.store.status === "open" ? t("sending") : t("sendLater")}
        </p>
      )}
      <Feedback code={control.error} />
    </form>
  );
}
