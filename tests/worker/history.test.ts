// History routes: a consultation's summary and Markdown report (escaped), and 403 for non-members on every route.

import MarkdownIt from "markdown-it";
import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { closeAll, runConsultation } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, createGroup, meeting, people, read } from "./helpers/memory.ts";
import { devSession, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

const MARKUP = {
  request: "Garder l'équipe **soudée** <script>alert(1)</script>",
  idea: "# Titre [lien](javascript:alert(1)) ![img](http://x.test/y.png)",
  action: "- [x] fausse case <b>gras</b>",
  learning: "> citation | table | `code` & ___",
};

const Detail = v.object({
  consultation: v.object({
    request: v.nullable(v.string()),
    markedIdeas: v.array(v.object({ text: v.string() })),
    otherIdeas: v.array(v.object({ text: v.string() })),
    actions: v.array(v.object({ text: v.string() })),
    learnings: v.array(v.object({ text: v.string(), authorName: v.string() })),
  }),
});
const History = v.object({ items: v.array(v.object({ id: v.string() })) });

/** One closed consultation of a new group, with markup typed into every text the report shows. */
async function consultationWithMarkup() {
  const [ana, bea, cal, dan] = people("Ana", "Bea", "Cal", "Dan");
  if (!ana || !bea || !cal || !dan) throw new Error("cast");
  const cast = await meeting(ana, bea, [cal, dan]);
  open.push(...cast.all);
  const groupId = await createGroup(cast, "Groupe *gras*");
  const [cal1] = cast.consultants;
  if (!cal1) throw new Error("consultant");
  await runConsultation(cast, "consultation");
  await cal1.must({ type: "addIdea", text: MARKUP.idea });
  await runConsultation(cast, "evaluation");
  await cast.client.must({ type: "setRequest", text: MARKUP.request });
  await cast.client.must({ type: "addAction", text: MARKUP.action, dueDate: null });
  await cal1.must({ type: "addLearning", text: MARKUP.learning });
  const final = await runConsultation(cast);
  const id = final.consultation.id;
  await eventually(async () => {
    const history = read(await api(cast.client.session, "GET", `/api/groups/${groupId}/history`), History);
    expect(history.items.map((i) => i.id)).toEqual([id]);
    const detail = read(await api(cast.client.session, "GET", `/api/groups/${groupId}/consultations/${id}`), Detail);
    expect(detail.consultation.learnings.map((l) => l.text)).toContain(MARKUP.learning);
  });
  return { cast, groupId, id, final };
}

describe("a consultation's report", () => {
  it("holds the request, the marked and other ideas, the action plan and the learnings", async () => {
    const { cast, groupId, id, final } = await consultationWithMarkup();
    const detail = read(await api(cast.client.session, "GET", `/api/groups/${groupId}/consultations/${id}`), Detail);
    const c = final.consultation;
    expect(detail.consultation.request).toBe(MARKUP.request);
    expect(detail.consultation.markedIdeas.map((i) => i.text)).toEqual(
      c.ideas.filter((i) => i.marked).map((i) => i.text),
    );
    expect(detail.consultation.otherIdeas.map((i) => i.text)).toEqual(
      c.ideas.filter((i) => !i.marked).map((i) => i.text),
    );
    expect(detail.consultation.markedIdeas.map((i) => i.text)).toContain(MARKUP.idea);
    expect(detail.consultation.actions.map((a) => a.text)).toEqual(c.actions.map((a) => a.text));

    const report = await api(
      cast.client.session,
      "GET",
      `/api/groups/${groupId}/consultations/${id}/report.md?lang=en`,
    );
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(report.headers.get("content-disposition")).toMatch(
      /^attachment; filename="consultation-\d{4}-\d{2}-\d{2}-1-bea\.md"$/,
    );
    const md = report.text;
    for (const heading of [
      "## Client's request",
      "## Ideas the client kept",
      "## Other ideas",
      "## Action plan",
      "## Learnings",
      "## Note pad",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toMatch(/## Ideas the client kept\n\n- \\# Titre/);
    expect(md).toMatch(/## Other ideas\n\n- Hold one-to-ones with each key person\. — \*Cal\*/);
    expect(md).toContain("Name a buddy for every newcomer.");
    expect(md).toContain("Meet each key person by Friday (due 2026-12-04) — to do  \n  Resources: HR and my manager");
    expect(md).toContain("## Headline\n\n**A team torn by a merger**  \n**Question:** How do I keep my best people?");
    expect(md).toContain("Draft a buddy plan — in progress");
    expect(md).toContain("Ana learned to listen.");
    expect(md).toContain("**Group:** Groupe \\*gras\\*");
  });

  it("escapes markup so that nothing people typed becomes Markdown or HTML", async () => {
    const { cast, groupId, id } = await consultationWithMarkup();
    const md = (await api(cast.client.session, "GET", `/api/groups/${groupId}/consultations/${id}/report.md`)).text;
    expect(md).toContain("## Demande du client");
    expect(md).toContain("**Format\u00a0:** Classique (~90 min)");
    expect(md).toContain("Garder l'équipe \\*\\*soudée\\*\\* &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("\\# Titre \\[lien\\](javascript:alert(1)) !\\[img\\](http\\://x.test/y.png)");
    expect(md).toContain("\\- \\[x\\] fausse case &lt;b&gt;gras&lt;/b&gt;");
    expect(md).toContain("&gt; citation \\| table \\| \\`code\\` &amp; \\_\\_\\_");
    expect(md).not.toMatch(/<script|<b>/);
    // Rendered by a real CommonMark + GFM renderer (autolinks on), no user text becomes a link, image or HTML.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<(a|img|script|b|code|blockquote|table|h[2-6]>[^<]*Titre)\b/);
    // No user text opens a heading, a quote or a list item of its own.
    const userLines = md.split("\n").filter((l) => l.includes("Titre") || l.includes("citation"));
    for (const line of userLines) expect(line).toMatch(/^- /);
  });
});

describe("history is for members only", () => {
  it("keeps where a consultation closed early stood, in the history, the detail and the report", async () => {
    const [ana, bea, cal] = people("Ana", "Bea", "Cal");
    if (!ana || !bea || !cal) throw new Error("cast");
    const cast = await meeting(ana, bea, [cal]);
    open.push(...cast.all);
    const groupId = await createGroup(cast, "Les pairs");
    const state = await runConsultation(cast, "clarification");
    await cast.animator.must({ type: "close" });
    const id = state.consultation.id;
    const Closed = v.object({ items: v.array(v.object({ id: v.string(), closedFrom: v.nullable(v.string()) })) });
    await eventually(async () => {
      const history = read(await api(cast.client.session, "GET", `/api/groups/${groupId}/history`), Closed);
      expect(history.items).toEqual([{ id, closedFrom: "clarification" }]);
    });
    const md = (await api(cast.client.session, "GET", `/api/groups/${groupId}/consultations/${id}/report.md?lang=en`))
      .text;
    expect(md).toContain("**Closed early** (at step 2 of 6)");
  });

  it("answers 403 to a non-member on every history route, and 401 without a session", async () => {
    const { cast, groupId, id } = await consultationWithMarkup();
    const stranger = await TestSocket.join(await devSession(uniqueRoomCode(), "Eve", { host: true }));
    open.push(stranger);
    await createGroup({ ...cast, animator: stranger, all: [stranger] }, "Another group");
    const routes: Array<[string, string, unknown?]> = [
      ["GET", `/api/groups/${groupId}`],
      ["PATCH", `/api/groups/${groupId}`, { retentionMonths: 1 }],
      ["DELETE", `/api/groups/${groupId}`],
      ["GET", `/api/groups/${groupId}/history`],
      ["GET", `/api/groups/${groupId}/follow-ups`],
      ["GET", `/api/groups/${groupId}/consultations/${id}`],
      ["GET", `/api/groups/${groupId}/consultations/${id}/report.md`],
      ["DELETE", `/api/groups/${groupId}/consultations/${id}`],
    ];
    for (const [method, path, body] of routes) {
      const answer = await api(stranger.session, method, path, body);
      expect([method, path, answer.status], answer.text).toEqual([method, path, 403]);
      expect(answer.body).toMatchObject({ error: "not_member" });
      const anonymous = await api({ ...stranger.session, token: "" }, method, path, body);
      expect(anonymous.status).toBe(401);
    }
    const unknown = await api(stranger.session, "GET", `/api/groups/${crypto.randomUUID()}/history`);
    expect(unknown.status).toBe(403);
    // The group is untouched: a member still reads it.
    expect((await api(cast.client.session, "GET", `/api/groups/${groupId}/consultations/${id}`)).status).toBe(200);
  });

  it("lets members read but not delete what is not theirs", async () => {
    const { cast, groupId, id } = await consultationWithMarkup();
    const [consultant] = cast.consultants;
    if (!consultant) throw new Error("consultant");
    expect((await api(consultant.session, "GET", `/api/groups/${groupId}/consultations/${id}`)).status).toBe(200);
    expect((await api(consultant.session, "DELETE", `/api/groups/${groupId}/consultations/${id}`)).status).toBe(403);
    expect((await api(consultant.session, "DELETE", `/api/groups/${groupId}`)).status).toBe(403);
    expect((await api(consultant.session, "PATCH", `/api/groups/${groupId}`, { name: "Mine" })).status).toBe(403);
    expect((await api(cast.animator.session, "PATCH", `/api/groups/${groupId}`, { retentionMonths: 24 })).status).toBe(
      200,
    );
    const bad = await api(cast.animator.session, "GET", `/api/groups/${groupId}/history?limit=500`);
    expect(bad.status).toBe(400);
  });
});
