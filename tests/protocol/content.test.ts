import { describe, expect, it } from "vitest";
import { cleanText, LIMITS } from "../../protocol/index.ts";
import { CAST, roomAt } from "./driver.ts";

describe("choosing the situation", () => {
  it("gives everyone one vote, moved when they vote elsewhere", () => {
    const d = roomAt("choice");
    d.must(CAST.consultant, { type: "proposeSituation", title: "Second", stakes: "" });
    const [a, b] = d.state.consultation.situations;
    if (!a || !b) throw new Error("two situations expected");
    d.must(CAST.scribe, { type: "vote", situationId: a.id });
    d.must(CAST.scribe, { type: "vote", situationId: b.id });
    const votes = d.state.consultation.situations.map((s) => s.votes);
    expect(votes).toEqual([[], [CAST.scribe]]);
    d.must(CAST.scribe, { type: "unvote", situationId: b.id });
    expect(d.run(CAST.scribe, { type: "unvote", situationId: b.id }).ok).toBe(false);
  });

  it("makes the chosen situation's proposer the client", () => {
    const d = roomAt("choice");
    d.must(CAST.scribe, { type: "proposeSituation", title: "Mine", stakes: "" });
    const mine = d.state.consultation.situations.at(-1);
    d.must(CAST.animator, { type: "chooseSituation", situationId: mine?.id ?? "" });
    expect(d.state.consultation.clientId).toBe(CAST.scribe);
    expect(d.state.consultation.scribeId).toBeNull();
    expect(d.state.participants.find((p) => p.id === CAST.client)?.role).toBe("consultant");
  });

  it("refuses to choose the animator's own situation", () => {
    const d = roomAt("choice");
    d.must(CAST.animator, { type: "proposeSituation", title: "Animator's", stakes: "" });
    const own = d.state.consultation.situations.at(-1);
    expect(d.run(CAST.animator, { type: "chooseSituation", situationId: own?.id ?? "" }).ok).toBe(false);
  });

  it("lets only the proposer (or the animator) withdraw a situation, and never the chosen one", () => {
    const d = roomAt("choice");
    d.must(CAST.consultant, { type: "proposeSituation", title: "Withdrawn", stakes: "" });
    const s = d.state.consultation.situations.at(-1);
    expect(d.run(CAST.scribe, { type: "withdrawSituation", situationId: s?.id ?? "" }).ok).toBe(false);
    expect(d.run(CAST.consultant, { type: "withdrawSituation", situationId: s?.id ?? "" }).ok).toBe(true);
    const chosen = d.state.consultation.chosenSituationId ?? "";
    expect(d.run(CAST.animator, { type: "withdrawSituation", situationId: chosen }).ok).toBe(false);
  });
});

describe("the steps' content", () => {
  it("records questions with their author and time", () => {
    const d = roomAt("clarification");
    d.must(CAST.consultant, { type: "askQuestion", text: "What did you try?" });
    expect(d.state.consultation.questions).toEqual([
      { id: expect.any(String), authorId: CAST.consultant, text: "What did you try?", at: d.now },
    ]);
  });

  it("lets the client adopt a consultant's reformulation as the request, and revise it later", () => {
    const d = roomAt("contract");
    d.must(CAST.client, { type: "setRequest", text: "I would like to leave with ideas." });
    d.must(CAST.consultant, { type: "suggestReformulation", text: "You want three concrete options." });
    const r = d.state.consultation.reformulations[0];
    d.must(CAST.client, { type: "adoptReformulation", reformulationId: r?.id ?? "" });
    expect(d.state.consultation.request).toMatchObject({
      text: "You want three concrete options.",
      adoptedFrom: r?.id,
    });
    d.must(CAST.animator, { type: "advance" });
    d.must(CAST.client, { type: "setRequest", text: "Revised during consultation." });
    expect(d.state.consultation.request).toMatchObject({ text: "Revised during consultation.", adoptedFrom: null });
  });

  it("lets the client mark and unmark ideas, and refuses marking twice", () => {
    const d = roomAt("consultation");
    d.must(CAST.consultant, { type: "addIdea", text: "Try this." });
    const idea = d.state.consultation.ideas[0];
    d.must(CAST.client, { type: "markIdea", ideaId: idea?.id ?? "", marked: true });
    expect(d.state.consultation.ideas[0]?.marked).toBe(true);
    expect(d.run(CAST.client, { type: "markIdea", ideaId: idea?.id ?? "", marked: true }).ok).toBe(false);
    d.must(CAST.client, { type: "markIdea", ideaId: idea?.id ?? "", marked: false });
  });

  it("keeps the client's action plan with resources, due dates and statuses", () => {
    const d = roomAt("synthesis");
    d.must(CAST.client, { type: "addAction", text: "Meet the team", dueDate: "2026-12-04", resources: "HR" });
    const a = d.state.consultation.actions[0];
    d.must(CAST.client, {
      type: "updateAction",
      actionId: a?.id ?? "",
      text: "Meet the whole team",
      dueDate: null,
      status: "done",
      resources: "HR and my manager",
    });
    expect(d.state.consultation.actions).toEqual([
      {
        id: a?.id,
        text: "Meet the whole team",
        resources: "HR and my manager",
        dueDate: null,
        status: "done",
        at: a?.at,
      },
    ]);
    // A client that does not send resources (an older panel) leaves them as they are.
    d.must(CAST.client, { type: "updateAction", actionId: a?.id ?? "", text: "Meet", dueDate: null, status: "open" });
    expect(d.state.consultation.actions[0]?.resources).toBe("HR and my manager");
  });

  it("keeps the client's headline and question from the presentation on, and refuses one without a headline", () => {
    const d = roomAt("presentation");
    expect(d.run(CAST.consultant, { type: "setHeadline", text: "Mine", question: "" }).ok).toBe(false);
    expect(d.run(CAST.client, { type: "setHeadline", text: "  ", question: "Why?" }).ok).toBe(false);
    d.must(CAST.client, { type: "setHeadline", text: "A team torn by a merger", question: "How do I keep them?" });
    expect(d.state.consultation.headline).toMatchObject({
      text: "A team torn by a merger",
      question: "How do I keep them?",
    });
    // The scribe may write it on the client's behalf, and it stays editable in later steps.
    d.must(CAST.animator, { type: "advance" });
    d.must(CAST.scribe, { type: "setHeadline", text: "A team torn apart", question: "How do I keep them?" });
    expect(d.state.consultation.headline?.text).toBe("A team torn apart");
  });

  it("refuses empty texts and more items than the limits allow", () => {
    const d = roomAt("consultation");
    expect(d.run(CAST.consultant, { type: "addIdea", text: " \n\u0007\u202A\t " }).ok).toBe(false);
    for (let i = 0; i < LIMITS.ideas; i++) d.must(CAST.consultant, { type: "addIdea", text: `Idea ${i}` });
    expect(d.run(CAST.consultant, { type: "addIdea", text: "One more" })).toMatchObject({
      ok: false,
      rejection: { code: "limit_reached" },
    });
  });

  it("lets everyone, the client included, add learnings in the last step", () => {
    const d = roomAt("evaluation");
    for (const id of Object.values(CAST)) d.must(id, { type: "addLearning", text: `${id} learned` });
    expect(d.state.consultation.learnings.map((l) => l.authorId)).toEqual(Object.values(CAST));
  });
});

