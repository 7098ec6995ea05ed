import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("GET /api/health", () => {
  it("answers 200 with JSON", async () => {
    const res = await SELF.fetch("https://codev.test/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await SELF.fetch("https://codev.test/api/nope");
    expect(res.status).toBe(404);
  });
});
