/// <reference types="vite/client" />
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/index.ts";
import wranglerToml from "../../wrangler.toml?raw";

/** The deployed configuration: wrangler.toml's own [vars], whatever the tests turn on. */
function productionDevMode(): string | undefined {
  const vars = wranglerToml.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  return /^DEV_MODE\s*=\s*"([^"]*)"/m.exec(vars)?.[1];
}

async function call(path: string, devMode: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://codev.test${path}`, init), { ...env, DEV_MODE: devMode }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const join = {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ room: "team-a", name: "Ana" }),
};

describe("dev mode", () => {
  it("is off in the production configuration", () => {
    expect(productionDevMode()).toBe("false");
  });

  it("refuses the dev join with 403 under the production configuration", async () => {
    const res = await call("/api/dev/session", productionDevMode() ?? "", join);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "dev_mode_off" });
  });

  it('is on only for the exact value "true"', async () => {
    for (const value of ["", "false", "TRUE", "1", "yes"]) {
      expect((await call("/api/dev/session", value, join)).status).toBe(403);
    }
    expect((await call("/api/dev/session", "true", join)).status).toBe(200);
  });

  it("reports its state to the panel", async () => {
    expect(await (await call("/api/dev/status", "false")).json()).toEqual({ devMode: false });
    expect(await (await SELF.fetch("https://codev.test/api/dev/status")).json()).toEqual({ devMode: true });
  });

  it("returns a dev name containing markup as plain JSON text", async () => {
    const res = await call("/api/dev/session", "true", {
      ...join,
      body: JSON.stringify({ room: "team-a", name: "<b onmouseover=alert(1)>Ana</b>" }),
    });
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await res.json()).toMatchObject({ name: "<b onmouseover=alert(1)>Ana</b>" });
  });
});
