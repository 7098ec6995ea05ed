// The group memory in the panel: the meeting's group in the lobby, attaching and creating, history, report, my data.
import { fireEvent, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLang } from "../../app/i18n/i18n.ts";
import { memEn } from "../../app/memory/i18n/en.ts";
import { memFr } from "../../app/memory/i18n/fr.ts";
import { group } from "./support/consultation.ts";
import { emptyReport, fakeServer } from "./support/memoryServer.ts";
import "./support/setup.ts";

const GROUP = { id: "g1", name: "Les pairs", mission: "Grandir ensemble", charter: "Confidentialité d'abord." };
const GROUP_VIEW = { ...GROUP, retentionMonths: 12, createdAt: 1, createdByMe: false };
const action = (id: string, status: string, note: string | null = null) => ({
  id,
  text: `Action ${id}`,
  dueDate: null,
  status,
  note,
  reportedAt: null,
});
const item = (id: string, client: string, clientUserId: string) => ({
  id,
  meetingId: "m",
  number: 1,
  status: "closed",
  startedAt: Date.UTC(2026, 10, 3),
  closedAt: Date.UTC(2026, 10, 3),
  clientName: client,
  clientUserId,
  request: `Demande de ${client}`,
  actions: [action(`${id}-1`, "done", "Fait et bien fait."), action(`${id}-2`, "inProgress")],
  followUp: { open: 0, inProgress: 1, done: 1, dropped: 0 },
});

let downloads: string[] = [];
beforeEach(() => {
  downloads = [];
  vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:memory");
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the meeting's group in the lobby", () => {
  it("shows everyone the group as soon as the room has one, with its mission and charter", async () => {
    const g = await group();
    await g.chloe.view.findByText("Cette réunion n'est rattachée à aucun groupe.");
    g.room.system({ type: "setGroup", group: GROUP });
    await g.chloe.view.findByText("Les pairs");
    expect(g.chloe.view.getByText("Grandir ensemble")).toBeTruthy();
    expect(g.chloe.view.getByText("Contrat du groupe")).toBeTruthy();
    expect(g.chloe.view.queryByRole("button", { name: "Détacher la réunion" })).toBeNull();
    expect(await g.anna.view.findByRole("button", { name: "Détacher la réunion" })).toBeTruthy();
  });

  it("lets the animator create the group, sending its settings with the session token", async () => {
    const calls = fakeServer({
      "POST /api/groups": () => ({ status: 201, body: { group: GROUP_VIEW } }),
    });
    const g = await group();
    fireEvent.click(await g.anna.view.findByRole("button", { name: "Créer un groupe" }));
    fireEvent.input(g.anna.view.getByLabelText("Nom du groupe"), { target: { value: "  Les pairs " } });
    fireEvent.input(g.anna.view.getByLabelText("Mission"), { target: { value: "Grandir ensemble" } });
    fireEvent.change(g.anna.view.getByLabelText("Conservation de l'historique"), { target: { value: "12" } });
    fireEvent.click(g.anna.view.getByRole("button", { name: "Créer et rattacher" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: "POST",
      path: "/api/groups",
      body: { name: "Les pairs", mission: "Grandir ensemble", charter: null, retentionMonths: 12 },
      auth: `Bearer ${g.anna.id}`,
    });
    await waitFor(() => expect(g.anna.view.queryByLabelText("Nom du groupe")).toBeNull());
  });

  it("lets the animator attach one of their groups", async () => {
    const calls = fakeServer({
      "GET /api/groups": { groups: [{ id: "g1", name: "Les pairs", memberCount: 5, createdByMe: true }] },
      "PUT /api/meeting/group": { group: GROUP_VIEW },
    });
    const g = await group();
    fireEvent.click(await g.anna.view.findByRole("button", { name: "Vos groupes" }));
    fireEvent.change(await g.anna.view.findByLabelText("Vos groupes"), { target: { value: "g1" } });
    fireEvent.click(g.anna.view.getByRole("button", { name: "Rattacher" }));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ method: "PUT", body: { groupId: "g1" } }));
  });

  it("tells the animator when they have no group to attach, and offers to create one", async () => {
    fakeServer({ "GET /api/groups": { groups: [] } });
    const g = await group();
    fireEvent.click(await g.anna.view.findByRole("button", { name: "Vos groupes" }));
    expect(await g.anna.view.findByText("Vous n'êtes membre d'aucun groupe pour l'instant.")).toBeTruthy();
    expect(g.anna.view.getByRole("button", { name: "Créer un groupe" })).toBeTruthy();
  });

  it("shows a refusal in words", async () => {
    fakeServer({
      "GET /api/groups": () => ({ status: 403, body: { error: "forbidden", message: "no" } }),
    });
    const g = await group();
    fireEvent.click(await g.anna.view.findByRole("button", { name: "Vos groupes" }));
    expect((await g.anna.view.findByRole("alert")).textContent).toBe("Vous n'avez pas accès à cette action.");
  });
});

