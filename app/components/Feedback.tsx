// A command's refusal or error, in words, right beside the control that sent it.
import type { MessageKey } from "../i18n/fr.ts";
import { t } from "../i18n/i18n.ts";

export function Feedback({ code }: { code: MessageKey | null }) {
  if (!code) return null;
  return (
    <p class="feedback" role="alert">
      {t(code)}
    </p>
  );
}
