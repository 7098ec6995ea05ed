// Where the shared note pad goes in each step; it will load its own code (and its CRDT) on demand, off the first render.
import type { Step } from "../../protocol/model.ts";
import type { ViewProps } from "../model/viewProps.ts";

export type NotepadSlotProps = ViewProps & { step: Step };

export function NotepadSlot(_props: NotepadSlotProps) {
  return null;
}
