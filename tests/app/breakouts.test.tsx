// A meeting's main room shows where each breakout room stands, as the room reports it, for the trainer overseeing them.
import { waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../../app/i18n/i18n.ts";
import type { BreakoutRoom, BreakoutStatus } from "../../protocol/breakouts.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import { closePanels, openPanel } from "./support/participants.tsx";
import "./support/setup.ts";

afterEach(async () => {
  closePanels();
  await setLang("fr");
});

const NOW = 1_800_000_000_000;

function status(overrides: Partial<BreakoutStatus>): BreakoutStatus {
  return {
    consultation: 1,
    phase: "lobby",
    closedFrom: null,
    timer: { status: "idle", endsAt: null, remainingMs: 0 },
    animator: null,
    client: null,
    online: 0,
    ideas: 0,
    ...overrides,
  };
}

const ROOMS: BreakoutRoom[] = [
  {
    number: 1,
    updatedAt: NOW,
    status: status({
      phase: "contract",
      timer: { status: "running", endsAt: NOW + 4 * 60_000, remainingMs: 0 },
      animator: "Anna",
      client: "Chloé",
      online: 5,
    }),
  },
  {
    number: 2,
    updatedAt: NOW,
    status: status({
      phase: "consultation",
      timer: { status: "expired", endsAt: NOW - 65_000, remainingMs: 0 },
      animator: "Ben",
      client: "Dan",
      online: 4,
      ideas: 1,
    }),
  },
  {
    number: 3,
    updatedAt: NOW,
    status: status({ consultation: 2, phase: "closed", closedFrom: "evaluation", animator: "Eva", online: 0 }),
  },
  {
    number: 5,
    updatedAt: NOW,
    status: status({ phase: "closed", closedFrom: "contract", animator: "Fred", online: 3 }),
  },
  {
    number: 4,
    updatedAt: NOW,
    status: status({ phase: "clarification", timer: { status: "expired", endsAt: NOW - 1000, remainingMs: 0 } }),
  },
];

/** The list item a room's name heads. */
function item(name: HTMLElement): HTMLElement {
  const li = name.closest("li");
  if (!li) throw new Error("not in a list item");
  return li;
}

async function trainerWithOverview() {
  const room = new FakeRoom("dev-main", () => NOW);
  const trainer = openPanel(room, "Tom", { host: true });
  await waitFor(() => expect(trainer.store.state?.participants).toHaveLength(1));
  return { room, trainer };
}

describe("the overview of breakout rooms", () => {
  it("shows nothing until a breakout room reports, then where each one stands", async () => {
    const { room, trainer } = await trainerWithOverview();
    expect(trainer.view.queryByRole("heading", { name: /^Sous-groupes/ })).toBeNull();
    room.broadcast({ type: "breakouts", rooms: ROOMS });
    const heading = await trainer.view.findByRole("heading", { name: /^Sous-groupes/ });
    // One group still at work ran over its step: the heading counts it, and a screen reader is told which.
    expect(heading.textContent).toBe("Sous-groupes 1 hors du temps");
    const live = heading.closest("section")?.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe("Sous-groupe 2\u00a0: temps dépassé.");

    const first = within(item(trainer.view.getByText("Sous-groupe 1")));
    expect(first.getByText("5 en ligne")).toBeTruthy();
    const where1 = first.getByText(/Étape 3 sur 6/);
    expect(where1.textContent).toMatch(/Étape 3 sur 6 · Contrat/);
    expect(where1.querySelector('[lang="fr"]')?.textContent).toBe("Contrat");
    expect(where1.textContent).toMatch(/reste [34]:\d\d/);
    expect(first.getByText("Animation : Anna · Client : Chloé")).toBeTruthy();

    const second = within(item(trainer.view.getByText("Sous-groupe 2")));
    expect(second.getByText(/Étape 4 sur 6/).textContent).toMatch(/dépassé de 1:0\d/);
    expect(second.getByText("Animation : Ben · Client : Dan · 1 idée")).toBeTruthy();

    const third = within(item(trainer.view.getByText("Sous-groupe 3")));
    expect(third.getByText("Personne pour l'instant")).toBeTruthy();
    expect(third.getByText("Consultation n° 2 · Consultation terminée")).toBeTruthy();
    const fifth = within(item(trainer.view.getByText("Sous-groupe 5")));
    expect(fifth.getByText(/Close avant son terme/).textContent).toBe(
      "Close avant son terme · Étape 3 sur 6 · Contrat",
    );
    // An empty room's clock does not count on.
    const fourth = within(item(trainer.view.getByText("Sous-groupe 4")));
    expect(fourth.getByText(/Étape 2 sur 6/).textContent).not.toMatch(/dépassé/);
  });

  it("follows each new report, and speaks English on choice", async () => {
    const { room, trainer } = await trainerWithOverview();
    room.broadcast({ type: "breakouts", rooms: ROOMS.slice(0, 1) });
    await trainer.view.findByText("Sous-groupe 1");
    const moved = status({ phase: "synthesis", animator: "Anna", client: "Chloé", online: 5 });
    room.broadcast({ type: "breakouts", rooms: [{ number: 1, updatedAt: NOW, status: moved }] });
    await waitFor(() => expect(trainer.view.getByText(/Étape 5 sur 6/)).toBeTruthy());
    await setLang("en");
    const english = within(item(await trainer.view.findByText("Breakout room 1")));
    expect(english.getByText("5 online")).toBeTruthy();
    expect(english.getByText(/Step 5 of 6/).textContent).toMatch(
      /Synthèse et plan d'action \(Synthesis and action plan\)/,
    );
    expect(english.getByText("Animator: Anna · Client: Chloé")).toBeTruthy();
  });

  it("forgets the rooms the main room no longer lists once it says hello again", async () => {
    const { room, trainer } = await trainerWithOverview();
    room.broadcast({ type: "breakouts", rooms: ROOMS });
    await trainer.view.findByRole("heading", { name: /^Sous-groupes/ });
    // A reconnect: the room's welcome comes with no overview (every breakout room left it).
    room.dropAll();
    await waitFor(() => expect(trainer.store.status).toBe("open"));
    await waitFor(() => expect(trainer.view.queryByRole("heading", { name: /^Sous-groupes/ })).toBeNull());
  });
});
