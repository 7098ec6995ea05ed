// A command's refusal or error, in words, right beside the control that sent it.
import type { ErrorCode } from "../../protocol/errors.ts";
import { t } from "../i18n/i18n.ts";

export function Feedback({ code }: { code: ErrorCode | null }) {
  if (!code) return null;
  return (
    <p class="feedback" role="alert">
      {t(`err_${code}`)}
    </p>
  );
}
