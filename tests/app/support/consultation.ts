// Sets up a four-person consultation on a FakeRoom and moves it to a given phase through the participants' own stores.
import { waitFor } from "@testing-library/preact";
import type { Command } from "../../../protocol/commands.ts";
import { PHASES, type Phase, type PreviousPlan } from "../../../protocol/model.ts";
import { FakeRoom } from "./FakeRoom.ts";
import { openPanel, type Panel } from "./participants.tsx";

export interface Group {
  room: FakeRoom;
  anna: Panel;
  chloe: Panel;
  ben: Panel;
  dan: Panel;
}

/** Anna animates, Chloé will be the client, Ben and Dan consult. */
export async function group(room = new FakeRoom()): Promise<Group> {
  const anna = openPanel(room, "Anna");
  await waitFor(() => expect1(room.state.participants.length === 1));
  const chloe = openPanel(room, "Chloé");
  const ben = openPanel(room, "Ben");
  const dan = openPanel(room, "Dan");
  await waitFor(() => expect1(room.state.participants.length === 4));
  for (const p of [anna, chloe, ben, dan]) await waitFor(() => expect1(p.store.state?.participants.length === 4));
  return { room, anna, chloe, ben, dan };
}

/** Sends a command as this participant and waits until the room applied it. */
export async function act(p: Panel, command: Command): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    p.store.send(command, (o) => (o.ok ? resolve() : reject(new Error(`${command.type} refused: ${o.code}`)))),
  );
}

/** Moves the group to this phase: through the follow-up and choice (Chloé's situation is chosen), then the steps. */
export async function moveTo(g: Group, phase: Phase): Promise<void> {
  const target = PHASES.indexOf(phase);
  while (PHASES.indexOf(g.room.state.consultation.phase) < target) {
    const c = g.room.state.consultation;
    if (c.phase === "choice" && c.clientId === null) {
      await act(g.chloe, { type: "proposeSituation", title: "Équipe en tension", stakes: "Garder deux experts" });
      const id = g.room.state.consultation.situations[0]?.id ?? "";
      await act(g.anna, { type: "chooseSituation", situationId: id });
      continue;
    }
    await act(g.anna, { type: "advance" });
  }
  for (const p of [g.anna, g.chloe, g.ben, g.dan]) {
    await waitFor(() => expect1(p.store.state?.consultation.phase === phase));
  }
}

function expect1(ok: boolean): void {
  if (!ok) throw new Error("not yet");
}

/** The group in the follow-up, with Ben's previous plan of one action ("Confier le budget") to report on. */
export async function atFollowUp(action: Partial<PreviousPlan["actions"][number]> = {}): Promise<Group> {
  const g = await group();
  g.room.system({
    type: "loadFollowUp",
    plans: [
      {
        consultationId: "old",
        clientName: "Ben",
        clientUserId: g.ben.id,
        request: "Mieux déléguer",
        actions: [{ id: "a1", text: "Confier le budget", resources: "", dueDate: null, status: "open", ...action }],
      },
    ],
  });
  await moveTo(g, "followUp");
  return g;
}
