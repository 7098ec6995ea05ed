// The room Durable Object: one meeting's live consultation; its sockets hibernate, its state lives in its SQLite.
import { DurableObject } from "cloudflare:workers";
import {
  assertNever,
  type ClientMessage,
  ErrorCode,
  type MeetingGroup,
  participant,
  type Role,
} from "../../protocol/index.ts";
import { type FollowUpLoader, loadPlansForRoom } from "../db/followUp.ts";
import type { ResultsWriter } from "../db/results.ts";
import { writeResults } from "../db/writeResults.ts";
import type { Env } from "../env.ts";
import { runAlarm } from "./alarm.ts";
import { readAttachment, type SocketAttachment, writeAttachment } from "./attachment.ts";
import { Breakouts } from "./Breakouts.ts";
import { handleBinaryFrame } from "./binaryFrames.ts";
import { handleCommand } from "./command.ts";
import { Dedupe } from "./Dedupe.ts";
import { handleDeparture } from "./departure.ts";
import { decodeFrame } from "./frames.ts";
import { type AttachOutcome, attachGroup, dropGroup, forgetConsultation, showGroup } from "./groupLink.ts";
import { displayName, handleHello } from "./hello.ts";
import { identityFrom } from "./identity.ts";
import { d1MemorySeam, type MemorySeam } from "./memorySeam.ts";
import { clearPresenceOf } from "./notepadAwareness.ts";
import { NotepadPresence } from "./notepadPresence.ts";
import { NotepadStore } from "./notepadStore.ts";
import { Outbox } from "./Outbox.ts";
import { ParentReport, type ParentReporter } from "./ParentReport.ts";
import { PendingLeaves } from "./PendingLeaves.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { RoomStore } from "./RoomStore.ts";
import type { RoomContext } from "./roomContext.ts";
import { broadcast, closeQuietly, send, sendError } from "./sockets.ts";
import { DEFAULT_TUNING, type RoomTuning } from "./tuning.ts";

