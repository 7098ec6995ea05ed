// The same person in two tabs: two sockets, one participant; both see everything, presence and dedupe count them once.
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../protocol/index.ts";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { devSession } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

/** A cast in the consultation step where the first consultant also has a second tab open. */
async function twoTabs() {
  const cast = await openCast(2);
  open.push(...cast.all);
  await runConsultation(cast, "consultation");
  const [tab1, other] = cast.consultants;
  if (!tab1 || !other) throw new Error("two consultants expected");
  const since = cast.all.map((s) => s.mark());
  const tab2 = await TestSocket.join(tab1.session);
  open.push(tab2);
  await settle([...cast.all, tab2]);
  return { cast, tab1, tab2, other, since };
}

const quiet = () => new Promise((r) => setTimeout(r, 50));
const idea = (text: string): Command => ({ type: "addIdea", text });

describe("the same person in two tabs", () => {
  it("joins once: no second participant, no join event and no presence change for the others", async () => {
    const { cast, tab1, tab2, since } = await twoTabs();
    await quiet();
    for (const [i, s] of cast.all.entries()) {
      const heard = s.messages.slice(since[i]);
      expect(heard.filter((m) => m.type === "event")).toEqual([]);
      if (s !== tab1) expect(heard.filter((m) => m.type === "presence")).toEqual([]);
    }
    expect(tab2.state?.participants.filter((p) => p.id === tab1.participantId)).toHaveLength(1);
    const presence = await tab2.waitFor("presence");
    expect(presence.online.filter((id) => id === tab1.participantId)).toHaveLength(1);
    expect(presence.online).toHaveLength(cast.all.length);
  });

  it("shows both tabs every event, their own included, so both hold the same state", async () => {
    const { cast, tab1, tab2, other } = await twoTabs();
    await other.must(idea("From someone else"));
    await tab1.must(idea("From the first tab"));
    const last = await tab2.must(idea("From the second tab"));
    await settle([...cast.all, tab2]);
    for (const s of [tab1, tab2]) {
      expect(s.state?.version).toBe(last);
      expect(s.replayError).toBeNull();
      expect(s.state).toEqual(cast.animator.state);
    }
    const texts = tab1.state?.consultation.ideas.map((i) => [i.text, i.authorId]) ?? [];
    expect(texts).toEqual(
      expect.arrayContaining([
        ["From the first tab", tab1.participantId],
        ["From the second tab", tab1.participantId],
      ]),
    );
  });

  it("stays online while one tab is open, and goes offline with the last", async () => {
    const { cast, tab1, tab2 } = await twoTabs();
    const watcher = cast.animator;
    const since = watcher.mark();
    await tab1.close();
    await quiet();
    expect(watcher.messages.slice(since).filter((m) => m.type === "presence")).toEqual([]);
    // Someone new arrives: the presence everyone gets still counts the person with one tab left.
    const late = await TestSocket.join(await devSession(cast.roomCode, "Late Comer"));
    open.push(late);
    const withLate = await watcher.waitFor("presence", (m) => m.online.includes(late.participantId), { since });
    expect(withLate.online).toContain(tab2.participantId);

    const beforeLast = watcher.mark();
    await tab2.close();
    const without = await watcher.waitFor("presence", () => true, { since: beforeLast });
    expect(without.online).not.toContain(tab2.participantId);
  });

  it("applies a command id once whichever tab sends it, and answers both tabs the same", async () => {
    const { cast, tab1, tab2 } = await twoTabs();
    const first = await tab1.command(idea("Typed in one tab"), "shared-1");
    const since = cast.animator.mark();
    const again = await tab2.command(idea("Typed in one tab"), "shared-1");
    expect(first.type).toBe("ack");
    expect(again).toEqual(first);
    await quiet();
    expect(cast.animator.messages.slice(since).filter((m) => m.type === "event")).toEqual([]);
    expect(cast.animator.state?.consultation.ideas.filter((i) => i.text === "Typed in one tab")).toHaveLength(1);
  });

  it("applies the same id sent by both tabs at once only once", async () => {
    const { cast, tab1, tab2 } = await twoTabs();
    const [a, b] = await Promise.all([
      tab1.command(idea("Both tabs at once"), "race-1"),
      tab2.command(idea("Both tabs at once"), "race-1"),
    ]);
    expect(a).toEqual(b);
    await settle([...cast.all, tab2]);
    expect(cast.animator.state?.consultation.ideas.filter((i) => i.text === "Both tabs at once")).toHaveLength(1);
  });

  it("applies different ids from the two tabs each once", async () => {
    const { cast, tab1, tab2 } = await twoTabs();
    await Promise.all([tab1.must(idea("Left tab")), tab2.must(idea("Right tab"))]);
    await settle([...cast.all, tab2]);
    const texts = cast.animator.state?.consultation.ideas.map((i) => i.text) ?? [];
    expect(texts.filter((t) => t === "Left tab" || t === "Right tab").sort()).toEqual(["Left tab", "Right tab"]);
  });
});
