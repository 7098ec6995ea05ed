// The current language (French by default, English on choice, remembered) and the one lookup every string goes through.
import { Observable } from "../model/observable.ts";
import { remembered } from "../model/remembered.ts";
import { fr, type MessageKey, type Messages } from "./fr.ts";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];
/** Each language named in itself, as language switches show them. */
export const LANG_NAMES: Record<Lang, string> = { fr: "Français", en: "English" };

// French ships with the first render; English is fetched when chosen (or remembered) so it weighs nothing otherwise.
const TABLES: Partial<Record<Lang, Messages>> = { fr };
const store = remembered("codev:lang");

function initialLang(): Lang {
  const saved = store.get();
  return saved === "en" || saved === "fr" ? saved : "fr";
}

export const lang = new Observable<Lang>(initialLang());

/** Makes sure the table for this language is here; call before the first render. */
export async function loadLang(next: Lang): Promise<void> {
  if (!TABLES[next]) TABLES[next] = (await import("./en.ts")).en;
}

export async function setLang(next: Lang): Promise<void> {
  store.set(next);
  await loadLang(next);
  lang.value = next;
  document.documentElement.lang = next;
}

/** The string for this key in the current language, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill((TABLES[lang.value] ?? fr)[key], params);
}

type Counted = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;

/** The string for a count, in the form the language's plural rules ask for ("1 vote", "0 vote" in French, "0 votes"). */
export function tn(key: Counted, n: number): string {
  const form = new Intl.PluralRules(lang.value).select(n) === "one" ? "one" : "other";
  return t(`${key}_${form}`, { n });
}

/** A string of the current language made ready to show: French typography, then `{name}` placeholders filled. */
export function fill(raw: string, params?: Record<string, string | number>): string {
  // French typography: a no-break space before two-part punctuation, so "?" never starts a line alone;
  // "de" elided before a name starting with a vowel or a mute h ("Rôle d'Émilie").
  const text =
    lang.value === "fr"
      ? raw
          .replace(/ ([:;?!»])/g, "\u00a0$1")
          .replace(/« /g, "«\u00a0")
          .replace(/\b([dD])e \{(\w+)\}/g, (whole, d: string, name: string) =>
            /^([aeiouhàâäéèêëîïôöùûüœæ]|y[^aeiouy])/i.test(String(params?.[name] ?? "")) ? `${d}'{${name}}` : whole,
          )
      : raw;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A due date (ISO YYYY-MM-DD) as the reader's language writes dates, or "no due date". */
export function dueLine(iso: string | null): string {
  if (!iso) return t("noDue");
  const date = new Date(`${iso}T00:00:00Z`);
  const shown = Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(lang.value, { dateStyle: "medium", timeZone: "UTC" }).format(date);
  return t("due", { date: shown });
}
