// The animator's controls: move on or back through the phases, the step timer, and closing the consultation.
import { isStep, type Phase } from "../../protocol/model.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { Feedback } from "../components/Feedback.tsx";
import type { MessageKey } from "../i18n/fr.ts";
import { t } from "../i18n/i18n.ts";
import { useCommand } from "../model/useCommand.ts";
import { can, type ViewProps } from "../model/viewProps.ts";

const NEXT_LABEL: Partial<Record<Phase, MessageKey>> = {
  lobby: "startSession",
  choice: "startSteps",
  evaluation: "finish",
};

export function AnimatorBar(view: ViewProps) {
  const nav = useCommand(view.store);
  const clock = useCommand(view.store);
  const c = view.state.consultation;
  if (view.me.role !== "animator" || c.phase === "closed") return null;
  const step = isStep(c.phase);
  const needsClient = c.phase === "choice" && c.clientId === null;
  const next = t(NEXT_LABEL[c.phase] ?? "next");
  const running = c.timer.status === "running";
  const up = c.timer.status === "expired";
  return (
    <section class="animator-bar" aria-label={t("animatorControls")}>
      <div class="bar-row">
        {can(view, "goBack") && (
          <ConfirmButton
            question={t(step ? "confirmBack" : "confirmBackPhase")}
            onConfirm={() => nav.run({ type: "goBack" })}
          >
            {t("back")}
          </ConfirmButton>
        )}
        {c.phase === "evaluation" ? (
          <ConfirmButton class="primary" question={t("confirmFinish")} onConfirm={() => nav.run({ type: "advance" })}>
            {next}
          </ConfirmButton>
        ) : (
          <button
            type="button"
            class="primary"
            disabled={needsClient}
            aria-describedby={needsClient ? "needs-client" : undefined}
            onClick={() => nav.pending || nav.run({ type: "advance" })}
          >
            {next}
          </button>
        )}
      </div>
      {needsClient && (
        <p class="hint" id="needs-client">
          {t("chooseFirst")}
        </p>
      )}
      <Feedback code={nav.error} />
      {step && (
        <div class="bar-row">
          {/* At time-up the timer cannot start again: no dead button, but what can be done (said below). */}
          {!up && (
            <button
              type="button"
              onClick={() => clock.pending || clock.run({ type: running ? "pauseTimer" : "startTimer" })}
            >
              {t(running ? "pauseTimer" : c.timer.status === "paused" ? "resumeTimer" : "startTimer")}
            </button>
          )}
          <button type="button" onClick={() => clock.pending || clock.run({ type: "extendTimer", minutes: 5 })}>
            {t("addFive")}
          </button>
          {/* In the last step "Terminer" closes the consultation: a second way to the same end would only puzzle. */}
          {c.phase !== "evaluation" && (
            <ConfirmButton class="danger" question={t("confirmClose")} onConfirm={() => nav.run({ type: "close" })}>
              {t("close")}
            </ConfirmButton>
          )}
        </div>
      )}
      {step && up && <p class="hint">{t("why_timeUp")}</p>}
      <Feedback code={clock.error} />
    </section>
  );
}
