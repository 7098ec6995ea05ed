// A list of short texts with their authors (questions, reformulations, learnings), with an optional action per item.
import type { ComponentChildren } from "preact";
import type { Authored, RoomState } from "../../protocol/model.ts";
import { nameOf } from "../model/viewProps.ts";

interface Props<T extends Authored> {
  state: RoomState;
  items: readonly T[];
  empty: string;
  label: string;
  itemClass?: (item: T) => string;
  action?: (item: T) => ComponentChildren;
}

export function AuthoredList<T extends Authored>({ state, items, empty, label, itemClass, action }: Props<T>) {
  if (items.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="cards" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} class={`card ${itemClass?.(item) ?? ""}`}>
          <p class="card-text">{item.text}</p>
          <p class="card-meta">
            <span class="author">{nameOf(state, item.authorId)}</span>
            {action?.(item)}
          </p>
        </li>
      ))}
    </ul>
  );
}
