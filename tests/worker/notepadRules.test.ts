import { runInDurableObject } from "cloudflare:test";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  encodeNotepadFrame,
  NOTEPAD_ERROR_ID,
  NOTEPAD_LIMITS,
  NOTEPAD_TEXT,
  NotepadMessage,
} from "../../protocol/notepad.ts";
import { type Cast, closeAll, openCast, runConsultation } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { NotepadClient } from "./helpers/notepadClient.ts";
import { devSession, roomStub, uniqueRoomCode } from "./helpers/session.ts";
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

async function storedRows(roomId: string): Promise<number> {
  return runInDurableObject(
    roomStub(roomId),
    (_room, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM notepad_updates").one().n,
  );
}

async function freshView(cast: Cast): Promise<string> {
  const late = await TestSocket.join(await devSession(cast.roomCode, "Late Reader"));
  open.push(late);
  return (await NotepadClient.start(late, consultationOf(cast), { writer: false })).value;
}

/** The code of the next error frame, which must be tagged as the note pad's. */
async function errorCode(socket: TestSocket, since: number): Promise<string> {
  const error = await socket.waitFor("error", () => true, { since });
  expect(error.id).toBe(NOTEPAD_ERROR_ID);
  return error.code;
}

describe("who may write in the note pad", () => {
  it("the room refuses a consultant's update under 'client and scribe only': it reaches neither others nor storage", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "presentation");
    await cast.animator.must({ type: "setNotepadPolicy", policy: "clientAndScribe" });
    const id = consultationOf(cast);
    const [client, consultant] = await Promise.all(
      [cast.client, ...cast.consultants].map((s) => NotepadClient.start(s, id)),
    );
    if (!client || !consultant) throw new Error("no clients");
    const rowsBefore = await storedRows(cast.roomId);

    const since = consultant.socket.mark();
    consultant.insert(0, "Advice the client did not ask for.");
    consultant.flush();
    expect(await errorCode(consultant.socket, since)).toBe("forbidden");
    await new Promise((r) => setTimeout(r, 50));
    expect(client.value).toBe("");
    expect(await storedRows(cast.roomId)).toBe(rowsBefore);
    expect(await freshView(cast)).toBe("");

    client.insert(0, "What I heard.");
    client.flush();
    await eventually(() => expect(consultant.value).toContain("What I heard."));
    expect(client.socket.errors()).toEqual([]);
  });

  it("lets the scribe write under 'client and scribe only', and everyone under 'everyone'", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "presentation");
    const [scribeSocket, otherSocket] = cast.consultants;
    if (!scribeSocket || !otherSocket) throw new Error("no consultants");
    await cast.animator.must({ type: "assignRole", participantId: scribeSocket.participantId, role: "scribe" });
    await cast.animator.must({ type: "setNotepadPolicy", policy: "clientAndScribe" });
    const id = consultationOf(cast);
    const scribe = await NotepadClient.start(scribeSocket, id);
    // Its answer to the room's step 1 brings nothing new, so the room ignores it rather than refusing it.
    const other = await NotepadClient.start(otherSocket, id);
    scribe.insert(0, "Noted for the client. ");
    scribe.flush();
    await eventually(() => expect(other.value).toBe("Noted for the client. "));

    await cast.animator.must({ type: "setNotepadPolicy", policy: "everyone" });
    other.insert(other.value.length, "Me too.");
    other.flush();
    await eventually(() => expect(scribe.value).toBe("Noted for the client. Me too."));
    expect(otherSocket.errors()).toEqual([]);
  });

  it("keeps a closed consultation's note pad as it is", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const id = consultationOf(cast);
    const ana = await NotepadClient.start(cast.animator, id);
    ana.insert(0, "Final notes");
    ana.flush();
    await eventually(async () => expect(await storedRows(cast.roomId)).toBeGreaterThan(0));
    await runConsultation(cast);
    const since = ana.socket.mark();
    ana.insert(0, "Too late: ");
    ana.flush();
    expect(await errorCode(ana.socket, since)).toBe("wrong_phase");
    expect(await freshView(cast)).toBe("Final notes");
  });

  it("lets readers read and show their presence", async () => {
    const cast = await openCast(2);
    open.push(...cast.all);
    await runConsultation(cast, "presentation");
    await cast.animator.must({ type: "setNotepadPolicy", policy: "clientAndScribe" });
    const id = consultationOf(cast);
    const client = await NotepadClient.start(cast.client, id);
    const [readerSocket] = cast.consultants;
    if (!readerSocket) throw new Error("no consultant");
    client.insert(0, "Visible to all");
    client.flush();
    await eventually(async () => expect(await storedRows(cast.roomId)).toBeGreaterThan(0));
    const reader = await NotepadClient.start(readerSocket, id, { writer: false });
    expect(reader.value).toBe("Visible to all");
    reader.announce({ colour: 3, cursor: null });
    await eventually(() => expect(client.presence.get(reader.doc.clientID)?.state).toContain("Consultant 1"));
    expect(readerSocket.errors()).toEqual([]);
  });
});

