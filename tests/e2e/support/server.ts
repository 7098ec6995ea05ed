// The e2e server: the built panel (built here if missing) served by wrangler dev in dev mode, on a free port.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
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

/** `npm test` builds before the tests; a lone e2e run builds here so it never tests a stale or missing panel. */
function ensureBuilt(): void {
  if (existsSync(join(root, "dist", "index.html"))) return;
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(process.execPath, [vite, "build"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the panel did not build:\n${build.stdout}\n${build.stderr}`);
}

export async function startServer(): Promise<LocalServer> {
  ensureBuilt();
  return startLocalServer({ port: await freePort() });
}
