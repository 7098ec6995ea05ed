// The animator's controls: moving on and back (with confirmation), the timer, closing, and the next consultation.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { act, group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

describe("animator controls", () => {
  it("moves from the lobby through follow-up and choice, and waits for a chosen situation", async () => {
    const g = await group();
    fireEvent.click(g.anna.view.getByRole("button", { name: "Commencer" }));
    await g.ben.view.findByRole("heading", { name: "Retour" });
    fireEvent.click(g.anna.view.getByRole("button", { name: "Étape suivante" }));
    await g.ben.view.findByRole("heading", { name: "Choix de la situation" });
    const start = g.anna.view.getByRole<HTMLButtonElement>("button", { name: "Commencer la consultation" });
    expect(start.disabled).toBe(true);
    expect(g.anna.view.getByText("Choisissez d'abord une situation.")).toBeTruthy();
  });

  it("goes back only after confirming", async () => {
    const g = await group();
    await moveTo(g, "clarification");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Revenir en arrière" }));
    expect(g.anna.view.getByRole("alertdialog").textContent).toContain("Le minuteur repart de zéro.");
    // The question takes the focus, so the keyboard answers it at once.
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Confirmer"));
    fireEvent.keyDown(g.anna.view.getByRole("button", { name: "Confirmer" }), { key: "Escape" });
    expect(g.anna.view.queryByRole("alertdialog")).toBeNull();
    expect(g.room.state.consultation.phase).toBe("clarification");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Revenir en arrière" }));
    fireEvent.click(g.anna.view.getByRole("button", { name: "Confirmer" }));
    await g.ben.view.findByRole("heading", { level: 1, name: "Exposé" });
  });

  it("mentions the timer when going back only from a step", async () => {
    const g = await group();
    await moveTo(g, "choice");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Revenir en arrière" }));
    const question = g.anna.view.getByRole("alertdialog");
    expect(question.textContent).toContain("Revenir à l'étape précédente\u00a0?");
    expect(question.textContent).not.toContain("minuteur");
  });

  it("pauses, restarts and extends the timer for everyone", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Pause" }));
    await g.ben.view.findByText("En pause");
    fireEvent.click(g.anna.view.getByRole("button", { name: "+5 min" }));
    await waitFor(() => expect(g.ben.view.getByRole("timer").textContent).toMatch(/^1[45]:\d\d$/));
    expect(g.anna.view.queryByRole("button", { name: "Démarrer" })).toBeNull();
    fireEvent.click(g.anna.view.getByRole("button", { name: "Reprendre" }));
    await g.ben.view.findByText("Temps restant");
  });

  it("closes the consultation after confirming, shows the summary, and starts the next one", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    await act(g.chloe, { type: "setRequest", text: "Des pistes concrètes" });
    await act(g.ben, { type: "addIdea", text: "Un binôme" });
    await act(g.dan, { type: "addIdea", text: "Idée non retenue" });
    await act(g.chloe, { type: "markIdea", ideaId: g.room.state.consultation.ideas[0]?.id ?? "", marked: true });
    await moveTo(g, "synthesis");
    await act(g.chloe, { type: "addAction", text: "Parler à Léa", dueDate: "2026-12-15" });
    await moveTo(g, "evaluation");
    await act(g.dan, { type: "addLearning", text: "Patience" });
    fireEvent.click(g.anna.view.getByRole("button", { name: "Terminer" }));
    fireEvent.click(g.anna.view.getByRole("button", { name: "Confirmer" }));
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
      await p.view.findByRole("heading", { level: 1, name: "Synthèse de la consultation" });
      expect(p.view.getByText("Des pistes concrètes")).toBeTruthy();
      expect(p.view.getByText("Un binôme")).toBeTruthy();
      expect(p.view.queryByText("Idée non retenue")).toBeNull();
      expect(p.view.getByText("Parler à Léa")).toBeTruthy();
      expect(p.view.getByText("Patience")).toBeTruthy();
    }
    expect(g.ben.view.queryByRole("button", { name: "Consultation suivante" })).toBeNull();
    fireEvent.click(g.anna.view.getByRole("button", { name: "Consultation suivante" }));
    fireEvent.click(g.anna.view.getByRole("button", { name: "Confirmer" }));
    await g.chloe.view.findByRole("heading", { name: "Choix de la situation" });
    expect(g.chloe.view.getByText(/Consultation n° 2/)).toBeTruthy();
  });

  it("closes early from any step with the close control", async () => {
    const g = await group();
    await moveTo(g, "contract");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Clore la consultation" }));
    fireEvent.click(g.anna.view.getByRole("button", { name: "Confirmer" }));
    await g.dan.view.findByRole("heading", { level: 1, name: "Synthèse de la consultation" });
  });
});
