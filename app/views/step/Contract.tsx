// Contract: the client states the request, consultants suggest reformulations, the client adopts one.
import { LIMITS } from "../../../protocol/limits.ts";
import { AuthoredList } from "../../components/AuthoredList.tsx";
import { DraftForm } from "../../components/DraftForm.tsx";
import { Feedback } from "../../components/Feedback.tsx";
import { t } from "../../i18n/i18n.ts";
import { useCommand } from "../../model/useCommand.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";
import { RequestCard } from "./RequestCard.tsx";

export function Contract(view: ViewProps) {
  const c = view.state.consultation;
  const adopt = useCommand(view.store);
  const canAdopt = can(view, "adoptReformulation");
  return (
    <>
      <RequestCard {...view} />
      <section class="panel" aria-labelledby="reformulations-title">
        <h2 id="reformulations-title">{t("reformulations")}</h2>
        <AuthoredList
          state={view.state}
          items={c.reformulations}
          empty={t("noReformulations")}
          label={t("reformulations")}
          itemClass={(r) => (c.request?.adoptedFrom === r.id ? "chosen" : "")}
          action={(r) =>
            c.request?.adoptedFrom === r.id ? (
              <span class="badge">{t("adopted")}</span>
            ) : (
              canAdopt && (
                <button
                  type="button"
                  class="small"
                  aria-label={t("itemField", { field: t("adopt"), item: r.text })}
                  disabled={adopt.pending}
                  onClick={() => adopt.run({ type: "adoptReformulation", reformulationId: r.id })}
                >
                  {t("adopt")}
                </button>
              )
            )
          }
        />
        <Feedback code={adopt.error} />
        {can(view, "suggestReformulation") && (
          <DraftForm
            store={view.store}
            draftKey={draftKey(view, "reformulation")}
            label={t("suggestReformulation")}
            submitLabel={t("suggest")}
            maxLength={LIMITS.reformulation}
            multiline={true}
            toCommand={(text) => ({ type: "suggestReformulation", text })}
          />
        )}
      </section>
    </>
  );
}
