// Light or dark theme: follows the system unless the person picks one, and the pick is remembered.
import { signal } from "@preact/signals";
import { remembered } from "../model/remembered.ts";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const store = remembered("codev:theme");
const saved = store.get();
export const theme = signal<Theme>(saved === "light" || saved === "dark" ? saved : "system");

export function applyTheme(): void {
  const root = document.documentElement;
  if (theme.value === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme.value);
}

export function setTheme(next: Theme): void {
  theme.value = next;
  store.set(next === "system" ? null : next);
  applyTheme();
}
