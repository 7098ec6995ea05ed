// The shared note pad's binary frames: a message kind and the consultation id, then a y-protocols payload.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as v from "valibot";

/** What follows a frame's header: a y-protocols sync message, or an awareness (presence) update. */
export const NotepadMessage = { sync: 0, awareness: 1 } as const;
export type NotepadMessage = (typeof NotepadMessage)[keyof typeof NotepadMessage];

/**
 * The id of every error frame answering a note pad frame: panels tell these from the room's other errors by it
 * (a command id is a client-generated UUID, never this).
 */
export const NOTEPAD_ERROR_ID = "notepad";

/** The Y.Text every note pad document holds its text in. */
export const NOTEPAD_TEXT = "text";

/** y-protocols' sync message kinds (messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate). */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export const NOTEPAD_LIMITS = {
  /** Characters (UTF-16 code units) the note pad may hold. */
  chars: 50_000,
  /** Largest binary frame the room reads, in bytes: room for a whole note pad merged after a long time offline. */
  frameBytes: 256 * 1024,
  /** Presence entries in one awareness frame (a panel announces only its own). */
  presenceEntries: 4,
  /** One presence state, as JSON. */
  presenceChars: 1024,
  /** Palette slots a presence colour may name. */
  colours: 8,
} as const;

export interface NotepadFrame {
  kind: NotepadMessage;
  /** The consultation whose note pad this frame is about; frames about another one are ignored. */
  consultationId: string;
  /** Positioned on the payload. */
  decoder: decoding.Decoder;
}

export function encodeNotepadFrame(
  kind: NotepadMessage,
  consultationId: string,
  write: (encoder: encoding.Encoder) => void,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarString(encoder, consultationId);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The frame's header, or null when it is not a note pad frame. */
export function decodeNotepadFrame(data: Uint8Array): NotepadFrame | null {
  try {
    const decoder = decoding.createDecoder(data);
    const kind = decoding.readVarUint(decoder);
    const consultationId = decoding.readVarString(decoder);
    if (kind !== NotepadMessage.sync && kind !== NotepadMessage.awareness) return null;
    return { kind, consultationId, decoder };
  } catch {
    return null;
  }
}

/** One entry of a y-protocols awareness update; state is its JSON text, or null when the client left. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  state: string | null;
}

/** Encoded as y-protocols' encodeAwarenessUpdate does, so any awareness reader can read it. */
export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state ?? "null");
  }
  return encoding.toUint8Array(encoder);
}

/** The entries of an awareness update, or null when it is malformed or larger than a panel ever sends. */
export function decodePresence(update: Uint8Array): PresenceEntry[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > NOTEPAD_LIMITS.presenceEntries) return null;
    const entries: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > NOTEPAD_LIMITS.presenceChars) return null;
      entries.push({ clientId, clock, state: json === "null" ? null : json });
    }
    return entries;
  } catch {
    return null;
  }
}

const ItemId = v.object({ client: v.number(), clock: v.number() });
/** Y.relativePositionToJSON's shape. */
const RelativePosition = v.object({
  type: v.optional(v.nullable(ItemId)),
  tname: v.optional(v.nullable(v.string())),
  item: v.optional(v.nullable(ItemId)),
  assoc: v.optional(v.number()),
});

/** A writer's presence: the room sets name and participantId from the verified identity, whatever a panel sends. */
export const NotepadPresenceSchema = v.object({
  name: v.optional(v.string()),
  participantId: v.optional(v.string()),
  colour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(NOTEPAD_LIMITS.colours - 1)),
  cursor: v.nullable(v.object({ anchor: RelativePosition, head: RelativePosition })),
});
export type NotepadPresence = v.InferOutput<typeof NotepadPresenceSchema>;

/** A presence state from its JSON text, or null when it is not one. */
export function parsePresence(json: string): NotepadPresence | null {
  try {
    const parsed = v.safeParse(NotepadPresenceSchema, JSON.parse(json));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
