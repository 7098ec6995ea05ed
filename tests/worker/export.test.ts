// A member's data export: exactly their own records across the group's meetings, nobody else's.
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { closeAll, runConsultation } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, createGroup, meeting, people, read } from "./helpers/memory.ts";
import type { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

const Export = v.object({
  userId: v.string(),
  memberships: v.array(v.object({ groupId: v.string(), groupName: v.string(), displayName: v.string() })),
  participations: v.array(v.object({ consultationId: v.string(), name: v.string(), role: v.string() })),
  situationsProposed: v.array(v.object({ title: v.string(), chosen: v.boolean() })),
  votes: v.array(v.object({ consultationId: v.string() })),
  questions: v.array(v.object({ text: v.string() })),
  ideas: v.array(v.object({ text: v.string() })),
  learnings: v.array(v.object({ text: v.string() })),
  consultationsAsClient: v.array(
    v.object({
      consultationId: v.string(),
      request: v.nullable(v.string()),
      actions: v.array(v.object({ text: v.string(), status: v.string(), note: v.nullable(v.string()) })),
    }),
  ),
});

describe("my data", () => {
  it("contains exactly the member's own data", async () => {
    const [ana, bea, cal, dom] = people("Ana", "Bea", "Cal", "Dom");
    if (!ana || !bea || !cal || !dom) throw new Error("cast");
    // Meeting 1: Bea is the client.
    const m1 = await meeting(ana, bea, [cal, dom]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Entraide");
    const c1 = await runConsultation(m1);
    await closeAll(m1.all);
    // Meeting 2: Bea reports on her plan and is the first consultant (a question, an idea); Cal is the client.
    const m2 = await meeting(ana, cal, [bea, dom]);
    open.push(...m2.all);
    await eventually(() => expect(m2.animator.state?.consultation.followUp.plans).toHaveLength(1));
    await runConsultation(m2, "followUp");
    const beaIn2 = m2.consultants[0];
    const action = c1.consultation.actions[0];
    if (!beaIn2 || !action) throw new Error("setup");
    await beaIn2.must({
      type: "reportFollowUp",
      consultationId: c1.consultation.id,
      actionId: action.id,
      status: "done",
      note: "Bea's own report.",
    });
    const c2 = await runConsultation(m2);
    await eventually(async () => {
      const mine = read(await api(beaIn2.session, "GET", "/api/me/export"), Export);
      expect(mine.participations).toHaveLength(2);
      expect(mine.consultationsAsClient[0]?.actions[0]?.note).toBe("Bea's own report.");
    });

    const answer = await api(beaIn2.session, "GET", "/api/me/export");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="codev-my-data-.*\.json"$/);
    const mine = read(answer, Export);
    expect(mine.userId).toBe(bea.id);
    expect(mine.memberships).toEqual([{ groupId, groupName: "Entraide", displayName: "Bea" }]);
    expect(mine.participations.map((p) => [p.consultationId, p.name, p.role]).sort()).toEqual(
      [
        [c1.consultation.id, "Bea", "client"],
        [c2.consultation.id, "Bea", "consultant"],
      ].sort(),
    );
    expect(mine.situationsProposed).toEqual([{ title: "Leading a team through a merger", chosen: true }]);
    expect(mine.votes.map((x) => x.consultationId)).toEqual([c2.consultation.id]);
    expect(mine.questions.map((q) => q.text)).toEqual(["What did you already try?"]);
    expect(mine.ideas.map((i) => i.text)).toEqual(["Hold one-to-ones with each key person."]);
    expect(mine.learnings.map((l) => l.text)).toEqual(["Bea learned to listen.", "Bea learned to listen."]);
    expect(mine.consultationsAsClient.map((c) => [c.consultationId, c.request])).toEqual([
      [c1.consultation.id, c1.consultation.request?.text ?? null],
    ]);
    expect(mine.consultationsAsClient[0]?.actions.map((a) => [a.text, a.status])).toEqual([
      ["Meet each key person by Friday", "done"],
      ["Draft a buddy plan", "inProgress"],
    ]);

    // Nothing about anyone else: no other member's id, name or words.
    const text = answer.text;
    for (const other of [ana, cal, dom]) {
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(`"${other.name}`);
      expect(text).not.toContain(`${other.name} learned`);
    }
    expect(text).not.toContain("Who decides in the end?");
    expect(text).not.toContain("Name a buddy for every newcomer.");
    // The reformulation Bea adopted is her request in meeting 1; Cal's own request text never is.
    expect(text.match(/"request":/g)).toHaveLength(1);

    // Someone who never took part gets an empty export, not an error.
    const [zoe] = people("Zoe");
    if (!zoe) throw new Error("cast");
    const lone = await meeting(zoe, ana, [dom]);
    open.push(...lone.all);
    const empty = read(await api(lone.animator.session, "GET", "/api/me/export"), Export);
    expect(empty).toMatchObject({ memberships: [], participations: [], ideas: [], consultationsAsClient: [] });
  });
});
