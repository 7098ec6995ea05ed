// Shown in a plain browser when the server is not in dev mode: the app only runs inside a Zoom meeting.
import { Settings } from "../components/Settings.tsx";
import { t } from "../i18n/i18n.ts";

export function NotInZoom() {
  return (
    <main class="page">
      <Settings />
      <h1>{t("notInZoomTitle")}</h1>
      <p>{t("notInZoomText")}</p>
    </main>
  );
}
