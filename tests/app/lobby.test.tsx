// The lobby for every role: presence, roles, charter, format; the animator's set-up controls.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { group, moveTo } from "./support/consultation.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import { openPanel } from "./support/participants.tsx";
import "./support/setup.ts";

describe("lobby", () => {
  it("shows everyone present with their role, and the group charter", async () => {
    const room = new FakeRoom();
    const anna = openPanel(room, "Anna");
    await anna.view.findByText("Accueil");
    const ben = openPanel(room, "Ben");
    await ben.view.findByText("Ben");
    await anna.view.findByText("Ben");
    expect(anna.view.getByText("Animateur")).toBeTruthy();
    expect(ben.view.getAllByText("Consultant").length).toBeGreaterThan(0);
    expect(ben.view.getByText("Confidentialité : ce qui se dit ici reste ici.")).toBeTruthy();
    await waitFor(() => expect(anna.view.getAllByText("(en ligne)").length).toBe(2));
  });

  it("lets the animator name a scribe, and the scribe sees it", async () => {
    const room = new FakeRoom();
    const anna = openPanel(room, "Anna");
    await anna.view.findByText("Accueil");
    const ben = openPanel(room, "Ben");
    await anna.view.findByText("Ben");
    fireEvent.change(anna.view.getByLabelText("Rôle de Ben"), { target: { value: "scribe" } });
    await waitFor(() => expect(ben.view.getAllByText("Secrétaire").length).toBeGreaterThan(0));
    expect(room.state.consultation.scribeId).toBe(ben.id);
  });

  it("gives a consultant no set-up controls, only the format to read", async () => {
    const room = new FakeRoom();
    const anna = openPanel(room, "Anna");
    await anna.view.findByText("Accueil");
    const ben = openPanel(room, "Ben");
    await ben.view.findByText("L'animateur lance la séance quand le groupe est prêt.");
    expect(ben.view.queryByLabelText("Rôle d'Anna")).toBeNull();
    expect(ben.view.queryByRole("button", { name: "Commencer" })).toBeNull();
    expect(ben.view.getByText("Format : Classique (~90 min)")).toBeTruthy();
  });

  it("lets the animator pick a format and adjust a step's minutes", async () => {
    const room = new FakeRoom();
    const anna = openPanel(room, "Anna");
    await anna.view.findByText("Accueil");
    const ben = openPanel(room, "Ben");
    fireEvent.change(anna.view.getByLabelText("Format"), { target: { value: "flash" } });
    await ben.view.findByText("Format : Flash (~30-45 min)");
    fireEvent.change(anna.view.getByLabelText("Minutes pour Exposé"), { target: { value: "7" } });
    await waitFor(() => expect(room.state.consultation.durations.presentation).toBe(7));
    await ben.view.findByText("Format : Sur mesure");
  });

  it("hands the animator role over only after confirmation", async () => {
    const room = new FakeRoom();
    const anna = openPanel(room, "Anna");
    await anna.view.findByText("Accueil");
    const ben = openPanel(room, "Ben");
    await anna.view.findByText("Ben");
    fireEvent.click(anna.view.getByRole("button", { name: "Confier l'animation à Ben" }));
    expect(room.state.participants.find((p) => p.id === ben.id)?.role).toBe("consultant");
    fireEvent.click(anna.view.getByRole("button", { name: "Annuler" }));
    fireEvent.click(anna.view.getByRole("button", { name: "Confier l'animation à Ben" }));
    fireEvent.click(anna.view.getByRole("button", { name: "Confirmer" }));
    await ben.view.findByRole("button", { name: "Commencer" });
    expect(room.state.participants.find((p) => p.id === ben.id)?.role).toBe("animator");
    // The new animator is told, politely; the former one is not.
    expect((await ben.view.findByText("Vous animez maintenant la séance.")).closest("[role=status]")).toBeTruthy();
    expect(anna.view.queryByText("Vous animez maintenant la séance.")).toBeNull();
    fireEvent.click(ben.view.getByRole("button", { name: "Commencer" }));
    await ben.view.findByRole("heading", { level: 1, name: "Retour" });
    expect(ben.view.queryByText("Vous animez maintenant la séance.")).toBeNull();
  });

  it("tells the successor they animate now when the animator leaves", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    expect(g.anna.view.queryByText("Vous animez maintenant la séance.")).toBeNull();
    g.room.system({ type: "leave", participantId: g.anna.id, successorId: g.ben.id });
    await g.ben.view.findByText("Vous animez maintenant la séance.");
    expect(g.dan.view.queryByText("Vous animez maintenant la séance.")).toBeNull();
  });
});
