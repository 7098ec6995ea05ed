// What a person does and sees in the e2e run, in their own language: fill, click, wait for text, check a step.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { en } from "../../../app/i18n/en.ts";
import { fr, type MessageKey } from "../../../app/i18n/fr.ts";
import { STEP_NAMES } from "../../../app/i18n/stepNames.ts";
import type { Step } from "../../../protocol/model.ts";
import { type Person, screenshot, seriousViolations } from "./browser.ts";

const WAIT = 20_000;

/** The panel's own string for this person's language, so the test reads what the person reads. */
export function tr(p: Person, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = (p.lang === "fr" ? fr : en)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export async function see(p: Person, text: string): Promise<void> {
  await p.page.getByText(text, { exact: true }).first().waitFor({ timeout: WAIT });
}

/** Someone listed among the participants (their entry also says "(you)" and whether they are online). */
export async function seePerson(p: Person, name: string): Promise<void> {
  await p.page.locator(".person-name", { hasText: name }).first().waitFor({ timeout: WAIT });
}

export async function seeAll(people: Person[], texts: string[]): Promise<void> {
  for (const p of people) for (const text of texts) await see(p, text);
}

export async function click(p: Person, key: MessageKey, params?: Record<string, string | number>): Promise<void> {
  await button(p.page, tr(p, key, params)).click();
}

export function button(page: Page, name: string) {
  return page.getByRole("button", { name, exact: true }).first();
}

export async function fill(p: Person, key: MessageKey, value: string): Promise<void> {
  await p.page.getByLabel(tr(p, key), { exact: true }).fill(value);
}

/** Writes in a draft form and sends it; the field empties once the room has it. */
export async function submit(p: Person, field: MessageKey, send: MessageKey, value: string): Promise<void> {
  const input = p.page.getByLabel(tr(p, field), { exact: true });
  await input.fill(value);
  await click(p, send);
  await expectValue(p.page, tr(p, field), "");
}

export async function expectValue(page: Page, label: string, value: string): Promise<void> {
  await page.waitForFunction(
    ({ label, value }) => {
      const el = [...document.querySelectorAll("label")].find((l) => l.textContent === label)?.control;
      return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value === value : false;
    },
    { label, value },
    { timeout: WAIT },
  );
}

export async function heading(p: Person, name: string | RegExp, level?: number): Promise<void> {
  const opts = level ? { name, level, exact: true } : { name, exact: true };
  await p.page.getByRole("heading", opts).first().waitFor({ timeout: WAIT });
}

/** The step's heading as this person reads it: the method's name, with an English gloss where it adds something. */
export function stepTitle(p: Person, step: Step): string {
  const gloss = tr(p, `gloss_${step}`);
  return gloss && gloss !== STEP_NAMES[step] ? `${STEP_NAMES[step]} (${gloss})` : STEP_NAMES[step];
}

/** Same step for all; the banner for each role; the timer; no serious accessibility violation; screenshots. */
export async function checkStep(
  people: Person[],
  step: Step,
  n: number,
  banners: Map<Person, MessageKey>,
  shot: string,
): Promise<void> {
  for (const p of people) {
    await heading(p, stepTitle(p, step), 1);
    await see(p, tr(p, "stepOf", { n }));
    const banner = banners.get(p);
    if (!banner) throw new Error(`no banner expected for ${p.name}`);
    await heading(p, new RegExp(`^${escapeRegExp(tr(p, banner))}`));
    expect(await p.page.getByRole("timer").textContent()).toMatch(/^(\d+:)?\d+:\d\d$/);
    await checkPage(p, shot);
  }
}

/** The page is no wider than the panel: long unbroken text wraps instead of making it scroll sideways. */
export async function noSidewaysScroll(p: Person): Promise<void> {
  const [scroll, client] = await p.page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${p.name} scrolls sideways`).toBeLessThanOrEqual(client);
}

/** The element that has the keyboard focus, described as tag, id and text. */
export async function focused(p: Person): Promise<string> {
  return p.page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName.toLowerCase()}#${a.id}:${a.textContent ?? ""}` : "";
  });
}

export async function checkPage(p: Person, shot: string): Promise<void> {
  const violations = await seriousViolations(p.page);
  expect(violations, `${p.name} at ${shot}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await screenshot(p, shot);
}
