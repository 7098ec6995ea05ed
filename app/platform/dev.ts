// Dev-mode platform (plain browser, local server): a room code and a name; the participant id is kept per room and name.
import { requestDevSession } from "../../protocol/client/devSession.ts";
import { remembered } from "../model/remembered.ts";
import type { Platform, RoomSession } from "./Platform.ts";

export interface DevJoin {
  room: string;
  name: string;
  host: boolean;
  /** Stands in for a Zoom breakout room: the main room's code, which this room then reports to. */
  parent?: string;
}

export const ROOM_CODE = /^[a-z0-9-]{1,40}$/;

/** Normalises what a person typed as a room code; null when it cannot be one. */
export function roomCode(raw: string): string | null {
  const code = raw.trim().toLowerCase();
  return ROOM_CODE.test(code) ? code : null;
}

/** A short code that is easy to read aloud in a meeting: no 0/o, 1/l. */
export function newRoomCode(random: () => number = Math.random): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const pick = () => alphabet[Math.floor(random() * alphabet.length)] ?? "a";
  const part = () => `${pick()}${pick()}${pick()}`;
  return `${part()}-${part()}`;
}

/**
 * The id is per name: a reload or a later meeting is the same person (so the group recognises its
 * members), while other tabs joining under other names are other participants (localStorage is
 * shared by every tab of the origin).
 */
export function participantIdFor(name: string): string {
  const store = remembered(`codev:pid:${name.trim().toLowerCase()}`);
  const saved = store.get();
  if (saved && /^[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved;
  const id = crypto.randomUUID();
  store.set(id);
  return id;
}

export function devPlatform(baseUrl: string, join: DevJoin): Platform {
  const participantId = participantIdFor(join.name);
  return {
    kind: "dev",
    async getSession(): Promise<RoomSession> {
      const s = await requestDevSession(baseUrl, {
        room: join.room,
        name: join.name,
        participantId,
        host: join.host,
        ...(join.parent ? { parent: join.parent } : {}),
      });
      return { token: s.token, roomId: s.roomId, participantId: s.participantId, name: s.name, host: s.host };
    },
    async inviteAll() {
      return false;
    },
    onContextChange() {
      return () => {};
    },
  };
}

/** Whether the server runs in dev mode; false when it cannot tell. */
export async function devModeOn(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/dev/status`);
    if (!res.ok) return false;
    const body: unknown = await res.json();
    return typeof body === "object" && body !== null && "devMode" in body && body.devMode === true;
  } catch {
    return false;
  }
}
