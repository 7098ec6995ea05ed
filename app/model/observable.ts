// A minimal observable value and the hook that re-renders on its changes: the little of signals the panel needs, for far fewer bytes.
import { useLayoutEffect, useState } from "preact/hooks";

export interface Subscribable {
  readonly version: number;
  subscribe(listener: () => void): () => void;
}

export class Observable<T> implements Subscribable {
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set value(next: T) {
    if (Object.is(next, this.current)) return;
    this.current = next;
    this.changed();
  }

  /** Tells listeners something they read changed (for holders of several values). */
  changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** Re-renders the calling component (and so its children) whenever one of these changes. */
export function useObserve(...sources: Subscribable[]): void {
  const [, setTick] = useState(0);
  const seen = sources.map((s) => s.version);
  useLayoutEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const offs = sources.map((s) => s.subscribe(bump));
    // A change between this render and the subscription would otherwise go unseen.
    if (sources.some((s, i) => s.version !== seen[i])) bump();
    return () => {
      for (const off of offs) off();
    };
  }, sources);
}
