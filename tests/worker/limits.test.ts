// Every limit the room enforces, at its boundary, with the error frame a client gets past it.
import { SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Command, LIMITS, type Phase, type RoomState } from "../../protocol/index.ts";
import { RATE_LIMITS } from "../../worker/room/RateLimiter.ts";
import { type Cast, closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { seedPreviousPlan } from "./helpers/d1.ts";
import { BASE_URL, devSession, type TestSession, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeAll(open.splice(0));
});

async function castAt(phase: Phase): Promise<Cast> {
  const cast = await openCast(1);
  open.push(...cast.all);
  await runConsultation(cast, phase);
  return cast;
}

function stateOf(socket: TestSocket): RoomState {
  if (!socket.state) throw new Error("no state");
  return socket.state;
}

function consultantOf(cast: Cast): TestSocket {
  const [consultant] = cast.consultants;
  if (!consultant) throw new Error("no consultant");
  return consultant;
}

/** Commands a socket would send a lot of; well below the burst so each tab's answers come back unthrottled. */
const PER_TAB = RATE_LIMITS.burst - 5;

/**
 * Sends many commands as one participant through as many fresh tabs as the rate limit asks for (it is per socket),
 * and resolves with every answer, in order.
 */
async function sendMany(session: TestSession, commands: readonly Command[]) {
  const answers = [];
  for (let i = 0; i < commands.length; i += PER_TAB) {
    const tab = await TestSocket.join(session);
    open.push(tab);
    answers.push(...(await Promise.all(commands.slice(i, i + PER_TAB).map((c) => tab.command(c)))));
    await tab.close();
  }
  return answers;
}

interface TextLimit {
  field: string;
  limit: number;
  phase: Phase;
  /** The path the error names. */
  path: string;
  sender: (cast: Cast) => TestSocket;
  command: (text: string, state: RoomState) => Command;
  /** What must exist first, e.g. an action to update. */
  before?: Command;
}

const TEXT_LIMITS: readonly TextLimit[] = [
  {
    field: "a situation's title",
    limit: LIMITS.situationTitle,
    phase: "choice",
    path: "command.title",
    sender: consultantOf,
    command: (title) => ({ type: "proposeSituation", title, stakes: "" }),
  },
  {
    field: "a situation's stakes",
    limit: LIMITS.situationStakes,
    phase: "choice",
    path: "command.stakes",
    sender: consultantOf,
    command: (stakes) => ({ type: "proposeSituation", title: "Title", stakes }),
  },
  {
    field: "the headline",
    limit: LIMITS.headline,
    phase: "presentation",
    path: "command.text",
    sender: (cast) => cast.client,
    command: (text) => ({ type: "setHeadline", text, question: "" }),
  },
  {
    field: "the headline's question",
    limit: LIMITS.headlineQuestion,
    phase: "presentation",
    path: "command.question",
    sender: (cast) => cast.client,
    command: (question) => ({ type: "setHeadline", text: "Headline", question }),
  },
  {
    field: "a question",
    limit: LIMITS.question,
    phase: "clarification",
    path: "command.text",
    sender: consultantOf,
    command: (text) => ({ type: "askQuestion", text }),
  },
  {
    field: "the request",
    limit: LIMITS.request,
    phase: "contract",
    path: "command.text",
    sender: (cast) => cast.client,
    command: (text) => ({ type: "setRequest", text }),
  },
  {
    field: "a reformulation",
    limit: LIMITS.reformulation,
    phase: "contract",
    path: "command.text",
    sender: consultantOf,
    command: (text) => ({ type: "suggestReformulation", text }),
  },
  {
    field: "an idea",
    limit: LIMITS.idea,
    phase: "consultation",
    path: "command.text",
    sender: consultantOf,
    command: (text) => ({ type: "addIdea", text }),
  },
  {
    field: "an action",
    limit: LIMITS.action,
    phase: "synthesis",
    path: "command.text",
    sender: (cast) => cast.client,
    command: (text) => ({ type: "addAction", text, dueDate: null }),
  },
  {
    field: "an action's resources",
    limit: LIMITS.actionResources,
    phase: "synthesis",
    path: "command.resources",
    sender: (cast) => cast.client,
    command: (resources) => ({ type: "addAction", text: "Act", dueDate: null, resources }),
  },
  {
    field: "an updated action",
    limit: LIMITS.action,
    phase: "synthesis",
    path: "command.text",
    sender: (cast) => cast.client,
    before: { type: "addAction", text: "First draft", dueDate: null },
    command: (text, state) => ({
      type: "updateAction",
      actionId: state.consultation.actions[0]?.id ?? "none",
      text,
      dueDate: null,
      status: "done",
    }),
  },
  {
    field: "a learning",
    limit: LIMITS.learning,
    phase: "evaluation",
    path: "command.text",
    sender: (cast) => cast.animator,
    command: (text) => ({ type: "addLearning", text }),
  },
];