describe("the memory dialog", () => {
  it("lists the history a page at a time and opens a report to download, print or delete", async () => {
    const g = await group();
    const calls = fakeServer({
      "GET /api/groups": { groups: [{ id: "g1", name: "Les pairs", memberCount: 4, createdByMe: false }] },
      "GET /api/groups/g1/history?limit=10": { items: [item("c2", "Chloé", g.chloe.id)], next: "5.c2" },
      "GET /api/groups/g1/history?limit=10&cursor=5.c2": {
        items: [{ ...item("c1", "Ben", g.ben.id), status: "consultation" }],
        next: null,
      },
      "GET /api/groups/g1/consultations/c2": {
        consultation: {
          id: "c2",
          status: "closed",
          startedAt: Date.UTC(2026, 10, 3),
          format: "classic",
          clientName: "Chloé",
          clientUserId: g.chloe.id,
          situation: { title: "Équipe en tension", stakes: "Garder deux experts" },
          headline: { text: "Deux experts s'ignorent", question: "Comment renouer ?" },
          request: "Repartir avec trois pistes",
          markedIdeas: [{ text: "Des entretiens individuels", authorName: "Ben" }],
          otherIdeas: [{ text: "Un parrainage", authorName: "Dan" }],
          actions: [action("a1", "done", "Trois entretiens tenus.")],
          learnings: [{ text: "Écouter d'abord", authorName: "Anna" }],
          notes: "Ligne 1\nLigne 2",
        },
      },
      "GET /api/groups/g1/consultations/c2/report.md?lang=fr": "# Rapport",
      "DELETE /api/groups/g1/consultations/c2": { deleted: true },
    });
    const opener = await g.chloe.view.findByRole("button", { name: "Mémoire du groupe" });
    fireEvent.click(opener);
    const dialog = within(await g.chloe.view.findByRole("dialog", { name: "Mémoire du groupe" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Mémoire du groupe"));
    await dialog.findByText("Demande de Chloé");
    expect(dialog.getByText("Suivi : 1 faite, 1 en cours")).toBeTruthy();
    fireEvent.click(dialog.getByRole("button", { name: "Afficher plus" }));
    await dialog.findByText("Demande de Ben");
    // Only the consultation that was never closed says so.
    expect(dialog.getAllByText("Non terminée")).toHaveLength(1);
    expect(dialog.getByRole("heading", { name: /Ben Non terminée$/ })).toBeTruthy();
    expect(dialog.queryByRole("button", { name: "Afficher plus" })).toBeNull();

    fireEvent.click(dialog.getByRole("button", { name: /Chloé$/ }));
    await dialog.findByText("Repartir avec trois pistes");
    expect(dialog.queryByText("Non terminée")).toBeNull();
    for (const text of [
      "Des entretiens individuels",
      "Un parrainage",
      "Écouter d'abord",
      "Retour : Trois entretiens tenus.",
      "Deux experts s'ignorent",
      "Question : Comment renouer ?",
    ]) {
      expect(dialog.getByText(text)).toBeTruthy();
    }
    fireEvent.click(dialog.getByRole("button", { name: "Télécharger (Markdown)" }));
    await waitFor(() => expect(downloads).toEqual(["report-2026-11-03.md"]));
    const print = vi.fn();
    vi.stubGlobal("print", print);
    fireEvent.click(dialog.getByRole("button", { name: "Imprimer / PDF" }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent.click(dialog.getByRole("button", { name: "Supprimer cette consultation" }));
    fireEvent.click(dialog.getByRole("button", { name: "Confirmer" }));
    await dialog.findByText("Consultation supprimée.");
    expect(calls.at(-1)).toMatchObject({ method: "DELETE", path: "/api/groups/g1/consultations/c2" });

    fireEvent.keyDown(dialog.getByRole("heading", { level: 1 }), { key: "Escape" });
    await waitFor(() => expect(g.chloe.view.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("marks a consultation closed early, in the list and in its report, with where it stood", async () => {
    const g = await group();
    fakeServer({
      "GET /api/groups": { groups: [{ id: "g1", name: "Les pairs", memberCount: 4, createdByMe: false }] },
      "GET /api/groups/g1/history?limit=10": {
        items: [{ ...item("c2", "Chloé", g.chloe.id), closedFrom: "contract" }, item("c1", "Ben", g.ben.id)],
        next: null,
      },
      "GET /api/groups/g1/consultations/c2": emptyReport({
        id: "c2",
        closedFrom: "contract",
        clientUserId: g.chloe.id,
      }),
    });
    fireEvent.click(await g.ben.view.findByRole("button", { name: "Mémoire du groupe" }));
    const dialog = within(await g.ben.view.findByRole("dialog"));
    await dialog.findByText("Demande de Ben");
    // Only Chloé's was closed early; Ben's (stored before it was kept) says nothing.
    expect(dialog.getAllByText("Close avant son terme")).toHaveLength(1);
    expect(dialog.getByRole("heading", { name: /Chloé Close avant son terme$/ })).toBeTruthy();
    fireEvent.click(dialog.getByRole("button", { name: /Chloé$/ }));
    const badge = await dialog.findByText(/Close avant son terme ·/);
    expect(badge.textContent).toBe("Close avant son terme · Étape 3 sur 6 · Contrat");
  });

  it("offers deletion only to the consultation's client, and downloads my data", async () => {
    const g = await group();
    fakeServer({
      "GET /api/groups": { groups: [{ id: "g1", name: "Les pairs", memberCount: 4, createdByMe: false }] },
      "GET /api/groups/g1/history?limit=10": { items: [item("c2", "Chloé", g.chloe.id)], next: null },
      "GET /api/groups/g1/consultations/c2": emptyReport({
        id: "c2",
        status: "synthesis",
        clientUserId: g.chloe.id,
      }),
      "GET /api/me/export": { userId: g.ben.id },
    });
    fireEvent.click(await g.ben.view.findByRole("button", { name: "Mémoire du groupe" }));
    const dialog = within(await g.ben.view.findByRole("dialog"));
    fireEvent.click(await dialog.findByRole("button", { name: /Chloé$/ }));
    await dialog.findByRole("button", { name: "Imprimer / PDF" });
    expect(dialog.getByText("Non terminée")).toBeTruthy();
    expect(dialog.queryByRole("button", { name: "Supprimer cette consultation" })).toBeNull();
    expect(dialog.queryByRole("heading", { name: "Manchette" })).toBeNull();
    fireEvent.click(dialog.getByRole("button", { name: "Mes données" }));
    fireEvent.click(dialog.getByRole("button", { name: "Télécharger mes données (JSON)" }));
    await waitFor(() => expect(downloads).toEqual(["report-2026-11-03.md"]));
  });
});

describe("the memory's strings", () => {
  it("has an English string for every French one, and follows the panel's language", async () => {
    expect(Object.keys(memEn).sort()).toEqual(Object.keys(memFr).sort());
    for (const [k, text] of Object.entries(memEn)) expect(text, k).not.toBe("");
    fakeServer({ "GET /api/groups": { groups: [] } });
    const g = await group();
    await setLang("en");
    await g.chloe.view.findByText("This meeting belongs to no group.");
    fireEvent.click(g.anna.view.getByRole("button", { name: "Group memory" }));
    expect(await g.anna.view.findByRole("dialog", { name: "Group memory" })).toBeTruthy();
    expect(g.anna.view.getByRole("button", { name: "My data" })).toBeTruthy();
    expect(await g.anna.view.findByText("You are not a member of any group yet.")).toBeTruthy();
  });
});
