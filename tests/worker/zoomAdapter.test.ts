import { SELF } from "cloudflare:test";
import type {
  ConfigOptions,
  ConfigResponse,
  OnBreakoutRoomChangeEvent,
  OnMyUserContextChangeEvent,
  OnRunningContextChangeEvent,
  RunningContext,
} from "@zoom/appssdk";
import { describe, expect, it } from "vitest";
import {
  configureZoom,
  createZoomPlatform,
  ZOOM_CAPABILITIES,
  type ZoomSdkPort,
  ZoomSessionError,
} from "../../app/platform/zoomPlatform.ts";
import { BREAKOUT_UUID, MEETING_UUID, meetingClaims, sealContext, USER_ID } from "./helpers/zoomContext.ts";

/** A stand-in for the Zoom client: it answers like the SDK and seals real contexts for the current meeting. */
class FakeZoom implements ZoomSdkPort {
  configs: ConfigOptions[] = [];
  running: RunningContext = "inMeeting";
  meeting = MEETING_UUID;
  role = "attendee";
  attendrole: string | undefined = "participant";
  invitations = 0;
  inviteFails = false;
  handlers = {
    user: [] as ((e: OnMyUserContextChangeEvent) => void)[],
    running: [] as ((e: OnRunningContextChangeEvent) => void)[],
    breakout: [] as ((e: OnBreakoutRoomChangeEvent) => void)[],
  };

  async config(options: ConfigOptions): Promise<ConfigResponse> {
    this.configs.push(options);
    return {
      runningContext: this.running,
      unsupportedApis: [],
      clientVersion: "6.4.0",
      browserVersion: "applewebkit/605",
      auth: { status: "authorized", upgradable: true },
      userAgent: "ZoomApps/1.0",
      launchContext: { origin: "App Launcher", openBy: "user" },
    };
  }
  async getMeetingUUID() {
    if (this.running !== "inMeeting") throw new Error("not in a meeting");
    return { meetingUUID: this.meeting };
  }
  async getUserContext() {
    return {
      status: "authorized" as const,
      screenName: "<i>Ana</i>",
      participantId: "p",
      participantUUID: "pu",
      role: this.role,
    };
  }
  async getAppContext() {
    return { context: await sealContext(meetingClaims({ mid: this.meeting, attendrole: this.attendrole })) };
  }
  async sendAppInvitationToAllParticipants() {
    if (this.inviteFails) throw new Error("chat is off");
    this.invitations += 1;
    return { invitationUUID: "inv" };
  }
  onMyUserContextChange(h: (e: OnMyUserContextChangeEvent) => void) {
    this.handlers.user.push(h);
  }
  onRunningContextChange(h: (e: OnRunningContextChangeEvent) => void) {
    this.handlers.running.push(h);
  }
  onBreakoutRoomChange(h: (e: OnBreakoutRoomChangeEvent) => void) {
    this.handlers.breakout.push(h);
  }
}

const viaWorker: typeof fetch = (input, init) => SELF.fetch(new URL(String(input), "https://codev.test").href, init);

async function platformOn(zoom: FakeZoom) {
  const platform = createZoomPlatform(zoom, await configureZoom(zoom), { fetch: viaWorker });
  return platform;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("the Zoom adapter", () => {
  it("configures the SDK with exactly the capabilities it uses", async () => {
    const zoom = new FakeZoom();
    await platformOn(zoom);
    expect(zoom.configs).toEqual([{ version: "0.16", capabilities: [...ZOOM_CAPABILITIES] }]);
    expect(zoom.handlers.user).toHaveLength(1);
    expect(zoom.handlers.running).toHaveLength(1);
    expect(zoom.handlers.breakout).toHaveLength(1);
  });

  it("gets a session from the Worker with the app context, the screen name and the role", async () => {
    const platform = await platformOn(new FakeZoom());
    expect(platform.kind).toBe("zoom");
    const session = await platform.getSession();
    expect(session).toMatchObject({ participantId: USER_ID, name: "<i>Ana</i>", host: false });
    expect(session.roomId).toMatch(/^zm-/);
  });

  it("makes the host's session a host session, from the signed role", async () => {
    const zoom = new FakeZoom();
    zoom.attendrole = "host";
    expect((await (await platformOn(zoom)).getSession()).host).toBe(true);
  });

  it("joins another room in a breakout room and tells the panel when the breakout room changes", async () => {
    const zoom = new FakeZoom();
    const platform = await platformOn(zoom);
    const main = await platform.getSession();
    let changes = 0;
    platform.onContextChange(() => changes++);
    zoom.meeting = BREAKOUT_UUID;
    for (const h of zoom.handlers.breakout) h({ action: "join", breakoutRoomUUID: BREAKOUT_UUID, timestamp: 1 });
    expect(changes).toBe(1);
    expect((await platform.getSession()).roomId).not.toBe(main.roomId);
  });

  it("re-configures after a role change, then tells the panel, whose next session carries the new role", async () => {
    const zoom = new FakeZoom();
    const platform = await platformOn(zoom);
    const seen: number[] = [];
    const stop = platform.onContextChange(() => seen.push(zoom.configs.length));
    zoom.attendrole = "co-host";
    zoom.role = "coHost";
    for (const h of zoom.handlers.user) h({ timestamp: 1, role: "coHost", screenName: "Ana" });
    await settle();
    expect(seen).toEqual([2]);
    expect((await platform.getSession()).host).toBe(true);
    stop();
    for (const h of zoom.handlers.user) h({ timestamp: 2, role: "attendee", screenName: "Ana" });
    await settle();
    expect(seen).toEqual([2]);
  });

  it("refuses a session outside a meeting and re-configures when the running context changes", async () => {
    const zoom = new FakeZoom();
    zoom.running = "inMainClient";
    const platform = await platformOn(zoom);
    await expect(platform.getSession()).rejects.toMatchObject({ reason: "not_in_meeting" });
    let changed = false;
    platform.onContextChange(() => {
      changed = true;
    });
    zoom.running = "inMeeting";
    for (const h of zoom.handlers.running) h({ runningContext: "inMeeting", timestamp: 1 });
    await settle();
    expect(changed).toBe(true);
    expect(zoom.configs).toHaveLength(2);
    expect((await platform.getSession()).participantId).toBe(USER_ID);
  });

  it("reports the Worker's refusal with its reason", async () => {
    const zoom = new FakeZoom();
    zoom.getAppContext = async () => ({ context: await sealContext(meetingClaims({ exp: Date.now() - 600_000 })) });
    const error = await (await platformOn(zoom)).getSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomSessionError);
    expect(error).toMatchObject({ reason: "refused", detail: "expired" });
  });

  it("invites everyone through the SDK, and says false when Zoom refuses", async () => {
    const zoom = new FakeZoom();
    const platform = await platformOn(zoom);
    expect(await platform.inviteAll()).toBe(true);
    expect(zoom.invitations).toBe(1);
    zoom.inviteFails = true;
    expect(await platform.inviteAll()).toBe(false);
  });
});
