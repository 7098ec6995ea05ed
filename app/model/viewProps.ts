// What every phase view receives, and small helpers views share to read it.
import type { CommandType } from "../../protocol/commands.ts";
import type { Participant, RoomState } from "../../protocol/model.ts";
import { allowed } from "../../protocol/permissions.ts";
import type { RoomStore } from "./RoomStore.ts";

export interface ViewProps {
  store: RoomStore;
  state: RoomState;
  me: Participant;
}

/** Whether my role may send this command now (controls are offered only then). */
export function can(props: ViewProps, type: CommandType): boolean {
  return allowed(type, props.me.role, props.state.consultation.phase);
}

export function nameOf(state: RoomState, id: string | null): string {
  return state.participants.find((p) => p.id === id)?.name ?? "—";
}

/** Draft key scoped to the current consultation and participant, so drafts never leak into the next one or to another. */
export function draftKey(props: ViewProps, field: string): string {
  return `${props.state.roomId}:${props.state.consultation.id}:${props.me.id}:${field}`;
}
