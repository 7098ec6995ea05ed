// Light or dark theme: follows the system unless the person picks one, and the pick is remembered.
import { Observable } from "../model/observable.ts";
import { remembered } from "../model/remembered.ts";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const store = remembered("codev:theme");
const saved = store.get();
export const theme = new Observable<Theme>(saved === "light" || saved === "dark" ? saved : "system");

// One dark palette in the stylesheet, chosen here: the system's preference unless the person picked a theme.
const systemDark = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
systemDark?.addEventListener?.("change", () => applyTheme());

export function applyTheme(): void {
  const dark = theme.value === "dark" || (theme.value === "system" && systemDark?.matches === true);
  document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
}

export function setTheme(next: Theme): void {
  theme.value = next;
  store.set(next === "system" ? null : next);
  applyTheme();
}
