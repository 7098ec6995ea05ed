// What a second user trial found: the sticky top, quick minute presses, focus taken from others, the action plan's
// fields, the scribe's and the time-up's words, a coherent troika, a closed summary, the English lobby, caret tags.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { lang, loadLang } from "../../app/i18n/i18n.ts";
import { CaretOverlay } from "../../app/notepad/CaretOverlay.tsx";
import type { Writer } from "../../app/notepad/otherWriters.ts";
import { act, group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

/** Long enough for Preact's effects (run after a frame) to have moved the focus, had they meant to. */
const effectsRun = () => new Promise((resolve) => setTimeout(resolve, 60));

function asInput(el: HTMLElement): HTMLInputElement {
  if (!(el instanceof HTMLInputElement)) throw new Error("not an input");
  return el;
}

describe("the sticky top", () => {
  it("keeps the reconnection notice in sight with the header", async () => {
    const g = await group();
    g.room.online = false;
    g.room.dropAll();
    const notice = await g.ben.view.findByText(/Reconnexion…/);
    expect(notice.closest(".room-top")?.querySelector("header")).toBeTruthy();
  });
});

describe("the lobby's minutes", () => {
  it("counts every quick press, though the room has not answered the first yet", async () => {
    const g = await group();
    const field = asInput(g.anna.view.getByLabelText("Minutes pour Contrat"));
    const from = Number(field.value);
    // What ArrowUp does four times in a row: the browser steps the value shown, then says it changed.
    for (let i = 0; i < 4; i++) {
      field.value = String(Number(field.value) + 1);
      fireEvent.change(field);
    }
    expect(field.value).toBe(String(from + 4));
    await waitFor(() => expect(g.room.state.consultation.durations.contract).toBe(from + 4));
    await g.ben.view.findByText(`${from + 4} min`);
    expect(field.value).toBe(String(from + 4));
  });

  it("glosses the step names in English and has no live region per step", async () => {
    const g = await group();
    await loadLang("en");
    lang.value = "en";
    await g.ben.view.findByText("Format and durations");
    const first = g.ben.container.querySelector(".durations li");
    expect(first?.textContent).toContain("1. Exposé (Presentation)");
    expect(first?.querySelector("[lang='fr']")?.textContent).toBe("Exposé");
    expect(g.anna.container.querySelector(".durations label")?.textContent).toBe("1. Exposé (Presentation)");
    expect(g.ben.container.querySelectorAll(".durations output, .durations [role=status]")).toHaveLength(0);
  });
});

describe("the headline card", () => {
  it("leaves alone the focus of a scribe who was not in the form when the client saves", async () => {
    const g = await group();
    await act(g.anna, { type: "assignRole", participantId: g.dan.id, role: "scribe" });
    await moveTo(g, "presentation");
    await g.dan.view.findByLabelText(/Manchette du client/);
    await act(g.chloe, { type: "setHeadline", text: "Deux experts partent", question: "" });
    await g.dan.view.findByRole("button", { name: "Modifier la manchette" });
    await effectsRun();
    expect(document.activeElement).toBe(document.body);
  });

  it("leaves alone the focus of the client and the scribe when the Exposé ends", async () => {
    const g = await group();
    await act(g.anna, { type: "assignRole", participantId: g.dan.id, role: "scribe" });
    await moveTo(g, "presentation");
    await g.chloe.view.findByLabelText(/Votre manchette/);
    await moveTo(g, "clarification");
    await g.chloe.view.findByRole("button", { name: "Écrire la manchette" });
    await effectsRun();
    expect(document.activeElement).toBe(document.body);
  });
});

describe("the action plan", () => {
  it("lines an action's fields up in one grid and labels the new action's fields alike", async () => {
    const g = await group();
    await moveTo(g, "synthesis");
    await act(g.chloe, { type: "addAction", text: "Parler à Léa", dueDate: null, resources: "Ma RH" });
    await g.chloe.view.findByText("Parler à Léa");
    const labels = [...g.chloe.container.querySelectorAll(".action-fields > label > span")];
    expect(labels.map((l) => l.textContent)).toEqual(["Ressources", "Échéance", "Statut"]);
    // The form's due date is a label like its others (bold, above its field), not an inline one.
    expect(g.chloe.container.querySelector(".draft-form .inline-field")).toBeNull();
  });
});

describe("the animator's controls", () => {
  it("offers one way to end in the last step", async () => {
    const g = await group();
    await moveTo(g, "evaluation");
    expect(g.anna.view.getByRole("button", { name: "Terminer" })).toBeTruthy();
    expect(g.anna.view.queryByRole("button", { name: "Clore la consultation" })).toBeNull();
  });
});

describe("a troika's consultation", () => {
  it("gives each role one guidance, the client's without the method's words to speak up", async () => {
    const g = await group();
    await act(g.anna, { type: "setFormat", format: "troika" });
    await moveTo(g, "consultation");
    const client = g.chloe.container.querySelectorAll(".banner .guidance");
    expect(client).toHaveLength(1);
    expect(client[0]?.textContent).toMatch(/^Troïka\s: tournez le dos/);
    expect(g.chloe.view.queryByText(/réorienter/)).toBeNull();
    expect(g.ben.container.querySelectorAll(".banner .guidance")).toHaveLength(1);
    expect(g.anna.view.getByText(/Troïka : consultez vous aussi/)).toBeTruthy();
  });
});

describe("a closed consultation's summary", () => {
  it("says plainly what was not done, without 'yet'", async () => {
    const g = await group();
    await moveTo(g, "clarification");
    await act(g.anna, { type: "close" });
    await g.ben.view.findByRole("heading", { level: 1, name: "Synthèse de la consultation" });
    expect(g.ben.view.getByText("Aucune demande formulée.")).toBeTruthy();
    expect(g.ben.view.getByText("Aucun apprentissage partagé.")).toBeTruthy();
    expect(g.ben.container.querySelector(".summary")?.textContent).not.toMatch(/pas encore|pour l'instant/);
    // Closed at step 2: the summary says so, and where.
    expect(g.ben.view.getByText(/Close avant son terme/).textContent).toBe(
      "Close avant son terme · Étape 2 sur 6 · Clarification",
    );
  });

  it("does not call a consultation that ran its course closed early", async () => {
    const g = await group();
    await moveTo(g, "closed");
    await g.ben.view.findByRole("heading", { level: 1, name: "Synthèse de la consultation" });
    expect(g.ben.view.queryByText(/Close avant son terme/)).toBeNull();
  });
});

describe("a note pad writer's name tag", () => {
  it("shows again when the writer goes to another line, not at every character", async () => {
    const host = document.createElement("div");
    const textarea = document.createElement("textarea");
    textarea.value = "Première ligne\nSeconde";
    host.appendChild(textarea);
    document.body.appendChild(host);
    const writer = (index: number, line: number): Writer => ({ clientId: 7, name: "Ben", colour: 1, index, line });
    const { container, rerender } = render(<CaretOverlay textarea={textarea} writers={[writer(3, 1)]} />);
    const tag = await waitFor(() => {
      const found = container.querySelector(".notepad-caret-name");
      if (!found) throw new Error("no tag yet");
      return found;
    });
    rerender(<CaretOverlay textarea={textarea} writers={[writer(4, 1)]} />);
    await waitFor(() => expect(container.querySelector(".notepad-caret-name")).toBe(tag));
    rerender(<CaretOverlay textarea={textarea} writers={[writer(17, 2)]} />);
    await waitFor(() => expect(container.querySelector(".notepad-caret-name")).not.toBe(tag));
    host.remove();
  });
});
