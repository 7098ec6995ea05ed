// Asks a dev-mode server for a session (room code + display name); used by the dev panel and the scripts.
import * as v from "valibot";
import { runtime } from "./runtime.ts";

export const DevSessionSchema = v.object({
  token: v.string(),
  roomId: v.string(),
  participantId: v.string(),
  name: v.string(),
  host: v.boolean(),
  meetingId: v.string(),
});
export type DevSession = v.InferOutput<typeof DevSessionSchema>;

export interface DevJoin {
  room: string;
  name: string;
  participantId?: string;
  host?: boolean;
  /** Dev mode's breakout room: the code of the main room it reports to. */
  parent?: string;
}

export async function requestDevSession(baseUrl: string, join: DevJoin): Promise<DevSession> {
  const res = await runtime.fetch(`${baseUrl.replace(/\/+$/, "")}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(join),
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = v.safeParse(v.object({ message: v.string() }), body);
    throw new Error(message.success ? message.output.message : `dev session refused (${res.status})`);
  }
  return v.parse(DevSessionSchema, body);
}
