// My banner in this step ("À vous de parler", "Écoutez" or "Vous animez"), my role's guidance, and who speaks now.
import type { Step } from "../../../protocol/model.ts";
import { t } from "../../i18n/i18n.ts";
import { BANNER_KEYS, byStance, guidanceKey, stance } from "../../model/stance.ts";
import type { ViewProps } from "../../model/viewProps.ts";

export function Banner(props: ViewProps & { step: Step }) {
  const { step, me, state } = props;
  const mine = stance(step, me.role);
  // Only who is connected now speaks or listens; someone offline is neither.
  const groups = byStance(
    step,
    state.participants.filter((p) => props.store.online.includes(p.id)),
  );
  // In a troika's consultation the animator consults with the other one: they speak as well as animate.
  const speakers =
    state.consultation.format === "troika" && step === "consultation"
      ? [...groups.speak, ...groups.animate]
      : groups.speak;
  const names = (list: { name: string }[]) => (list.length ? list.map((p) => p.name).join(", ") : t("nobody"));
  return (
    <section class={`banner banner-${mine}`} aria-labelledby="banner-title">
      <p class="banner-role">{t(`role_${me.role}`)}</p>
      <h2 id="banner-title" class="banner-title">
        {t(BANNER_KEYS[mine])}
      </h2>
      <p class="guidance">{t(guidanceKey(step, me.role, state.consultation.format))}</p>
      {me.role === "scribe" && <p class="guidance">{t("scribeNote")}</p>}
      <ul class="who">
        <li>{t("speaking", { names: names(speakers) })}</li>
        {groups.listen.length > 0 && <li>{t("listening", { names: names(groups.listen) })}</li>}
        <li>{t("animating", { names: names(groups.animate) })}</li>
      </ul>
    </section>
  );
}
