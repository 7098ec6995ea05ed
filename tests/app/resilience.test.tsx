// Refusals show in words beside their control; a dropped link shows, keeps what was typed and sends it on return.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { group, moveTo } from "./support/consultation.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import "./support/setup.ts";

describe("feedback and reconnection", () => {
  it("shows a refusal beside the form and keeps the draft", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    g.room.refuseNext = "rate_limited";
    const field = g.ben.view.getByLabelText<HTMLTextAreaElement>("Votre idée");
    fireEvent.input(field, { target: { value: "Une idée refusée" } });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Ajouter l'idée" }));
    await g.ben.view.findByText("Trop d'envois d'un coup : réessayez dans un instant.");
    expect(field.value).toBe("Une idée refusée");
    expect(g.room.state.consultation.ideas).toHaveLength(0);
    fireEvent.click(g.ben.view.getByRole("button", { name: "Ajouter l'idée" }));
    await g.chloe.view.findByText("Une idée refusée");
    await waitFor(() => expect(g.ben.view.queryByRole("alert")).toBeNull());
  });

  it("translates a refusal of the animator's control", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    g.room.refuseNext = "wrong_phase";
    fireEvent.click(g.anna.view.getByRole("button", { name: "Étape suivante" }));
    await g.anna.view.findByText("Ce n'est pas possible à cette étape.");
  });

  it("shows the room's own errors, those no control sent, until the room acknowledges again", async () => {
    const g = await group();
    g.room.errorToAll("unsupported_protocol");
    await g.dan.view.findByText("Version de l'application dépassée : rechargez la page.");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Commencer" }));
    await waitFor(() => expect(g.anna.view.queryByText(/Version de l'application/)).toBeNull());
  });

  it("says it is reconnecting, keeps unsent text, and sends it once back", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    g.room.online = false;
    g.room.dropAll();
    await g.ben.view.findByText(/Reconnexion…/);
    const field = g.ben.view.getByLabelText<HTMLTextAreaElement>("Votre idée");
    fireEvent.input(field, { target: { value: "Écrite hors ligne" } });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Ajouter l'idée" }));
    await g.ben.view.findByText("Sera envoyé à la reconnexion.");
    await g.ben.view.findByText(/1 envoi en attente/);
    expect(field.value).toBe("Écrite hors ligne");
    g.room.online = true;
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) p.store.connection.reconnectNow();
    await g.chloe.view.findByText("Écrite hors ligne");
    await waitFor(() => expect(field.value).toBe(""));
    await waitFor(() => expect(g.ben.view.queryByText(/Reconnexion…/)).toBeNull());
    expect(g.room.state.consultation.ideas).toHaveLength(1);
  });

  it("signals gently when the step's time is up", async () => {
    let now = 1_000_000;
    const room = new FakeRoom("dev-time", () => now);
    const g = await group(room);
    await moveTo(g, "presentation");
    now += 10 * 60_000;
    room.system({ type: "timeUp" });
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
      await p.view.findByText("Temps dépassé");
      expect(p.view.getByText("Le temps de cette étape est écoulé.")).toBeTruthy();
      expect(p.view.getByRole("timer").textContent).toMatch(/^\+0:0\d$/);
    }
    // No dead "Démarrer" at time-up: the animator is told what can be done instead.
    expect(g.anna.view.queryByRole("button", { name: "Démarrer" })).toBeNull();
    expect(g.anna.view.getByText("Temps écoulé : ajoutez des minutes ou passez à la suite.")).toBeTruthy();
    fireEvent.click(g.anna.view.getByRole("button", { name: "+5 min" }));
    await g.ben.view.findByText("Temps restant");
  });
});
