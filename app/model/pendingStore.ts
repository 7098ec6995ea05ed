// Keeps a room's unacknowledged commands in localStorage, so text typed before a reload or a crash is still sent.
import * as v from "valibot";
import type { PendingCommand } from "../../protocol/client/RoomConnection.ts";
import { CommandSchema } from "../../protocol/commands.ts";
import { remembered } from "./remembered.ts";

const PendingSchema = v.array(v.object({ id: v.string(), command: CommandSchema }));

export function pendingStore(key: string): { load(): PendingCommand[]; save(pending: PendingCommand[]): void } {
  const store = remembered(key);
  return {
    load() {
      const raw = store.get();
      if (raw === null) return [];
      try {
        const parsed = v.safeParse(PendingSchema, JSON.parse(raw));
        return parsed.success ? parsed.output : [];
      } catch {
        return [];
      }
    },
    save(pending) {
      store.set(pending.length === 0 ? null : JSON.stringify(pending));
    },
  };
}
