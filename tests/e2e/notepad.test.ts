// Two people type in the shared note pad at the same time, each in their own browser, and both see both texts.
import { describe, expect, it } from "vitest";
import { SimParticipant } from "../../protocol/sim/index.ts";
import { type Person, person, screenshot, seriousViolations } from "./support/browser.ts";
import { tr } from "./support/flow.ts";
import { simsToPresentation, stage } from "./support/stage.ts";

const live = stage();

/** The animator and the client are driven over the protocol, so the two browsers go straight to a step. */
async function consultationAtPresentation(room: string, people: number): Promise<void> {
  const animator = await SimParticipant.join({ baseUrl: live.url, room, name: "Anna", host: true });
  const client = await SimParticipant.join({ baseUrl: live.url, room, name: "Chloé" });
  live.sims.push(animator, client);
  await simsToPresentation(animator, client, people, "Une équipe en tension", "Garder deux experts");
}

function notepad(p: Person) {
  return p.page.getByRole("textbox", { name: tr(p, "notepadTitle"), exact: true });
}

describe("the shared note pad in the browser", () => {
  it("two people type at the same time and both see both texts", { timeout: 120_000 }, async () => {
    const room = `np-${Date.now().toString(36)}`;
    const ben = await person(live.browser, { name: "Ben", key: "ben", lang: "fr", theme: "light", width: 420 });
    const dan = await person(live.browser, { name: "Dan", key: "dan", lang: "en", theme: "dark", width: 420 });
    const joining = consultationAtPresentation(room, 4);
    for (const p of [ben, dan]) {
      await p.page.addInitScript((lang) => localStorage.setItem("codev:lang", lang), p.lang);
      await p.page.goto(`${live.url}/?room=${room}&name=${p.name}`);
    }
    await joining;
    for (const p of [ben, dan]) await notepad(p).waitFor({ timeout: 20_000 });

    const benText = "Ben: la confiance se construit en petits pas. ";
    const danText = "Dan: who decides in the end? ";
    await notepad(ben).click();
    await notepad(dan).click();
    await Promise.all([
      notepad(ben).pressSequentially(benText, { delay: 20 }),
      notepad(dan).pressSequentially(danText, { delay: 20 }),
    ]);
    for (const p of [ben, dan]) {
      await p.page.waitForFunction(
        ({ a, b }) => {
          const value = document.querySelector("textarea")?.value ?? "";
          return value.includes(a) && value.includes(b);
        },
        { a: benText, b: danText },
        { timeout: 15_000 },
      );
    }
    const [benValue, danValue] = await Promise.all([notepad(ben).inputValue(), notepad(dan).inputValue()]);
    expect(benValue).toBe(danValue);

    // Each sees the other as a writer, by name, with a caret in the text.
    await ben.page.locator(".notepad-writer", { hasText: "Dan" }).waitFor({ timeout: 10_000 });
    await dan.page.locator(".notepad-writer", { hasText: "Ben" }).waitFor({ timeout: 10_000 });
    await ben.page.locator(".notepad-caret", { hasText: "Dan" }).waitFor({ state: "attached", timeout: 10_000 });
    for (const p of [ben, dan]) await screenshot(p, "notepad");

    // Undo takes back only my own typing.
    await notepad(ben).press("Control+z");
    await ben.page.waitForFunction((b) => !(document.querySelector("textarea")?.value ?? "").includes(b), benText, {
      timeout: 10_000,
    });
    expect(await notepad(ben).inputValue()).toContain(danText);

    for (const p of [ben, dan]) {
      expect(await seriousViolations(p.page)).toEqual([]);
      expect(p.errors).toEqual([]);
    }
  });
});
