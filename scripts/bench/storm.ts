// Reconnect storm: every socket of many rooms drops at once and reconnects (the real client, resending what is
// unacknowledged) while the animators keep changing steps; time until all are resynced, and messages lost or doubled.
import type { RoomState } from "../../protocol/model.ts";
import type { EchoClient } from "./echoClient.ts";
import { openEchoRooms } from "./rooms.ts";
import { openSimRooms, type SimModule, type SimRoom, watchStream } from "./simRooms.ts";
import { mapLimit, sleep, until } from "./socket.ts";
import { type Percentiles, percentiles } from "./stats.ts";

export interface StormRun {
  sockets: number;
  /** From the drop to the last socket welcomed back and holding the room's version at that moment. */
  resyncMs: number;
  /** When each socket was back (welcome received), from the drop. */
  backMs: Percentiles;
  commands: number;
  acknowledged: number;
  /** Events a socket never received (version gaps), received twice, and commands the room applied twice. */
  lost: number;
  duplicated: number;
  appliedTwice: number;
  snapshotResyncs: number;
  agree: boolean;
}

export interface StormEchoRun {
  sockets: number;
  /** From the drop to the last socket open again and seeing its own probe frame come back. */
  resyncMs: number;
}

export async function stormRoom(
  sim: SimModule,
  baseUrl: string,
  tag: string,
  opts: { rooms: number; size: number; rate: number; dropAtMs: number; durationMs: number },
): Promise<StormRun> {
  const rooms = await openSimRooms(sim, baseUrl, tag, opts.rooms, opts.size);
  try {
    const streams = rooms.flatMap((r) => r.members.map((m) => watchStream(m)));
    const sent: Array<{ room: SimRoom; id: string }> = [];
    const period = 1000 / opts.rate;
    const t0 = performance.now();
    const load = Promise.all(
      rooms.map(async (room, r) => {
        let forward = true;
        await sleep((r / rooms.length) * period);
        while (performance.now() - t0 < opts.durationMs) {
          sent.push({ room, id: room.animator.connection.send(forward ? { type: "advance" } : { type: "goBack" }) });
          forward = !forward;
          await sleep(period);
        }
      }),
    );
    await sleep(opts.dropAtMs);
    const before = new Map(rooms.map((r) => [r, r.animator.state?.version ?? 0]));
    const dropAt = performance.now();
    for (const s of streams) s.markDrop();
    for (const r of rooms) for (const m of r.members) m.connection.reconnectNow();
    await until(() => streams.every((s) => s.backAt !== null), 60_000, "every socket back after the storm");
    await until(
      () => rooms.every((r) => r.members.every((m) => (m.state?.version ?? -1) >= (before.get(r) ?? 0))),
      60_000,
      "every socket resynced",
    );
    const resyncMs = performance.now() - dropAt;
    await load;
    await until(() => rooms.every((r) => r.animator.connection.unacknowledged.length === 0), 30_000, "every ack");
    await settle(rooms);
    const acked = new Set(streams.flatMap((s) => s.acked));
    // Each acknowledged command adds exactly one version; more versions than commands means one was applied twice.
    const appliedTwice = rooms.reduce((n, r) => {
      const commands = sent.filter((s) => s.room === r && acked.has(s.id)).length;
      return n + Math.max(0, (r.animator.state?.version ?? 0) - r.readyVersion - commands);
    }, 0);
    return {
      sockets: streams.length,
      resyncMs,
      backMs: percentiles(streams.map((s) => (s.backAt ?? dropAt) - dropAt)),
      commands: sent.length,
      acknowledged: sent.filter((s) => acked.has(s.id)).length,
      lost: streams.reduce((n, s) => n + s.gaps, 0),
      duplicated: streams.reduce((n, s) => n + s.duplicated, 0),
      appliedTwice,
      snapshotResyncs: streams.reduce((n, s) => n + s.snapshots, 0),
      agree: rooms.every((r) =>
        sameStates(
          sim,
          r.members.map((m) => m.state),
        ),
      ),
    };
  } finally {
    for (const r of rooms) for (const m of r.members) m.close();
  }
}

async function settle(rooms: SimRoom[]): Promise<void> {
  await until(
    () => rooms.every((r) => new Set(r.members.map((m) => m.state?.version)).size === 1),
    30_000,
    "every member at the same version",
  );
}

function sameStates(sim: SimModule, states: Array<RoomState | null>): boolean {
  const [first, ...rest] = states;
  return first !== null && rest.every((s) => sim.firstDifference(first, s) === null);
}

/** The floor: the same number of bare sockets drop and reopen at once, each then seeing one frame echoed. */
export async function stormEcho(
  baseUrl: string,
  tag: string,
  opts: { rooms: number; size: number },
): Promise<StormEchoRun> {
  const set = await openEchoRooms(baseUrl, tag, opts.rooms, opts.size);
  const clients: EchoClient[] = set.rooms.flatMap((r) => r.clients);
  try {
    const dropAt = performance.now();
    for (const c of clients) c.close();
    await mapLimit(clients, clients.length, (c) => c.connect());
    for (const [i, c] of clients.entries()) c.probe(`probe:${i}`);
    await until(() => clients.every((c, i) => c.received.has(`probe:${i}`)), 60_000, "every probe echoed");
    return { sockets: clients.length, resyncMs: performance.now() - dropAt };
  } finally {
    set.close();
  }
}
