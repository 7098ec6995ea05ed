// What a user trial found: focus kept on the control in use or moved to the new view's heading, the follow-up form
// following others' reports, a designated client in the choice, and the animator's own situation.
import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { refusal } from "../../app/model/useCommand.ts";
import { act, atFollowUp, group, moveTo } from "./support/consultation.ts";
import type { Panel } from "./support/participants.tsx";
import "./support/setup.ts";

function asSelect(el: HTMLElement): HTMLSelectElement {
  if (!(el instanceof HTMLSelectElement)) throw new Error("not a select");
  return el;
}

describe("focus", () => {
  it("goes to the new phase's heading when the animator's button is gone with the phase", async () => {
    const g = await group();
    const start = g.anna.view.getByRole("button", { name: "Commencer" });
    start.focus();
    fireEvent.click(start);
    const heading = await g.anna.view.findByRole("heading", { level: 1, name: "Retour" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const next = g.anna.view.getByRole("button", { name: "Étape suivante" });
    next.focus();
    fireEvent.click(next);
    const choice = await g.anna.view.findByRole("heading", { level: 1, name: "Choix de la situation" });
    await waitFor(() => expect(document.activeElement).toBe(choice));
  });

  it("stays on the step's next button from one step to the next", async () => {
    const g = await group();
    await moveTo(g, "presentation");
    const next = g.anna.view.getByRole("button", { name: "Étape suivante" });
    next.focus();
    fireEvent.click(next);
    await g.anna.view.findByRole("heading", { level: 1, name: "Clarification" });
    expect(document.activeElement).toBe(next);
    expect(next.hasAttribute("disabled")).toBe(false);
  });

  it("goes back to a draft form's field once its button is disabled by the sent text", async () => {
    const g = await group();
    await moveTo(g, "clarification");
    const field = g.ben.view.getByLabelText("Votre question");
    fireEvent.input(field, { target: { value: "Depuis quand ?" } });
    const ask = g.ben.view.getByRole("button", { name: "Poser" });
    ask.focus();
    fireEvent.click(ask);
    await g.dan.view.findByText("Depuis quand ?");
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it("keeps the lobby's order under the animator while roles change", async () => {
    const g = await group();
    const names = () => [...g.anna.container.querySelectorAll(".person-name")].map((n) => n.firstChild?.textContent);
    expect(names()).toEqual(["Anna", "Chloé", "Ben", "Dan"]);
    const select = asSelect(g.anna.view.getByRole("combobox", { name: "Rôle de Dan" }));
    select.focus();
    fireEvent.change(select, { target: { value: "client" } });
    await waitFor(() => expect(g.room.state.consultation.clientId).toBe(g.dan.id));
    await waitFor(() => expect(g.anna.store.state?.consultation.clientId).toBe(g.dan.id));
    expect(names()).toEqual(["Anna", "Chloé", "Ben", "Dan"]);
    expect(document.activeElement).toBe(select);
    expect(select.disabled).toBe(false);
    // Everyone else still sees the roles in order: the client first after the animator.
    await waitFor(() =>
      expect([...g.ben.container.querySelectorAll(".person-name")].map((n) => n.firstChild?.textContent)).toEqual([
        "Anna",
        "Dan",
        "Chloé",
        "Ben",
      ]),
    );
  });
});

describe("the follow-up form", () => {
  const followUp = () => atFollowUp();
  const status = (p: Panel) => asSelect(p.view.getByRole("combobox", { name: "Statut\u00a0: Confier le budget" }));
  const note = (p: Panel) =>
    p.view.getByRole<HTMLTextAreaElement>("textbox", {
      name: "Ce qui a été essayé et ce qui en est sorti\u00a0: Confier le budget",
    });
  const record = (p: Panel) =>
    fireEvent.click(p.view.getByRole("button", { name: "Enregistrer\u00a0: Confier le budget" }));

  it("follows a report recorded by someone else while untouched, and records it unchanged", async () => {
    const g = await followUp();
    fireEvent.change(status(g.ben), { target: { value: "done" } });
    fireEvent.input(note(g.ben), { target: { value: "Fait en octobre" } });
    record(g.ben);
    await g.anna.view.findByText(/Retour enregistré : Fait/);
    expect(status(g.anna).value).toBe("done");
    expect(note(g.anna).value).toBe("Fait en octobre");
    record(g.anna);
    await waitFor(() => expect(g.room.state.consultation.followUp.reports).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(g.room.state.consultation.followUp.reports[0]).toMatchObject({ status: "done", note: "Fait en octobre" });
  });

  it("never replaces a newer report with values written before it, unless asked again", async () => {
    const g = await followUp();
    fireEvent.input(note(g.anna), { target: { value: "Vu avec Ben" } });
    await act(g.ben, {
      type: "reportFollowUp",
      consultationId: "old",
      actionId: "a1",
      status: "inProgress",
      note: "À moitié",
    });
    await g.anna.view.findByText(/Retour enregistré : En cours/);
    expect(note(g.anna).value).toBe("Vu avec Ben");
    record(g.anna);
    await g.anna.view.findByText(/Un retour plus récent vient d'être enregistré/);
    await new Promise((r) => setTimeout(r, 50));
    expect(g.room.state.consultation.followUp.reports[0]).toMatchObject({ status: "inProgress", note: "À moitié" });
    record(g.anna);
    await waitFor(() => expect(g.room.state.consultation.followUp.reports[0]?.note).toBe("Vu avec Ben"));
  });
});

describe("the choice", () => {
  it("says a client designated in the lobby will present at the Exposé, not that a situation was chosen", async () => {
    const g = await group();
    await act(g.anna, { type: "assignRole", participantId: g.dan.id, role: "client" });
    await moveTo(g, "choice");
    for (const p of [g.anna, g.ben]) {
      await p.view.findByText("Client désigné à l'avance : Dan, qui présentera sa situation à l'Exposé.");
      expect(p.view.queryByText(/Situation choisie/)).toBeNull();
    }
    expect(g.anna.view.getByRole<HTMLButtonElement>("button", { name: "Commencer la consultation" }).disabled).toBe(
      false,
    );
  });

  it("does not offer the animator their own situation, and says why", async () => {
    const g = await group();
    await moveTo(g, "followUp");
    await act(g.anna, { type: "advance" });
    await act(g.anna, { type: "proposeSituation", title: "Ma situation", stakes: "" });
    const choose = await g.anna.view.findByRole<HTMLButtonElement>("button", { name: "Choisir\u00a0: Ma situation" });
    expect(choose.disabled).toBe(true);
    const hint = document.getElementById(choose.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("Pour être le client, confiez d'abord l'animation à quelqu'un d'autre.");
  });

  it("shows the room's refusal with its specific reason beside the control", async () => {
    const g = await group();
    await moveTo(g, "followUp");
    await act(g.anna, { type: "advance" });
    await act(g.chloe, { type: "proposeSituation", title: "Équipe en tension", stakes: "" });
    g.room.refuseNext = "conflict";
    g.room.refuseNextMessage = "Reworded in English for the logs.";
    g.room.refuseNextReason = "animatorClient";
    fireEvent.click(await g.anna.view.findByRole("button", { name: "Choisir\u00a0: Équipe en tension" }));
    await g.anna.view.findByText(
      "L'animateur ne peut pas être le client : confiez d'abord l'animation à quelqu'un d'autre.",
    );
    expect(g.anna.view.queryByText("C'est déjà fait, ou pas encore possible.")).toBeNull();
  });

  it("shows a refusal's specific reason when the panel knows it, else its code's words", () => {
    const message = "Any wording";
    expect(refusal({ ok: false, code: "conflict", message, reason: "animatorClient" })).toBe("why_animatorClient");
    expect(refusal({ ok: false, code: "conflict", message, reason: "staleReport" })).toBe("staleReport");
    expect(refusal({ ok: false, code: "conflict", message, reason: "aReasonAddedLater" })).toBe("err_conflict");
    expect(refusal({ ok: false, code: "conflict", message: "Hand the animator role over first." })).toBe(
      "err_conflict",
    );
    expect(refusal({ ok: false, code: "forbidden" })).toBe("err_forbidden");
  });
});
