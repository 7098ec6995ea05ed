// Words and dates for the memory views: localised dates, error messages, follow-up summaries, file downloads.
import { lang, t } from "../i18n/i18n.ts";
import { MemoryError } from "./api.ts";
import { tm } from "./i18n/tm.ts";

export function day(ms: number): string {
  return new Intl.DateTimeFormat(lang.value, { dateStyle: "medium" }).format(new Date(ms));
}

/** What went wrong, in the reader's words: refused, already started, or unavailable. */
export function failure(err: unknown): string {
  if (err instanceof MemoryError) {
    if (err.status === 403) return tm("mem_forbidden");
    if (err.status === 409) return tm("mem_started");
    if (err.status === 404) return t("err_not_found");
  }
  return tm("mem_failed");
}

type Counts = { done: number; inProgress: number; open: number; dropped: number };
const COUNTED = ["done", "inProgress", "open", "dropped"] as const;

/** "Suivi : 2 faites, 1 à faire": only the statuses some action has, each in the plural form `tn` would pick. */
export function followUpLine(c: Counts): string {
  const rules = new Intl.PluralRules(lang.value);
  const list = COUNTED.filter((k) => c[k]).map((k) =>
    tm(`mem_${k}_${rules.select(c[k]) === "one" ? "one" : "other"}`, { n: c[k] }),
  );
  return tm("mem_followUpCounts", { list: list.join(", ") });
}

/** Hands a text to the browser as a file to save (Markdown report, JSON export). */
export function saveFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
