// The ideas the client marked as resonating, kept in view while the client writes the plan and in the summary.
import type { RoomState } from "../../../protocol/model.ts";
import { t } from "../../i18n/i18n.ts";
import { nameOf } from "../../model/viewProps.ts";

export function MarkedIdeas({ state }: { state: RoomState }) {
  const marked = state.consultation.ideas.filter((i) => i.marked);
  return (
    <section class="panel" aria-labelledby="marked-title">
      <h2 id="marked-title">{t("markedIdeas")}</h2>
      {marked.length === 0 ? (
        <p class="empty">{t("noMarkedIdeas")}</p>
      ) : (
        <ul class="cards">
          {marked.map((i) => (
            <li key={i.id} class="card marked">
              <p class="card-text">{i.text}</p>
              <p class="card-meta">
                <span class="author">{nameOf(state, i.authorId)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
