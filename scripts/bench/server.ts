// Starts wrangler dev on a snapshot of the Worker's sources, so edits in the working tree cannot reload it mid-run.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
/** What the Worker needs to build and serve: its sources, the shared protocol, migrations and configuration. */
const SNAPSHOT = ["worker", "protocol", "drizzle", "wrangler.toml", "package.json", "tsconfig.base.json"];

export interface BenchServer {
  url: string;
  port: number;
  /** Process group of wrangler and its workerd children (wrangler is started detached, as its own group). */
  group: number;
  stop(): Promise<void>;
  /** Reloads seen in the server's output; any would invalidate the figures. */
  reloads(): number;
  /** Runtime crashes (wrangler restarts workerd) seen in the server's output. */
  crashes(): number;
  /** The server's latest error lines, to say why a scenario failed. */
  recentErrors(): string[];
}

export interface BenchServerOptions {
  port: number;
  distDir: string;
  /** Parent folder of the snapshot and its local state; /dev/shm keeps SQLite off the disk. */
  parentDir?: string;
  log?: (text: string) => void;
}

export async function startBenchServer(opts: BenchServerOptions): Promise<BenchServer> {
  const dir = mkdtempSync(join(opts.parentDir ?? tmpdir(), "codev-bench-"));
  for (const entry of SNAPSHOT) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  cpSync(opts.distDir, join(dir, "dist"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const persistTo = join(dir, ".state");
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };
  const migrate = spawnSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    {
      cwd: dir,
      env,
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`D1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  }
  const args = [wrangler, "dev", "--port", String(opts.port), "--ip", "127.0.0.1", "--persist-to", persistTo];
  args.push("--show-interactive-dev-session=false", "--var", "DEV_MODE:true");
  args.push("--var", `SESSION_SECRET:${randomBytes(24).toString("hex")}`);
  const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let reloads = 0;
  let crashes = 0;
  const errors: string[] = [];
  const tail: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes("Reloading local server")) reloads++;
    if (text.includes("runtime crashed")) crashes++;
    for (const line of text.split("\n")) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the output carries colour codes.
      const plain = line.replace(/\u001b\[[0-9;]*m/g, "").trim();
      if (/ERROR|Uncaught|crashed|os error/.test(plain)) errors.push(plain.slice(0, 300));
    }
    if (errors.length > 20) errors.splice(0, errors.length - 20);
    tail.push(text);
    if (tail.length > 100) tail.shift();
    opts.log?.(text);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    await killGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        return {
          url,
          port: opts.port,
          group: child.pid ?? 0,
          stop,
          reloads: () => reloads,
          crashes: () => crashes,
          recentErrors: () => errors.slice(-5),
        };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the bench server did not start:\n${tail.join("")}`);
}

async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      signal("SIGKILL");
      resolve();
    }, 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}
