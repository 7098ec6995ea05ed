// Text being typed, kept per consultation and field outside the components, so it survives re-renders and phase changes.
import { type Signal, signal } from "@preact/signals";

const drafts = new Map<string, Signal<string>>();

export function draft(key: string): Signal<string> {
  let d = drafts.get(key);
  if (!d) {
    d = signal("");
    drafts.set(key, d);
  }
  return d;
}
