// Text being typed, kept per consultation and field outside the components, so it survives re-renders and phase changes.
import { Observable } from "./observable.ts";

const drafts = new Map<string, Observable<string>>();

export function draft(key: string): Observable<string> {
  let d = drafts.get(key);
  if (!d) {
    d = new Observable("");
    drafts.set(key, d);
  }
  return d;
}
