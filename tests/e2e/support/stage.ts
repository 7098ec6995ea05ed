// One e2e file's stage: the local server and a Chromium, started before its tests, and the simulated participants
// it drives over the protocol; all stopped after them.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { SimParticipant } from "../../../protocol/sim/index.ts";
import { launch } from "./browser.ts";
import { startServer } from "./server.ts";

export interface Stage {
  readonly url: string;
  readonly browser: Browser;
  /** Closed after the file's tests. */
  readonly sims: SimParticipant[];
}

/** Call at a test file's top level: it registers the file's beforeAll and afterAll. */
export function stage(): Stage {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  const sims: SimParticipant[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    for (const s of sims) s.close();
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error("the stage's server is not started yet");
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error("the stage's browser is not launched yet");
      return browser;
    },
    sims,
  };
}

/**
 * The animator takes a room of `people` to the Exposé over the protocol: through the follow-up to the choice, where
 * the client proposes `title` and the animator chooses it.
 */
export async function simsToPresentation(
  animator: SimParticipant,
  client: SimParticipant,
  people: number,
  title: string,
  stakes: string,
): Promise<void> {
  await animator.waitFor("everyone to join", (s) => s.participants.length === people);
  await animator.send({ type: "advance" });
  await animator.send({ type: "advance" });
  await client.waitFor("the choice", (s) => s.consultation.phase === "choice");
  await client.send({ type: "proposeSituation", title, stakes });
  const chosen = await animator.waitFor("a situation", (s) => s.consultation.situations.length === 1);
  const situation = chosen.consultation.situations[0];
  if (!situation) throw new Error("no situation");
  await animator.send({ type: "chooseSituation", situationId: situation.id });
  await animator.send({ type: "advance" });
}