describe("the follow-up of the previous plan", () => {
  const plans = [
    {
      consultationId: "prev",
      clientName: "Pat",
      clientUserId: CAST.consultant,
      request: "Keep the team",
      actions: [{ id: "a1", text: "Talk", resources: "", dueDate: null, status: "open" as const }],
    },
  ];

  it("lets that plan's client or the animator report, and keeps only the latest report per action", () => {
    const d = roomAt("lobby");
    d.system({ type: "loadFollowUp", plans });
    expect(
      d.run(CAST.scribe, { type: "reportFollowUp", consultationId: "prev", actionId: "a1", status: "done", note: "" })
        .ok,
    ).toBe(false);
    d.must(CAST.consultant, {
      type: "reportFollowUp",
      consultationId: "prev",
      actionId: "a1",
      status: "inProgress",
      note: "Half",
    });
    d.must(CAST.animator, {
      type: "reportFollowUp",
      consultationId: "prev",
      actionId: "a1",
      status: "done",
      note: "All",
    });
    expect(d.state.consultation.followUp.reports).toMatchObject([{ actionId: "a1", status: "done", note: "All" }]);
  });

  it("refuses a report based on an older one than the room holds, so nobody replaces a newer report unknowingly", () => {
    const d = roomAt("lobby");
    d.system({ type: "loadFollowUp", plans });
    const base = { type: "reportFollowUp", consultationId: "prev", actionId: "a1" } as const;
    // Based on no report while there is none: accepted.
    d.must(CAST.consultant, { ...base, status: "inProgress", note: "Half", basedOn: 0 });
    const first = d.state.consultation.followUp.reports[0]?.at ?? -1;
    d.now += 1000;
    // The animator's form still started from no report: refused with the reason, and nothing changes.
    const before = structuredClone(d.state);
    const stale = d.run(CAST.animator, { ...base, status: "open", note: "", basedOn: 0 });
    expect(stale).toMatchObject({ ok: false, rejection: { code: "conflict", reason: "staleReport" } });
    expect(d.state).toEqual(before);
    // Based on the report it now shows: accepted.
    d.must(CAST.animator, { ...base, status: "done", note: "All", basedOn: first });
    expect(d.state.consultation.followUp.reports).toMatchObject([{ status: "done", note: "All" }]);
    // A client that sends no base (an older panel) is not checked.
    d.must(CAST.consultant, { ...base, status: "inProgress", note: "Again" });
  });
});

describe("text hygiene", () => {
  it("strips control characters and bidi overrides but keeps accents, emoji and right-to-left letters", () => {
    expect(cleanText("  Réunion\u0000 \u202Eévite 🙂 שלום\r\n")).toBe("Réunion évite 🙂 שלום");
  });
});
