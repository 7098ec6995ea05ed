// The production build (what ships to Zoom) carries no dev mode: outside Zoom, even on a server with dev mode on,
// it shows the notice to open the app in Zoom, and none of the start page, the dev platform or the demo is in it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITUATIONS } from "../../protocol/sim/texts.ts";
import { launch, person } from "./support/browser.ts";
import { buildPanel, startServer } from "./support/server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer("production");
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function shippedJs(dir: string): string {
  const assets = join(dir, "assets");
  return readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(assets, f), "utf8"))
    .join("\n");
}

describe("the production build", () => {
  it("outside Zoom shows the notice, never the start page, and asks nothing of dev mode", async () => {
    const p = await person(browser, { name: "Visitor", key: "visitor", lang: "fr", theme: "light", width: 380 });
    const requests: string[] = [];
    p.page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await p.page.goto(`${server.url}/?room=abc&name=Anna`);
    await p.page.getByRole("heading", { name: "Ouvrez Codev dans Zoom" }).waitFor();
    expect(await p.page.getByRole("button", { name: "Créer une salle" }).count()).toBe(0);
    expect(requests.filter((r) => r.startsWith("/api/"))).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it("leaves out the demo's simulation and the dev platform, which the local build has", () => {
    const marker = SITUATIONS[0].title;
    expect(shippedJs(server.assets)).not.toContain(marker);
    expect(shippedJs(server.assets)).not.toContain("/api/dev/");
    const local = buildPanel("devtools");
    expect(shippedJs(local)).toContain(marker);
    expect(shippedJs(local)).toContain("/api/dev/");
  });

  it("ships no source map, though the size report reads them", () => {
    const files = readdirSync(join(server.assets, "assets"));
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(shippedJs(server.assets)).not.toContain("sourceMappingURL");
  });
});