describe("text lengths", () => {
  it.each(TEXT_LIMITS)(
    "$field: $limit characters are accepted, one more is refused with bad_frame naming the field",
    async ({ limit, phase, path, sender, command, before }) => {
      const cast = await castAt(phase);
      const socket = sender(cast);
      if (before) await socket.reach(await socket.must(before));
      // Accented letters count as one character each, as a person counts them.
      const atLimit = "é".repeat(limit);
      const version = await socket.must(command(atLimit, stateOf(socket)));
      await socket.reach(version);
      expect(JSON.stringify(stateOf(socket))).toContain(atLimit);

      const since = socket.mark();
      socket.send({ type: "command", id: "too-long", command: command(`${atLimit}é`, stateOf(socket)) });
      const error = await socket.waitFor("error", (m) => m.id === "too-long", { since });
      expect(error.code).toBe("bad_frame");
      expect(error.message).toContain(path);
      expect(error.message).toContain(String(limit));
      expect(await socket.command(command("Short again", stateOf(socket)))).toMatchObject({ type: "ack" });
    },
  );

  it("a follow-up note: 1000 characters are accepted, one more is refused with bad_frame naming the field", async () => {
    const code = uniqueRoomCode("note");
    const { consultationId, actionId } = await seedPreviousPlan(code, "previous-client");
    const animator = await TestSocket.join(await devSession(code, "Ana", { host: true }));
    open.push(animator);
    await animator.waitFor("event", (m) => m.event.command.type === "loadFollowUp");
    const report = (note: string): Command => ({
      type: "reportFollowUp",
      consultationId,
      actionId,
      status: "done",
      note,
    });

    expect(LIMITS.followUpNote).toBe(1000);
    expect(await animator.command(report("n".repeat(LIMITS.followUpNote)))).toMatchObject({ type: "ack" });
    const since = animator.mark();
    animator.send({ type: "command", id: "long-note", command: report("n".repeat(LIMITS.followUpNote + 1)) });
    const error = await animator.waitFor("error", (m) => m.id === "long-note", { since });
    expect(error).toMatchObject({ code: "bad_frame", id: "long-note" });
    expect(error.message).toContain("command.note");
  });

  it("a name is clipped to 60 characters when it joins, and a session refuses a name over 200", async () => {
    const code = uniqueRoomCode();
    const long = `${"Ñ".repeat(LIMITS.name)} Tail`;
    const socket = await TestSocket.join(await devSession(code, long));
    open.push(socket);
    await socket.reach(1);
    expect(stateOf(socket).participants.map((p) => p.name)).toEqual(["Ñ".repeat(LIMITS.name)]);
    const res = await fetchSession(code, "x".repeat(201));
    expect(res.status).toBe(400);
  });

  it("a command id: 64 characters are accepted, one more is refused with bad_frame", async () => {
    const cast = await castAt("lobby");
    const id = "i".repeat(LIMITS.commandId);
    expect(await cast.animator.command({ type: "setDuration", step: "synthesis", minutes: 9 }, id)).toMatchObject({
      type: "ack",
      id,
    });
    const since = cast.animator.mark();
    cast.animator.send({ type: "command", id: `${id}i`, command: { type: "advance" } });
    const error = await cast.animator.waitFor("error", () => true, { since });
    expect(error.code).toBe("bad_frame");
    expect(error.message).toContain("id");
    expect(stateOf(cast.animator).consultation.phase).toBe("lobby");
  });
});

