// The seam between the panel and where it runs: inside a Zoom meeting, or a plain browser in dev mode.

/** What the panel needs to open its room socket; issued by the Worker (POST /api/session or /api/dev/session). */
export interface RoomSession {
  token: string;
  roomId: string;
  participantId: string;
  name: string;
  host: boolean;
}

export interface Platform {
  readonly kind: "zoom" | "dev";
  /**
   * A fresh session for the current meeting (or dev room). Called at start, before each reconnect
   * once the token is near expiry, and after onContextChange fires.
   */
  getSession(): Promise<RoomSession>;
  /** Invite everyone in the meeting to open the app; false where the platform cannot. */
  inviteAll(): Promise<boolean>;
  /** Called when the meeting context changes (role, running context, breakout room); returns an unsubscribe. */
  onContextChange(listener: () => void): () => void;
}
