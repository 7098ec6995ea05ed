// Group-memory test helpers: a recurring cast with stable user ids, meetings of it, and the memory's REST routes.
import { SELF } from "cloudflare:test";
import * as v from "valibot";
import type { Cast } from "./consultation.ts";
import { deliverResultsPromptly, settle } from "./consultation.ts";
import { BASE_URL, devSession, type TestSession, uniqueRoomCode } from "./session.ts";
import { TestSocket } from "./TestSocket.ts";

export interface Person {
  id: string;
  name: string;
}

/** The same people meeting after meeting: their user ids stay, as Zoom user ids do. */
export function people(...names: string[]): Person[] {
  const run = crypto.randomUUID().slice(0, 8);
  return names.map((name) => ({ id: `${name.toLowerCase().replace(/\W/g, "")}-${run}`, name }));
}

/**
 * One meeting: the animator joins first (as host), then the client-to-be, then the others; the result is a Cast
 * the consultation helper can drive.
 */
export async function meeting(
  animator: Person,
  client: Person,
  others: Person[],
  code = uniqueRoomCode("m"),
): Promise<Cast> {
  const join = (p: Person, host = false) =>
    devSession(code, p.name, { participantId: p.id, host }).then((s) => TestSocket.join(s));
  const a = await join(animator, true);
  const c = await join(client);
  const consultants: TestSocket[] = [];
  for (const o of others) consultants.push(await join(o));
  const all = [a, c, ...consultants];
  await settle(all);
  await deliverResultsPromptly(a.session.roomId);
  return { roomCode: code, roomId: a.session.roomId, animator: a, client: c, consultants, all };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** Calls a memory route with the session's token as a Bearer token. */
export async function api(session: TestSession, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${session.token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await SELF.fetch(`${BASE_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** The JSON answer read through a schema, so tests use typed values and a wrong shape fails loudly. */
export function read<S extends v.GenericSchema>(answer: ApiAnswer, schema: S): v.InferOutput<S> {
  const parsed = v.safeParse(schema, answer.body);
  if (!parsed.success) throw new Error(`unexpected answer ${answer.status}: ${answer.text.slice(0, 500)}`);
  return parsed.output;
}

export const GroupAnswer = v.object({ group: v.object({ id: v.string(), name: v.string() }) });

/** Creates the group for the animator's meeting and returns its id. */
export async function createGroup(cast: Cast, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await api(cast.animator.session, "POST", "/api/groups", { name, ...extra });
  if (created.status !== 201) throw new Error(`group not created: ${created.status} ${created.text}`);
  return read(created, GroupAnswer).group.id;
}
