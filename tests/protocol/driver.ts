// A reducer driver for protocol tests: a clock, fresh ids, and rooms set up at any phase through real commands.
import {
  type AnyCommand,
  initialState,
  type Outcome,
  PHASES,
  type Phase,
  type RoomState,
  reduce,
  SYSTEM_ACTOR,
} from "../../protocol/index.ts";

/** Participant ids of the cast every fixture room has. */
export const CAST = { animator: "ana", client: "cli", consultant: "con", scribe: "scr" } as const;
export const OUTSIDER = "out";

export class Driver {
  state: RoomState;
  now = 1_700_000_000_000;
  private seq = 0;

  constructor(roomId = "room-1") {
    this.state = initialState(roomId, "consultation-1", this.now);
  }

  /** Applies the command when accepted; returns the outcome either way. */
  run(actorId: string, command: AnyCommand, advanceMs = 1000): Outcome {
    this.now += advanceMs;
    const outcome = reduce(this.state, command, { actorId, now: this.now, newId: `id-${++this.seq}` });
    if (outcome.ok) this.state = outcome.state;
    return outcome;
  }

  /** Applies a command that must be accepted. */
  must(actorId: string, command: AnyCommand, advanceMs = 1000): RoomState {
    const outcome = this.run(actorId, command, advanceMs);
    if (!outcome.ok) throw new Error(`${command.type} by ${actorId} rejected: ${outcome.rejection.message}`);
    return outcome.state;
  }

  system(command: AnyCommand, advanceMs = 1000): Outcome {
    return this.run(SYSTEM_ACTOR, command, advanceMs);
  }

  get phase(): Phase {
    return this.state.consultation.phase;
  }
}

/**
 * A room at `phase` with an animator (host), a consultant, a scribe and, once the choice is made, a client; the
 * client's situation is chosen in the choice phase so every later phase has a client.
 */
export function roomAt(phase: Phase): Driver {
  const d = new Driver();
  d.system({ type: "join", participantId: CAST.animator, name: "Ana", host: true });
  d.system({ type: "join", participantId: CAST.client, name: "Cli", host: false });
  d.system({ type: "join", participantId: CAST.consultant, name: "Con", host: false });
  d.system({ type: "join", participantId: CAST.scribe, name: "Scr", host: false });
  d.must(CAST.animator, { type: "assignRole", participantId: CAST.scribe, role: "scribe" });
  const target = PHASES.indexOf(phase);
  while (PHASES.indexOf(d.phase) < Math.min(target, PHASES.indexOf("choice")))
    d.must(CAST.animator, { type: "advance" });
  if (target < PHASES.indexOf("choice")) return d;
  d.must(CAST.client, { type: "proposeSituation", title: "My situation", stakes: "What is at stake" });
  const situation = d.state.consultation.situations[0];
  if (!situation) throw new Error("no situation");
  d.must(CAST.animator, { type: "chooseSituation", situationId: situation.id });
  while (PHASES.indexOf(d.phase) < target) d.must(CAST.animator, { type: "advance" });
  return d;
}
