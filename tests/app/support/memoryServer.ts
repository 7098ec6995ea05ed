// A fake group-memory server for panel tests: answers fetch by "METHOD path" and records every call.
import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}

type Answer = { status: number; body: unknown };
/** A JSON (or, as a string, Markdown) body answered with 200, or a function answering with its own status. */
export type Route = unknown | ((call: Call) => Answer | Promise<Answer>);

/** Unknown routes answer 404; the caller unstubs the global fetch after each test. */
export function fakeServer(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const headers = new Headers(init?.headers);
    const call: Call = {
      method,
      path: input,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : null,
      auth: headers.get("Authorization"),
    };
    calls.push(call);
    const route = routes[`${method} ${input}`];
    if (route === undefined) return new Response(JSON.stringify({ error: "not_found", message: "?" }), { status: 404 });
    const answer = typeof route === "function" ? await route(call) : { status: 200, body: route };
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    const type = typeof answer.body === "string" ? "text/markdown" : "application/json";
    return new Response(text, {
      status: answer.status,
      headers: { "Content-Type": type, "Content-Disposition": 'attachment; filename="report-2026-11-03.md"' },
    });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}

/** "METHOD path" of each call, in order. */
export const routesCalled = (calls: readonly Call[]) => calls.map((c) => `${c.method} ${c.path}`);

/** A consultation's report with nothing in it but its client, as GET /api/groups/:g/consultations/:id answers. */
export function emptyReport(over: Record<string, unknown>) {
  return {
    consultation: {
      id: "c1",
      status: "closed",
      startedAt: 0,
      format: "classic",
      clientName: "Chloé",
      clientUserId: "someone",
      situation: null,
      request: null,
      markedIdeas: [],
      otherIdeas: [],
      actions: [],
      learnings: [],
      notes: null,
      ...over,
    },
  };
}
