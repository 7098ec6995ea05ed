// Every text in the panel is shown as text: markup in a name or an idea never becomes markup, Unicode shows as typed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { UNICODE_TEXTS } from "../protocol/hygieneTexts.ts";
import { act, group, moveTo } from "./support/consultation.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import { openPanel } from "./support/participants.tsx";
import "./support/setup.ts";

// Within the 60 characters a name may have, so that all of it is shown.
const NAME = `<b>Mallory</b><img src=x onerror="window.hygieneBroken=1">`;
const IDEA = `<b>Gras ?</b> <a href="javascript:alert(1)">lien</a> <script>window.hygieneBroken=3</script> &amp; &lt;`;
const REQUEST = `<iframe src="https://example.invalid"></iframe>Ma demande <svg onload="window.hygieneBroken=4"/>`;

declare global {
  interface Window {
    hygieneBroken?: number;
  }
}

afterEach(() => {
  window.hygieneBroken = undefined;
});

/**
 * Elements and attributes that only markup smuggled in a text could have created. An accessible name that quotes
 * the text (aria-label="Marquer : <b>…") holds it as text, as typed: not markup.
 */
function smuggled(container: Element): Element[] {
  return [
    ...container.querySelectorAll("script, iframe, svg[onload], img[onerror], a[href^='javascript']"),
    ...[...container.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some(
        (a) => a.name.startsWith("on") || (a.value.includes("hygieneBroken") && a.name !== "aria-label"),
      ),
    ),
  ];
}

describe("texts shown in the panel", () => {
  it("show markup in a name, an idea and the request as the very characters typed, never as markup", async () => {
    const room = new FakeRoom();
    const g = await group(room);
    const mallory = openPanel(room, NAME);
    await waitFor(() => expect(room.state.participants).toHaveLength(5));
    await moveTo(g, "contract");
    await act(g.chloe, { type: "setRequest", text: REQUEST });
    await moveTo(g, "consultation");
    fireEvent.input(mallory.view.getByLabelText("Votre idée"), { target: { value: IDEA } });
    fireEvent.click(mallory.view.getByRole("button", { name: "Ajouter l'idée" }));
    await waitFor(() => expect(room.state.consultation.ideas.map((i) => i.text)).toEqual([IDEA]));

    for (const p of [g.anna, g.chloe, g.ben, mallory]) {
      await p.view.findByText(IDEA);
      expect(p.container.textContent).toContain(REQUEST);
      expect(p.container.textContent).toContain(NAME);
      expect(smuggled(p.container)).toEqual([]);
    }
    expect(window.hygieneBroken).toBeUndefined();
  });

  it("show accents, emoji, right-to-left and mixed scripts exactly as typed", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    for (const text of UNICODE_TEXTS) await act(g.ben, { type: "addIdea", text });
    for (const p of [g.anna, g.chloe, g.dan]) {
      for (const text of UNICODE_TEXTS) expect(await p.view.findByText(text)).toBeTruthy();
    }
  });
});

/** Every source file of the panel (the test project's root is the repository). */
function panelSources(dir = join(process.cwd(), "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? panelSources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe("the panel's code", () => {
  it("never turns a string into HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML", () => {
    const sinks =
      /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|createContextualFragment)\b/;
    const files = panelSources();
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => sinks.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
