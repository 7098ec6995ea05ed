// The Zoom adapter's logic for a given SDK: sessions from the app context, invitations, and context changes.
import type {
  Apis,
  AppInvitationResponse,
  ConfigOptions,
  ConfigResponse,
  GetAppContextResponse,
  GetMeetingUUIDResponse,
  GetUserContextResponse,
  OnBreakoutRoomChangeEvent,
  OnMyUserContextChangeEvent,
  OnRunningContextChangeEvent,
  RunningContext,
} from "@zoom/appssdk";
import * as v from "valibot";
import type { Platform, RoomSession } from "./Platform.ts";

/** Exactly the SDK calls and events below; Zoom refuses any not also listed on the app's Marketplace page. */
export const ZOOM_CAPABILITIES = [
  "getMeetingUUID",
  "getUserContext",
  "getAppContext",
  "sendAppInvitationToAllParticipants",
  "onMyUserContextChange",
  "onRunningContextChange",
  "onBreakoutRoomChange",
] as const satisfies readonly Apis[];

/** The part of the Zoom SDK the adapter uses; the real `zoomSdk` satisfies it, tests pass a fake. */
export interface ZoomSdkPort {
  config(options: ConfigOptions): Promise<ConfigResponse>;
  getMeetingUUID(): Promise<GetMeetingUUIDResponse>;
  getUserContext(): Promise<GetUserContextResponse>;
  getAppContext(): Promise<GetAppContextResponse>;
  sendAppInvitationToAllParticipants(): Promise<AppInvitationResponse>;
  onMyUserContextChange(handler: (event: OnMyUserContextChangeEvent) => void): void;
  onRunningContextChange(handler: (event: OnRunningContextChangeEvent) => void): void;
  onBreakoutRoomChange(handler: (event: OnBreakoutRoomChangeEvent) => void): void;
}

export type ZoomSessionFailure = "not_in_meeting" | "refused" | "unreachable";

/** Why no session could be had; `detail` is the server's reason code when it refused. */
export class ZoomSessionError extends Error {
  constructor(
    readonly reason: ZoomSessionFailure,
    readonly detail: string | null = null,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "ZoomSessionError";
  }
}

const RoomSessionSchema = v.object({
  token: v.string(),
  roomId: v.string(),
  participantId: v.string(),
  name: v.string(),
  host: v.boolean(),
});
const RefusalSchema = v.object({ reason: v.optional(v.string()), error: v.optional(v.string()) });

export interface ZoomPlatformOptions {
  /** Origin of the Worker; "" for the page's own origin, which is where the panel is served from. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function configureZoom(sdk: ZoomSdkPort): Promise<ConfigResponse> {
  // The npm SDK would otherwise announce itself to the client as 0.14.
  return sdk.config({ version: "0.16", capabilities: [...ZOOM_CAPABILITIES] });
}

/**
 * A platform over an SDK that `configureZoom` has just configured. The SDK's listeners are registered here, once;
 * the panel's own listeners come and go through onContextChange.
 */
export function createZoomPlatform(
  sdk: ZoomSdkPort,
  config: ConfigResponse,
  options: ZoomPlatformOptions = {},
): Platform {
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let runningContext: RunningContext = config.runningContext;
  const listeners = new Set<() => void>();
  // Re-configs run one after the other, and a session waits for the latest one.
  let settled: Promise<void> = Promise.resolve();

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  /** Zoom resets API permissions on role, status and running-context changes until config is called again. */
  const reconfigure = () => {
    settled = settled.then(async () => {
      try {
        runningContext = (await configureZoom(sdk)).runningContext;
      } catch {
        // The next getSession reports the failure through the calls it makes.
      }
    });
    void settled.then(notify);
  };

  sdk.onMyUserContextChange(() => reconfigure());
  sdk.onRunningContextChange((event) => {
    runningContext = event.runningContext;
    reconfigure();
  });
  // Moving into or out of a breakout room changes the meeting UUID and so the room: only the session must be renewed.
  sdk.onBreakoutRoomChange(() => notify());

  async function requestSession(context: string, user: GetUserContextResponse): Promise<RoomSession> {
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}/api/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ context, name: user.screenName, role: user.role }),
      });
    } catch {
      throw new ZoomSessionError("unreachable");
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const refusal = v.safeParse(RefusalSchema, body);
      const detail = refusal.success ? (refusal.output.reason ?? refusal.output.error ?? null) : null;
      throw new ZoomSessionError(res.status >= 500 ? "unreachable" : "refused", detail ?? `HTTP ${res.status}`);
    }
    const session = v.safeParse(RoomSessionSchema, body);
    if (!session.success) throw new ZoomSessionError("unreachable", "malformed session");
    return session.output;
  }

  return {
    kind: "zoom",
    async getSession() {
      await settled;
      if (runningContext !== "inMeeting") throw new ZoomSessionError("not_in_meeting", runningContext);
      // getMeetingUUID fails outside a meeting even when the running context lags behind.
      await sdk.getMeetingUUID().catch(() => {
        throw new ZoomSessionError("not_in_meeting");
      });
      // A fresh context for each session: it expires within minutes and carries the current role.
      const [user, app] = await Promise.all([sdk.getUserContext(), sdk.getAppContext()]);
      return requestSession(app.context, user);
    },
    async inviteAll() {
      try {
        await sdk.sendAppInvitationToAllParticipants();
        return true;
      } catch {
        return false;
      }
    },
    onContextChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
