// The six steps for every role: name and place, banner and guidance, who speaks, the timer, and each step's work.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { act, group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

describe("the steps", () => {
  it("in the presentation, the client speaks, consultants listen and the animator animates", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
      await p.view.findByRole("heading", { level: 1, name: "Exposé" });
      expect(p.view.getAllByText("Étape 1 sur 6").length).toBeGreaterThan(0);
      expect(p.view.getByRole("timer").textContent).toMatch(/^(10:00|9:5\d)$/);
      expect(p.view.getByText("Parle : Chloé")).toBeTruthy();
      expect(p.view.getByText("Équipe en tension")).toBeTruthy();
    }
    expect(g.chloe.view.getByRole("heading", { name: /À vous de parler/ })).toBeTruthy();
    expect(g.chloe.view.getByText(/Présentez votre situation sans être interrompu/)).toBeTruthy();
    expect(g.ben.view.getByRole("heading", { name: /Écoutez/ })).toBeTruthy();
    expect(g.dan.view.getByText("Écoute : Ben, Dan")).toBeTruthy();
    expect(g.anna.view.getByRole("heading", { name: /Vous animez/ })).toBeTruthy();
    expect(g.anna.view.getByRole("button", { name: "Étape suivante" })).toBeTruthy();
    expect(g.ben.view.queryByRole("button", { name: "Étape suivante" })).toBeNull();
  });

  it("lists only connected people as speaking or listening", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    expect(g.ben.view.getByText("Écoute : Ben, Dan")).toBeTruthy();
    g.dan.store.close();
    await g.ben.view.findByText("Écoute : Ben");
    g.chloe.store.close();
    await g.ben.view.findByText("Parle : personne");
    expect(g.anna.view.getByText("Anime : Anna")).toBeTruthy();
  });

  it("in a troika's consultation, the client is told to turn away and the others, the animator too, to consult", async () => {
    const g = await group();
    await moveTo(g, "lobby");
    await act(g.anna, { type: "setFormat", format: "troika" });
    await moveTo(g, "consultation");
    await g.chloe.view.findByText(/Troïka : tournez le dos au groupe \(caméra et micro coupés\)/);
    for (const p of [g.ben, g.dan])
      expect(p.view.getByText(/Troïka : avec l'animateur, parlez du défi du client/)).toBeTruthy();
    expect(g.anna.view.getByText(/Troïka : consultez vous aussi/)).toBeTruthy();
    expect(g.chloe.view.getByRole("timer").textContent).toMatch(/^(5:00|4:5\d)$/);
    // Who speaks says so too: the consultants and the animator, not the client.
    expect(g.chloe.view.getByText(/^Parle/).textContent).toBe("Parle\u00a0: Ben, Dan, Anna");
  });

  it("outside a troika, nobody is told to turn away", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) expect(p.view.queryByText(/Troïka :/)).toBeNull();
  });

  it("in the clarification, consultants' questions appear for everyone and the client cannot ask", async () => {
    const g = await group();
    await moveTo(g, "clarification");
    expect(g.ben.view.getByRole("heading", { name: /À vous de parler/ })).toBeTruthy();
    expect(g.chloe.view.getByRole("heading", { name: /À vous de parler/ })).toBeTruthy();
    expect(g.chloe.view.queryByLabelText("Votre question")).toBeNull();
    fireEvent.input(g.ben.view.getByLabelText("Votre question"), { target: { value: "Depuis quand ?" } });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Poser" }));
    for (const p of [g.anna, g.chloe, g.dan]) await p.view.findByText("Depuis quand ?");
    await waitFor(() => expect(g.ben.view.getByLabelText<HTMLTextAreaElement>("Votre question").value).toBe(""));
  });

  it("in the contract, the client writes the request and adopts a consultant's reformulation", async () => {
    const g = await group();
    await moveTo(g, "contract");
    expect(g.ben.view.queryByLabelText("J'aimerais repartir avec…")).toBeNull();
    fireEvent.input(g.chloe.view.getByLabelText("J'aimerais repartir avec…"), { target: { value: "Des pistes" } });
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Enregistrer la demande" }));
    await g.dan.view.findByText("Des pistes");
    fireEvent.input(g.ben.view.getByLabelText("Votre reformulation"), { target: { value: "Garder l'équipe unie" } });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Proposer" }));
    await g.chloe.view.findByText("Garder l'équipe unie");
    expect(g.dan.view.queryByRole("button", { name: /^Adopter/ })).toBeNull();
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Adopter\u00a0: Garder l'équipe unie" }));
    await g.dan.view.findByText("Reformulation adoptée");
    expect(g.room.state.consultation.request?.text).toBe("Garder l'équipe unie");
  });

  it("in the consultation, ideas appear live for all and the client marks those that resonate", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    expect(g.chloe.view.getByRole("heading", { name: /Écoutez/ })).toBeTruthy();
    expect(g.ben.view.getByRole("heading", { name: /À vous de parler/ })).toBeTruthy();
    expect(g.chloe.view.queryByLabelText("Votre idée")).toBeNull();
    fireEvent.input(g.ben.view.getByLabelText("Votre idée"), { target: { value: "Un binôme" } });
    fireEvent.click(g.ben.view.getByRole("button", { name: "Ajouter l'idée" }));
    fireEvent.input(g.dan.view.getByLabelText("Votre idée"), { target: { value: "Une rétro" } });
    fireEvent.click(g.dan.view.getByRole("button", { name: "Ajouter l'idée" }));
    for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
      await p.view.findByText("Un binôme");
      await p.view.findByText("Une rétro");
    }
    expect(g.ben.view.queryByRole("button", { name: /^Marquer/ })).toBeNull();
    expect(g.chloe.view.getAllByRole("button", { name: /^Marquer/ })).toHaveLength(2);
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Marquer\u00a0: Un binôme" }));
    await g.ben.view.findByText(/Retenue par le client/);
    // Once marked, the button undoes it, and says so.
    const unmark = await g.chloe.view.findByRole("button", { name: "Ne plus retenir\u00a0: Un binôme" });
    expect(unmark.textContent).toBe("Ne plus retenir");
    expect(g.room.state.consultation.ideas.filter((i) => i.marked).map((i) => i.text)).toEqual(["Un binôme"]);
  });

  it("in the synthesis, the client writes actions with due dates; others read them", async () => {
    const g = await group();
    await moveTo(g, "consultation");
    await act(g.ben, { type: "addIdea", text: "Un binôme" });
    const idea = g.room.state.consultation.ideas[0]?.id ?? "";
    await act(g.chloe, { type: "markIdea", ideaId: idea, marked: true });
    await moveTo(g, "synthesis");
    expect(g.chloe.view.getByText("Idées retenues")).toBeTruthy();
    expect(g.chloe.view.getByText("Un binôme")).toBeTruthy();
    expect(g.ben.view.queryByLabelText("Action")).toBeNull();
    fireEvent.input(g.chloe.view.getByLabelText("Action"), { target: { value: "Parler à Léa" } });
    fireEvent.input(g.chloe.view.getByLabelText("Ressources"), { target: { value: "Ma RH" } });
    fireEvent.input(g.chloe.view.getByLabelText("Échéance"), { target: { value: "2026-12-15" } });
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Ajouter l'action" }));
    await g.ben.view.findByText("Parler à Léa");
    expect(g.ben.view.getByText("Ressources : Ma RH")).toBeTruthy();
    expect(g.ben.view.getByText("Échéance : 15 déc. 2026")).toBeTruthy();
    expect(g.room.state.consultation.actions[0]).toMatchObject({ resources: "Ma RH", dueDate: "2026-12-15" });
    await waitFor(() =>
      expect(g.chloe.view.getByRole<HTMLInputElement>("textbox", { name: "Ressources" }).value).toBe(""),
    );
    fireEvent.change(g.chloe.view.getByRole("combobox", { name: "Statut\u00a0: Parler à Léa" }), {
      target: { value: "inProgress" },
    });
    await g.ben.view.findByText("En cours");
  });

  it("in the synthesis, the client edits an action's resources; typing is kept until the room has it", async () => {
    const g = await group();
    await moveTo(g, "synthesis");
    await act(g.chloe, { type: "addAction", text: "Parler à Léa", dueDate: null });
    const field = await g.chloe.view.findByRole<HTMLInputElement>("textbox", {
      name: "Ressources\u00a0: Parler à Léa",
    });
    expect(g.chloe.view.getByLabelText("Échéance : Parler à Léa")).toBeTruthy();
    fireEvent.input(field, { target: { value: "Le DRH" } });
    // Another change in the room re-renders the plan: the text being typed stays.
    await act(g.chloe, { type: "addAction", text: "Relire mes notes", dueDate: null });
    await g.chloe.view.findByText("Relire mes notes");
    expect(field.value).toBe("Le DRH");
    fireEvent.change(field, { target: { value: "Le DRH" } });
    await g.ben.view.findByText("Ressources : Le DRH");
    expect(g.room.state.consultation.actions[0]?.resources).toBe("Le DRH");
    expect(g.ben.view.getAllByText("Sans échéance")).toHaveLength(2);
  });

  it("in the evaluation, everyone shares learnings and sees the others'", async () => {
    const g = await group();
    await moveTo(g, "evaluation");
    const texts = ["Tenir le temps", "Écouter sans répondre", "Questions ouvertes", "Patience"];
    const people = [g.anna, g.chloe, g.ben, g.dan];
    for (const [i, p] of people.entries()) {
      const text = texts[i] ?? "";
      fireEvent.input(p.view.getByLabelText("Votre apprentissage"), { target: { value: text } });
      fireEvent.click(p.view.getByRole("button", { name: "Partager" }));
    }
    for (const p of people) {
      for (const text of texts) await p.view.findByText(text);
    }
  });
});
