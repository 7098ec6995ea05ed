// Headless Chromium for the e2e tests: one browser, a context per participant, and what each check needs.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../../scripts/lib/chromium.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
export const SHOTS = join(root, "test-results", "screenshots");
const AXE = join(root, "node_modules", "axe-core", "axe.min.js");

export function launch(): Promise<Browser> {
  return launchChromium();
}

export interface Person {
  name: string;
  /** Short id for file names. */
  key: string;
  lang: "fr" | "en";
  theme: "light" | "dark";
  width: number;
  context: BrowserContext;
  page: Page;
  /** Browser errors seen on this page; the test expects none. */
  errors: string[];
}

export async function person(
  browser: Browser,
  opts: { name: string; key: string; lang: "fr" | "en"; theme: "light" | "dark"; width: number },
): Promise<Person> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: 900 },
    colorScheme: opts.theme,
    locale: opts.lang === "fr" ? "fr-CA" : "en-CA",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  // Uncaught exceptions only: network errors while a test cuts the network are expected console noise.
  page.on("pageerror", (e) => errors.push(e.message));
  return { ...opts, context, page, errors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy rightly does not let a tag do.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const all = await page.evaluate(async () => {
    type Result = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    // axe.min.js defines this global; its shape is axe's documented result.
    const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
  });
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function screenshot(p: Person, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await p.page.screenshot({
    path: join(SHOTS, `${name}-${p.key}-${p.lang}-${p.theme}-${p.width}.png`),
    fullPage: true,
  });
}
