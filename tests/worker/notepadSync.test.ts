import { evictDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Cast, closeAll, openCast } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { NotepadClient, seeded } from "./helpers/notepadClient.ts";
import { devSession, roomStub } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

/** Every insert is a token no one else writes, and deletes take whole tokens, so the outcome can be predicted. */
const TOKEN = /<[a-z]\d+>/g;

function tokens(text: string): Array<{ start: number; token: string }> {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, token: m[0] }));
}

function consultationOf(cast: Cast): string {
  const id = cast.animator.state?.consultation.id;
  if (!id) throw new Error("no consultation");
  return id;
}

async function writers(cast: Cast): Promise<NotepadClient[]> {
  const id = consultationOf(cast);
  return Promise.all(cast.all.map((s) => NotepadClient.start(s, id)));
}

interface RunOptions {
  seed: number;
  rounds: number;
  opsPerRound: number;
  /** Called after this round, e.g. to evict the room. */
  midway?: { round: number; act: () => Promise<void> };
}

/** Each client edits its own (possibly stale) view and sends its round's edits as one frame, all at once. */
async function editConcurrently(clients: NotepadClient[], opts: RunOptions) {
  const random = seeded(opts.seed);
  const inserted = new Set<string>();
  const deleted = new Set<string>();
  let n = 0;
  for (let round = 0; round < opts.rounds; round++) {
    clients.forEach((client, i) => {
      for (let k = 0; k < opts.opsPerRound; k++) {
        const present = tokens(client.value);
        const victim = present[Math.floor(random() * present.length)];
        if (victim && random() < 0.35) {
          client.delete(victim.start, victim.token.length);
          deleted.add(victim.token);
          continue;
        }
        const boundaries = [0, ...present.map((p) => p.start + p.token.length)];
        const at = boundaries[Math.floor(random() * boundaries.length)] ?? 0;
        const token = `<${String.fromCharCode(97 + i)}${n++}>`;
        client.insert(at, token);
        inserted.add(token);
      }
      client.flush();
    });
    if (random() < 0.5) await new Promise((r) => setTimeout(r, Math.floor(random() * 15)));
    if (opts.midway?.round === round) await opts.midway.act();
  }
  for (const c of clients) c.flush();
  return [...inserted].filter((t) => !deleted.has(t)).sort();
}

async function converged(clients: NotepadClient[]): Promise<string> {
  return eventually(
    () => {
      const [first, ...rest] = clients.map((c) => c.value);
      for (const v of rest) expect(v).toBe(first);
      return first ?? "";
    },
    { timeoutMs: 5000 },
  );
}

/** What a newcomer gets from the room: the stored document, not any client's memory. */
async function freshView(cast: Cast): Promise<string> {
  const late = await TestSocket.join(await devSession(cast.roomCode, "Late Reader"));
  open.push(late);
  return (await NotepadClient.start(late, consultationOf(cast), { writer: false })).value;
}

describe("the shared note pad", () => {
  for (const seed of [1, 7, 20261105]) {
    it(`three writers inserting and deleting at random positions converge, keeping every insert not deleted (seed ${seed})`, async () => {
      const cast = await openCast(1);
      open.push(...cast.all);
      const clients = await writers(cast);
      const expected = await editConcurrently(clients, { seed, rounds: 16, opsPerRound: 6 });
      const text = await converged(clients);
      expect(tokens(text).map((t) => t.token)).toEqual(expect.arrayContaining(expected));
      expect(
        tokens(text)
          .map((t) => t.token)
          .sort(),
      ).toEqual(expected);
      expect(
        tokens(text)
          .map((t) => t.token)
          .join(""),
      ).toBe(text);
      expect(await freshView(cast)).toBe(text);
      for (const s of cast.all) expect(s.errors()).toEqual([]);
    });
  }

  it("loses nothing when the room is evicted in the middle of the typing", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const clients = await writers(cast);
    const expected = await editConcurrently(clients, {
      seed: 42,
      rounds: 14,
      opsPerRound: 5,
      midway: { round: 6, act: () => evictDurableObject(roomStub(cast.roomId)) },
    });
    const text = await converged(clients);
    expect(
      tokens(text)
        .map((t) => t.token)
        .sort(),
    ).toEqual(expected);
    expect(await freshView(cast)).toBe(text);
  });

  it("merges what everyone typed while the room restarted and their sockets were closed", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const clients = await writers(cast);
    const expected = await editConcurrently(clients, {
      seed: 99,
      rounds: 10,
      opsPerRound: 4,
      midway: {
        round: 4,
        act: async () => {
          await evictDurableObject(roomStub(cast.roomId), { webSockets: "close" });
          await Promise.all(cast.all.map((s) => s.closedByServer()));
        },
      },
    });
    // The rounds after the restart were typed offline; reconnecting brings them in.
    const back = await Promise.all(cast.all.map((s) => TestSocket.reconnect(s)));
    open.push(...back);
    await Promise.all(clients.map((c, i) => (back[i] ? c.reattach(back[i]) : Promise.resolve())));
    const text = await converged(clients);
    expect(
      tokens(text)
        .map((t) => t.token)
        .sort(),
    ).toEqual(expected);
    expect(await freshView(cast)).toBe(text);
  });

  it("merges a client's offline edits with what others wrote meanwhile", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const [ana, claude] = await writers(cast);
    if (!ana || !claude) throw new Error("no clients");
    ana.insert(0, "Shared start. ");
    ana.flush();
    await eventually(() => expect(claude.value).toBe("Shared start. "));

    await claude.socket.close();
    claude.insert(claude.value.length, "Typed offline.");
    claude.delete(0, "Shared ".length);
    expect(claude.flush()).toBe(false);
    ana.insert(ana.value.length, "Ana meanwhile. ");
    ana.flush();
    await new Promise((r) => setTimeout(r, 50));
    expect(ana.value).toBe("Shared start. Ana meanwhile. ");

    const back = await TestSocket.reconnect(claude.socket);
    open.push(back);
    await claude.reattach(back);
    const text = await converged([ana, claude]);
    expect(text).toContain("Typed offline.");
    expect(text).toContain("Ana meanwhile.");
    expect(text.startsWith("start.")).toBe(true);
    expect(await freshView(cast)).toBe(text);
  });

  it("gives a late joiner the whole note pad and relays nothing a client already has", async () => {
    const cast = await openCast(1);
    open.push(...cast.all);
    const [ana, claude] = await writers(cast);
    if (!ana || !claude) throw new Error("no clients");
    ana.insert(0, "Ideas so far");
    ana.flush();
    await eventually(() => expect(claude.value).toBe("Ideas so far"));
    const framesBefore = claude.frames.length;
    // The same content again: the room integrates nothing, so relays nothing.
    ana.sendUpdate(Y.encodeStateAsUpdate(ana.doc));
    await new Promise((r) => setTimeout(r, 50));
    expect(claude.frames.length).toBe(framesBefore);
    expect(await freshView(cast)).toBe("Ideas so far");
  });
});
