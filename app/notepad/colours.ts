// Each writer's colour: a palette slot derived from their participant id, so it stays the same for everyone.
import { NOTEPAD_LIMITS } from "../../protocol/notepad.ts";

export function colourOf(participantId: string): number {
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return hash % NOTEPAD_LIMITS.colours;
}
