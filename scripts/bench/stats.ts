// Percentiles of one run and the spread of a figure over several runs.

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; NaN everywhere for an empty sample so a missing figure never looks like zero. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1] ?? Number.NaN;
  };
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** One figure over several runs: the median and the range. */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(mid)] ?? Number.NaN)
        : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN, runs: [...values] };
}

export function ratio(value: number, floor: number): number {
  return floor > 0 && Number.isFinite(value) && Number.isFinite(floor) ? value / floor : Number.NaN;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
