// What a panel sends of its note pad, and when: its edits merged at most every 200 ms, its presence every 400 ms.
import * as Y from "yjs";

/**
 * The room limits each socket to 10 frames a second (bursts of 30), binary frames included, so fast typing must
 * not become a frame per keystroke.
 */
const FLUSH_MS = 200;
const PRESENCE_MS = 400;

export interface OutgoingLink {
  online(): boolean;
  sendUpdate(update: Uint8Array): void;
  sendPresence(): void;
}

export class Outgoing {
  private pending: Uint8Array[] = [];
  private presenceDirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;
  private lastPresence = 0;

  constructor(private readonly link: OutgoingLink) {}

  update(update: Uint8Array): void {
    this.pending.push(update);
    this.schedule();
  }

  presence(): void {
    this.presenceDirty = true;
    this.schedule();
  }

  /** Forgets queued edits: the document holds them, and the sync that follows sends what the room lacks. */
  dropEdits(): void {
    this.pending = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastFlush + FLUSH_MS - Date.now()));
  }

  private flush(): void {
    this.timer = null;
    this.lastFlush = Date.now();
    if (!this.link.online()) {
      // Offline, the next sync sends everything; a queue would only repeat it.
      this.pending = [];
      return;
    }
    if (this.pending.length > 0) {
      const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
      this.pending = [];
      if (update) this.link.sendUpdate(update);
    }
    if (!this.presenceDirty) return;
    if (Date.now() - this.lastPresence < PRESENCE_MS) {
      this.schedule();
      return;
    }
    this.presenceDirty = false;
    this.lastPresence = Date.now();
    this.link.sendPresence();
  }
}
