// Splits rows for multi-row inserts so that no statement exceeds D1's bound-parameter limit.
import { getTableColumns, type Table } from "drizzle-orm";

/** D1 refuses statements with more bound parameters than this. */
export const D1_MAX_PARAMS = 100;

export function chunks<T>(table: Table, rows: readonly T[]): T[][] {
  const perRow = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(D1_MAX_PARAMS / perRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Ids for an `IN (…)` list, a safe number at a time. */
export function idBatches(ids: readonly string[], size = 90): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
