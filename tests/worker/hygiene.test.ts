// Input hygiene through the real room and D1: texts stay texts, Unicode round-trips, blanks and controls never land.
import { evictDurableObject, runInDurableObject, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as schema from "../../worker/db/schema.ts";
import { UNICODE_TEXTS } from "../protocol/hygieneTexts.ts";
import { closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { db, seedPreviousPlan, storedResults, swapResultsWriter } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { BASE_URL, devSession, roomStub, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll(open.splice(0));
});

const MARKUP = `<script>alert("x")</script> & <b>bold</b> <img src=x onerror="alert(1)">`;
/** What a careless paste carries: controls, a bidi override and surrounding blanks. */
const dirty = (text: string) => ` \u0007${text}\u202E\u0000\n `;

/** Signs of an internal detail in a message meant for a client. */
const LEAK = /\n\s+at |Error:|ValiError|SQLITE|sqlite|D1_|\.ts:\d|node_modules|\[object/;

describe("texts in every language", () => {
  it("come back from the room and from D1 exactly as typed, without the controls pasted around them", async () => {
    const code = uniqueRoomCode("unicode");
    const clientId = "client-unicode-1";
    const previous = await seedPreviousPlan(code, clientId);
    const names = [
      "Zoë Ångström-Ñúñez 👩🏽‍💻",
      "שרה כהן",
      "李雷 <script>alert(1)</script> & <b>",
      "Renée « Ré » O'Connor",
    ];
    const [animatorName = "", clientName = "", firstName = "", secondName = ""] = names;
    const animator = await TestSocket.join(await devSession(code, dirty(animatorName), { host: true }));
    const client = await TestSocket.join(await devSession(code, clientName, { participantId: clientId }));
    const first = await TestSocket.join(await devSession(code, firstName));
    const second = await TestSocket.join(await devSession(code, secondName));
    const all = [animator, client, first, second];
    open.push(...all);
    await animator.waitFor("event", (m) => m.event.command.type === "loadFollowUp");

    const [accents = "", emoji = "", rtl = "", cjk = "", mixed = ""] = UNICODE_TEXTS;
    await animator.must({ type: "advance" });
    await client.must({ type: "reportFollowUp", ...previous, status: "done", note: dirty(rtl) });
    await animator.must({ type: "advance" });
    const proposed = await client.must({ type: "proposeSituation", title: dirty(cjk), stakes: dirty(MARKUP) });
    await animator.reach(proposed);
    const situationId = animator.state?.consultation.situations[0]?.id ?? "";
    await first.must({ type: "vote", situationId });
    await animator.must({ type: "chooseSituation", situationId });
    await animator.must({ type: "advance" });
    await animator.must({ type: "advance" });
    await first.must({ type: "askQuestion", text: dirty(accents) });
    await animator.must({ type: "advance" });
    await client.must({ type: "setRequest", text: dirty(mixed) });
    await second.must({ type: "suggestReformulation", text: dirty(emoji) });
    await animator.must({ type: "advance" });
    for (const text of [...UNICODE_TEXTS, MARKUP]) await first.must({ type: "addIdea", text: dirty(text) });
    await second.must({ type: "addIdea", text: "Cafe\u0301 cre\u0300me bru\u0302le\u0301e" });
    await animator.must({ type: "advance" });
    await client.must({ type: "addAction", text: dirty(emoji), dueDate: "2026-12-04" });
    await animator.must({ type: "advance" });
    for (const [i, s] of all.entries()) await s.must({ type: "addLearning", text: dirty(UNICODE_TEXTS[i] ?? "") });
    await animator.must({ type: "close" });
    await settle(all);

    const c = animator.state?.consultation;
    if (!c) throw new Error("no state");
    expect(animator.state?.participants.map((p) => p.name)).toEqual(names);
    expect(c.followUp.reports.map((r) => r.note)).toEqual([rtl]);
    expect(c.situations.map((s) => [s.title, s.stakes])).toEqual([[cjk, MARKUP]]);
    expect(c.questions.map((q) => q.text)).toEqual([accents]);
    expect(c.reformulations.map((r) => r.text)).toEqual([emoji]);
    expect(c.request?.text).toBe(mixed);
    expect(c.ideas.map((i) => i.text)).toEqual([...UNICODE_TEXTS, MARKUP, "Café crème brûlée"]);
    expect(c.actions.map((a) => a.text)).toEqual([emoji]);
    expect(c.learnings.map((l) => l.text)).toEqual(UNICODE_TEXTS.slice(0, 4));
    // Every socket rebuilt the very same texts from the events.
    for (const s of all) expect(s.state).toEqual(animator.state);

    const stored = await eventually(async () => {
      const r = await storedResults(c.id);
      expect(r.consultation?.status).toBe("closed");
      return r;
    });
    expect(stored.consultation?.requestText).toBe(mixed);
    expect(stored.consultation?.clientName).toBe(clientName);
    expect(stored.participants.map((p) => p.name).sort()).toEqual([...names].sort());
    expect(stored.situations.map((s) => [s.title, s.stakes, s.proposerName])).toEqual([[cjk, MARKUP, clientName]]);
    expect(stored.questions.map((q) => [q.text, q.authorName])).toEqual([[accents, firstName]]);
    expect(stored.ideas.map((i) => i.text).sort()).toEqual([...c.ideas.map((i) => i.text)].sort());
    expect(stored.actions.map((a) => a.text)).toEqual([emoji]);
    expect(stored.learnings.map((l) => l.text).sort()).toEqual([...UNICODE_TEXTS.slice(0, 4)].sort());
    const reports = await db.select().from(schema.followUpReports);
    expect(reports.filter((r) => r.actionId === previous.actionId).map((r) => r.note)).toEqual([rtl]);
  });
});

describe("texts that show nothing", () => {
  it("are refused by the room as empty, and nothing reaches the others", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "consultation");
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    const since = cast.animator.mark();
    for (const text of ["\u200B", "\u200E\u200F", "\uFEFF", " \u200B\u00A0\u3000\u2800 "]) {
      expect(await consultant.command({ type: "addIdea", text })).toMatchObject({
        type: "rejected",
        code: "invalid",
        message: "The text is empty.",
      });
    }
    const version = await consultant.must({ type: "addIdea", text: "\u200BA real idea" });
    await cast.animator.reach(version);
    expect(cast.animator.messages.slice(since).filter((m) => m.type === "event")).toHaveLength(1);
  });

  it("are refused as a name when asking for a session", async () => {
    const res = await SELF.fetch(`${BASE_URL}/api/dev/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ room: uniqueRoomCode(), name: "\u200B\u200E\uFEFF\u3164" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid", message: "A name is required." });
  });
});

describe("errors sent to a client", () => {
  it("say only that the room could not handle the message when the room itself fails, never why", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "clarification");
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("no consultant");
    const roomErrors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // A state row the room can no longer read: the worst internal fault a message can meet.
    const good = await runInDurableObject(roomStub(cast.roomId), (_room, state) => {
      const row = state.storage.sql.exec<{ json: string }>("SELECT json FROM state WHERE id = 1").one();
      state.storage.sql.exec("UPDATE state SET json = ? WHERE id = 1", '{"version":"broken"}');
      return row.json;
    });
    await evictDurableObject(roomStub(cast.roomId));

    const since = consultant.mark();
    consultant.send({ type: "command", id: "q-1", command: { type: "askQuestion", text: "Still there?" } });
    const error = await consultant.waitFor("error", () => true, { since });
    expect(error).toEqual({ type: "error", code: "internal", message: "The room could not handle this message." });
    const hello = consultant.mark();
    consultant.send({ type: "hello", protocol: 1, lastVersion: 0 });
    expect(await consultant.waitFor("error", () => true, { since: hello })).toMatchObject({ code: "internal" });
    for (const m of consultant.messages.slice(since)) {
      if (m.type === "error" || m.type === "rejected") expect(m.message).not.toMatch(LEAK);
    }
    expect(consultant.closed).toBeNull();
    // The detail goes to the room's log, where an operator can read it.
    expect(roomErrors.mock.calls.some((c) => String(c[0]) === "room: message failed")).toBe(true);

    await runInDurableObject(roomStub(cast.roomId), (_room, state) => {
      state.storage.sql.exec("UPDATE state SET json = ? WHERE id = 1", good);
    });
    expect(await consultant.command({ type: "askQuestion", text: "Back?" }, "q-2")).toMatchObject({ type: "ack" });
  });

  it("never carry D1's failures: closing is acknowledged and nobody hears of the database", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runConsultation(cast, "evaluation");
    await swapResultsWriter(cast.roomId, async () => {
      throw new Error("D1_ERROR: no such table: consultations at writeResults (worker/db/writeResults.ts:12:3)");
    });
    const since = cast.all.map((s) => s.mark());
    expect(await cast.animator.command({ type: "close" })).toMatchObject({ type: "ack" });
    await settle(cast.all);
    await new Promise((r) => setTimeout(r, 50));
    for (const [i, s] of cast.all.entries()) {
      const heard = s.messages.slice(since[i]);
      expect(heard.filter((m) => m.type === "error")).toEqual([]);
      expect(JSON.stringify(heard)).not.toMatch(/D1|no such table|writeResults/);
    }
  });
});
