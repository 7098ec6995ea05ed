// The panel's first render in headless Chromium: from navigation to the first paint, and to the live room on screen
// (the dev platform joins a fresh room by URL: session, room chunk, socket, welcome, lobby drawn).
import type { Browser } from "playwright-core";
import { launchChromium } from "../lib/chromium.ts";
import type { BenchContext } from "./context.ts";
import { type Spread, spread } from "./stats.ts";

/** From DESIGN.md: the panel's first render in under 300 ms. */
export const RENDER_BUDGET_MS = 300;

export interface RenderCase {
  /** Chromium's CPU throttling: 1 is this machine, 4 a machine four times slower. */
  cpuSlowdown: number;
  /** A fresh browser profile (nothing cached) or a second load in the same one. */
  cache: "cold" | "warm";
  /** Navigation start → first contentful paint (the loading line). */
  firstPaintMs: Spread;
  /** Navigation start → the live room drawn with this participant in it. */
  roomShownMs: Spread;
}

/** What the page records about itself: the moment the room first shows a participant's name. */
const WATCH_ROOM = `
new MutationObserver((_, observer) => {
  if (document.querySelector(".room-main .person-name")) {
    window.__roomShownAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true });
`;

interface Timing {
  firstPaintMs: number;
  roomShownMs: number;
}

async function load(browser: Browser, url: string, slowdown: number, twice: boolean): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 380, height: 800 } });
  try {
    await context.addInitScript(WATCH_ROOM);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    const once = async (roomUrl: string): Promise<Timing> => {
      await page.goto(roomUrl);
      await page.waitForFunction(() => "__roomShownAt" in window, null, { timeout: 30_000 });
      return page.evaluate(() => ({
        firstPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        roomShownMs: (window as unknown as { __roomShownAt: number }).__roomShownAt,
      }));
    };
    const first = await once(url);
    return twice ? await once(`${url}-again`) : first;
  } finally {
    await context.close();
  }
}

export async function measureRender(ctx: BenchContext): Promise<RenderCase[]> {
  const { runs, slowdowns } = ctx.config.render;
  const browser = await launchChromium();
  const out: RenderCase[] = [];
  try {
    for (const cpuSlowdown of slowdowns) {
      for (const cache of ["cold", "warm"] as const) {
        const timings: Timing[] = [];
        // One load first, not counted: Chromium's own start-up costs are not the panel's.
        for (let i = 0; i <= runs; i++) {
          const url = `${ctx.baseUrl}/?room=${ctx.tag("r")}&name=Bench`;
          const t = await load(browser, url, cpuSlowdown, cache === "warm");
          if (i > 0) timings.push(t);
        }
        const c: RenderCase = {
          cpuSlowdown,
          cache,
          firstPaintMs: spread(timings.map((t) => t.firstPaintMs)),
          roomShownMs: spread(timings.map((t) => t.roomShownMs)),
        };
        out.push(c);
        ctx.log(
          `render ${cache} at ${cpuSlowdown}x CPU: first paint ${c.firstPaintMs.median.toFixed(0)} ms, room ${c.roomShownMs.median.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
