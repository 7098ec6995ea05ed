// The phases before the steps: the follow-up of the previous plan, and the choice of the situation.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { act, atFollowUp, group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

describe("follow-up", () => {
  it("shows the previous plan to all; its client records what came of an action", async () => {
    const g = await atFollowUp({ resources: "Mon N+1", dueDate: "2026-10-01" });
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
      await p.view.findByText("Confier le budget");
      expect(p.view.getByText("Demande : Mieux déléguer")).toBeTruthy();
      expect(p.view.getByText("Ressources : Mon N+1")).toBeTruthy();
    }
    expect(g.dan.view.queryByLabelText("Ce qui a été essayé et ce qui en est sorti")).toBeNull();
    fireEvent.change(g.ben.view.getByLabelText("Statut : Confier le budget"), { target: { value: "done" } });
    fireEvent.input(g.ben.view.getByLabelText("Ce qui a été essayé et ce qui en est sorti : Confier le budget"), {
      target: { value: "Fait en octobre" },
    });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Enregistrer\u00a0: Confier le budget" }));
    await g.dan.view.findByText(/Retour enregistré : Fait/);
    expect(g.dan.view.getByText(/Fait en octobre/)).toBeTruthy();
  });

  it("says so when the group has no previous plan", async () => {
    const g = await group();
    await moveTo(g, "followUp");
    await g.ben.view.findByText("Aucun plan d'action précédent pour ce groupe.");
  });
});

describe("choice of the situation", () => {
  it("members propose and vote; the animator chooses and the proposer becomes the client", async () => {
    const g = await group();
    await moveTo(g, "choice");
    fireEvent.input(g.chloe.view.getByLabelText("Titre de la situation"), { target: { value: "Équipe en tension" } });
    fireEvent.input(g.chloe.view.getByLabelText("Ce qui est en jeu, ce que vous attendez du groupe"), {
      target: { value: "Garder deux experts" },
    });
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Proposer" }));
    await g.ben.view.findByText("Équipe en tension");
    expect(g.ben.view.getByText("Proposée par Chloé")).toBeTruthy();
    expect(g.ben.view.queryByRole("button", { name: /^Choisir/ })).toBeNull();
    // The choice's headings go down one level at a time: the phase, the list, each situation.
    expect(g.ben.view.getByRole("heading", { level: 2, name: "Situations proposées" })).toBeTruthy();
    expect(g.ben.view.getByRole("heading", { level: 3, name: "Équipe en tension" })).toBeTruthy();
    fireEvent.click(g.ben.view.getByRole("button", { name: "Voter\u00a0: Équipe en tension" }));
    await g.anna.view.findByText("1 vote");
    await g.ben.view.findByRole("button", { name: "Retirer mon vote\u00a0: Équipe en tension" });
    expect(g.ben.view.queryByText("Choisie")).toBeNull();
    fireEvent.click(g.anna.view.getByRole("button", { name: "Choisir\u00a0: Équipe en tension" }));
    await g.dan.view.findByText("Situation choisie : le client est Chloé.");
    // The chosen situation says so in words, not only with its border's colour.
    expect(g.dan.view.getByText("Choisie")).toBeTruthy();
    await waitFor(() => expect(g.room.state.participants.find((p) => p.id === g.chloe.id)?.role).toBe("client"));
    const start = g.anna.view.getByRole<HTMLButtonElement>("button", { name: "Commencer la consultation" });
    expect(start.disabled).toBe(false);
  });

  it("lets a proposer withdraw a situation not chosen", async () => {
    const g = await group();
    await moveTo(g, "choice");
    await act(g.dan, { type: "proposeSituation", title: "Un projet", stakes: "" });
    await g.dan.view.findByText("Un projet");
    expect(g.ben.view.queryByRole("button", { name: /^Retirer\u00a0:/ })).toBeNull();
    expect(g.ben.view.getByRole("button", { name: "Voter\u00a0: Un projet" })).toBeTruthy();
    fireEvent.click(g.dan.view.getByRole("button", { name: "Retirer\u00a0: Un projet" }));
    await g.ben.view.findByText("Aucune situation proposée pour l'instant.");
  });
});
