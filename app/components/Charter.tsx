// The group charter of the method, open in the lobby and on demand later.
import { t } from "../i18n/i18n.ts";

const ITEMS = ["charter1", "charter2", "charter3", "charter4", "charter5", "charter6"] as const;

export function Charter({ open }: { open: boolean }) {
  return (
    <details class="panel charter" open={open}>
      <summary>{t("charterTitle")}</summary>
      <ul>
        {ITEMS.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </details>
  );
}
