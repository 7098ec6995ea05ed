// French by default, English on choice and remembered; the method's step names stay as the method names them.
import { fireEvent, render, screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { Settings } from "../../app/components/Settings.tsx";
import { en } from "../../app/i18n/en.ts";
import { fr } from "../../app/i18n/fr.ts";
import { lang, t, tn } from "../../app/i18n/i18n.ts";
import { group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

describe("languages", () => {
  it("has an English string for every French one, none empty except the French glosses", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe("");
    const emptyFr = Object.entries(fr)
      .filter(([, v]) => v === "")
      .map(([k]) => k);
    expect(emptyFr.every((k) => k.startsWith("gloss_"))).toBe(true);
  });

  it("fills placeholders", () => {
    expect(t("stepOf", { n: 3 })).toBe("Étape 3 sur 6");
  });

  it("switches the whole panel to English, keeps the step's method name, and remembers the choice", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    const [english] = g.ben.view.getAllByRole("button", { name: "EN English" });
    if (!english) throw new Error("no language switch");
    fireEvent.click(english);
    await g.ben.view.findByRole("heading", { name: /Listen/ });
    expect(g.chloe.view.getByRole("heading", { name: /Your turn to speak/ })).toBeTruthy();
    expect(g.ben.view.getByRole("heading", { level: 1, name: "Exposé (Presentation)" })).toBeTruthy();
    expect(g.ben.view.getByText("Step 1 of 6")).toBeTruthy();
    // The method's name is French inside English: screen readers are told so.
    expect(g.ben.container.querySelector("h1 [lang='fr']")?.textContent).toBe("Exposé");
    expect(localStorage.getItem("codev:lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("offers a theme switch that is remembered", () => {
    render(<Settings />);
    fireEvent.change(screen.getByLabelText("Thème"), { target: { value: "dark" } });
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(localStorage.getItem("codev:theme")).toBe("dark");
    fireEvent.change(screen.getByLabelText("Thème"), { target: { value: "system" } });
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
  });
});

describe("words that follow the numbers and names they carry", () => {
  it("writes counts in each language's plural forms", () => {
    expect([0, 1, 2].map((n) => tn("votes", n))).toEqual(["0 vote", "1 vote", "2 votes"]);
    lang.value = "en";
    expect([0, 1, 2].map((n) => tn("votes", n))).toEqual(["0 votes", "1 vote", "2 votes"]);
  });

  it("elides French 'de' before a name starting with a vowel or a mute h, and only in French", () => {
    expect(t("roleOf", { name: "Émilie" })).toBe("Rôle d'Émilie");
    expect(t("roleOf", { name: "Anna" })).toBe("Rôle d'Anna");
    expect(t("planOf", { name: "Hugo" })).toBe("Plan d'Hugo");
    expect(t("roleOf", { name: "Yves" })).toBe("Rôle d'Yves");
    expect(t("roleOf", { name: "Yannick" })).toBe("Rôle de Yannick");
    expect(t("roleOf", { name: "Ben" })).toBe("Rôle de Ben");
    lang.value = "en";
    expect(t("roleOf", { name: "Émilie" })).toBe("Role of Émilie");
  });
});

describe("French typography", () => {
  it("keeps two-part punctuation on the line of the word before it", () => {
    expect(t("formatIs", { name: "Flash" })).toBe("Format\u00a0: Flash");
    expect(t("requestWas", { text: "a : b" })).toBe("Demande\u00a0: a : b");
  });
});