export class Room extends DurableObject<Env> {
  /**
   * Where results go and where previous plans come from. Only code running inside this instance (a test through
   * runInDurableObject) can swap them, e.g. to make D1 fail; no request or binding can.
   */
  resultsWriter: ResultsWriter = (results) => writeResults(this.env.DB, results);
  followUpLoader: FollowUpLoader = (meeting) => loadPlansForRoom(this.env.DB, meeting);
  memory: MemorySeam = d1MemorySeam(() => this.env.DB);
  /** A breakout room's status to its main room, through that room's own Durable Object. */
  reportToParent: ParentReporter = (parentRoomId, childRoomId, statusJson) =>
    this.env.ROOMS.get(this.env.ROOMS.idFromName(parentRoomId)).reportBreakout(childRoomId, statusJson);
  readonly tuning: RoomTuning = { ...DEFAULT_TUNING };
  private readonly store: RoomStore;
  private readonly dedupe: Dedupe;
  private readonly outbox: Outbox;
  private readonly leaves: PendingLeaves;
  private readonly notepad: NotepadStore;
  private readonly notepadPresence: NotepadPresence;
  private readonly parentReport: ParentReport;
  private readonly breakouts: Breakouts;
  private readonly limiter = new RateLimiter();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new RoomStore(ctx.storage.sql, this.tuning);
    this.dedupe = new Dedupe(ctx.storage.sql, this.tuning);
    this.outbox = new Outbox(ctx.storage.sql, this.tuning);
    this.leaves = new PendingLeaves(ctx.storage.sql);
    this.notepad = new NotepadStore(ctx.storage, this.tuning);
    this.notepadPresence = new NotepadPresence(ctx.storage.sql);
    this.parentReport = new ParentReport(ctx.storage.sql, this.tuning);
    this.breakouts = new Breakouts(ctx.storage.sql);
  }

  /** The Worker forwards only upgrades it has authenticated, with the verified identity in headers. */
  override async fetch(req: Request): Promise<Response> {
    if (req.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const identity = identityFrom(req);
    if (!identity) return new Response("missing identity", { status: 400 });
    this.store.ensureRoom(identity, Date.now());
    this.parentReport.setParent(identity.parentRoomId);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    writeAttachment(server, {
      connId: crypto.randomUUID(),
      participantId: identity.participantId,
      // Attachments are small by contract; the name is stored as the roster will hold it.
      name: displayName(identity.name),
      host: identity.host,
      joined: false,
      observer: false,
    });
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // Frames still queued on a socket the room has closed (e.g. for flooding) are dropped unread.
    if (ws.readyState !== WebSocket.OPEN) return;
    const att = readAttachment(ws);
    if (!att) {
      closeQuietly(ws, 1011, "lost identity");
      return;
    }
    if (!(await this.admit(ws, att))) return;
    try {
      if (typeof message !== "string") {
        handleBinaryFrame(this.room, ws, att, message);
        return;
      }
      const decoded = decodeFrame(message);
      if (!decoded.ok) {
        sendError(ws, decoded.error);
        return;
      }
      await this.dispatch(ws, att, decoded.message);
    } catch (err) {
      console.error("room: message failed", err);
      sendError(ws, { code: ErrorCode.internal, message: "The room could not handle this message." });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code === 1005 || code === 1006 ? 1000 : code, "closing");
    await this.depart(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.depart(ws);
  }

  override async alarm(): Promise<void> {
    await runAlarm(this.room);
  }

  /**
   * RPC from one of this meeting's breakout rooms (another Room instance; the breakout room took this room's id from
   * its participants' verified sessions). Shown to everyone here, as the trainer overseeing the groups.
   */
  async reportBreakout(childRoomId: string, statusJson: string): Promise<void> {
    if (!this.breakouts.record(childRoomId, statusJson, Date.now())) {
      console.error("room: a breakout room's report was refused", childRoomId);
      return;
    }
    const frame = this.breakouts.frame(Date.now());
    if (frame) broadcast(this.ctx, frame);
  }

  // RPC from the Worker's group-memory routes, which have verified the caller's session for this very room.

  /** The caller's role in the live room, or null when they have not joined it. */
  async roleOf(participantId: string): Promise<Role | null> {
    if (!this.store.hasState()) return null;
    return participant(this.store.state(), participantId)?.role ?? null;
  }

  /** The group this meeting belongs to, or null. */
  async groupId(): Promise<string | null> {
    return this.store.meeting()?.groupId ?? null;
  }

  async attachGroup(group: MeetingGroup | null, callerId: string): Promise<AttachOutcome> {
    if (!this.store.hasState()) return { ok: false, code: "forbidden" };
    return attachGroup(this.room, group, callerId);
  }

  async showGroup(group: MeetingGroup): Promise<void> {
    if (this.store.hasState()) await showGroup(this.room, group);
  }

  /** A consultation was deleted from the memory; true when this room held something of it. */
  async forgetConsultation(consultationId: string): Promise<boolean> {
    return forgetConsultation(this.room, consultationId);
  }

  async dropGroup(groupId: string, consultationIds: string[]): Promise<void> {
    if (this.store.hasState()) await dropGroup(this.room, groupId, consultationIds);
  }

  private async dispatch(ws: WebSocket, att: SocketAttachment, msg: ClientMessage): Promise<void> {
    switch (msg.type) {
      case "hello":
        return handleHello(this.room, ws, att, msg);
      case "command":
        return handleCommand(this.room, ws, att, msg);
      case "ping":
        send(ws, { type: "pong", t: msg.t, serverNow: Date.now() });
        return;
      default:
        return assertNever(msg);
    }
  }

  /** The rate limit comes before any parsing, so a flood costs the room as little as possible. */
  private async admit(ws: WebSocket, att: SocketAttachment): Promise<boolean> {
    const admission = this.limiter.take(att.connId, Date.now(), att.participantId);
    if (admission === "ok") return true;
    if (admission === "throttled") {
      sendError(ws, { code: ErrorCode.rateLimited, message: "Too many messages; slow down." });
      return false;
    }
    sendError(ws, { code: ErrorCode.rateLimited, message: "Too many messages; closing this connection." });
    closeQuietly(ws, 1008, "flooding");
    await this.depart(ws);
    return false;
  }

  /** Idempotent: a socket may be closed by the room and then report its own close. */
  private async depart(ws: WebSocket): Promise<void> {
    const att = readAttachment(ws);
    if (!att) return;
    this.limiter.forget(att.connId);
    if (!att.joined) return;
    try {
      writeAttachment(ws, { ...att, joined: false });
    } catch {
      // A socket that can no longer hold an attachment is excluded by its connId below anyway.
    }
    clearPresenceOf(this.room, att.connId);
    await handleDeparture(this.room, att);
  }

  private get room(): RoomContext {
    return {
      ctx: this.ctx,
      store: this.store,
      dedupe: this.dedupe,
      outbox: this.outbox,
      leaves: this.leaves,
      notepad: this.notepad,
      notepadPresence: this.notepadPresence,
      tuning: this.tuning,
      resultsWriter: this.resultsWriter,
      followUpLoader: this.followUpLoader,
      memory: this.memory,
      parentReport: this.parentReport,
      breakouts: this.breakouts,
      reportToParent: this.reportToParent,
    };
  }
}
