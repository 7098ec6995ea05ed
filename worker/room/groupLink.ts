// The room's side of the group memory: recognising and attaching its group, members joining, follow-up reloads, forgetting.
import { type MeetingGroup, participant, Role, type RoomState } from "../../protocol/index.ts";
import { applySystem } from "./applyCommand.ts";
import type { SocketAttachment } from "./attachment.ts";
import type { RoomContext } from "./roomContext.ts";

export type AttachOutcome = { ok: true; groupId: string | null } | { ok: false; code: "forbidden" | "started" };

/**
 * A meeting may join a group at any time (its consultations then enter the group's history), but it may leave or
 * change group only before its first consultation reaches the steps, so nothing already recorded changes hands.
 */
export function canChangeGroup(state: RoomState): boolean {
  const c = state.consultation;
  return c.number === 1 && (c.phase === "lobby" || c.phase === "followUp" || c.phase === "choice");
}

/**
 * After a hello joined someone: in a meeting with a group they become a member; in a meeting without one, an
 * animator whose meetings the memory recognises attaches it to that group. Failures only cost the memory, never
 * the meeting, so they are logged and swallowed.
 */
export async function memberJoined(room: RoomContext, att: SocketAttachment): Promise<void> {
  const meeting = room.store.meeting();
  const me = participant(room.store.state(), att.participantId);
  if (!meeting || !me) return;
  try {
    if (meeting.groupId !== null) {
      await room.memory.addMember(meeting.groupId, { userId: me.id, displayName: me.name }, meeting.roomId);
      return;
    }
    if (me.role !== Role.animator || !canChangeGroup(room.store.state())) return;
    const group = await room.memory.recognise(me.id);
    if (group !== null) await attachGroup(room, group, me.id);
  } catch (err) {
    console.error("room: group memory unavailable on join", err);
  }
}

/** Attaches the meeting to a group (or detaches it, with null) on the animator's word; throws when D1 fails. */
export async function attachGroup(
  room: RoomContext,
  group: MeetingGroup | null,
  callerId: string,
): Promise<AttachOutcome> {
  const meeting = room.store.meeting();
  const state = room.store.state();
  const groupId = group?.id ?? null;
  if (!meeting || participant(state, callerId)?.role !== Role.animator) return { ok: false, code: "forbidden" };
  if (meeting.groupId === groupId) return { ok: true, groupId };
  if (meeting.groupId !== null && !canChangeGroup(state)) return { ok: false, code: "started" };
  await room.memory.attach({
    meeting,
    previousGroupId: meeting.groupId,
    groupId,
    animatorId: callerId,
    present: state.participants.map((p) => ({ userId: p.id, displayName: p.name })),
  });
  room.store.setGroup(groupId);
  await applySystem(room, { type: "setGroup", group });
  await reloadFollowUp(room);
  return { ok: true, groupId };
}

/** The group's name, mission or charter changed: a meeting of it shows the new ones. */
export async function showGroup(room: RoomContext, group: MeetingGroup): Promise<void> {
  if (room.store.meeting()?.groupId === group.id) await applySystem(room, { type: "setGroup", group });
}

/** The follow-up shows the plans of the meeting's (new) group, as long as the follow-up has not been left. */
export async function reloadFollowUp(room: RoomContext): Promise<void> {
  const meeting = room.store.meeting();
  const phase = room.store.state().consultation.phase;
  if (!meeting || (phase !== "lobby" && phase !== "followUp")) return;
  const plans = await room.followUpLoader(meeting);
  const current = room.store.state().consultation.followUp.plans;
  if (JSON.stringify(plans) === JSON.stringify(current)) return;
  await applySystem(room, { type: "loadFollowUp", plans });
}

/**
 * A consultation was deleted from D1: its waiting results are dropped (so the alarm cannot write them back), its
 * note pad is erased, and the state loses it, whether it is the current consultation or a plan shown for follow-up.
 */
export async function forgetConsultation(room: RoomContext, consultationId: string): Promise<boolean> {
  if (!room.store.hasState()) return false;
  room.outbox.drop(consultationId);
  room.notepad.erase(consultationId);
  const c = room.store.state().consultation;
  const held = c.id === consultationId || c.followUp.plans.some((p) => p.consultationId === consultationId);
  if (!held) return false;
  return applySystem(room, { type: "forgetConsultation", consultationId });
}

/** The group was deleted: the meeting no longer has one, and nothing of the group's consultations stays here. */
export async function dropGroup(room: RoomContext, groupId: string, consultationIds: readonly string[]): Promise<void> {
  const meeting = room.store.meeting();
  if (!meeting) return;
  if (meeting.groupId === groupId) {
    room.store.setGroup(null);
    await applySystem(room, { type: "setGroup", group: null });
    // Whatever the meeting recorded belonged to the group, including the consultation under way.
    room.outbox.dropAll();
    await forgetConsultation(room, room.store.state().consultation.id);
  }
  for (const id of consultationIds) await forgetConsultation(room, id);
}