describe("the note pad's limits and bad frames", () => {
  it("refuses an update that would take the text past the limit, with limit_reached, and keeps the rest", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const id = consultationOf(cast);
    const [ana, claude] = await Promise.all([cast.animator, cast.client].map((s) => NotepadClient.start(s, id)));
    if (!ana || !claude) throw new Error("no clients");
    ana.insert(0, "x".repeat(NOTEPAD_LIMITS.chars - 10));
    ana.flush();
    await eventually(() => expect(claude.value.length).toBe(NOTEPAD_LIMITS.chars - 10));

    const since = claude.socket.mark();
    claude.insert(0, "y".repeat(11));
    claude.flush();
    expect(await errorCode(claude.socket, since)).toBe("limit_reached");
    await new Promise((r) => setTimeout(r, 50));
    expect(ana.value.length).toBe(NOTEPAD_LIMITS.chars - 10);

    ana.insert(0, "z".repeat(10));
    ana.delete(20, 5);
    ana.flush();
    const text = await freshView(cast);
    expect(text.length).toBe(NOTEPAD_LIMITS.chars - 5);
    expect(text).not.toContain("y");
  });

  it("answers oversized, unreadable and early frames with clear errors, and stays healthy", async () => {
    const code = uniqueRoomCode();
    const early = await TestSocket.open(await devSession(code, "Early"));
    open.push(early);
    early.send(encodeNotepadFrame(NotepadMessage.sync, "x", () => {}).slice().buffer);
    expect(await errorCode(early, 0)).toBe("not_joined");

    const ana = await TestSocket.join(await devSession(code, "Ana", { host: true }));
    open.push(ana);
    const id = ana.state?.consultation.id ?? "";
    let since = ana.mark();
    ana.send(new Uint8Array(NOTEPAD_LIMITS.frameBytes + 1).buffer);
    expect(await errorCode(ana, since)).toBe("too_large");

    since = ana.mark();
    ana.send(new Uint8Array([9, 9, 9]).buffer);
    expect(await errorCode(ana, since)).toBe("bad_frame");

    since = ana.mark();
    const garbage = encodeNotepadFrame(NotepadMessage.sync, id, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([200, 1, 2, 3, 4, 5, 6, 7]));
    });
    ana.send(garbage.slice().buffer);
    expect(await errorCode(ana, since)).toBe("bad_frame");

    since = ana.mark();
    const badPresence = encodeNotepadFrame(NotepadMessage.awareness, id, (e) => encoding.writeVarUint(e, 7));
    ana.send(badPresence.slice().buffer);
    expect(await errorCode(ana, since)).toBe("bad_frame");

    // A frame about another consultation is ignored: its sender has not yet heard of the current one.
    const other = new Y.Doc();
    other.getText(NOTEPAD_TEXT).insert(0, "stale");
    since = ana.mark();
    ana.send(
      encodeNotepadFrame(NotepadMessage.sync, "an-earlier-consultation", (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(other));
      }).slice().buffer,
    );
    const pad = await NotepadClient.start(ana, id);
    expect(pad.value).toBe("");
    expect(ana.errors(since)).toEqual([]);
    expect((await ana.command({ type: "setFormat", format: "express" })).type).toBe("ack");
  });
});
