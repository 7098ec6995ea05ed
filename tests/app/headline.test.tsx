// The client's headline and question: written at the presentation, shown to all in every step and the summary, editable later.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { act, group, moveTo } from "./support/consultation.ts";
import "./support/setup.ts";

describe("the headline", () => {
  it("is written by the client at the presentation and seen by everyone, in every step and the summary", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    expect(g.ben.view.getByText("Le client n'a pas encore écrit sa manchette.")).toBeTruthy();
    expect(g.ben.view.queryByLabelText(/Votre manchette/)).toBeNull();
    expect(g.anna.view.queryByLabelText(/Votre manchette/)).toBeNull();
    g.chloe.view.getByLabelText(/Votre manchette/).focus();
    fireEvent.input(g.chloe.view.getByLabelText(/Votre manchette/), { target: { value: "Deux experts partent" } });
    fireEvent.input(g.chloe.view.getByLabelText("Question au groupe"), {
      target: { value: "Comment les garder ?" },
    });
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Enregistrer la manchette" }));
    for (const p of [g.anna, g.ben, g.dan, g.chloe]) {
      await p.view.findByText("Deux experts partent");
      expect(p.view.getByText("Question : Comment les garder ?")).toBeTruthy();
    }
    expect(g.room.state.consultation.headline).toMatchObject({
      text: "Deux experts partent",
      question: "Comment les garder ?",
    });
    await waitFor(() => expect(g.chloe.view.queryByLabelText(/Votre manchette/)).toBeNull());
    // The form is gone: the keyboard focus lands on the button that opens it again.
    await waitFor(() =>
      expect(document.activeElement).toBe(g.chloe.view.getByRole("button", { name: "Modifier la manchette" })),
    );
    for (const step of ["clarification", "consultation", "evaluation", "closed"] as const) {
      await moveTo(g, step);
      for (const p of [g.anna, g.ben]) {
        expect(p.view.getByRole("heading", { name: "Manchette" })).toBeTruthy();
        expect(p.view.getByText("Deux experts partent")).toBeTruthy();
      }
    }
    expect(g.chloe.view.queryByRole("button", { name: "Modifier la manchette" })).toBeNull();
  });

  it("can be edited later by the client or the scribe, starting from the current text", async () => {
    const g = await group();
    await act(g.anna, { type: "assignRole", participantId: g.dan.id, role: "scribe" });
    await moveTo(g, "presentation");
    await act(g.chloe, { type: "setHeadline", text: "Première version", question: "Que faire ?" });
    await moveTo(g, "contract");
    expect(g.ben.view.queryByRole("button", { name: "Modifier la manchette" })).toBeNull();
    expect(g.chloe.view.getByRole("button", { name: "Modifier la manchette" })).toBeTruthy();
    fireEvent.click(await g.dan.view.findByRole("button", { name: "Modifier la manchette" }));
    // The scribe writes for the client: the form speaks of the client's headline, not of theirs.
    const field = g.dan.view.getByLabelText<HTMLInputElement>("Manchette du client (en une phrase)");
    expect(field.value).toBe("Première version");
    expect(g.dan.view.getByLabelText<HTMLTextAreaElement>("Question au groupe").value).toBe("Que faire ?");
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.input(field, { target: { value: "Seconde version" } });
    fireEvent.click(g.dan.view.getByRole("button", { name: "Enregistrer la manchette" }));
    await g.ben.view.findByText("Seconde version");
    expect(g.room.state.consultation.headline).toMatchObject({ text: "Seconde version", question: "Que faire ?" });
    await waitFor(() => expect(g.dan.view.queryByLabelText(/Manchette du client/)).toBeNull());
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Modifier la manchette" }));
    fireEvent.click(g.chloe.view.getByRole("button", { name: "Annuler" }));
    expect(g.chloe.view.queryByLabelText(/Votre manchette/)).toBeNull();
  });
});
