// PLACEHOLDER until the room engine lands: accepts nothing.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env.ts";

export class Room extends DurableObject<Env> {
  override async fetch(): Promise<Response> {
    return new Response("not implemented", { status: 501 });
  }
}
