// Dev-mode sessions for tests: a signed token for a room code and a name, from POST /api/dev/session.
import { env, SELF } from "cloudflare:test";
import * as v from "valibot";
import { DevSessionSchema } from "../../../protocol/client/devSession.ts";
import type { Room } from "../../../worker/room/Room.ts";

export type TestSession = v.InferOutput<typeof DevSessionSchema>;

export const BASE_URL = "https://codev.test";

export interface JoinOptions {
  participantId?: string;
  host?: boolean;
  /** The main room's code, for a room standing in for a breakout room. */
  parent?: string;
}

export async function devSession(room: string, name: string, opts: JoinOptions = {}): Promise<TestSession> {
  const res = await SELF.fetch(`${BASE_URL}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ room, name, ...opts }),
  });
  if (!res.ok) throw new Error(`dev session refused: ${res.status} ${await res.text()}`);
  return v.parse(DevSessionSchema, await res.json());
}

/** A room code no other test uses, so tests never share a Durable Object. */
export function uniqueRoomCode(prefix = "t"): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 13)}`;
}

/** The room Durable Object behind a session's room, for runInDurableObject, alarms and eviction. */
export function roomStub(roomId: string): DurableObjectStub<Room> {
  return env.ROOMS.get(env.ROOMS.idFromName(roomId));
}
