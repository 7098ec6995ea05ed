// Number and table formatting for the markdown report.
import type { Spread } from "./stats.ts";

export function num(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return "–";
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

/** "median [min–max]" over the runs. */
export function cell(s: Spread, digits = 1): string {
  if (s.runs.length <= 1) return num(s.median, digits);
  return `${num(s.median, digits)} [${num(s.min, digits)}–${num(s.max, digits)}]`;
}

export function times(room: number, floor: number): string {
  if (!Number.isFinite(room) || !Number.isFinite(floor) || floor <= 0) return "–";
  return `${(room / floor).toFixed(2)}×`;
}

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
