// The few fields of the room's frames the harness reads, as light valibot schemas (full parsing would cost CPU).
import * as v from "valibot";

const LightEvent = v.object({
  version: v.number(),
  actorId: v.string(),
  newId: v.string(),
  command: v.object({ type: v.string() }),
});
export type LightEvent = v.InferOutput<typeof LightEvent>;

export const LightServerMessage = v.variant("type", [
  v.object({
    type: v.literal("welcome"),
    snapshot: v.nullable(v.object({ version: v.number() })),
    events: v.array(LightEvent),
  }),
  v.object({ type: v.literal("event"), event: LightEvent }),
  v.object({ type: v.literal("ack"), id: v.string(), version: v.number() }),
  v.object({ type: v.literal("rejected"), id: v.string(), code: v.string(), message: v.string() }),
  v.object({ type: v.literal("error"), code: v.string(), message: v.string() }),
  v.object({ type: v.literal("presence") }),
  v.object({ type: v.literal("pong") }),
]);
export type LightServerMessage = v.InferOutput<typeof LightServerMessage>;

export function parseLight(data: string): LightServerMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = v.safeParse(LightServerMessage, json);
  return parsed.success ? parsed.output : null;
}

/** ws://host/api/rooms/:roomId/ws?token=… */
export function roomSocketUrl(baseUrl: string, roomId: string, token: string): string {
  const base = baseUrl.replace(/\/+$/, "").replace(/^http/, "ws");
  return `${base}/api/rooms/${encodeURIComponent(roomId)}/ws?token=${encodeURIComponent(token)}`;
}

/** ws://host/api/bench/echo/:roomId/ws (dev mode only). */
export function echoSocketUrl(baseUrl: string, roomId: string): string {
  const base = baseUrl.replace(/\/+$/, "").replace(/^http/, "ws");
  return `${base}/api/bench/echo/${encodeURIComponent(roomId)}/ws`;
}
