// The lobby's group panel: which group the meeting belongs to (recognised or chosen); the animator attaches or creates it.
import { useObserve } from "../model/observable.ts";
import type { ViewProps } from "../model/viewProps.ts";
import { AttachGroup } from "./AttachGroup.tsx";
import { memoryApi } from "./api.ts";
import { memoryStrings, tm } from "./i18n/tm.ts";

/** The group comes with the room's state, so everyone sees it change as soon as the animator attaches it. */
export function GroupBar({ view }: { view: ViewProps }) {
  useObserve(memoryStrings);
  const group = view.state.group ?? null;
  const animating = view.me.role === "animator";
  return (
    <section class="panel memory-group" aria-labelledby="memory-group-title">
      <h2 id="memory-group-title">{tm("mem_tab_group")}</h2>
      {group ? (
        <>
          <p class="memory-group-name">{group.name}</p>
          {group.mission && <p class="muted memory-text">{group.mission}</p>}
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
      {animating && <AttachGroup api={memoryApi(view.store)} current={group} />}
    </section>
  );
}
