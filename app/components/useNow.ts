// Re-renders on a period while something counts down; returns the current server time.
import { useEffect, useState } from "preact/hooks";

export function useNow(serverNow: () => number, periodMs: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (periodMs === null) return;
    const id = setInterval(() => setTick((n) => n + 1), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return serverNow();
}
