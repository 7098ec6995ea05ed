// A small string kept in localStorage (or this tab's sessionStorage), tolerant of browsers (or embedded views) that
// refuse storage.

export interface Remembered {
  get(): string | null;
  set(value: string | null): void;
}

export function remembered(key: string, where: "localStorage" | "sessionStorage" = "localStorage"): Remembered {
  return {
    get() {
      try {
        return globalThis[where]?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(value) {
      try {
        if (value === null) globalThis[where]?.removeItem(key);
        else globalThis[where]?.setItem(key, value);
      } catch {
        // Storage refused (private mode, quota): the preference lasts for this page only.
      }
    },
  };
}
