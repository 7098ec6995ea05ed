// One simulated participant: its own RoomConnection, commands that resolve on acknowledgement, waits on its state.

import { requestDevSession } from "../client/devSession.ts";
import { RoomConnection, type SocketLike } from "../client/RoomConnection.ts";
import { runtime } from "../client/runtime.ts";
import type { Command } from "../commands.ts";
import type { Participant, Role, RoomState } from "../model.ts";
import type { AbortSignalLike, SimProblem } from "./types.ts";
import { SimError, withDeadline } from "./wait.ts";

/** Shared by every participant of one run: what went wrong, and how many commands went out and came back. */
export interface SimJournal {
  rejections: SimProblem[];
  errors: SimProblem[];
  sent: number;
  acknowledged: number;
}

export function newJournal(): SimJournal {
  return { rejections: [], errors: [], sent: 0, acknowledged: 0 };
}

export interface JoinOptions {
  baseUrl: string;
  room: string;
  name: string;
  host?: boolean;
  /** The main room's code: this room stands in for one of its breakout rooms. */
  parent?: string;
  journal?: SimJournal;
  timeoutMs?: number;
  signal?: AbortSignalLike;
  createSocket?: (url: string) => SocketLike;
}

export class SimParticipant {
  readonly name: string;
  readonly participantId: string;
  readonly connection: RoomConnection;
  readonly journal: SimJournal;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignalLike | undefined;
  private readonly stopListening: () => void;

  constructor(opts: JoinOptions) {
    this.name = opts.name;
    // Dev sessions accept 8-64 of [A-Za-z0-9_-]; a fresh id per run keeps runs in one room apart.
    this.participantId = `sim-${runtime.crypto.randomUUID()}`;
    this.journal = opts.journal ?? newJournal();
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.signal = opts.signal;
    const join = {
      room: opts.room,
      name: opts.name,
      participantId: this.participantId,
      host: opts.host ?? false,
      ...(opts.parent ? { parent: opts.parent } : {}),
    };
    this.connection = new RoomConnection({
      baseUrl: opts.baseUrl,
      getSession: () => requestDevSession(opts.baseUrl, join),
      createSocket: opts.createSocket,
    });
    this.stopListening = this.connection.onMessage((msg) => {
      // Rejections are recorded where the command was sent, with its type; other errors are recorded here.
      if (msg.type === "error") {
        this.journal.errors.push({
          participant: this.name,
          command: msg.id ?? "",
          code: msg.code,
          message: msg.message,
        });
      }
    });
  }

  /** Opens a participant's connection and resolves once the room lists them. */
  static async join(opts: JoinOptions): Promise<SimParticipant> {
    const p = new SimParticipant(opts);
    try {
      await p.waitFor(`${opts.name} to join`, (s) => s.participants.some((x) => x.id === p.participantId));
    } catch (err) {
      p.close();
      throw err;
    }
    return p;
  }

  get state(): RoomState | null {
    return this.connection.state;
  }

  /** This participant as the room lists them. */
  get me(): Participant | undefined {
    return this.state?.participants.find((p) => p.id === this.participantId);
  }

  get role(): Role | undefined {
    return this.me?.role;
  }

  /** Sends a command; resolves with the version it produced once acknowledged and applied locally. */
  async send(command: Command): Promise<number> {
    this.journal.sent++;
    const id = this.connection.send(command);
    const version = await withDeadline<number>(
      `the ack of ${command.type}`,
      this.timeoutMs,
      this.signal,
      (resolve, reject) =>
        this.connection.onMessage((msg) => {
          if (msg.type === "ack" && msg.id === id) resolve(msg.version);
          if (msg.type === "rejected" && msg.id === id) {
            const problem = { participant: this.name, command: command.type, code: msg.code, message: msg.message };
            this.journal.rejections.push(problem);
            reject(new SimError(`${this.name}: ${command.type} rejected (${msg.code}): ${msg.message}`));
          }
        }),
    );
    this.journal.acknowledged++;
    // The room broadcasts the event before the ack, so this is normally already true.
    await this.reach(version);
    return version;
  }

  /** Resolves once this participant's state is at `version` or later. */
  reach(version: number): Promise<RoomState> {
    return this.waitFor(`version ${version}`, (s) => s.version >= version);
  }

  /** Resolves with the state once `check` holds for it. */
  waitFor(what: string, check: (state: RoomState) => boolean, timeoutMs = this.timeoutMs): Promise<RoomState> {
    return withDeadline<RoomState>(`${this.name}: ${what}`, timeoutMs, this.signal, (resolve) => {
      const test = () => {
        const s = this.connection.state;
        if (s && check(s)) resolve(s);
      };
      const off = this.connection.subscribe(test);
      test();
      return off;
    });
  }

  close(): void {
    this.stopListening();
    this.connection.close();
  }
}

/** Joins participants in order (the first one as the meeting host, so it becomes the animator), each awaited. */
export async function joinParticipants(
  names: readonly string[],
  opts: Omit<JoinOptions, "name" | "host">,
): Promise<SimParticipant[]> {
  const [first, ...rest] = names;
  if (first === undefined) return [];
  const host = await SimParticipant.join({ ...opts, name: first, host: true });
  const settled = await Promise.allSettled(rest.map((name) => SimParticipant.join({ ...opts, name })));
  const joined = [host];
  let failure: unknown = null;
  for (const s of settled) {
    if (s.status === "fulfilled") joined.push(s.value);
    else failure ??= s.reason;
  }
  if (failure !== null) {
    for (const p of joined) p.close();
    throw failure;
  }
  return joined;
}
