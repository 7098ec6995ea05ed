// Open-loop load: each room sends at its own steady rate, rooms staggered; latencies from send to every receipt.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { LoadClient, LoadKind } from "./loadClient.ts";
import { startCpuMeter } from "./procStats.ts";
import type { BenchRoom } from "./rooms.ts";
import { sleep } from "./socket.ts";
import { percentiles } from "./stats.ts";

export interface WindowSpec {
  rooms: BenchRoom[];
  kind: LoadKind;
  /** Commands per second per room. */
  ratePerRoom: number;
  durationMs: number;
  /** Commands sent in the first warmupMs are sent but not counted. */
  warmupMs: number;
  /** How long to wait after the last send for stragglers before counting them lost. */
  drainMs: number;
  serverGroup: number;
}

export interface WindowResult {
  /** Commands counted (sent after the warm-up). */
  commands: number;
  /** Every command sent, warm-up included, and the window's wall time: the basis of CPU per command. */
  sentTotal: number;
  wallMs: number;
  /** Send to the last socket's receipt (every socket of the room, the sender included). */
  fanout: number[];
  /** Send to the sender's acknowledgement (the room's ack, or the echo of its own frame). */
  ack: number[];
  /** Send to the last receipt among the other sockets. */
  others: number[];
  lost: number;
  duplicated: number;
  reordered: number;
  gaps: number;
  rejected: number;
  errors: number;
  /** How late the harness sent compared with the schedule, and its event-loop delay: both show a saturated harness. */
  sendLagP99: number;
  loopDelayP99: number;
  harnessCpu: number;
  serverCpu: number;
  serverCpuByProcess: Record<string, number>;
  /** Other programs' CPU on the machine during the window, and disk waits (% of one core). */
  othersCpu: number;
  iowait: number;
  problems: string[];
}

export async function runWindow(spec: WindowSpec): Promise<WindowResult> {
  const clients = spec.rooms.flatMap((r) => r.clients);
  for (const c of clients) c.resetWindow();
  const before = clients.map((c) => ({ ...c.anomalies }));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu = startCpuMeter(spec.serverGroup);
  const period = 1000 / spec.ratePerRoom;
  const t0 = performance.now() + 20;
  const end = t0 + spec.durationMs;
  const lags: number[] = [];
  const counted = new Set<string>();
  let sentTotal = 0;
  await Promise.all(
    spec.rooms.map((room, r) =>
      driveRoom(room, spec.kind, t0 + (r / spec.rooms.length) * period, period, end, (id, lag, due) => {
        lags.push(lag);
        sentTotal++;
        if (due >= t0 + spec.warmupMs) counted.add(id);
      }),
    ),
  );
  await waitForReceipts(spec.rooms, counted, spec.drainMs);
  const usage = cpu.stop();
  loop.disable();
  const result = collect(spec.rooms, counted);
  const problems = new Set<string>();
  clients.forEach((c, i) => {
    const b = before[i];
    if (!b) return;
    result.duplicated += c.anomalies.duplicated - b.duplicated;
    result.reordered += c.anomalies.reordered - b.reordered;
    result.gaps += c.anomalies.gaps - b.gaps;
    result.rejected += c.anomalies.rejected - b.rejected;
    result.errors += c.anomalies.errors - b.errors;
    if ("lastProblem" in c && typeof c.lastProblem === "string" && c.lastProblem) problems.add(c.lastProblem);
  });
  return {
    ...result,
    sentTotal,
    wallMs: usage.wallMs,
    sendLagP99: percentiles(lags).p99,
    loopDelayP99: loop.percentile(99) / 1e6,
    harnessCpu: usage.harness,
    serverCpu: usage.serverTotal,
    serverCpuByProcess: usage.server,
    othersCpu: usage.others,
    iowait: usage.iowait,
    problems: [...problems].slice(0, 5),
  };
}

/** One room's schedule: sends every period from `first` until `end`, catching up (open loop) if the harness lags. */
async function driveRoom(
  room: BenchRoom,
  kind: LoadKind,
  first: number,
  period: number,
  end: number,
  onSend: (id: string, lag: number, due: number) => void,
): Promise<void> {
  const senders = room.senders[kind];
  let k = 0;
  let due = first;
  while (due < end) {
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    while (due < end && due <= performance.now() + 0.5) {
      const sender = senders[k % senders.length];
      if (sender) onSend(sender.sendLoad(kind), performance.now() - due, due);
      k++;
      due = first + k * period;
    }
  }
}

async function waitForReceipts(rooms: BenchRoom[], counted: Set<string>, drainMs: number): Promise<void> {
  const deadline = performance.now() + drainMs;
  while (performance.now() < deadline) {
    if (rooms.every((room) => roomComplete(room, counted))) return;
    await sleep(20);
  }
}

function roomComplete(room: BenchRoom, counted: Set<string>): boolean {
  for (const sender of new Set(Object.values(room.senders).flat())) {
    for (const [id, s] of sender.sent) {
      if (!counted.has(id)) continue;
      if (s.key === null || s.ackAt === null) return false;
      const key = s.key;
      if (!room.clients.every((c) => c.received.has(key))) return false;
    }
  }
  return true;
}

type Collected = Pick<
  WindowResult,
  "commands" | "fanout" | "ack" | "others" | "lost" | "duplicated" | "reordered" | "gaps" | "rejected" | "errors"
>;

function collect(rooms: BenchRoom[], counted: Set<string>): Collected {
  const out: Collected = {
    commands: 0,
    fanout: [],
    ack: [],
    others: [],
    lost: 0,
    duplicated: 0,
    reordered: 0,
    gaps: 0,
    rejected: 0,
    errors: 0,
  };
  for (const room of rooms) {
    const senders: LoadClient[] = [...new Set(Object.values(room.senders).flat())];
    for (const sender of senders) {
      for (const [id, s] of sender.sent) {
        if (!counted.has(id)) continue;
        out.commands++;
        if (s.key === null || s.ackAt === null) {
          out.lost += room.clients.length;
          continue;
        }
        out.ack.push(s.ackAt - s.sentAt);
        let last = 0;
        let lastOther = 0;
        for (const c of room.clients) {
          const at = c.received.get(s.key);
          if (at === undefined) {
            out.lost++;
            continue;
          }
          last = Math.max(last, at - s.sentAt);
          if (c !== sender) lastOther = Math.max(lastOther, at - s.sentAt);
        }
        out.fanout.push(last);
        out.others.push(lastOther);
      }
    }
  }
  return out;
}
