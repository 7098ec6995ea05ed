// The lobby: who is here and in which role, the group charter, the format; the animator sets things up.
import { Charter } from "../../components/Charter.tsx";
import { ParticipantList } from "../../components/ParticipantList.tsx";
import { t } from "../../i18n/i18n.ts";
import { LobbyGroup } from "../../memory/mounts.tsx";
import type { ViewProps } from "../../model/viewProps.ts";
import { AnimatorBar } from "../AnimatorBar.tsx";
import { FormatPanel } from "./FormatPanel.tsx";
import { RoleControls } from "./RoleControls.tsx";

export function Lobby(view: ViewProps) {
  const animating = view.me.role === "animator";
  return (
    <div class="phase lobby">
      <h1>{t("phase_lobby")}</h1>
      {!animating && <p class="lead">{t("waitAnimator")}</p>}
      <AnimatorBar {...view} />
      <div class="columns">
        <div class="column">
          <ParticipantList
            state={view.state}
            online={view.store.online}
            meId={view.me.id}
            controls={animating ? (p) => <RoleControls view={view} person={p} /> : undefined}
          />
          <Charter open={true} />
        </div>
        <div class="column">
          <LobbyGroup {...view} />
          <FormatPanel {...view} />
        </div>
      </div>
    </div>
  );
}
