// Group memory end to end: a consultation of a group closes, and the group's next meeting shows its action plan.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memFr } from "../../app/memory/i18n/fr.ts";
import { requestDevSession } from "../../protocol/client/devSession.ts";
import { RoomConnection } from "../../protocol/client/RoomConnection.ts";
import type { Command } from "../../protocol/commands.ts";
import type { LocalServer } from "../../scripts/lib/localServer.ts";
import { launch, type Person, person, screenshot, seriousViolations } from "./support/browser.ts";
import { click, heading, see, tr } from "./support/flow.ts";
import { startServer } from "./support/server.ts";

let server: LocalServer;
let browser: Browser;
const open: RoomConnection[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});

afterAll(async () => {
  for (const c of open) c.close();
  await browser?.close();
  await server?.stop();
});

const run = Date.now().toString(36);
const ANNA = { id: `anna-${run}-e2e`, name: "Anna" };
const CHLOE = { id: `chloe-${run}-e2e`, name: "Chloé" };
const BEN = { id: `ben-${run}-e2e`, name: "Ben" };
const REQUEST = "Repartir avec trois pistes pour garder l'équipe";
const ACTIONS = ["Rencontrer chaque expert", "Proposer un parrainage"];

async function until<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One participant of the first meeting, scripted over the real protocol (no browser needed there). */
async function joinScripted(room: string, who: { id: string; name: string }, host = false) {
  const join = { room, name: who.name, participantId: who.id, host };
  const first = await requestDevSession(server.url, join);
  const conn = new RoomConnection({ baseUrl: server.url, getSession: () => requestDevSession(server.url, join) });
  open.push(conn);
  await until(`${who.name} to join`, () => conn.state?.participants.some((p) => p.id === who.id));
  const must = (command: Command) =>
    new Promise<void>((resolve, reject) => {
      const id = conn.send(command);
      const off = conn.onMessage((m) => {
        if ((m.type === "ack" || m.type === "rejected") && m.id === id) {
          off();
          if (m.type === "ack") resolve();
          else reject(new Error(`${command.type} refused: ${m.message}`));
        }
      });
    });
  return { conn, must, token: first.token };
}

