// Follow-up: the previous client's action plan, and what was tried and what came of it, action by action.
import type { PreviousPlan } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";
import { can, type ViewProps } from "../model/viewProps.ts";
import { AnimatorBar } from "./AnimatorBar.tsx";
import { FollowUpAction } from "./FollowUpAction.tsx";

export function FollowUp(view: ViewProps) {
  const { plans } = view.state.consultation.followUp;
  return (
    <div class="phase follow-up">
      <h1>{t("phase_followUp")}</h1>
      <p class="lead">{t("followUpIntro")}</p>
      <AnimatorBar {...view} />
      {plans.length === 0 ? (
        <p class="empty">{t("noPlans")}</p>
      ) : (
        plans.map((p) => <Plan key={p.consultationId} view={view} plan={p} />)
      )}
    </div>
  );
}

function Plan({ view, plan }: { view: ViewProps; plan: PreviousPlan }) {
  const reporter = can(view, "reportFollowUp") && (view.me.role === "animator" || plan.clientUserId === view.me.id);
  const reports = view.state.consultation.followUp.reports.filter((r) => r.consultationId === plan.consultationId);
  return (
    <section class="panel" aria-label={t("planOf", { name: plan.clientName })}>
      <h2>{t("planOf", { name: plan.clientName })}</h2>
      <p class="muted">{t("requestWas", { text: plan.request })}</p>
      <ul class="cards">
        {plan.actions.map((a) => (
          <FollowUpAction
            key={a.id}
            view={view}
            plan={plan}
            action={a}
            report={reports.find((r) => r.actionId === a.id) ?? null}
            editable={reporter}
          />
        ))}
      </ul>
    </section>
  );
}
