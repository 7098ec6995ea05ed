// One run at a time per results folder: a second run would fight the first for the cores and overwrite its files.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock for outDir or throws, naming the run that holds it; returns the release. */
export function lockResults(outDir: string): () => void {
  const path = join(tmpdir(), `codev-bench-${createHash("sha1").update(outDir).digest("hex").slice(0, 10)}.lock`);
  let holder = Number.NaN;
  try {
    holder = Number(readFileSync(path, "utf8"));
  } catch {
    // No lock yet.
  }
  if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
    throw new Error(`another bench (pid ${holder}) is writing to ${outDir}; wait for it or stop it first`);
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
