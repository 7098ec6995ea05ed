import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { meetingClaims, sealContext } from "./helpers/zoomContext.ts";

const ORIGIN = "https://codev.test";
const navigate = { headers: { Accept: "text/html,application/xhtml+xml", "Sec-Fetch-Mode": "navigate" } };

/** The four headers Zoom checks on every HTML answer, with the values this app promises. */
function expectZoomHeaders(res: Response): void {
  expect(res.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{7,}/);
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy")).toBeTruthy();
  const csp = res.headers.get("Content-Security-Policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self' wss://codev.test");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/(^|[\s;])\*(\s|;|$)/);
}

async function page(path: string, init: RequestInit = navigate): Promise<Response> {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { redirect: "manual", ...init });
  await res.arrayBuffer();
  return res;
}

describe("security headers", () => {
  it("are on the home page", async () => {
    const res = await page("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expectZoomHeaders(res);
  });

  it("are on /index.html, whether it is served or redirected to /", async () => {
    const res = await page("/index.html");
    expectZoomHeaders(res);
    if (res.status !== 200) {
      expect([301, 302, 307, 308]).toContain(res.status);
      expectZoomHeaders(await page(new URL(res.headers.get("Location") ?? "/", ORIGIN).pathname));
    }
  });

  it("are on a deep link the panel routes itself, which gets the panel's HTML", async () => {
    const res = await page("/groups/some-group/history?tab=2");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await (await SELF.fetch(`${ORIGIN}/groups/x`, navigate)).text()).toContain('<div id="app">');
    expectZoomHeaders(res);
  });

  it("are on a page answered to a plain request that accepts HTML", async () => {
    const res = await page("/", { headers: { Accept: "text/html" } });
    expectZoomHeaders(res);
  });

  it("do not turn a missing file into HTML", async () => {
    const res = await page("/missing.png", { headers: { Accept: "image/png" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type") ?? "").not.toMatch(/html/);
  });

  it("allow framing only by Zoom, where the web client shows apps in a frame", async () => {
    const res = await page("/");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'self' https://*.zoom.us");
  });

  it("lock down API answers too", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/health`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
  });

  it("let a page load with a valid X-Zoom-App-Context header", async () => {
    const context = await sealContext(meetingClaims({ typ: "panel", mid: undefined }));
    const res = await page("/", { headers: { ...navigate.headers, "X-Zoom-App-Context": context } });
    expect(res.status).toBe(200);
    expectZoomHeaders(res);
  });

  it("refuse a page whose X-Zoom-App-Context header is forged or stale, still with the headers", async () => {
    const stale = await sealContext(meetingClaims({ exp: Date.now() - 600_000 }));
    const forged = await sealContext(meetingClaims(), { secret: "guessed-secret" });
    for (const context of [stale, forged, "bm90IGEgY29udGV4dA=="]) {
      const res = await page("/", { headers: { ...navigate.headers, "X-Zoom-App-Context": context } });
      expect(res.status).toBe(401);
      expect(res.headers.get("Content-Type")).toMatch(/^text\/plain/);
      expectZoomHeaders(res);
    }
  });
});

describe("API answers", () => {
  it("are never HTML, even for errors and unknown routes", async () => {
    const answers = await Promise.all([
      SELF.fetch(`${ORIGIN}/api/nope`, navigate),
      SELF.fetch(`${ORIGIN}/api/session`, { method: "POST", body: "<html>" }),
      SELF.fetch(`${ORIGIN}/api/rooms/x/ws`, navigate),
      SELF.fetch(`${ORIGIN}/api/dev/status`, navigate),
    ]);
    for (const res of answers) {
      expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      await res.arrayBuffer();
    }
  });
});
