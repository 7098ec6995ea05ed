// One proposed situation: its stakes, its votes, and the votes, withdrawal and choice my role allows.
import type { Situation } from "../../../protocol/model.ts";
import { Feedback } from "../../components/Feedback.tsx";
import { t, tn } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import { can, nameOf, type ViewProps } from "../../model/viewProps.ts";

export function SituationItem({ view, situation: s }: { view: ViewProps; situation: Situation }) {
  const control = useCommand(view.store);
  const c = view.state.consultation;
  const mine = s.proposerId === view.me.id;
  const voted = s.votes.includes(view.me.id);
  const chosen = c.chosenSituationId === s.id;
  const titleId = `situation-${s.id}`;
  // The room refuses an animator as client: say so before they try.
  const own = mine && view.me.role === "animator";
  const named = (key: "vote" | "unvote" | "withdraw" | "choose") => t("itemField", { field: t(key), item: s.title });
  return (
    <li class={`card ${chosen ? "chosen" : ""}`} aria-labelledby={titleId}>
      <h3 id={titleId} class="card-title">
        {s.title}
      </h3>
      {s.stakes && <p class="card-text">{s.stakes}</p>}
      <p class="card-meta">
        <span>{t("proposedBy", { name: nameOf(view.state, s.proposerId) })}</span>
        <span class="votes">{tn("votes", s.votes.length)}</span>
        {chosen && <span class="badge">{t("chosenBadge")}</span>}
      </p>
      <div class="card-actions">
        {can(view, "vote") && (
          <button
            type="button"
            aria-label={named(voted ? "unvote" : "vote")}
            onClick={() => control.pending || control.run({ type: voted ? "unvote" : "vote", situationId: s.id })}
          >
            {t(voted ? "unvote" : "vote")}
          </button>
        )}
        {can(view, "withdrawSituation") && (mine || view.me.role === "animator") && !chosen && (
          <button
            type="button"
            class="quiet"
            aria-label={named("withdraw")}
            disabled={control.pending}
            onClick={() => control.run({ type: "withdrawSituation", situationId: s.id })}
          >
            {t("withdraw")}
          </button>
        )}
        {can(view, "chooseSituation") && !chosen && (
          <button
            type="button"
            class="primary"
            aria-label={named("choose")}
            disabled={control.pending || own}
            aria-describedby={own ? `${titleId}-own` : undefined}
            onClick={() => control.run({ type: "chooseSituation", situationId: s.id })}
          >
            {t("choose")}
          </button>
        )}
      </div>
      {own && can(view, "chooseSituation") && (
        <p class="hint" id={`${titleId}-own`}>
          {t("ownSituation")}
        </p>
      )}
      <Feedback code={control.error} />
    </li>
  );
}
