// The panel's header: app name, room, which consultation and phase, settings, and leaving (dev mode).
import { isStep, type Phase, stepNumber } from "../../protocol/model.ts";
import { Settings } from "../components/Settings.tsx";
import { t } from "../i18n/i18n.ts";
import type { RoomStore } from "../model/RoomStore.ts";

interface Props {
  store: RoomStore;
  onLeave: (() => void) | null;
}

export function Header({ store, onLeave }: Props) {
  const c = store.state?.consultation;
  return (
    <header class="room-header">
      <div class="header-row">
        <p class="brand">
          {t("appName")}
          {store.label && <span class="room-label">{t("roomLabel", { code: store.label })}</span>}
        </p>
        {onLeave && (
          <button type="button" class="quiet" onClick={onLeave}>
            {t("leave")}
          </button>
        )}
      </div>
      <div class="header-row">
        <p class="header-sub">
          {c && (
            <>
              {t("consultationNumber", { n: c.number })} · <PhaseLabel phase={c.phase} />
            </>
          )}
        </p>
        <Settings />
      </div>
    </header>
  );
}

function PhaseLabel({ phase }: { phase: Phase }) {
  if (isStep(phase)) return <>{t("stepOf", { n: stepNumber(phase) ?? 0 })}</>;
  return <>{t(`phase_${phase}`)}</>;
}
