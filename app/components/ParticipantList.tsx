// Who is in the room, their role and whether they are connected now; the animator gets role controls per person.
import type { ComponentChildren } from "preact";
import type { Participant, RoomState } from "../../protocol/model.ts";
import { t } from "../i18n/i18n.ts";

interface Props {
  state: RoomState;
  online: readonly string[];
  meId: string;
  controls?: (p: Participant) => ComponentChildren;
}

const ORDER = { animator: 0, client: 1, scribe: 2, consultant: 3 } as const;

export function ParticipantList({ state, online, meId, controls }: Props) {
  // With controls (the animator's lobby) the order never changes under a focused role select: join order only.
  const people = [...state.participants].sort(
    (a, b) => (controls ? 0 : ORDER[a.role] - ORDER[b.role]) || a.joinedAt - b.joinedAt,
  );
  return (
    <section class="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t("participants")}</h2>
      <ul class="people">
        {people.map((p) => {
          const here = online.includes(p.id);
          return (
            <li key={p.id} class="person">
              <span class={`presence ${here ? "on" : "off"}`} aria-hidden="true" />
              <span class="person-name">
                {p.name}
                {p.id === meId && <span class="muted"> {t("you")}</span>}
                <span class="sr-only"> ({t(here ? "online" : "offline")})</span>
              </span>
              <span class={`role-badge role-${p.role}`}>{t(`role_${p.role}`)}</span>
              {controls?.(p)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
