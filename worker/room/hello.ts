// hello: answers with a welcome (catch-up events or a snapshot); a socket's first hello also joins and goes online.
import {
  type ClientMessage,
  clipLine,
  ErrorCode,
  LIMITS,
  PROTOCOL_VERSION,
  participant,
  type ServerMessage,
} from "../../protocol/index.ts";
import { applySystem } from "./applyCommand.ts";
import { type SocketAttachment, writeAttachment } from "./attachment.ts";
import { watchAnimator } from "./departure.ts";
import { memberJoined } from "./groupLink.ts";
import { noteForParent } from "./ParentReport.ts";
import type { RoomContext } from "./roomContext.ts";
import { broadcast, closeQuietly, onlineIds, presenceFrame, sendError, sendRaw } from "./sockets.ts";
import { scheduleWakeUp } from "./wakeUp.ts";

type Hello = Extract<ClientMessage, { type: "hello" }>;

export async function handleHello(room: RoomContext, ws: WebSocket, att: SocketAttachment, msg: Hello): Promise<void> {
  if (msg.protocol !== PROTOCOL_VERSION) {
    sendError(ws, { code: ErrorCode.unsupportedProtocol, message: `This room speaks protocol ${PROTOCOL_VERSION}.` });
    return;
  }
  const observing = msg.observe !== false && mayObserve(room, att);
  const nowTakingPart = att.observer && !observing;
  if (att.joined && !nowTakingPart) {
    // A resync request on an open socket: same answer, nothing else changes.
    sendRaw(ws, welcomeFrame(room, att, msg.lastVersion));
    sendRaw(ws, presenceFrame(onlineIds(room.ctx)));
    sendBreakouts(room, ws);
    return;
  }
  if (observing) {
    writeAttachment(ws, { ...att, joined: true, observer: true });
    sendRaw(ws, welcomeFrame(room, { ...att, observer: true }, msg.lastVersion));
    sendRaw(ws, presenceFrame(onlineIds(room.ctx)));
    return;
  }
  // An observer who now takes part (a hello with observe false on the same socket) joins like anyone.
  if (roomIsFullFor(room, att.participantId)) {
    sendError(ws, { code: ErrorCode.roomFull, message: `A room holds at most ${LIMITS.participants} participants.` });
    // An observer asking to take part keeps observing; anyone else has nothing to do here.
    if (!att.observer) closeQuietly(ws, 1008, "room full");
    return;
  }
  // Another socket of theirs, not this one (which may have been observing until now).
  const wasOnline = onlineIds(room.ctx, att.connId).includes(att.participantId);
  const fresh = room.store.state().participants.length === 0;
  writeAttachment(ws, { ...att, joined: true, observer: false });
  sendRaw(ws, welcomeFrame(room, { ...att, observer: false }, msg.lastVersion));
  const joined = await joinIfNeeded(room, att);
  const online = onlineIds(room.ctx);
  if (wasOnline) sendRaw(ws, presenceFrame(online));
  else broadcast(room.ctx, presenceFrame(online));
  sendBreakouts(room, ws);
  if (room.leaves.cancel(att.participantId)) await scheduleWakeUp(room);
  await watchAnimator(room, online);
  if (joined) await memberJoined(room, att);
  if (fresh && joined) await loadFollowUp(room);
  // Who is online now, not before the awaits above: others came and went meanwhile.
  await noteForParent(room);
}

/** A main room's overview of its breakout rooms, for a socket that just said hello. */
function sendBreakouts(room: RoomContext, ws: WebSocket): void {
  const frame = room.breakouts.frame(Date.now());
  if (frame) sendRaw(ws, frame);
}

/**
 * catch-up when the retained log holds every event after lastVersion, else a snapshot. Logged events are spliced in
 * as stored: they are the very JSON every other socket received, and re-encoding them would only cost time.
 */
export function welcomeFrame(room: RoomContext, att: SocketAttachment, lastVersion: number | null): string {
  const head = {
    type: "welcome" as const,
    protocol: PROTOCOL_VERSION,
    you: {
      participantId: att.participantId,
      name: displayName(att.name),
      ...(att.observer ? { observing: true } : {}),
    },
    serverNow: Date.now(),
  };
  const events = lastVersion === null ? null : room.store.eventsAfter(lastVersion);
  if (events === null) {
    return JSON.stringify({ ...head, snapshot: room.store.state(), events: [] } satisfies ServerMessage);
  }
  return `${JSON.stringify({ ...head, snapshot: null }).slice(0, -1)},"events":[${events.join(",")}]}`;
}

/**
 * The meeting's host (or a co-host) in a breakout room, as a trainer looking in on a group: they see its consultation
 * but are not one of its participants (not listed, not counted, never its animator, never a member of its group)
 * unless they ask to take part. Once they took part they stay a participant, through reloads and reconnects.
 */
function mayObserve(room: RoomContext, att: SocketAttachment): boolean {
  return (
    att.host &&
    room.parentReport.parentRoomId() !== null &&
    participant(room.store.state(), att.participantId) === undefined
  );
}

/** The name as the reducer would store it, so an unchanged name never causes a needless join. */
export function displayName(raw: string): string {
  return clipLine(raw, LIMITS.name) || "Participant";
}

function roomIsFullFor(room: RoomContext, participantId: string): boolean {
  const state = room.store.state();
  return !participant(state, participantId) && state.participants.length >= LIMITS.participants;
}

/**
 * Joins a newcomer, or updates a returning participant whose name or host status changed. In a breakout room the
 * meeting's host counts as nobody's host: a trainer looking in on a group must not take its animation over.
 */
async function joinIfNeeded(room: RoomContext, att: SocketAttachment): Promise<boolean> {
  const name = displayName(att.name);
  const host = att.host && room.parentReport.parentRoomId() === null;
  const known = participant(room.store.state(), att.participantId);
  if (known && known.name === name && known.host === host) return false;
  return applySystem(room, { type: "join", participantId: att.participantId, name, host });
}

/** A fresh room shows the group's previous action plan in its follow-up phase, when the history has one. */
async function loadFollowUp(room: RoomContext): Promise<void> {
  const meeting = room.store.meeting();
  if (!meeting) return;
  let plans: Awaited<ReturnType<RoomContext["followUpLoader"]>>;
  try {
    plans = await room.followUpLoader(meeting);
  } catch (err) {
    console.error("room: loading previous plans failed", err);
    return;
  }
  const c = room.store.state().consultation;
  if (plans.length === 0 || c.followUp.plans.length > 0 || (c.phase !== "lobby" && c.phase !== "followUp")) return;
  await applySystem(room, { type: "loadFollowUp", plans });
}
