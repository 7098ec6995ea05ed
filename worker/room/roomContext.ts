// What the room's handlers share: the Durable Object's state, its SQLite-backed stores and its replaceable seams.
import type { FollowUpLoader } from "../db/followUp.ts";
import type { ResultsWriter } from "../db/results.ts";
import type { Breakouts } from "./Breakouts.ts";
import type { Dedupe } from "./Dedupe.ts";
import type { MemorySeam } from "./memorySeam.ts";
import type { NotepadPresence } from "./notepadPresence.ts";
import type { NotepadStore } from "./notepadStore.ts";
import type { Outbox } from "./Outbox.ts";
import type { ParentReport, ParentReporter } from "./ParentReport.ts";
import type { PendingLeaves } from "./PendingLeaves.ts";
import type { RoomStore } from "./RoomStore.ts";
import type { RoomTuning } from "./tuning.ts";

export interface RoomContext {
  readonly ctx: DurableObjectState;
  readonly store: RoomStore;
  readonly dedupe: Dedupe;
  readonly outbox: Outbox;
  readonly leaves: PendingLeaves;
  readonly notepad: NotepadStore;
  readonly notepadPresence: NotepadPresence;
  /** In a breakout room: its report to the main room. */
  readonly parentReport: ParentReport;
  /** In a main room: what its breakout rooms reported. */
  readonly breakouts: Breakouts;
  readonly tuning: RoomTuning;
  readonly resultsWriter: ResultsWriter;
  readonly followUpLoader: FollowUpLoader;
  readonly memory: MemorySeam;
  readonly reportToParent: ParentReporter;
}
