// Four people (animator, future client, two consultants) run one whole consultation through the panel in Chromium.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../scripts/lib/localServer.ts";
import { launch, type Person, person } from "./support/browser.ts";
import {
  button,
  checkPage,
  checkStep,
  click,
  fill,
  focused,
  heading,
  noSidewaysScroll,
  see,
  seeAll,
  seePerson,
  stepTitle,
  submit,
  tr,
} from "./support/flow.ts";
import { startServer } from "./support/server.ts";

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a whole consultation in the browser", () => {
  it("runs from the lobby to the summary for every role, in both languages and themes", {
    timeout: 600_000,
  }, async () => {
    // Anna animates on an expanded panel; the others use the narrow side panel; Chloé and Dan in dark; Dan in English.
    const anna = await person(browser, { name: "Anna", key: "animator", lang: "fr", theme: "light", width: 1100 });
    const chloe = await person(browser, { name: "Chloé", key: "client", lang: "fr", theme: "dark", width: 380 });
    const ben = await person(browser, { name: "Ben", key: "consultant1", lang: "fr", theme: "light", width: 380 });
    const dan = await person(browser, { name: "Dan", key: "consultant2", lang: "en", theme: "dark", width: 380 });
    const all = [anna, chloe, ben, dan];

    await anna.page.goto(server.url);
    await fill(anna, "yourName", "Anna");
    await click(anna, "createRoom");
    await heading(anna, tr(anna, "phase_lobby"), 1);
    const code = new URL(anna.page.url()).searchParams.get("room") ?? "";
    for (const p of [chloe, ben, dan]) {
      await p.page.goto(server.url);
      if (p.lang === "en") await button(p.page, "EN English").click();
      await fill(p, "yourName", p.name);
      await fill(p, "roomCode", code);
      await click(p, "joinRoom");
      await heading(p, tr(p, "phase_lobby"), 1);
    }
    for (const p of all) for (const q of all) await seePerson(p, q.name);

    // Lobby: Ben becomes the scribe with the keyboard (focus stays on his role while roles change); flash format.
    const benRole = anna.page.getByLabel(tr(anna, "roleOf", { name: "Ben" }));
    const benBadge = (role: "role_client" | "role_scribe") =>
      anna.page.locator("li.person", { hasText: "Ben" }).locator(".role-badge", { hasText: tr(anna, role) });
    await benRole.focus();
    await anna.page.keyboard.press("ArrowDown");
    await benBadge("role_client").waitFor();
    await anna.page.keyboard.press("ArrowDown");
    await benBadge("role_scribe").waitFor();
    expect(await focused(anna)).toMatch(/^select#role-/);
    expect(await benRole.evaluate((el) => el === document.activeElement)).toBe(true);
    await anna.page.getByLabel(tr(anna, "format"), { exact: true }).selectOption("flash");
    await see(ben, tr(ben, "formatIs", { name: tr(ben, "format_flash") }));
    await see(dan, tr(dan, "role_scribe"));
    for (const p of all) await checkPage(p, "0-lobby");

    await click(anna, "startSession");
    for (const p of all) await heading(p, tr(p, "phase_followUp"), 1);
    // The button is gone with the lobby: focus goes to the new phase's heading, not the top of the page.
    await anna.page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await focused(anna)).toBe(`h1#:${tr(anna, "phase_followUp")}`);
    await see(dan, tr(dan, "noPlans"));
    for (const p of all) await checkPage(p, "1-follow-up");

    // Choice: two situations, a vote, the animator picks Chloé's.
    await click(anna, "next");
    for (const p of all) await heading(p, tr(p, "phase_choice"), 1);
    await fill(chloe, "situationTitle", "Équipe en tension");
    await fill(chloe, "situationStakes", "Garder deux experts qui ne se parlent plus");
    await click(chloe, "propose");
    await fill(ben, "situationTitle", "Un budget à défendre");
    const longUrl = `https://intranet.exemple.fr/${"budget-2027-arbitrages-".repeat(6)}final`;
    await fill(ben, "situationStakes", longUrl);
    await click(ben, "propose");
    await see(chloe, longUrl);
    for (const p of all) await noSidewaysScroll(p);
    await seeAll(all, ["Équipe en tension", "Un budget à défendre"]);
    await dan.page
      .getByRole("listitem")
      .filter({ hasText: "Équipe en tension" })
      .getByRole("button", { name: `${tr(dan, "vote")}: Équipe en tension` })
      .click();
    await see(anna, tr(anna, "votes_one", { n: 1 }));
    await see(anna, tr(anna, "votes_one", { n: 0 }));
    await see(dan, tr(dan, "votes_other", { n: 0 }));
    await anna.page
      .getByRole("listitem")
      .filter({ hasText: "Équipe en tension" })
      .getByRole("button", { name: new RegExp(`^${tr(anna, "choose")}`) })
      .click();
    for (const p of all) await see(p, tr(p, "chosen", { name: "Chloé" }));
    for (const p of all) await see(p, tr(p, "chosenBadge"));
    for (const p of all) await checkPage(p, "2-choice");
    await click(anna, "startSteps");

    const stance = (client: "bannerSpeak" | "bannerListen", consultants: "bannerSpeak" | "bannerListen") =>
      new Map<Person, "bannerSpeak" | "bannerListen" | "bannerAnimate">([
        [anna, "bannerAnimate"],
        [chloe, client],
        [ben, consultants],
        [dan, consultants],
      ]);

    // 1. Exposé: the client speaks; the animator pauses and restarts the timer.
    await checkStep(all, "presentation", 1, stance("bannerSpeak", "bannerListen"), "3-step1-presentation");
    await see(ben, tr(ben, "speaking", { names: "Chloé" }));
    // The client writes the headline and question; everyone sees them.
    await fill(chloe, "headlineQuestionLabel", "Comment les faire travailler ensemble ?");
    await fill(chloe, "headlineLabel", "Deux experts ne se parlent plus");
    await click(chloe, "saveHeadline");
    await seeAll(all, ["Deux experts ne se parlent plus"]);
    await see(dan, tr(dan, "headlineQuestionIs", { text: "Comment les faire travailler ensemble ?" }));
    await checkPage(chloe, "3-step1-presentation-headline");
    await click(anna, "pauseTimer");
    await see(dan, tr(dan, "timerPaused"));
    await click(anna, "resumeTimer");
    await see(dan, tr(dan, "timerRunning"));
    await button(anna.page, tr(anna, "next")).focus();
    await anna.page.keyboard.press("Enter");
    await heading(anna, stepTitle(anna, "clarification"), 1);
    // From step to step the button stays: so does the focus.
    expect(await focused(anna)).toBe(`button#:${tr(anna, "next")}`);

    // 2. Clarification: questions from both consultants; the animator goes back once (confirmed) and on again.
    await checkStep(all, "clarification", 2, stance("bannerSpeak", "bannerSpeak"), "4-step2-clarification");
    await submit(ben, "askQuestion", "ask", "Depuis quand la tension dure-t-elle ?");
    await submit(dan, "askQuestion", "ask", "What did you already try?");
    await seeAll(all, ["Depuis quand la tension dure-t-elle ?", "What did you already try?"]);
    await click(anna, "back");
    await click(anna, "confirm");
    for (const p of all) await heading(p, stepTitle(p, "presentation"), 1);
    await click(anna, "next");
    await seeAll([chloe], ["What did you already try?"]);
    await click(anna, "next");

    // 3. Contrat: the client's request, a reformulation, adopted.
    await checkStep(all, "contract", 3, stance("bannerSpeak", "bannerSpeak"), "5-step3-contract");
    await submit(chloe, "writeRequest", "saveRequest", "Des pistes pour renouer le dialogue");
    await seeAll(all, ["Des pistes pour renouer le dialogue"]);
    await submit(dan, "suggestReformulation", "suggest", "Find a way for the two experts to work together again");
    await see(chloe, "Find a way for the two experts to work together again");
    await chloe.page.getByRole("button", { name: new RegExp(`^${tr(chloe, "adopt")}.*two experts`) }).click();
    for (const p of all) await see(p, tr(p, "adoptedFrom"));
    await checkPage(dan, "5-step3-contract-adopted");
    await click(anna, "next");

    // 4. Consultation: ideas appear live for all; Dan's idea survives a network cut; the client marks one.
    await checkStep(all, "consultation", 4, stance("bannerListen", "bannerSpeak"), "6-step4-consultation");
    await submit(ben, "yourIdea", "addIdea", "Un binôme sur un petit projet commun");
    await see(dan, "Un binôme sur un petit projet commun");
    await dan.context.setOffline(true);
    await dan.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await see(dan, tr(dan, "statusReconnecting"));
    await dan.page.getByLabel(tr(dan, "yourIdea"), { exact: true }).fill("A shared retrospective");
    await click(dan, "addIdea");
    await see(dan, tr(dan, "sendLater"));
    await checkPage(dan, "6-step4-consultation-offline");
    await dan.context.setOffline(false);
    await dan.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await seeAll(all, ["Un binôme sur un petit projet commun", "A shared retrospective"]);
    await chloe.page
      .getByRole("listitem")
      .filter({ hasText: "Un binôme" })
      .getByRole("button", { name: new RegExp(`^${tr(chloe, "mark")}`) })
      .click();
    for (const p of all) await see(p, `★ ${tr(p, "markedLabel")}`);
    await chloe.page
      .getByRole("listitem")
      .filter({ hasText: "Un binôme" })
      .getByRole("button", { name: new RegExp(`^${tr(chloe, "unmark")}`) })
      .waitFor();
    await checkPage(chloe, "6-step4-consultation-marked");
    await click(anna, "next");

    // 5. Synthèse: the client's action plan with a due date.
    await checkStep(all, "synthesis", 5, stance("bannerSpeak", "bannerListen"), "7-step5-synthesis");
    await chloe.page.getByLabel(tr(chloe, "dueDate")).last().fill("2026-12-15");
    await fill(chloe, "resources", "Ma collègue RH");
    await submit(chloe, "actionText", "addAction", "Inviter les deux experts à un café");
    await seeAll(all, ["Inviter les deux experts à un café"]);
    await see(dan, tr(dan, "due", { date: "Dec 15, 2026" }));
    await see(ben, tr(ben, "due", { date: "15 déc. 2026" }));
    await see(dan, tr(dan, "resourcesIs", { text: "Ma collègue RH" }));
    await checkPage(ben, "7-step5-synthesis-plan");
    await click(anna, "next");

    // 6. Évaluation: everyone's learnings.
    await checkStep(all, "evaluation", 6, stance("bannerSpeak", "bannerSpeak"), "8-step6-evaluation");
    const learnings = new Map(all.map((p) => [p, `${p.name} : ce que j'apprends`]));
    for (const [p, text] of learnings) await submit(p, "yourLearning", "addLearning", text);
    await seeAll(all, [...learnings.values()]);

    // Close: the summary for all.
    await click(anna, "finish");
    await click(anna, "confirm");
    for (const p of all) {
      await heading(p, tr(p, "summaryTitle"), 1);
      await see(p, "Deux experts ne se parlent plus");
      await see(p, "Find a way for the two experts to work together again");
      await see(p, "Un binôme sur un petit projet commun");
      await see(p, "Inviter les deux experts à un café");
      await see(p, tr(p, "resourcesIs", { text: "Ma collègue RH" }));
      for (const text of learnings.values()) await see(p, text);
      expect(await p.page.getByText("A shared retrospective").count()).toBe(0);
      await checkPage(p, "9-summary");
    }
    for (const p of all) expect(p.errors, p.name).toEqual([]);
  });
});
