// Text being typed, kept per consultation, participant and field outside the components, so it survives re-renders,
// phase changes and a reload of the tab (sessionStorage: another tab is another participant in dev mode).
import { Observable } from "./observable.ts";
import { remembered } from "./remembered.ts";

const drafts = new Map<string, Observable<string>>();

export function draft(key: string): Observable<string> {
  const known = drafts.get(key);
  if (known) return known;
  const saved = remembered(`codev:draft:${key}`, "sessionStorage");
  const d = new Observable(saved.get() ?? "");
  d.subscribe(() => saved.set(d.value === "" ? null : d.value));
  drafts.set(key, d);
  return d;
}