function fetchSession(room: string, name: string): Promise<Response> {
  return SELF.fetch(`${BASE_URL}/api/dev/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ room, name }),
  });
}

interface ListLimit {
  list: keyof Pick<
    RoomState["consultation"],
    "situations" | "questions" | "reformulations" | "ideas" | "actions" | "learnings"
  >;
  limit: number;
  phase: Phase;
  message: string;
  /** Who sends the items: several people where one person could not send that many. */
  senders: (cast: Cast) => TestSocket[];
  command: (i: number) => Command;
}

const LIST_LIMITS: readonly ListLimit[] = [
  {
    list: "situations",
    limit: LIMITS.situations,
    phase: "choice",
    message: "Too many situations.",
    senders: (cast) => cast.consultants,
    command: (i) => ({ type: "proposeSituation", title: `Situation ${i}`, stakes: "" }),
  },
  {
    list: "questions",
    limit: LIMITS.questions,
    phase: "clarification",
    message: "Too many questions.",
    senders: (cast) => cast.consultants,
    command: (i) => ({ type: "askQuestion", text: `Question ${i}?` }),
  },
  {
    list: "reformulations",
    limit: LIMITS.reformulations,
    phase: "contract",
    message: "Too many reformulations.",
    senders: (cast) => cast.consultants,
    command: (i) => ({ type: "suggestReformulation", text: `Reformulation ${i}` }),
  },
  {
    list: "ideas",
    limit: LIMITS.ideas,
    phase: "consultation",
    message: "Too many ideas.",
    senders: (cast) => cast.consultants,
    command: (i) => ({ type: "addIdea", text: `Idea ${i}` }),
  },
  {
    list: "actions",
    limit: LIMITS.actions,
    phase: "synthesis",
    message: "Too many actions.",
    senders: (cast) => [cast.client],
    command: (i) => ({ type: "addAction", text: `Action ${i}`, dueDate: null }),
  },
  {
    list: "learnings",
    limit: LIMITS.learnings,
    phase: "evaluation",
    message: "Too many learnings.",
    senders: (cast) => cast.all,
    command: (i) => ({ type: "addLearning", text: `Learning ${i}` }),
  },
];

describe("items per list", () => {
  it.each(LIST_LIMITS)(
    "$list: up to $limit are kept, the next is refused with limit_reached and nothing changes",
    async ({ list, limit, phase, message, senders, command }) => {
      const cast = await castAt(phase);
      const people = senders(cast);
      const already = stateOf(cast.animator).consultation[list].length;
      const toSend = Array.from({ length: limit - already }, (_, i) => i);
      const answers = await Promise.all(
        people.map((p, k) =>
          sendMany(
            p.session,
            toSend.filter((i) => i % people.length === k).map((i) => command(i)),
          ),
        ),
      );
      expect(answers.flat().filter((a) => a.type !== "ack")).toEqual([]);
      const [sender] = people;
      if (!sender) throw new Error("no sender");
      const last = Math.max(...answers.flat().map((a) => (a.type === "ack" ? a.version : 0)));
      const full = await cast.animator.reach(last, 10_000);
      expect(full.consultation[list]).toHaveLength(limit);

      const refused = await sender.command(command(limit));
      expect(refused).toMatchObject({ type: "rejected", code: "limit_reached", message });
      expect(stateOf(cast.animator).version).toBe(full.version);
      expect(sender.closed).toBeNull();
    },
    30_000,
  );
});

describe("frame size", () => {
  it("reads a frame of exactly the limit, and refuses one byte more with too_large", async () => {
    const cast = await castAt("lobby");
    const socket = cast.client;
    const frame = (bytes: number, t: number) => {
      const json = `{"type":"ping","t":${t}}`;
      // JSON allows whitespace anywhere between tokens: the frame is a valid ping of exactly `bytes` bytes.
      return `${json.slice(0, -1)}${" ".repeat(bytes - json.length)}}`;
    };
    const since = socket.mark();
    socket.send(frame(LIMITS.frameBytes, 1));
    await socket.waitFor("pong", (m) => m.t === 1, { since });
    socket.send(frame(LIMITS.frameBytes + 1, 2));
    const error = await socket.waitFor("error", () => true, { since });
    expect(error).toMatchObject({ code: "too_large", message: `Frames are limited to ${LIMITS.frameBytes} bytes.` });
    expect(socket.messages.slice(since).some((m) => m.type === "pong" && m.t === 2)).toBe(false);
  });
});

describe("commands per second per socket", () => {
  it("throttles a flooding socket with rate_limited while its neighbours' commands are acknowledged all along", async () => {
    const cast = await castAt("consultation");
    const flooder = consultantOf(cast);
    const since = flooder.mark();
    // Past the burst: the next frames are throttled, but the socket is not yet closed.
    for (let t = 0; t < RATE_LIMITS.burst + 20; t++) flooder.send({ type: "ping", t });
    await flooder.waitFor("error", (m) => m.code === "rate_limited", { since });

    const clientSince = cast.client.mark();
    for (let i = 0; i < 5; i++) {
      const request = `I would like to leave with ${i + 1} ideas.`;
      expect(await cast.client.command({ type: "setRequest", text: request })).toMatchObject({ type: "ack" });
      // The flooder keeps flooding between the client's commands.
      for (let t = 0; t < 5; t++) flooder.send({ type: "ping", t: 1000 + 5 * i + t });
    }
    expect(await cast.animator.command({ type: "extendTimer", minutes: 1 })).toMatchObject({ type: "ack" });
    // Answered while the flooder was still connected and throttled: neighbours never wait for it.
    expect(flooder.closed).toBeNull();
    expect(cast.client.errors(clientSince)).toEqual([]);
    expect(cast.animator.errors().filter((e) => e.code === "rate_limited")).toEqual([]);
    const throttled = flooder.errors(since);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((e) => e.code === "rate_limited" && e.message === "Too many messages; slow down.")).toBe(
      true,
    );

    // Past the bound it is disconnected with a policy close, and told why first.
    for (let t = 0; t < RATE_LIMITS.floodFrames; t++) flooder.send({ type: "ping", t: 2000 + t });
    expect((await flooder.closedByServer()).code).toBe(1008);
    expect(flooder.errors(since).at(-1)?.message).toBe("Too many messages; closing this connection.");
    expect(await cast.client.command({ type: "setRequest", text: "Still heard." })).toMatchObject({ type: "ack" });
  });

  it("gives a participant closed for flooding no fresh burst on a new socket: throttled from its first frame", async () => {
    const cast = await castAt("consultation");
    const flooder = consultantOf(cast);
    for (let t = 0; t < RATE_LIMITS.burst + RATE_LIMITS.floodFrames + 10; t++) flooder.send({ type: "ping", t });
    expect((await flooder.closedByServer()).code).toBe(1008);
    await cast.animator.waitFor("presence", (m) => !m.online.includes(flooder.participantId));

    // Reconnecting in a loop buys nothing: the hello itself is throttled, so the socket never joins anyone's room.
    const since = cast.animator.mark();
    const again = await TestSocket.open(flooder.session);
    open.push(again);
    again.send({ type: "hello", protocol: 1, lastVersion: null });
    for (let t = 0; t < RATE_LIMITS.floodFrames + 10; t++) again.send({ type: "ping", t });
    expect((await again.closedByServer()).code).toBe(1008);
    expect(again.messages.filter((m) => m.type === "welcome")).toEqual([]);
    // A fresh socket would have had 30 frames answered at once; this one, only what refills meanwhile.
    expect(again.messages.filter((m) => m.type === "pong").length).toBeLessThan(5);
    expect(again.errors().every((e) => e.code === "rate_limited")).toBe(true);
    expect(again.errors().length).toBeLessThanOrEqual(RATE_LIMITS.floodFrames);
    expect(cast.animator.messages.slice(since).filter((m) => m.type === "presence" || m.type === "event")).toEqual([]);

    // Someone else's new tab keeps its whole burst.
    const other = await TestSocket.join(cast.client.session);
    open.push(other);
    const otherSince = other.mark();
    for (let t = 0; t < RATE_LIMITS.burst - 5; t++) other.send({ type: "ping", t });
    await other.waitFor("pong", (m) => m.t === RATE_LIMITS.burst - 6, { since: otherSince });
    expect(other.errors(otherSince)).toEqual([]);
  });

  it("forgives a flooder once the flood window has passed", async () => {
    const cast = await castAt("lobby");
    const flooder = cast.client;
    for (let t = 0; t < RATE_LIMITS.burst + RATE_LIMITS.floodFrames + 10; t++) flooder.send({ type: "ping", t });
    expect((await flooder.closedByServer()).code).toBe(1008);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + RATE_LIMITS.floodWindowMs + 1000);
    const back = await TestSocket.join(flooder.session);
    open.push(back);
    const since = back.mark();
    for (let t = 0; t < RATE_LIMITS.burst - 5; t++) back.send({ type: "ping", t });
    await back.waitFor("pong", (m) => m.t === RATE_LIMITS.burst - 6, { since });
    expect(back.errors(since)).toEqual([]);
  });

  it("serves a throttled socket again once it slows down", async () => {
    const cast = await castAt("lobby");
    const socket = cast.client;
    const since = socket.mark();
    for (let t = 0; t < RATE_LIMITS.burst + 3; t++) socket.send({ type: "ping", t });
    await socket.waitFor("error", (m) => m.code === "rate_limited", { since });
    // Three tokens' worth of quiet at 10 per second.
    await new Promise((r) => setTimeout(r, 350));
    const after = socket.mark();
    socket.send({ type: "ping", t: 99 });
    await socket.waitFor("pong", (m) => m.t === 99, { since: after });
    expect(socket.errors(after)).toEqual([]);
    expect(socket.closed).toBeNull();
  });

  it("limits each socket on its own: a participant's other tab is not throttled by the first", async () => {
    const cast = await castAt("lobby");
    const first = cast.client;
    const since = first.mark();
    for (let t = 0; t < RATE_LIMITS.burst + 5; t++) first.send({ type: "ping", t });
    await first.waitFor("error", (m) => m.code === "rate_limited", { since });
    const secondTab = await TestSocket.join(first.session);
    open.push(secondTab);
    const tabSince = secondTab.mark();
    for (let t = 0; t < RATE_LIMITS.burst - 5; t++) secondTab.send({ type: "ping", t });
    await secondTab.waitFor("pong", (m) => m.t === RATE_LIMITS.burst - 6, { since: tabSince });
    expect(secondTab.errors(tabSince)).toEqual([]);
  });
});
