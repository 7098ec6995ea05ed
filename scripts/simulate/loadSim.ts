// Loads protocol/sim in Node; the shared modules use only erasable TypeScript, so Node's type stripping runs them.

type SimModule = typeof import("../../protocol/sim/index.ts");

/** `protocol/tsconfig.json` sets `erasableSyntaxOnly`, so no TypeScript-only syntax can creep in and break this. */
export function loadSim(): Promise<SimModule> {
  return import("../../protocol/sim/index.ts");
}
