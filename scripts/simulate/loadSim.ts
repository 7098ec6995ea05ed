// Loads protocol/sim in Node; re-runs this script with type transforms when a shared module uses TypeScript-only syntax.
import { spawnSync } from "node:child_process";

type SimModule = typeof import("../../protocol/sim/index.ts");

const TRANSFORM = "--experimental-transform-types";

/**
 * Node's default type stripping refuses constructor parameter properties (RoomConnection has one); the transform
 * mode accepts them. The child inherits the terminal, and its exit code becomes ours.
 */
export async function loadSim(): Promise<SimModule> {
  try {
    return await import("../../protocol/sim/index.ts");
  } catch (err) {
    const code = err instanceof Error && "code" in err ? err.code : undefined;
    if (code !== "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" || process.execArgv.includes(TRANSFORM)) throw err;
    const args = [TRANSFORM, "--disable-warning=ExperimentalWarning", ...process.execArgv, ...process.argv.slice(1)];
    const child = spawnSync(process.execPath, args, { stdio: "inherit" });
    process.exit(child.status ?? 1);
  }
}
