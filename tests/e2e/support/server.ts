// The e2e server: the panel's local build served by wrangler dev in dev mode, on a free port.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalServer, startLocalServer } from "../../../scripts/lib/localServer.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Which panel build a test serves: the production one, or the local one with dev mode's start page and demo. */
export type Flavour = "production" | "devtools";

/** Builds the panel fresh into its own folder, so a test never runs a stale one. */
export function buildPanel(flavour: Flavour): string {
  const outDir = mkdtempSync(join(tmpdir(), `codev-e2e-${flavour}-`));
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(
    process.execPath,
    [vite, "build", "--mode", flavour, "--outDir", outDir, "--logLevel", "warn"],
    // Vitest sets NODE_ENV=test, which would give a development build of Preact.
    { cwd: root, env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`the panel did not build:\n${build.stdout}\n${build.stderr}`);
  return outDir;
}

/** The app served by wrangler dev in dev mode (the local build unless told otherwise). */
export async function startServer(flavour: Flavour = "devtools"): Promise<LocalServer & { assets: string }> {
  const assets = buildPanel(flavour);
  const server = await startLocalServer({ port: await freePort(), assets });
  return {
    ...server,
    assets,
    stop: async () => {
      await server.stop();
      rmSync(assets, { recursive: true, force: true });
    },
  };
}
