// Decoding a client's text frame into a ClientMessage, or the error frame it earns instead.
import * as v from "valibot";
import { type ClientMessage, ClientMessageSchema, ErrorCode, LIMITS, PERMISSIONS } from "../../protocol/index.ts";
import type { ErrorFrame } from "./sockets.ts";

export type Decoded = { ok: true; message: ClientMessage } | { ok: false; error: ErrorFrame };

const MESSAGE_TYPES: readonly string[] = ClientMessageSchema.options.map((o) => o.entries.type.literal);
const Typed = v.object({ type: v.string() });
const CommandEnvelope = v.object({
  type: v.literal("command"),
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.commandId))),
  command: v.optional(v.object({ type: v.string() })),
});

const encoder = new TextEncoder();

export function decodeFrame(text: string): Decoded {
  if (tooLarge(text)) return fail(ErrorCode.tooLarge, `Frames are limited to ${LIMITS.frameBytes} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(ErrorCode.badFrame, "The frame is not JSON.");
  }
  const parsed = v.safeParse(ClientMessageSchema, json);
  if (parsed.success) return { ok: true, message: parsed.output };
  const typed = v.safeParse(Typed, json);
  if (!typed.success) return fail(ErrorCode.badFrame, "A message is a JSON object with a type.");
  if (!MESSAGE_TYPES.includes(typed.output.type)) {
    return fail(ErrorCode.unknownType, `Unknown message type "${clip(typed.output.type)}".`);
  }
  const envelope = v.safeParse(CommandEnvelope, json);
  const id = envelope.success ? envelope.output.id : undefined;
  const commandType = envelope.success ? envelope.output.command?.type : undefined;
  if (commandType !== undefined && !Object.hasOwn(PERMISSIONS, commandType)) {
    return fail(ErrorCode.unknownType, `Unknown command "${clip(commandType)}".`, id);
  }
  return fail(ErrorCode.badFrame, describe(parsed.issues), id);
}

function tooLarge(text: string): boolean {
  // A UTF-16 unit is at least one UTF-8 byte and at most three, so most frames need no encoding to decide.
  if (text.length > LIMITS.frameBytes) return true;
  if (text.length * 3 <= LIMITS.frameBytes) return false;
  return encoder.encode(text).byteLength > LIMITS.frameBytes;
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return "The message does not match the protocol.";
  const path = v.getDotPath(issue);
  return clip(`${path ? `${path}: ` : ""}${issue.message}`, 200);
}

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function fail(code: ErrorCode, message: string, id?: string): Decoded {
  return { ok: false, error: id === undefined ? { code, message } : { code, message, id } };
}
