// The simulated consultation runs end to end against a local server (workerd, local D1), as `npm run simulate` does.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsultation } from "../../protocol/sim/index.ts";
import { type LocalServer, startLocalServer } from "../../scripts/lib/localServer.ts";

/** A port in the range kept for local servers that nothing listens on right now. */
async function freePort(from = 8790, to = 8799): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

describe("simulated consultation", () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer({ port: await freePort() });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("six simulated participants run a consultation from lobby to closed and end with the same state", async () => {
    const lines: string[] = [];
    const result = await runConsultation({
      baseUrl: server.url,
      room: `e2e-sim-${Date.now().toString(36)}`,
      participants: 6,
      paceMs: 0,
      log: (line) => lines.push(line),
    });
    expect(result.failure, lines.join("\n")).toBeNull();
    expect(result.rejections).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.sameState).toBe(true);
    expect(result.allAcknowledged).toBe(true);
    expect(result.commandsAcknowledged).toBe(result.commandsSent);
    expect(result.phases).toEqual([
      "lobby",
      "followUp",
      "choice",
      "presentation",
      "clarification",
      "contract",
      "consultation",
      "synthesis",
      "evaluation",
      "closed",
    ]);
    // Classic format: 4 consultants (one of them the scribe) ask 2 questions and offer 3 ideas each.
    expect(result.counts).toEqual({
      participants: 6,
      situations: 2,
      votes: 6,
      questions: 8,
      reformulations: 2,
      ideas: 12,
      markedIdeas: 6,
      actions: 3,
      learnings: 6,
      followUpReports: 0,
    });
    expect(result.client?.name).toBeTruthy();
    expect(result.request).toBeTruthy();
    expect(result.consultationId).toBeTruthy();
    expect(result.ok).toBe(true);
  });

  it("refuses to start with fewer than three participants", async () => {
    const result = await runConsultation({ baseUrl: server.url, room: "e2e-sim-too-few", participants: 2 });
    expect(result.ok).toBe(false);
    expect(result.failure).toMatch(/at least 3 participants/);
  });
});
