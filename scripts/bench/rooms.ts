// Opens benchmark rooms of either target: sockets on the bare echo room, or participants of a prepared real room.
import { requestDevSession } from "../../protocol/client/devSession.ts";
import { EchoClient } from "./echoClient.ts";
import type { LoadClient, LoadKind } from "./loadClient.ts";
import { RoomClient } from "./roomClient.ts";
import { mapLimit, withRetries } from "./socket.ts";
import { echoSocketUrl, roomSocketUrl } from "./wire.ts";

export const Target = { room: "room", echo: "echo" } as const;
export type Target = (typeof Target)[keyof typeof Target];

/** Where the room stands when the load starts: the first step (step changes), consultation (ideas), choice (votes). */
export type Stage = "steps" | "ideas" | "choice";

export interface BenchRoom {
  id: string;
  clients: LoadClient[];
  /** Who sends each kind of load: the animator changes steps, consultants add ideas. */
  senders: Record<LoadKind, LoadClient[]>;
}

export interface RoomSet<C extends LoadClient> {
  rooms: Array<BenchRoom & { clients: C[] }>;
  close(): void;
}

/** Parallel connects (sockets for echo rooms, whole rooms for real ones); higher would only queue in the server. */
const CONNECT_PARALLELISM = 32;
const ROOM_PARALLELISM = 8;

export async function openEchoRooms(
  baseUrl: string,
  tag: string,
  count: number,
  size: number,
): Promise<RoomSet<EchoClient>> {
  const rooms = Array.from({ length: count }, (_, r) => {
    const id = `${tag}-${r}`;
    const clients = Array.from(
      { length: size },
      (_, i) => new EchoClient(`e${tag}-${r}-${i}`, echoSocketUrl(baseUrl, id)),
    );
    return { id, clients, senders: sendersOf(clients) };
  });
  await mapLimit(
    rooms.flatMap((r) => r.clients),
    CONNECT_PARALLELISM,
    (c) => withRetries("an echo socket", () => c.connect()),
  );
  return { rooms, close: () => closeAll(rooms) };
}

export async function openRealRooms(
  baseUrl: string,
  tag: string,
  count: number,
  size: number,
  stage: Stage,
): Promise<RoomSet<RoomClient>> {
  const rooms = await mapLimit(
    Array.from({ length: count }, (_, r) => r),
    ROOM_PARALLELISM,
    async (r) => {
      const code = `${tag}-${r}`;
      // The animator joins first (as host), so the room gives it the animator role.
      const animator = await joinRoom(baseUrl, code, `bench-${tag}-${r}-0`, "Animator", true);
      const others = await Promise.all(
        Array.from({ length: size - 1 }, (_, i) =>
          joinRoom(baseUrl, code, `bench-${tag}-${r}-${i + 1}`, `Member ${i + 1}`, false),
        ),
      );
      const clients = [animator, ...others];
      await prepare(clients, stage);
      return { id: code, clients, senders: sendersOf(clients) };
    },
  );
  return { rooms, close: () => closeAll(rooms) };
}

async function joinRoom(
  baseUrl: string,
  room: string,
  participantId: string,
  name: string,
  host: boolean,
): Promise<RoomClient> {
  const session = await withRetries("a dev session", () =>
    requestDevSession(baseUrl, { room, name, participantId, host }),
  );
  const client = new RoomClient(participantId, roomSocketUrl(baseUrl, session.roomId, session.token));
  await withRetries("a room socket", () => client.connect());
  return client;
}

/** Brings a fresh room to its first step with a chosen client (member 1), or on to the consultation step. */
async function prepare(clients: RoomClient[], stage: Stage): Promise<void> {
  const [animator, proposer] = clients;
  if (!animator || !proposer) throw new Error("a benchmark room needs at least two participants");
  await animator.command({ type: "advance" });
  await animator.command({ type: "advance" });
  const situationId = await propose(proposer);
  if (stage === "choice") {
    const second = await propose(clients[2] ?? animator);
    for (const c of clients) c.voteTargets = [situationId, second];
    return;
  }
  await animator.command({ type: "chooseSituation", situationId });
  await animator.command({ type: "advance" });
  if (stage === "ideas") for (let i = 0; i < 3; i++) await animator.command({ type: "advance" });
}

/** Proposes a situation and returns the id the room gave it (the event's newId). */
async function propose(member: RoomClient): Promise<string> {
  member.recording = true;
  const version = await member.command({ type: "proposeSituation", title: "Bench situation", stakes: "load" });
  const proposal = member.events.find((e) => e.version === version);
  member.recording = false;
  member.events.length = 0;
  if (!proposal) throw new Error("the proposal's event never reached its author");
  return proposal.newId;
}

function sendersOf(clients: LoadClient[]): Record<LoadKind, LoadClient[]> {
  const animator = clients.slice(0, 1);
  // Members from 2 on are consultants (member 1 is the client).
  const consultants = clients.slice(2);
  return { step: animator, idea: consultants.length > 0 ? consultants : animator, vote: clients };
}

function closeAll(rooms: Array<{ clients: LoadClient[] }>): void {
  for (const r of rooms) for (const c of r.clients) c.close();
}
