// Clock skew: a panel whose clock is minutes (or hours) off still shows the step's true remaining time.
import { render, waitFor, within } from "@testing-library/preact";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { RoomStore } from "../../app/model/RoomStore.ts";
import { RoomView } from "../../app/views/RoomView.tsx";
import { remainingMs } from "../../app/views/step/Timer.tsx";
import { RoomConnection, type SocketLike } from "../../protocol/client/RoomConnection.ts";
import { parseClientMessage, type ServerMessage } from "../../protocol/messages.ts";
import { initialState, PROTOCOL_VERSION, type RoomState } from "../../protocol/model.ts";
import { group, moveTo } from "./support/consultation.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import "./support/setup.ts";

const MINUTE = 60_000;

const skewed: RoomStore[] = [];
afterEach(() => {
  for (const store of skewed.splice(0)) store.close();
});

/** A panel for a newcomer whose own clock reads the room's time plus `skewMs`. */
function skewedPanel(room: FakeRoom, clock: () => number, skewMs: number) {
  const id = `skewed-${skewMs}`;
  const connection = new RoomConnection({
    baseUrl: "http://fake",
    getSession: async () => ({ token: id, roomId: room.roomId, participantId: id }),
    createSocket: () => room.connect({ participantId: id, name: "Décalé", host: false }),
    now: () => clock() + skewMs,
    heartbeatMs: 60_000,
  });
  const store = new RoomStore(connection, "test");
  skewed.push(store);
  const { container } = render(<RoomView store={store} onLeave={null} />);
  if (!(container instanceof HTMLElement)) throw new Error("rendered outside the DOM");
  return { store, view: within(container) };
}

describe("a panel whose clock is off", () => {
  it.each([
    ["7 minutes ahead", 7 * MINUTE],
    ["7 minutes behind", -7 * MINUTE],
    ["3 hours ahead", 180 * MINUTE],
    ["90 seconds behind", -90_000],
  ])("shows the true remaining time when %s, and counts down with the room", async (_label, skewMs) => {
    let roomNow = 1_800_000_000_000;
    const room = new FakeRoom("dev-clock", () => roomNow);
    const g = await group(room);
    await moveTo(g, "presentation");
    const panel = skewedPanel(room, () => roomNow, skewMs);
    // The room's clock stands still here, so the ten minutes of the presentation are exactly what is left.
    await waitFor(() => expect(panel.view.getByRole("timer").textContent).toBe("10:00"));
    expect(panel.store.serverNow()).toBe(roomNow);

    roomNow += 4 * MINUTE + 30_000;
    await waitFor(() => expect(panel.view.getByRole("timer").textContent).toBe("5:30"));
    expect(panel.view.getByText("Temps restant")).toBeTruthy();
  });

  it("does not announce time up early when its clock is ahead of the room by more than the step", async () => {
    const roomNow = 1_800_000_000_000;
    const room = new FakeRoom("dev-clock-ahead", () => roomNow);
    const g = await group(room);
    await moveTo(g, "presentation");
    const panel = skewedPanel(room, () => roomNow, 25 * MINUTE);
    await waitFor(() => expect(panel.view.getByRole("timer").textContent).toBe("10:00"));
    expect(panel.view.queryByText("Temps dépassé")).toBeNull();
  });

  it("shows how far over the step is once its time is up, counting on", async () => {
    let roomNow = 1_800_000_000_000;
    const room = new FakeRoom("dev-clock-over", () => roomNow);
    const g = await group(room);
    await moveTo(g, "presentation");
    const panel = skewedPanel(room, () => roomNow, 3 * MINUTE);
    await waitFor(() => expect(panel.view.getByRole("timer").textContent).toBe("10:00"));
    roomNow += 10 * MINUTE;
    room.system({ type: "timeUp" });
    await panel.view.findByText("Temps dépassé");
    expect(panel.view.getByRole("timer").textContent).toBe("+0:00");
    roomNow += 83_000;
    await waitFor(() => expect(panel.view.getByRole("timer").textContent).toBe("+1:23"));
  });
});

/**
 * A room on the far side of a network with its own latencies, on a virtual clock: `trueNow` is the room's time,
 * the client's clock is trueNow + skew. Only hello and ping are answered.
 */
class DistantRoom implements SocketLike {
  readyState = 0;
  binaryType = "arraybuffer";
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  trueNow = 1_800_000_000_000;

  constructor(
    private readonly state: RoomState,
    private readonly upMs: number,
    private readonly downMs: number,
  ) {}

  /** The connection asks for a socket: it opens once the caller has set its handlers. */
  open(): SocketLike {
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
    return this;
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (typeof data !== "string") return;
    const parsed = parseClientMessage(JSON.parse(data));
    if (!parsed.success) return;
    const msg = parsed.output;
    this.trueNow += this.upMs;
    const serverNow = this.trueNow;
    this.trueNow += this.downMs;
    if (msg.type === "ping") this.deliver({ type: "pong", t: msg.t, serverNow });
    if (msg.type === "hello") {
      this.deliver({
        type: "welcome",
        protocol: PROTOCOL_VERSION,
        you: { participantId: "me", name: "Me" },
        serverNow,
        snapshot: this.state,
        events: [],
      });
    }
  }

  close(): void {
    this.readyState = 3;
  }

  private deliver(msg: ServerMessage): void {
    queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(msg) }));
  }
}

describe("the clock offset (seeded random skews and latencies)", () => {
  it("puts the panel's remaining time within half the round trip of the truth, however far off its clock is", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -24 * 60 * MINUTE, max: 24 * 60 * MINUTE }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 60 }),
        async (skewMs, upMs, downMs, minutes) => {
          const base = initialState("r", "c", 0);
          const endsAt = 1_800_000_000_000 + minutes * MINUTE;
          const state: RoomState = {
            ...base,
            consultation: {
              ...base.consultation,
              phase: "presentation",
              timer: { status: "running", endsAt, remainingMs: minutes * MINUTE },
            },
          };
          const room = new DistantRoom(state, upMs, downMs);
          const connection = new RoomConnection({
            baseUrl: "http://distant",
            getSession: async () => ({ token: "t", roomId: "r", participantId: "me" }),
            createSocket: () => room.open(),
            now: () => room.trueNow + skewMs,
            heartbeatMs: 60_000,
          });
          const ponged = new Promise<void>((resolve) =>
            connection.onMessage((m) => {
              if (m.type === "pong") resolve();
            }),
          );
          try {
            await ponged;
            const error = Math.abs(connection.serverNow() - room.trueNow);
            expect(error).toBeLessThanOrEqual((upMs + downMs) / 2);
            const shown = remainingMs(state.consultation.timer, connection.serverNow());
            const truth = Math.max(0, endsAt - room.trueNow);
            expect(Math.abs(shown - truth)).toBeLessThanOrEqual((upMs + downMs) / 2);
          } finally {
            connection.close();
          }
        },
      ),
      { seed: 20261111, numRuns: 200 },
    );
  });
});
