// Everyone else's note pad presence (name, colour, caret) as the room relays it, y-protocols' awareness rules.
import { type NotepadPresence, type PresenceEntry, parsePresence } from "../../protocol/notepad.ts";

export class RemotePresence {
  readonly states = new Map<number, NotepadPresence>();
  /** Kept after a departure too, so a late, older update cannot bring a writer back. */
  private readonly clocks = new Map<number, number>();

  /** Applies the room's entries; true when anything shown changed. */
  apply(entries: readonly PresenceEntry[], ownClientId: number): boolean {
    let changed = false;
    for (const e of entries) {
      if (e.clientId === ownClientId) continue;
      const known = this.clocks.get(e.clientId) ?? -1;
      if (e.clock < known || (e.clock === known && e.state !== null)) continue;
      this.clocks.set(e.clientId, e.clock);
      const presence = e.state === null ? null : parsePresence(e.state);
      if (presence) this.states.set(e.clientId, presence);
      else this.states.delete(e.clientId);
      changed = true;
    }
    return changed;
  }

  /** On every (re)connection: the room then sends who is there now. */
  clear(): void {
    this.states.clear();
    this.clocks.clear();
  }
}
