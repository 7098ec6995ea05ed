// Builds the panel into a temporary folder and weighs each shipped file, raw and gzipped, against the budgets.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./server.ts";

/** From DESIGN.md: gzip, Zoom SDK included. */
export const BUDGETS = { firstRenderJsKb: 50, everythingKb: 75 };

export interface ShippedFile {
  file: string;
  kind: "js" | "css" | "html" | "other";
  rawBytes: number;
  gzipBytes: number;
  /** Loaded before the first render (entry script, its preloads, stylesheets). */
  firstRender: boolean;
}

export interface BundleReport {
  files: ShippedFile[];
  /** What the build itself said when its own budget check failed. */
  buildComplaint: string | null;
  firstRenderJsGzipKb: number;
  firstRenderCssGzipKb: number;
  everythingGzipKb: number;
  withinBudget: { firstRenderJs: boolean; everything: boolean };
}

/**
 * Builds with the project's vite config into a fresh folder (dist/ belongs to `npm run build`): the production build
 * by default, or the local one with dev mode (what the render scenario needs to join a room without Zoom). The build's own
 * budget check may fail it after writing the files: those files are still what would ship, so they are weighed, and
 * the build's complaint is returned with them.
 */
export interface PanelBuild {
  dir: string;
  complaint: string | null;
  /** The files the build's own report marks as needed for the first render (see scripts/reportSize.ts). */
  firstRender: Set<string>;
}

/** The build prints `  *   19.86 KB  assets/x.js` for each file the first render needs. */
function firstRenderOfReport(stdout: string): Set<string> {
  return new Set([...stdout.matchAll(/^\s+\*\s+[\d.]+ KB\s+(\S+)$/gm)].map((m) => m[1] ?? ""));
}

export function buildPanel(mode: "production" | "devtools" = "production"): PanelBuild {
  const outDir = mkdtempSync(join(tmpdir(), "codev-bench-dist-"));
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const args = [vite, "build", "--mode", mode, "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"];
  const out = spawnSync(process.execPath, args, {
    cwd: root,
    // The production build whatever the caller's NODE_ENV (vitest sets "test", which would weigh a dev Preact).
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  const firstRender = firstRenderOfReport(out.stdout);
  if (out.status === 0) return { dir: outDir, complaint: null, firstRender };
  if (!existsSync(join(outDir, "index.html"))) throw new Error(`the panel build failed:\n${out.stdout}\n${out.stderr}`);
  const complaint = /(over budget[^\n]*)/.exec(out.stderr)?.[1] ?? out.stderr.trim().split("\n").slice(-3).join(" ");
  return { dir: outDir, complaint, firstRender };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Assets the HTML loads up front: module scripts, module preloads and stylesheets. */
function firstRenderAssets(html: string): Set<string> {
  const refs = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = m[0];
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!ref) continue;
    const isScript = tag.startsWith("<script");
    const isPreload = /rel="(?:modulepreload|stylesheet)"/.test(tag);
    if (isScript || isPreload) refs.add(ref.replace(/^\//, ""));
  }
  return refs;
}

/**
 * Weighs every file in the build. What the first render needs is the build's own account when given (the entry,
 * its static imports, the live room's chunk start-up fetches at once and the Zoom SDK's), else what the HTML loads.
 * 1 KB = 1000 bytes, as the build reports them.
 */
export function weighPanel(
  distDir: string,
  buildComplaint: string | null = null,
  firstRender?: Set<string>,
): BundleReport {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const first = firstRender?.size ? firstRender : firstRenderAssets(html);
  const kb = (bytes: number) => bytes / 1000;
  const files: ShippedFile[] = filesUnder(distDir)
    .filter((p) => !p.endsWith(".map"))
    .map((path): ShippedFile => {
      const file = relative(distDir, path);
      const data = readFileSync(path);
      const ext = extname(file).slice(1);
      const kind: ShippedFile["kind"] = ext === "js" || ext === "css" || ext === "html" ? ext : "other";
      return {
        file,
        kind,
        rawBytes: data.length,
        gzipBytes: gzipSync(data, { level: 9 }).length,
        firstRender: file === "index.html" || first.has(file),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const total = (pick: (f: ShippedFile) => boolean) => kb(files.filter(pick).reduce((n, f) => n + f.gzipBytes, 0));
  const firstRenderJsGzipKb = total((f) => f.firstRender && f.kind === "js");
  const everythingGzipKb = total((f) => f.kind === "js" || f.kind === "css" || f.kind === "html");
  return {
    files,
    buildComplaint,
    firstRenderJsGzipKb,
    firstRenderCssGzipKb: total((f) => f.firstRender && f.kind === "css"),
    everythingGzipKb,
    withinBudget: {
      firstRenderJs: firstRenderJsGzipKb <= BUDGETS.firstRenderJsKb,
      everything: everythingGzipKb <= BUDGETS.everythingKb,
    },
  };
}
