import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { NOTEPAD_LIMITS } from "../../protocol/notepad.ts";
import { type Cast, closeAll, openCast, runConsultation, settle } from "./helpers/consultation.ts";
import { storedResults } from "./helpers/d1.ts";
import { eventually } from "./helpers/eventually.ts";
import { NotepadClient } from "./helpers/notepadClient.ts";
import { devSession, roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

function consultationOf(cast: Cast): string {
  const id = cast.animator.state?.consultation.id;
  if (!id) throw new Error("no consultation");
  return id;
}

async function storedRows(roomId: string, consultationId: string): Promise<number> {
  return runInDurableObject(
    roomStub(roomId),
    (_room, state) =>
      state.storage.sql
        .exec<{ n: number }>("SELECT COUNT(*) AS n FROM notepad_updates WHERE consultation_id = ?", consultationId)
        .one().n,
  );
}

async function freshView(cast: Cast, consultationId = consultationOf(cast)): Promise<string> {
  const late = await TestSocket.join(await devSession(cast.roomCode, "Late Reader"));
  open.push(late);
  return (await NotepadClient.start(late, consultationId, { writer: false })).value;
}

describe("the note pad's storage", () => {
  it("compacts its update log into a snapshot and reloads it whole after eviction", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    await runInDurableObject(roomStub(cast.roomId), (room) => {
      room.tuning.notepadCompactUpdates = 5;
    });
    const id = consultationOf(cast);
    const ana = await NotepadClient.start(cast.animator, id);
    for (let i = 0; i < 17; i++) {
      ana.insert(ana.value.length, `line ${i}\n`);
      if (i % 3 === 0) ana.delete(0, 1);
      ana.flush();
      await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(async () => expect(await freshView(cast)).toBe(ana.value));
    expect(await storedRows(cast.roomId, id)).toBeLessThanOrEqual(6);

    await evictDurableObject(roomStub(cast.roomId));
    expect(await freshView(cast)).toBe(ana.value);
  });

  it("writes the note pad's text to D1 with the results at phase changes and at close", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "consultation");
    const id = consultationOf(cast);
    const client = await NotepadClient.start(cast.client, id);
    client.insert(0, "Keep the team informed weekly.");
    client.flush();
    await eventually(async () => expect(await storedRows(cast.roomId, id)).toBeGreaterThan(0));
    await cast.animator.must({ type: "advance" });
    await eventually(async () =>
      expect((await storedResults(id)).consultation?.notepadText).toBe("Keep the team informed weekly."),
    );

    client.insert(client.value.length, "\nAsk for a buddy plan.");
    client.flush();
    await eventually(async () => expect(await freshView(cast)).toBe(client.value));
    await evictDurableObject(roomStub(cast.roomId));
    await runConsultation(cast);
    await eventually(async () => {
      const stored = (await storedResults(id)).consultation;
      expect(stored?.status).toBe("closed");
      expect(stored?.notepadText).toBe("Keep the team informed weekly.\nAsk for a buddy plan.");
    });
  });

  it("delivers a full note pad, accents and all, to D1", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const id = consultationOf(cast);
    const ana = await NotepadClient.start(cast.animator, id);
    const full = `${"é".repeat(NOTEPAD_LIMITS.chars - 2)}\u{1F4DD}`;
    ana.insert(0, full);
    ana.flush();
    await eventually(async () => expect(await storedRows(cast.roomId, id)).toBeGreaterThan(0));
    await runConsultation(cast);
    await eventually(
      async () => expect((await storedResults(id)).consultation?.notepadText?.length).toBe(full.length),
      {
        timeoutMs: 5000,
      },
    );
    expect((await storedResults(id)).consultation?.notepadText).toBe(full);
  });

  it("starts the next consultation with an empty note pad and keeps the previous one's text in its results", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    const first = consultationOf(cast);
    const ana = await NotepadClient.start(cast.animator, first);
    ana.insert(0, "First consultation's notes");
    ana.flush();
    await eventually(async () => expect(await storedRows(cast.roomId, first)).toBeGreaterThan(0));
    await runConsultation(cast);
    await cast.animator.must({ type: "startNextConsultation" });
    await settle(cast.all);
    const second = consultationOf(cast);
    expect(second).not.toBe(first);

    const next = await NotepadClient.start(cast.client, second);
    expect(next.value).toBe("");
    next.insert(0, "Second");
    next.flush();
    await eventually(async () => expect(await freshView(cast, second)).toBe("Second"));
    // The first document's log is folded into its text once the second one is in use.
    expect(await storedRows(cast.roomId, first)).toBe(0);
    expect((await storedResults(first)).consultation?.notepadText).toBe("First consultation's notes");
    const text = await runInDurableObject(
      roomStub(cast.roomId),
      (_room, state) =>
        state.storage.sql
          .exec<{ text: string }>("SELECT text FROM notepad_texts WHERE consultation_id = ?", first)
          .one().text,
    );
    expect(text).toBe("First consultation's notes");
  });
});

describe("a deleted consultation", () => {
  it("leaves nothing of its note pad in the room", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const id = consultationOf(cast);
    const ana = await NotepadClient.start(cast.animator, id);
    ana.insert(0, "Confidential notes");
    ana.flush();
    await eventually(async () => expect(await storedRows(cast.roomId, id)).toBeGreaterThan(0));
    expect(await roomStub(cast.roomId).forgetConsultation(id)).toBe(true);
    await settle(cast.all);
    expect(await storedRows(cast.roomId, id)).toBe(0);
    const fresh = consultationOf(cast);
    expect(fresh).not.toBe(id);
    expect(await freshView(cast, fresh)).toBe("");
    const texts = await runInDurableObject(
      roomStub(cast.roomId),
      (_room, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM notepad_texts").one().n,
    );
    expect(texts).toBe(0);
  });
});

describe("presence in the note pad", () => {
  it("relays each writer's colour and caret under the name the room verified, and clears it when they leave", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const id = consultationOf(cast);
    const [ana, claude] = await Promise.all([cast.animator, cast.client].map((s) => NotepadClient.start(s, id)));
    if (!ana || !claude) throw new Error("no clients");
    ana.insert(0, "hello");
    ana.flush();
    const cursor = { anchor: { type: null, tname: "text", item: null, assoc: 0 }, head: { assoc: 0 } };
    ana.announce({ name: "Someone Else", colour: 2, cursor });
    const seen = await eventually(() => {
      const entry = claude.presence.get(ana.doc.clientID);
      expect(entry?.state).toBeTruthy();
      return JSON.parse(entry?.state ?? "null");
    });
    expect(seen).toMatchObject({ name: "Ana Animatrice", participantId: cast.animator.participantId, colour: 2 });

    // A newcomer hears of the writers already there.
    const late = await TestSocket.join(await devSession(cast.roomCode, "Late"));
    open.push(late);
    const lateClient = await NotepadClient.start(late, id, { writer: false });
    await eventually(() => expect(lateClient.presence.get(ana.doc.clientID)?.state).toContain("Ana Animatrice"));

    // A presence that is not one is not relayed.
    claude.announce({ colour: 99, cursor: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(ana.presence.has(claude.doc.clientID)).toBe(false);

    await cast.animator.close();
    await eventually(() => expect(claude.presence.get(ana.doc.clientID)?.state).toBeNull());
    await eventually(() => expect(lateClient.presence.get(ana.doc.clientID)?.state).toBeNull());
  });
});
