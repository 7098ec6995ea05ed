// What a user trial found in the group memory's views: focus in the lobby's group panel, no dead end without a group,
// attaching from the memory dialog after a consultation, the printed report's head, French typography and plurals.
import { fireEvent, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLang } from "../../app/i18n/i18n.ts";
import { group, moveTo } from "./support/consultation.ts";
import { emptyReport, fakeServer, routesCalled } from "./support/memoryServer.ts";
import type { Panel } from "./support/participants.tsx";
import "./support/setup.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

const GROUP = { id: "g1", name: "Les pairs", mission: null, charter: null };
const GROUP_VIEW = { ...GROUP, retentionMonths: null, createdAt: 1, createdByMe: true };
const MINE = { groups: [{ id: "g1", name: "Les pairs", memberCount: 4, createdByMe: true }] };

/** Presses a button as the keyboard does: focused first, then activated. */
async function press(p: Panel, name: string): Promise<HTMLElement> {
  const button = await p.view.findByRole("button", { name });
  button.focus();
  fireEvent.click(button);
  return button;
}

const focused = () => document.activeElement;

describe("focus in the lobby's group panel", () => {
  it("goes into the create form, back to its opener on cancel, and stays on the panel once created", async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    fakeServer({ "POST /api/groups": () => answered.then(() => ({ status: 201, body: { group: GROUP_VIEW } })) });
    const g = await group();
    await press(g.anna, "Créer un groupe");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByLabelText("Nom du groupe")));
    await press(g.anna, "Annuler");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByRole("button", { name: "Créer un groupe" })));

    await press(g.anna, "Créer un groupe");
    fireEvent.input(g.anna.view.getByLabelText("Nom du groupe"), { target: { value: "Les pairs" } });
    const submit = await press(g.anna, "Créer et rattacher");
    // In flight, the button stays enabled so it keeps the focus (a second press is ignored).
    await new Promise((r) => setTimeout(r, 50));
    expect(submit.hasAttribute("disabled")).toBe(false);
    answer();
    g.room.system({ type: "setGroup", group: GROUP });
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByRole("button", { name: "Changer de groupe" })));
    expect(g.anna.view.queryByRole("button", { name: "Créer un groupe" })).toBeNull();
  });

  it("goes to the list of groups, and back to its opener on cancel", async () => {
    fakeServer({ "GET /api/groups": MINE });
    const g = await group();
    await press(g.anna, "Vos groupes");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByLabelText("Vos groupes")));
    await press(g.anna, "Annuler");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByRole("button", { name: "Vos groupes" })));
  });
});

describe("someone with no group", () => {
  it("is told they have none, and can create one from there", async () => {
    const calls = fakeServer({
      "GET /api/groups": { groups: [] },
      "POST /api/groups": () => ({ status: 201, body: { group: GROUP_VIEW } }),
    });
    const g = await group();
    await press(g.anna, "Vos groupes");
    await g.anna.view.findByText("Vous n'êtes membre d'aucun groupe pour l'instant.");
    const create = g.anna.view.getByRole("button", { name: "Créer un groupe" });
    await waitFor(() => expect(focused()).toBe(create));
    await press(g.anna, "Créer un groupe");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByLabelText("Nom du groupe")));
    // Cancelling goes back to where it all started.
    await press(g.anna, "Annuler");
    await waitFor(() => expect(focused()).toBe(g.anna.view.getByRole("button", { name: "Vos groupes" })));
    expect(routesCalled(calls)).toEqual(["GET /api/groups"]);
  });

  it("is told of no other group when the meeting already has their only one", async () => {
    fakeServer({ "GET /api/groups": MINE });
    const g = await group();
    g.room.system({ type: "setGroup", group: GROUP });
    await press(g.anna, "Changer de groupe");
    expect(await g.anna.view.findByText("Vous n'avez pas d'autre groupe.")).toBeTruthy();
    expect(g.anna.view.getByRole("button", { name: "Créer un groupe" })).toBeTruthy();
  });
});

describe("the memory dialog after a consultation", () => {
  it("lets the animator create the meeting's group there, and only the animator", async () => {
    const calls = fakeServer({
      "GET /api/groups": { groups: [] },
      "POST /api/groups": () => ({ status: 201, body: { group: GROUP_VIEW } }),
    });
    const g = await group();
    await moveTo(g, "closed");
    await press(g.ben, "Mémoire du groupe");
    const seen = within(await g.ben.view.findByRole("dialog"));
    fireEvent.click(seen.getByRole("button", { name: "Groupe" }));
    await seen.findByText("Vous n'êtes membre d'aucun groupe pour l'instant.");
    expect(seen.queryByRole("button", { name: "Créer un groupe" })).toBeNull();

    await press(g.anna, "Mémoire du groupe");
    const dialog = within(await g.anna.view.findByRole("dialog"));
    fireEvent.click(dialog.getByRole("button", { name: "Groupe" }));
    await press(g.anna, "Créer un groupe");
    fireEvent.input(dialog.getByLabelText("Nom du groupe"), { target: { value: "Les pairs" } });
    await press(g.anna, "Créer et rattacher");
    await waitFor(() => expect(focused()).toBe(dialog.getByRole("heading", { level: 1 })));
    expect(routesCalled(calls).filter((c) => c === "POST /api/groups")).toHaveLength(1);
  });
});

const DETAIL = emptyReport({ startedAt: Date.UTC(2026, 10, 29), format: "express" });
const counts = (followUp: Record<string, number>) => ({
  items: [
    {
      id: "c1",
      status: "closed",
      startedAt: Date.UTC(2026, 10, 29),
      clientName: "Chloé",
      clientUserId: "someone",
      request: null,
      actions: [{ id: "a", text: "Appeler", dueDate: null, status: "done", note: null }],
      followUp,
    },
  ],
  next: null,
});

describe("the report and the history's words", () => {
  it("heads the report with the group, the format's name and the confidentiality notice", async () => {
    fakeServer({
      "GET /api/groups": MINE,
      "GET /api/groups/g1/history?limit=10": counts({ open: 0, inProgress: 0, done: 1, dropped: 0 }),
      "GET /api/groups/g1/consultations/c1": DETAIL,
    });
    const g = await group();
    await press(g.anna, "Mémoire du groupe");
    const dialog = within(await g.anna.view.findByRole("dialog"));
    fireEvent.click(await dialog.findByRole("button", { name: /Chloé$/ }));
    const report = within(await dialog.findByRole("article"));
    await report.findByText("Groupe : Les pairs", { exact: false });
    expect(report.getByText("Format : Express (~60 min)", { exact: false })).toBeTruthy();
    expect(report.getByText("Codev — Confidentiel : réservé aux membres du groupe.")).toBeTruthy();
  });

  it("counts the follow-up with French typography and plurals, leaving out zeros, in both languages", async () => {
    fakeServer({
      "GET /api/groups": MINE,
      "GET /api/groups/g1/history?limit=10": counts({ open: 1, inProgress: 0, done: 2, dropped: 1 }),
    });
    const g = await group();
    await press(g.anna, "Mémoire du groupe");
    const dialog = within(await g.anna.view.findByRole("dialog"));
    const line = await dialog.findByText(/^Suivi/);
    // Exactly as shown: a no-break space before the colon, "faites" agreeing with the actions.
    expect(line.textContent).toBe("Suivi\u00a0: 2 faites, 1 à faire, 1 abandonnée");
    await setLang("en");
    await waitFor(() => expect(line.textContent).toBe("Follow-up: 2 done, 1 to do, 1 dropped"));
  });
});
