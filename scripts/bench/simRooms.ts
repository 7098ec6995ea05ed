// Rooms of real clients (the simulation's participants, each a RoomConnection), brought to the first step.
import type { ServerMessage } from "../../protocol/messages.ts";
import type { SimParticipant } from "../../protocol/sim/index.ts";
import { mapLimit } from "./socket.ts";

export type SimModule = typeof import("../../protocol/sim/index.ts");

export interface SimRoom {
  animator: SimParticipant;
  members: SimParticipant[];
  /** The room's version when the room was ready, before any load. */
  readyVersion: number;
}

export async function openSimRooms(
  sim: SimModule,
  baseUrl: string,
  tag: string,
  count: number,
  size: number,
): Promise<SimRoom[]> {
  return mapLimit(
    Array.from({ length: count }, (_, r) => r),
    8,
    async (r) => {
      const names = Array.from({ length: size }, (_, i) => `Member ${i}`);
      const members = await sim.joinParticipants(names, { baseUrl, room: `${tag}-${r}`, timeoutMs: 30_000 });
      const [animator, proposer] = members;
      if (!animator || !proposer) throw new Error("a storm room needs two members at least");
      await animator.send({ type: "advance" });
      await animator.send({ type: "advance" });
      const state = await proposer.reach(
        await proposer.send({ type: "proposeSituation", title: "Storm", stakes: "bench" }),
      );
      const situation = state.consultation.situations.at(-1);
      if (!situation) throw new Error("the proposal is missing");
      await animator.send({ type: "chooseSituation", situationId: situation.id });
      const readyVersion = await animator.send({ type: "advance" });
      await Promise.all(members.map((m) => m.reach(readyVersion)));
      return { animator, members, readyVersion };
    },
  );
}

export interface Stream {
  /** Events missing from the stream (version gaps), events seen twice, reconnects answered by a snapshot. */
  gaps: number;
  duplicated: number;
  snapshots: number;
  acked: string[];
  /** When the socket was welcomed back after the drop. */
  backAt: number | null;
  markDrop(): void;
}

/** Watches one connection's raw frames: versions must follow each other exactly, across reconnects. */
export function watchStream(member: SimParticipant): Stream {
  let version = member.state?.version ?? -1;
  let dropped = false;
  const stream: Stream = {
    gaps: 0,
    duplicated: 0,
    snapshots: 0,
    acked: [],
    backAt: null,
    markDrop() {
      dropped = true;
      stream.backAt = null;
    },
  };
  const apply = (v: number) => {
    if (v <= version) stream.duplicated++;
    else {
      if (v > version + 1) stream.gaps += v - version - 1;
      version = v;
    }
  };
  member.connection.onMessage((msg: ServerMessage) => {
    if (msg.type === "welcome") {
      if (msg.snapshot) {
        if (dropped) stream.snapshots++;
        version = msg.snapshot.version;
      }
      for (const e of msg.events) apply(e.version);
      if (dropped && stream.backAt === null) stream.backAt = performance.now();
    } else if (msg.type === "event") apply(msg.event.version);
    else if (msg.type === "ack") stream.acked.push(msg.id);
  });
  return stream;
}
