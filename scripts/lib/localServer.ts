// Starts the app locally (wrangler dev: workerd, local D1 migrated, dev mode on) for e2e tests, simulate and bench.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Run wrangler on this very Node (24 under npm scripts), not on whatever `node` is first on PATH.
const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");

export interface LocalServer {
  url: string;
  persistTo: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  port: number;
  /** Folder for local D1 and Durable Object state; a fresh temporary one when absent (removed on stop). */
  persistTo?: string;
  /** The panel build to serve (wrangler's `--assets`); `dist/` from wrangler.toml when absent. */
  assets?: string;
  /** Extra `--var NAME:value` pairs. */
  vars?: Record<string, string>;
  log?: (line: string) => void;
}

export async function startLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  const temporary = opts.persistTo === undefined;
  const persistTo = opts.persistTo ?? mkdtempSync(join(tmpdir(), "codev-state-"));
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };
  const migrate = spawnSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    {
      cwd: root,
      env,
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`D1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const vars: Record<string, string> = {
    DEV_MODE: "true",
    SESSION_SECRET: randomBytes(24).toString("hex"),
    ...opts.vars,
  };
  const args = [
    "dev",
    "--port",
    String(opts.port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
  ];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  if (opts.assets) args.push("--assets", opts.assets);
  const child = spawn(process.execPath, [wrangler, ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    opts.log?.(text);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await new Promise((resolve) => {
        const t = setTimeout(() => {
          if (child.pid !== undefined) {
            try {
              process.kill(-child.pid, "SIGKILL");
            } catch {
              // Already gone.
            }
          }
          resolve(undefined);
        }, 5000);
        child.once("exit", () => {
          clearTimeout(t);
          resolve(undefined);
        });
      });
    }
    if (temporary) rmSync(persistTo, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, persistTo, process: child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the local server did not start:\n${output.join("")}`);
}
