// What every scenario gets from the run: where the server is, how to log, fresh room names, the config.
import type { BenchConfig } from "./config.ts";
import type { Inspector } from "./inspector.ts";

export interface BenchContext {
  baseUrl: string;
  /** Process group of the server (wrangler and its workerd children). */
  group: number;
  config: BenchConfig;
  inspector: Inspector | null;
  /** The server's own CPU when nothing happens (% of one core), taken off before costing commands. */
  idleServerCpu: number;
  log: (line: string) => void;
  /** The server's latest error lines, quoted when a scenario fails. */
  serverErrors(): string[];
  /** Runtime crashes so far: after one, every socket is gone and later figures would mean nothing. */
  serverCrashes(): number;
  /** A room-name prefix never used before in this run (rooms are never reused between scenarios). */
  tag(prefix: string): string;
}
