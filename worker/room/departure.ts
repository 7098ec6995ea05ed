// Participants going offline: presence for everyone, and a grace period before an absent animator's role moves on.
import { animatorOf } from "../../protocol/index.ts";
import { applySystem } from "./applyCommand.ts";
import type { SocketAttachment } from "./attachment.ts";
import { noteForParent } from "./ParentReport.ts";
import { successorFor } from "./PendingLeaves.ts";
import type { RoomContext } from "./roomContext.ts";
import { broadcast, onlineIds, presenceFrame } from "./sockets.ts";
import { scheduleWakeUp } from "./wakeUp.ts";

/** A joined socket closed (or was closed); nothing changes while the participant has another socket open. */
export async function handleDeparture(room: RoomContext, att: SocketAttachment): Promise<void> {
  if (!att.joined) return;
  const online = onlineIds(room.ctx, att.connId);
  if (online.includes(att.participantId)) return;
  broadcast(room.ctx, presenceFrame(online), att.connId);
  await watchAnimator(room, online);
  // Counted again after the await above, still without the socket that closed.
  await noteForParent(room, onlineIds(room.ctx, att.connId));
}

/** Starts the animator's grace period when they are offline while someone else is here or has just left. */
export async function watchAnimator(room: RoomContext, online: readonly string[]): Promise<void> {
  const animator = animatorOf(room.store.state());
  if (!animator || online.includes(animator.id) || room.leaves.has(animator.id)) return;
  room.leaves.start(animator.id, Date.now() + room.tuning.animatorGraceMs);
  await scheduleWakeUp(room);
}

/**
 * Runs from the alarm: an animator still away after the grace period hands the role to an online successor. With
 * nobody online nothing happens; the next participant's hello starts a new grace period.
 */
export async function handOverFromAbsentAnimators(room: RoomContext, now: number): Promise<void> {
  for (const leaverId of room.leaves.takeDue(now)) {
    const state = room.store.state();
    if (animatorOf(state)?.id !== leaverId) continue;
    const online = onlineIds(room.ctx);
    if (online.includes(leaverId)) continue;
    const successorId = successorFor(state, leaverId, online);
    if (successorId !== null) await applySystem(room, { type: "leave", participantId: leaverId, successorId });
  }
}
