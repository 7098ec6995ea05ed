import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { app } from "../../worker/index.ts";

const ORIGIN = "https://codev.test";
const CALLBACK = `${ORIGIN}/api/zoom/callback`;
const TOKEN_URL = "https://zoom.us/oauth/token";
const DEEPLINK_URL = "https://api.zoom.us/v2/zoomapp/deeplink";
const ACCESS_TOKEN = "zoom-access-token-SECRET-abc";
const CODE = "authorization-code-0123456789abcdef0123456789";
const DEEPLINK = "zoomus://zoom.us/launch/zoomapp?type=2&code=dl-123";

interface Seen {
  url: string;
  init: RequestInit | undefined;
  body: string;
}

let seen: Seen[];
let fetchSpy: MockInstance<typeof fetch>;
let logged: string[];

/** Zoom's two endpoints, mocked at the fetch boundary; each test can override one answer. */
function mockZoom(answers: { token?: () => Response; deeplink?: () => Response } = {}): void {
  fetchSpy.mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    seen.push({ url: request.url, init, body: new TextDecoder().decode(await request.arrayBuffer()) });
    if (request.url === TOKEN_URL) {
      return answers.token
        ? answers.token()
        : Response.json(
            { access_token: ACCESS_TOKEN, token_type: "bearer", refresh_token: "refresh-SECRET", expires_in: 3599 },
            { headers: { "Cache-Control": "no-store" } },
          );
    }
    if (request.url === DEEPLINK_URL)
      return answers.deeplink ? answers.deeplink() : Response.json({ deeplink: DEEPLINK });
    return new Response("unexpected", { status: 599 });
  });
}

beforeEach(() => {
  seen = [];
  logged = [];
  fetchSpy = vi.spyOn(globalThis, "fetch");
  mockZoom();
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  }
});

afterEach(() => {
  // Nothing secret may ever reach the logs, whatever the test did.
  for (const line of logged) {
    for (const secret of [env.ZOOM_CLIENT_SECRET, env.SESSION_SECRET, ACCESS_TOKEN, CODE, "refresh-SECRET"]) {
      expect(line).not.toContain(secret);
    }
  }
  vi.restoreAllMocks();
});

async function call(path: string, cookie?: string): Promise<Response> {
  const ctx = createExecutionContext();
  const headers = cookie ? { Cookie: cookie } : undefined;
  const res = await app.fetch(new Request(`${ORIGIN}${path}`, { headers, redirect: "manual" }), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function startInstall(): Promise<{ authorize: URL; cookie: string; state: string; verifier: string }> {
  const res = await call("/api/zoom/install");
  expect(res.status).toBe(302);
  const authorize = new URL(res.headers.get("Location") ?? "");
  const setCookie = res.headers.get("Set-Cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  const [state, verifier] = decodeURIComponent(cookie.split("=").slice(1).join("=")).split(".");
  return { authorize, cookie, state: state ?? "", verifier: verifier ?? "" };
}

function base64Url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

describe("GET /api/zoom/install", () => {
  it("sends the browser to Zoom's consent page with PKCE S256 and a state kept in a signed cookie", async () => {
    const res = await call("/api/zoom/install");
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-codev_oauth=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    const { authorize, state, verifier } = await startInstall();
    expect(authorize.origin + authorize.pathname).toBe("https://zoom.us/oauth/authorize");
    const q = authorize.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(env.ZOOM_CLIENT_ID);
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("state")).toBe(state);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    expect(q.get("code_challenge")).toBe(base64Url(digest));
    expect(seen).toEqual([]);
  });

  it("uses a new state and verifier each time", async () => {
    const a = await startInstall();
    const b = await startInstall();
    expect(a.state).not.toBe(b.state);
    expect(a.verifier).not.toBe(b.verifier);
  });
});

describe("GET /api/zoom/callback", () => {
  it("with the state it sent: exchanges the code with the verifier, asks for a deeplink, opens the Zoom client", async () => {
    const { cookie, state, verifier } = await startInstall();
    const res = await call(`/api/zoom/callback?code=${CODE}&state=${state}`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(DEEPLINK);
    expect(res.headers.get("Set-Cookie")).toMatch(/__Host-codev_oauth=;.*Max-Age=0/);

    const [token, deeplink] = seen;
    expect(token?.url).toBe(TOKEN_URL);
    expect(token?.init?.method).toBe("POST");
    const auth = new Headers(token?.init?.headers).get("Authorization") ?? "";
    expect(atob(auth.replace(/^Basic /, ""))).toBe(`${env.ZOOM_CLIENT_ID}:${env.ZOOM_CLIENT_SECRET}`);
    const form = new URLSearchParams(token?.body);
    expect(form.get("grant_type")).toBe("authorization_code");
    expect(form.get("code")).toBe(CODE);
    expect(form.get("redirect_uri")).toBe(CALLBACK);
    expect(form.get("code_verifier")).toBe(verifier);

    expect(deeplink?.url).toBe(DEEPLINK_URL);
    expect(new Headers(deeplink?.init?.headers).get("Authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(JSON.parse(deeplink?.body ?? "{}")).toHaveProperty("action");
  });

  it("without a state (an install from the Zoom Marketplace): exchanges without PKCE and still opens Zoom", async () => {
    const res = await call(`/api/zoom/callback?code=${CODE}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(DEEPLINK);
    const form = new URLSearchParams(seen[0]?.body);
    expect(form.get("code")).toBe(CODE);
    expect(form.has("code_verifier")).toBe(false);
  });

  it("refuses a state that does not match its cookie, before calling Zoom", async () => {
    const { cookie } = await startInstall();
    const res = await call(`/api/zoom/callback?code=${CODE}&state=someone-elses-state`, cookie);
    expect(res.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it("refuses a state without its cookie, or with a cookie whose signature was forged", async () => {
    const { cookie, state } = await startInstall();
    expect((await call(`/api/zoom/callback?code=${CODE}&state=${state}`)).status).toBe(400);
    const forged = cookie.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D");
    expect((await call(`/api/zoom/callback?code=${CODE}&state=${state}`, forged)).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it("refuses a denied consent or a callback without a code, before calling Zoom", async () => {
    expect((await call("/api/zoom/callback?error=access_denied")).status).toBe(400);
    expect((await call("/api/zoom/callback")).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it("refuses when Zoom rejects the code", async () => {
    mockZoom({
      token: () => Response.json({ error: "invalid_grant", reason: "Invalid authorization code" }, { status: 400 }),
    });
    const res = await call(`/api/zoom/callback?code=${CODE}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(CODE);
    expect(seen.map((s) => s.url)).toEqual([TOKEN_URL]);
  });

  it("says the app is installed when Zoom gives no usable deeplink, and never redirects elsewhere", async () => {
    for (const deeplink of [
      () => new Response("nope", { status: 500 }),
      () => Response.json({ deeplink: "javascript:alert(1)" }),
      () => Response.json({ other: 1 }),
    ]) {
      mockZoom({ deeplink });
      const res = await call(`/api/zoom/callback?code=${CODE}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Location")).toBeNull();
      expect(res.headers.get("Content-Type")).toMatch(/^text\/plain/);
    }
  });
});
