// Keyboard focus in a real browser where the DOM tests cannot tell: a button disabled while its command is on the way
// loses the focus in Chromium, and the panel must still put it somewhere sensible.
import { describe, expect, it } from "vitest";
import { SimParticipant } from "../../protocol/sim/index.ts";
import { person } from "./support/browser.ts";
import { focused, heading, tr } from "./support/flow.ts";
import { stage } from "./support/stage.ts";

const live = stage();

describe("focus in the browser", () => {
  it("after the client's first headline, sent with Enter, is on the card's edit button", {
    timeout: 90_000,
  }, async () => {
    const room = `fo-${Date.now().toString(36)}`;
    const anna = await SimParticipant.join({ baseUrl: live.url, room, name: "Anna", host: true });
    live.sims.push(anna);
    const chloe = await person(live.browser, {
      name: "Chloé",
      key: "chloe",
      lang: "fr",
      theme: "light",
      width: 380,
    });
    await chloe.page.goto(`${live.url}/?room=${room}&name=Chloé`);
    await anna.waitFor("Chloé", (s) => s.participants.length === 2);
    await anna.send({ type: "advance" });
    await anna.send({ type: "advance" });
    await heading(chloe, tr(chloe, "phase_choice"));
    await chloe.page.getByLabel(tr(chloe, "situationTitle"), { exact: true }).fill("Une équipe en tension");
    await chloe.page.getByLabel(tr(chloe, "situationStakes"), { exact: true }).fill("Garder deux experts");
    await chloe.page.getByRole("button", { name: tr(chloe, "propose"), exact: true }).click();
    const situation = (await anna.waitFor("a situation", (s) => s.consultation.situations.length === 1)).consultation
      .situations[0];
    if (!situation) throw new Error("no situation");
    await anna.send({ type: "chooseSituation", situationId: situation.id });
    await anna.send({ type: "advance" });

    const headline = chloe.page.getByLabel(tr(chloe, "headlineLabel"), { exact: true });
    await headline.fill("Deux experts partent");
    await chloe.page.getByRole("button", { name: tr(chloe, "saveHeadline"), exact: true }).focus();
    await chloe.page.keyboard.press("Enter");
    const edit = chloe.page.getByRole("button", { name: tr(chloe, "editHeadline"), exact: true });
    await edit.waitFor();
    await chloe.page.waitForTimeout(300);
    expect(await focused(chloe)).toMatch(new RegExp(`^button#?:${tr(chloe, "editHeadline")}`));
    expect(chloe.errors).toEqual([]);
    await chloe.context.close();
  });
});
