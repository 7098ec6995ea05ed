// A small string preference kept in localStorage, tolerant of browsers (or embedded views) that refuse storage.

export interface Remembered {
  get(): string | null;
  set(value: string | null): void;
}

export function remembered(key: string): Remembered {
  return {
    get() {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(value) {
      try {
        if (value === null) globalThis.localStorage?.removeItem(key);
        else globalThis.localStorage?.setItem(key, value);
      } catch {
        // Storage refused (private mode, quota): the preference lasts for this page only.
      }
    },
  };
}