async function memory(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const History = v.object({
  items: v.array(
    v.object({
      status: v.string(),
      clientName: v.nullable(v.string()),
      actions: v.array(v.object({ text: v.string(), status: v.string(), note: v.nullable(v.string()) })),
    }),
  ),
});

/** The group's first meeting: Chloé's consultation runs from the lobby to closed, its plan two actions long. */
async function firstMeeting(room: string): Promise<string> {
  const anna = await joinScripted(room, ANNA, true);
  const chloe = await joinScripted(room, CHLOE);
  const ben = await joinScripted(room, BEN);
  const created = v.parse(
    v.object({ group: v.object({ id: v.string() }) }),
    await memory(anna.token, "POST", "/api/groups", { name: `Les pairs ${run}`, mission: "Apprendre ensemble" }),
  );
  const state = () => anna.conn.state?.consultation;
  await anna.must({ type: "advance" });
  await anna.must({ type: "advance" });
  await chloe.must({ type: "proposeSituation", title: "Équipe en tension", stakes: "Garder deux experts" });
  const situation = await until("the situation", () => state()?.situations[0]);
  await anna.must({ type: "chooseSituation", situationId: situation.id });
  await anna.must({ type: "advance" });
  await chloe.must({ type: "setHeadline", text: "Deux experts ne se parlent plus", question: "Comment renouer ?" });
  for (let i = 0; i < 2; i++) await anna.must({ type: "advance" });
  await chloe.must({ type: "setRequest", text: REQUEST });
  await anna.must({ type: "advance" });
  await ben.must({ type: "addIdea", text: "Des entretiens individuels" });
  await anna.must({ type: "advance" });
  await chloe.must({ type: "addAction", text: ACTIONS[0] ?? "", dueDate: "2026-12-04", resources: "Ma collègue RH" });
  await chloe.must({ type: "addAction", text: ACTIONS[1] ?? "", dueDate: null });
  await anna.must({ type: "advance" });
  await ben.must({ type: "addLearning", text: "Écouter avant de proposer." });
  await anna.must({ type: "close" });
  const groupId = created.group.id;
  // The results reach D1 through the room's outbox; the history shows them once they have.
  for (const deadline = Date.now() + 20_000; ; ) {
    const history = v.parse(History, await memory(anna.token, "GET", `/api/groups/${groupId}/history`));
    if (history.items[0]?.status === "closed") break;
    if (Date.now() > deadline) throw new Error("the first consultation never reached the history");
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const s of [anna, chloe, ben]) s.conn.close();
  return groupId;
}

/** A panel in the browser for someone of the group: dev mode keeps one id per name, set here to theirs. */
async function openPanel(p: Person, room: string, who: { id: string; name: string }, host = false): Promise<void> {
  await p.context.addInitScript(({ key, id }) => localStorage.setItem(key, id), {
    key: `codev:pid:${who.name.toLowerCase()}`,
    id: who.id,
  });
  const params = new URLSearchParams({ room, name: who.name, ...(host ? { host: "1" } : {}) });
  await p.page.goto(`${server.url}/?${params}`);
  await heading(p, tr(p, "phase_lobby"), 1);
}

describe("the group's memory across two meetings", () => {
  it("shows the first meeting's action plan in the next meeting's follow-up, and keeps the report", {
    timeout: 300_000,
  }, async () => {
    const groupId = await firstMeeting(`e2e-mem1-${run}`);
    const code = `e2e-mem2-${run}`;
    const anna = await person(browser, { name: "Anna", key: "animator", lang: "fr", theme: "light", width: 1100 });
    const chloe = await person(browser, { name: "Chloé", key: "client", lang: "fr", theme: "dark", width: 380 });
    await openPanel(anna, code, ANNA, true);
    await openPanel(chloe, code, CHLOE);

    // The meeting is recognised as the group's: everyone sees the group in the lobby.
    for (const p of [anna, chloe]) await see(p, `Les pairs ${run}`);
    expect(await seriousViolations(anna.page)).toEqual([]);
    expect(await seriousViolations(chloe.page)).toEqual([]);
    await screenshot(anna, "memory-lobby");

    // The follow-up shows Chloé's plan from the first meeting, and she reports on it.
    await click(anna, "startSession");
    for (const p of [anna, chloe]) {
      await heading(p, tr(p, "phase_followUp"), 1);
      await see(p, tr(p, "planOf", { name: "Chloé" }));
      for (const text of ACTIONS) await see(p, text);
    }
    await screenshot(chloe, "memory-follow-up");
    const first = chloe.page.locator("li.card", { hasText: ACTIONS[0] ?? "" });
    await first.getByLabel(tr(chloe, "status")).selectOption("done");
    await first.getByLabel(tr(chloe, "whatCame")).fill("Trois rencontres faites.");
    await first.getByRole("button", { name: tr(chloe, "record") }).click();
    await see(anna, `${tr(anna, "recorded", { status: tr(anna, "status_done") })} — Trois rencontres faites.`);

    // The report reached D1 and shows in the history.
    const fresh = await requestDevSession(server.url, { room: code, name: "Anna", participantId: ANNA.id, host: true });
    for (const deadline = Date.now() + 20_000; ; ) {
      const history = v.parse(History, await memory(fresh.token, "GET", `/api/groups/${groupId}/history`));
      const reported = history.items[0]?.actions[0];
      if (reported?.status === "done" && reported.note === "Trois rencontres faites.") break;
      if (Date.now() > deadline) throw new Error("the follow-up report never reached the history");
      await new Promise((r) => setTimeout(r, 200));
    }

    // The memory dialog: the history, the report, its Markdown and its print layout.
    await click(anna, "mem_open");
    const dialog = anna.page.getByRole("dialog", { name: tr(anna, "mem_open") });
    await dialog.getByText(REQUEST).waitFor();
    await dialog.getByText("Suivi : 1 faite, 1 à faire").waitFor();
    await dialog.getByRole("button", { name: /— Chloé$/ }).click();
    await dialog.getByText("Des entretiens individuels").waitFor();
    await dialog.getByText("Deux experts ne se parlent plus").waitFor();
    await dialog.getByText(tr(anna, "resourcesIs", { text: "Ma collègue RH" })).waitFor();
    await dialog.getByText(tr(anna, "due", { date: "4 déc. 2026" })).waitFor();
    // The report's head, on screen and in print: the group, the format by name, and that it is confidential.
    await dialog.getByText(`Groupe : Les pairs ${run}`).waitFor();
    await dialog.getByText("Format : Classique (~90 min)").waitFor();
    await dialog.getByText(memFr.mem_confidential).waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    await screenshot(anna, "memory-report");
    const [download] = await Promise.all([
      anna.page.waitForEvent("download"),
      dialog.getByRole("button", { name: memFr.mem_download }).click(),
    ]);
    const markdown = await readFile((await download.path()) ?? "", "utf8");
    expect(download.suggestedFilename()).toMatch(/^consultation-\d{4}-\d{2}-\d{2}-1-chloe\.md$/);
    expect(markdown).toContain("## Demande du client");
    expect(markdown).toContain("Repartir avec trois pistes pour garder l'équipe");
    expect(markdown).toContain("- [x] Rencontrer chaque expert (échéance 2026-12-04) — fait");
    // The action plan's bullets line up with the other lists' (ideas, learnings), on screen and in print.
    const bullets = () =>
      anna.page.evaluate(() =>
        [...document.querySelectorAll(".memory-report ul > li:first-child")].map((li) =>
          Math.round(li.getBoundingClientRect().left),
        ),
      );
    const onScreen = await bullets();
    expect(onScreen.length).toBeGreaterThan(2);
    expect(new Set(onScreen).size).toBe(1);
    await anna.page.emulateMedia({ media: "print" });
    const inPrint = await bullets();
    expect(inPrint.length).toBeGreaterThan(2);
    expect(new Set(inPrint).size).toBe(1);
    const printed = await anna.page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".room-header") ?? document.body).visibility,
      report: getComputedStyle(document.querySelector(".memory-report h2") ?? document.body).visibility,
      toolbar: getComputedStyle(document.querySelector(".memory-toolbar") ?? document.body).display,
    }));
    expect(printed).toEqual({ header: "hidden", report: "visible", toolbar: "none" });
    await anna.page.emulateMedia({ media: "screen" });

    // In the dark theme too, the dialog passes the accessibility checks; Escape closes it.
    await click(chloe, "mem_open");
    await chloe.page.getByRole("dialog").getByText(REQUEST).waitFor();
    expect(await seriousViolations(chloe.page)).toEqual([]);
    await chloe.page.keyboard.press("Escape");
    await chloe.page.getByRole("dialog").waitFor({ state: "detached" });
    expect([...anna.errors, ...chloe.errors]).toEqual([]);
  });
});
