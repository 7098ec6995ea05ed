// The lobby's group panel: which group the meeting belongs to (recognised or chosen); the animator attaches or creates it.
import { useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import { useObserve } from "../model/observable.ts";
import type { ViewProps } from "../model/viewProps.ts";
import { AttachGroup } from "./AttachGroup.tsx";
import { memoryApi } from "./api.ts";
import { failure } from "./format.ts";
import { memoryStrings, tm } from "./i18n/tm.ts";
import { MeetingGroupSchema } from "./schemas.ts";
import { useLoad } from "./useLoad.ts";

export function GroupBar({ view }: { view: ViewProps }) {
  useObserve(memoryStrings);
  const api = memoryApi(view.store);
  const animating = view.me.role === "animator";
  const [changed, setChanged] = useState(0);
  // The room reloads its follow-up when its group changes, so a new plan list is also a sign to look again.
  const plans = view.state.consultation.followUp.plans;
  const current = useLoad(() => api.json("GET", "/api/meeting/group", MeetingGroupSchema), [changed, plans, animating]);
  const group = current.data?.group ?? null;
  return (
    <section class="panel memory-group" aria-labelledby="memory-group-title">
      <h2 id="memory-group-title">{tm("mem_groupTitle")}</h2>
      {current.loading && !current.data ? (
        <p class="muted" role="status">
          {t("loading")}
        </p>
      ) : current.error ? (
        <p class="feedback" role="alert">
          {failure(current.error)}
        </p>
      ) : group ? (
        <>
          <p class="memory-group-name">{group.name}</p>
          {group.mission && <p class="muted">{group.mission}</p>}
          {group.charter && (
            <details class="memory-charter">
              <summary>{tm("mem_groupCharter")}</summary>
              <p class="memory-text">{group.charter}</p>
            </details>
          )}
        </>
      ) : (
        <p class="empty">{tm(animating ? "mem_attachIntro" : "mem_noGroup")}</p>
      )}
      {animating && !current.error && current.data && (
        <AttachGroup api={api} current={group} onChanged={() => setChanged((n) => n + 1)} />
      )}
    </section>
  );
}
