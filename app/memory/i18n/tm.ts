// The memory views' string lookup in the current language; the English table is fetched the first time it is needed.
import { fill, type Lang, lang } from "../../i18n/i18n.ts";
import { Observable } from "../../model/observable.ts";
import { type MemoryKey, type MemoryMessages, memFr } from "./fr.ts";

const TABLES: Partial<Record<Lang, MemoryMessages>> = { fr: memFr };
let fetching = false;

/** Changes when a table arrives, so a memory view shown in the fallback language re-renders in the chosen one. */
export const memoryStrings = new Observable(0);

function table(): MemoryMessages {
  const current = TABLES[lang.value];
  if (current) return current;
  if (!fetching) {
    fetching = true;
    import("../../i18n/en.ts").then(
      (m) => {
        TABLES.en = m.memEn;
        memoryStrings.changed();
      },
      () => {
        fetching = false;
      },
    );
  }
  return memFr;
}

/** The panel's own `fill`, so memory strings get the same French typography and placeholders as every other. */
export function tm(key: MemoryKey, params?: Record<string, string | number>): string {
  return fill(table()[key], params);
}
