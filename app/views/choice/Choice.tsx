// Choice of the situation: members propose and vote; the animator picks, and the proposer becomes the client.
import { t } from "../../i18n/i18n.ts";
import { can, nameOf, type ViewProps } from "../../model/viewProps.ts";
import { AnimatorBar } from "../AnimatorBar.tsx";
import { ProposeForm } from "./ProposeForm.tsx";
import { SituationItem } from "./SituationItem.tsx";

export function Choice(view: ViewProps) {
  const c = view.state.consultation;
  return (
    <div class="phase choice">
      <h1>{t("phase_choice")}</h1>
      <p class="lead">{t("choiceIntro")}</p>
      {c.clientId && (
        <p class="notice" role="status">
          {t(c.chosenSituationId ? "chosen" : "designated", { name: nameOf(view.state, c.clientId) })}
        </p>
      )}
      <AnimatorBar {...view} />
      <div class="columns">
        <div class="column">
          <h2>{t("proposedSituations")}</h2>
          {c.situations.length === 0 ? (
            <p class="empty">{t("noSituations")}</p>
          ) : (
            <ul class="cards" aria-label={t("proposedSituations")}>
              {c.situations.map((s) => (
                <SituationItem key={s.id} view={view} situation={s} />
              ))}
            </ul>
          )}
        </div>
        <div class="column">{can(view, "proposeSituation") && <ProposeForm {...view} />}</div>
      </div>
    </div>
  );
}
