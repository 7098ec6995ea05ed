// The situation under consultation and its client, and the agreed request once there is one.
import { t } from "../../i18n/i18n.ts";
import { nameOf, type ViewProps } from "../../model/viewProps.ts";

export function SituationCard({ state }: ViewProps) {
  const c = state.consultation;
  const situation = c.situations.find((s) => s.id === c.chosenSituationId);
  return (
    <section class="panel situation" aria-labelledby="situation-title">
      <h2 id="situation-title">{t("situation")}</h2>
      {situation && <p class="card-title">{situation.title}</p>}
      {situation?.stakes && <p>{situation.stakes}</p>}
      <p class="muted">{t("summaryClient", { name: nameOf(state, c.clientId) })}</p>
      {c.request && c.phase !== "contract" && <p class="request-quote">{t("requestWas", { text: c.request.text })}</p>}
    </section>
  );
}
