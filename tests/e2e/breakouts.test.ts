// A trainer in the meeting's main room watches a breakout room's consultation move on, in a real browser.
import { describe, expect, it } from "vitest";
import { STEP_NAMES } from "../../app/i18n/stepNames.ts";
import { SimParticipant } from "../../protocol/sim/index.ts";
import { person } from "./support/browser.ts";
import { checkPage, heading, tr } from "./support/flow.ts";
import { simsToPresentation, stage } from "./support/stage.ts";

const live = stage();

describe("breakout rooms in the browser", () => {
  it("the main room's panel shows where a breakout room stands, as it moves on", { timeout: 120_000 }, async () => {
    const stamp = Date.now().toString(36);
    const main = `main-${stamp}`;
    const breakout = `g1-${stamp}`;
    const tom = await person(live.browser, { name: "Tom", key: "tom", lang: "fr", theme: "dark", width: 380 });
    await tom.page.goto(`${live.url}/?room=${main}&name=Tom&host=1`);
    await heading(tom, tr(tom, "participants"));

    // In a breakout room the first to open Codev animates (the meeting's host does not take over there): Anna.
    const anna = await SimParticipant.join({
      baseUrl: live.url,
      room: breakout,
      name: "Anna",
      parent: main,
    });
    const chloe = await SimParticipant.join({ baseUrl: live.url, room: breakout, name: "Chloé", parent: main });
    live.sims.push(anna, chloe);
    // Ben joins the breakout room from the start page, naming the main room as dev mode's stand-in for Zoom's.
    const ben = await person(live.browser, { name: "Ben", key: "ben", lang: "fr", theme: "light", width: 380 });
    await ben.page.goto(live.url);
    await ben.page.getByLabel(tr(ben, "yourName"), { exact: true }).fill("Ben");
    await ben.page.getByLabel(tr(ben, "roomCode"), { exact: true }).fill(breakout);
    await ben.page.getByLabel(/Sous-groupe de la salle/).fill(main);
    await ben.page.getByRole("button", { name: tr(ben, "joinRoom"), exact: true }).click();
    await heading(ben, tr(ben, "participants"));
    expect(new URL(ben.page.url()).searchParams.get("parent")).toBe(main);

    const group = tom.page
      .getByRole("listitem")
      .filter({ has: tom.page.getByText(tr(tom, "breakoutName", { n: 1 }), { exact: true }) });
    await group.getByText(tr(tom, "breakoutOnline", { n: 3 })).waitFor({ timeout: 20_000 });
    await group.getByText(tr(tom, "phase_lobby")).waitFor();

    // The animator takes the group to the Exposé, with Chloé's situation chosen.
    await simsToPresentation(anna, chloe, 3, "Un dossier confidentiel", "Ce qui se dit ici");

    await group.getByText(STEP_NAMES.presentation, { exact: true }).waitFor({ timeout: 20_000 });
    const where = (await group.locator(".breakout-where").textContent()) ?? "";
    expect(where).toContain(tr(tom, "stepOf", { n: 1 }));
    expect(where).toMatch(/reste \d+:\d\d/);
    const who = (await group.locator(".breakout-who").textContent()) ?? "";
    expect(who).toContain("Anna");
    expect(who).toContain("Chloé");
    // Nothing the group wrote reaches the main room.
    expect(await tom.page.content()).not.toContain("Un dossier confidentiel");
    // Tom's own room is untouched: he is still alone in its lobby.
    await heading(tom, tr(tom, "participants"));
    await checkPage(tom, "breakouts-main-room-fr-dark");

    // Tom looks in on the group in its breakout room: he observes (not one of its participants) until he takes part.
    const visit = await person(live.browser, {
      name: "Tom",
      key: "tom-visit",
      lang: "fr",
      theme: "light",
      width: 380,
    });
    await visit.page.goto(`${live.url}/?room=${breakout}&name=Tom&host=1&parent=${main}`);
    await visit.page.getByText(tr(visit, "observing")).waitFor({ timeout: 20_000 });
    await heading(visit, STEP_NAMES.presentation, 1);
    await checkPage(visit, "breakouts-observer-fr-light");
    expect((await anna.waitFor("the state", () => true)).participants.map((p) => p.name)).toEqual([
      "Anna",
      "Chloé",
      "Ben",
    ]);
    await visit.page.getByRole("button", { name: tr(visit, "takePart"), exact: true }).click();
    await anna.waitFor("Tom to take part", (s) =>
      s.participants.some((p) => p.name === "Tom" && p.role === "consultant"),
    );
    await visit.page.getByText(tr(visit, "bannerListen"), { exact: true }).waitFor({ timeout: 20_000 });
    expect(visit.errors).toEqual([]);
    await visit.context.close();
    expect([...tom.errors, ...ben.errors]).toEqual([]);
    await tom.context.close();
    await ben.context.close();
  });
});
