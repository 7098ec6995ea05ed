// The client's request (the contract): shown to all, written and revised by the client; in the summary too.
import { LIMITS } from "../../../protocol/limits.ts";
import { DraftForm } from "../../components/DraftForm.tsx";
import { t } from "../../i18n/i18n.ts";
import { can, draftKey, type ViewProps } from "../../model/viewProps.ts";

export function RequestCard(view: ViewProps) {
  const request = view.state.consultation.request;
  return (
    <section class="panel request" aria-labelledby="request-title">
      <h2 id="request-title">{t("request")}</h2>
      {request ? (
        <>
          <blockquote class="request-text">{request.text}</blockquote>
          {request.adoptedFrom && <p class="badge adopted-from">{t("adoptedFrom")}</p>}
        </>
      ) : (
        <p class="empty">{t("noRequest")}</p>
      )}
      {can(view, "setRequest") && (
        <DraftForm
          store={view.store}
          draftKey={draftKey(view, "request")}
          label={t("writeRequest")}
          submitLabel={t("saveRequest")}
          maxLength={LIMITS.request}
          multiline={true}
          toCommand={(text) => ({ type: "setRequest", text })}
        />
      )}
    </section>
  );
}
