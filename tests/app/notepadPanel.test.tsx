// The note pad in the panel: loaded in the steps, shared between participants, policy, refusals, size, presence, offline.
import { act as actDom, fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { NOTEPAD_LIMITS, NOTEPAD_TEXT } from "../../protocol/notepad.ts";
import { act, type Group, moveTo } from "./support/consultation.ts";
import { FakeRoom } from "./support/FakeRoom.ts";
import { closeNotepadPanels, NotepadRelay, openNotepadPanel } from "./support/notepadRelay.tsx";
import type { Panel } from "./support/participants.tsx";
import "./support/setup.ts";

afterEach(() => closeNotepadPanels());

type PadGroup = Group & { relay: NotepadRelay };

async function padGroup(): Promise<PadGroup> {
  const room = new FakeRoom();
  const relay = new NotepadRelay(room);
  const anna = openNotepadPanel(room, relay, "Anna");
  await waitFor(() => expect(room.state.participants).toHaveLength(1));
  const chloe = openNotepadPanel(room, relay, "Chloé");
  const ben = openNotepadPanel(room, relay, "Ben");
  const dan = openNotepadPanel(room, relay, "Dan");
  await waitFor(() => expect(room.state.participants).toHaveLength(4));
  for (const p of [anna, chloe, ben, dan]) await waitFor(() => expect(p.store.state?.participants).toHaveLength(4));
  return { room, relay, anna, chloe, ben, dan };
}

async function pad(p: Panel): Promise<HTMLTextAreaElement> {
  const found = await p.view.findByRole("textbox", { name: "Bloc-notes" }, { timeout: 3000 });
  if (!(found instanceof HTMLTextAreaElement)) throw new Error("the note pad is not a textarea");
  return found;
}

/** Types at the end of the pad, as a browser would: focus, new value, caret, input event. */
async function typeAtEnd(textarea: HTMLTextAreaElement, text: string): Promise<void> {
  await actDom(() => {
    textarea.focus();
    const value = textarea.value + text;
    textarea.value = value;
    textarea.setSelectionRange(value.length, value.length);
    fireEvent.input(textarea);
  });
}

describe("the note pad in the panel", () => {
  it("loads in the step, and what each participant types reaches everyone", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const [ben, dan, chloe] = await Promise.all([pad(g.ben), pad(g.dan), pad(g.chloe)]);
    await typeAtEnd(ben, "Ben: a question of trust. ");
    await typeAtEnd(dan, "Dan: who decides?");
    await waitFor(
      () => {
        for (const t of [ben, dan, chloe]) {
          expect(t.value).toContain("Ben: a question of trust.");
          expect(t.value).toContain("Dan: who decides?");
        }
      },
      { timeout: 3000 },
    );
    expect(g.relay.doc().getText(NOTEPAD_TEXT).toString()).toBe(chloe.value);
    expect(g.ben.view.getByText(/Tout le monde voit ce que vous écrivez/)).toBeTruthy();
  });

  it("is read-only with an explanation when the animator keeps it to the client and the scribe, from the pad itself", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const switcher = await g.anna.view.findByLabelText("Qui écrit");
    fireEvent.change(switcher, { target: { value: "clientAndScribe" } });
    await waitFor(() => expect(g.room.state.consultation.notepadPolicy).toBe("clientAndScribe"));
    const ben = await pad(g.ben);
    await waitFor(() => expect(ben.readOnly).toBe(true));
    expect(g.ben.view.getByText(/Seuls le client et le secrétaire écrivent ici/)).toBeTruthy();
    expect(g.ben.view.queryByLabelText("Qui écrit")).toBeNull();
    const chloe = await pad(g.chloe);
    expect(chloe.readOnly).toBe(false);
    await typeAtEnd(chloe, "What I keep.");
    await waitFor(() => expect(ben.value).toBe("What I keep."));
  });

  it("shows the room's refusal and puts back the text the room holds", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const ben = await pad(g.ben);
    await typeAtEnd(ben, "Kept. ");
    await waitFor(() => expect(g.relay.doc().getText(NOTEPAD_TEXT).toString()).toBe("Kept. "));
    g.relay.refuseNext = "limit_reached";
    await typeAtEnd(ben, "Too much.");
    const alert = await g.ben.view.findByRole("alert", {}, { timeout: 3000 });
    expect(alert.textContent).toMatch(/Le bloc-notes est plein/);
    await waitFor(() => expect(ben.value).toBe("Kept. "), { timeout: 3000 });
    await typeAtEnd(ben, "Again.");
    await waitFor(() => expect(g.ben.view.queryByRole("alert")).toBeNull());
  });

  it("shows its size near the limit", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const dan = await pad(g.dan);
    expect(dan.maxLength).toBe(NOTEPAD_LIMITS.chars);
    expect(g.dan.view.queryByText(/caractères sur/)).toBeNull();
    await typeAtEnd(dan, "x".repeat(NOTEPAD_LIMITS.chars * 0.9));
    const size = await g.dan.view.findByText(/caractères sur/);
    expect(size.id).toBe("notepad-size");
    expect(dan.getAttribute("aria-describedby")).toContain("notepad-size");
  });

  it("names the other writers and the line they are on", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const ben = await pad(g.ben);
    await pad(g.dan);
    await typeAtEnd(ben, "first line\nsecond");
    await waitFor(() => expect(g.dan.view.getByText("Ben, ligne 2")).toBeTruthy(), { timeout: 3000 });
  });

  it("keeps a closed consultation's notes in the summary, then starts the next consultation empty", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    await typeAtEnd(await pad(g.chloe), "Notes of the first consultation");
    await waitFor(() => expect(g.relay.doc().getText(NOTEPAD_TEXT).length).toBeGreaterThan(0));
    await moveTo(g, "closed");
    const summary = await pad(g.ben);
    await waitFor(() => expect(summary.value).toBe("Notes of the first consultation"));
    expect(summary.readOnly).toBe(true);
    expect(g.ben.view.getByText(/La consultation est close/)).toBeTruthy();

    await act(g.anna, { type: "startNextConsultation" });
    await moveTo(g, "presentation");
    const next = await pad(g.ben);
    await waitFor(() => expect(next.value).toBe(""));
    await typeAtEnd(next, "Second");
    await waitFor(() => expect(g.relay.doc().getText(NOTEPAD_TEXT).toString()).toBe("Second"));
  });

  it("keeps edits made offline and merges them on reconnect", async () => {
    const g = await padGroup();
    await moveTo(g, "presentation");
    const ben = await pad(g.ben);
    const dan = await pad(g.dan);
    g.relay.drop(g.ben.id);
    await waitFor(() => expect(g.ben.store.status).not.toBe("open"));
    await typeAtEnd(ben, "Typed offline.");
    await typeAtEnd(dan, "Typed online. ");
    await waitFor(() => expect(g.ben.view.getByText(/Hors ligne/)).toBeTruthy());
    await waitFor(
      () => {
        expect(ben.value).toContain("Typed online.");
        expect(dan.value).toContain("Typed offline.");
        expect(ben.value).toBe(dan.value);
      },
      { timeout: 5000 },
    );
  });
});
