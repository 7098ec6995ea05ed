// What a user trial found in the Markdown report: the format's name, each language's punctuation and capitals, the
// confidentiality notice, and a file name that tells a day's consultations apart.
import { describe, expect, it } from "vitest";
import type { ConsultationDetail } from "../../worker/db/consultationDetail.ts";
import { reportFilename, reportMarkdown } from "../../worker/routes/reportMarkdown.ts";

const DAY = Date.UTC(2026, 10, 29, 14);

function detail(over: Partial<ConsultationDetail> = {}): ConsultationDetail {
  return {
    id: "c1",
    groupId: "g1",
    meetingId: "m1",
    number: 1,
    format: "express",
    status: "closed",
    startedAt: DAY,
    closedAt: DAY,
    closedFrom: "evaluation",
    clientName: "Chloé",
    clientUserId: "u1",
    situation: null,
    headline: { text: "Deux experts s'ignorent", question: "Comment renouer ?" },
    request: null,
    markedIdeas: [],
    otherIdeas: [],
    actions: [
      {
        id: "a1",
        text: "Appeler Ana",
        dueDate: null,
        resources: "Ma collègue RH",
        status: "done",
        note: "Fait",
        reportedAt: DAY,
      },
    ],
    learnings: [{ text: "Écouter d'abord", authorName: "Bruno" }],
    notes: null,
    participants: [],
    ...over,
  };
}

describe("the Markdown report's words", () => {
  it("says where a consultation closed early stood, and nothing of the kind for one that ran its course", () => {
    expect(reportMarkdown(detail({ closedFrom: "clarification" }), "Les pairs", "fr")).toContain(
      "**Close avant son terme** (à l'étape 2 sur 6)",
    );
    expect(reportMarkdown(detail({ closedFrom: "choice" }), "Les pairs", "en")).toContain(
      "**Closed early** (before the Exposé)",
    );
    expect(reportMarkdown(detail(), "Les pairs", "fr")).not.toContain("Close avant son terme");
    // Stored before it was kept: nothing said.
    expect(reportMarkdown(detail({ closedFrom: null }), "Les pairs", "en")).not.toContain("Closed early");
  });

  it("names the format in the reader's language, never by its id", () => {
    expect(reportMarkdown(detail(), "Les pairs", "fr")).toContain("**Format\u00a0:** Express (~60 min)");
    expect(reportMarkdown(detail({ format: "custom" }), "Les pairs", "en")).toContain("**Format:** Custom");
    expect(reportMarkdown(detail({ format: "troika" }), "Les pairs", "fr")).toContain("Troïka");
  });

  it("writes English with no space before a colon, and French with a no-break one", () => {
    const en = reportMarkdown(detail(), "Les pairs", "en");
    expect(en).not.toMatch(/[^\S\n]:/);
    expect(en).toContain("- **Bruno**: Écouter d'abord");
    expect(en).toContain("**Question:** Comment renouer ?");
    const fr = reportMarkdown(detail(), "Les pairs", "fr");
    expect(fr).toContain("- **Bruno**\u00a0: Écouter d'abord");
    // The only plain space before a colon is in what people typed ("Comment renouer ?" has none).
    expect(fr).not.toMatch(/ [:;!]/);
  });

  it("capitalises every label alike", () => {
    const en = reportMarkdown(detail(), "Les pairs", "en");
    expect(en).toContain("  \n  Resources: Ma collègue RH  \n  Follow-up: Fait");
    const fr = reportMarkdown(detail(), "Les pairs", "fr");
    expect(fr).toContain("  \n  Ressources\u00a0: Ma collègue RH  \n  Retour\u00a0: Fait");
  });

  it("says it is Codev's and confidential to the group", () => {
    expect(reportMarkdown(detail(), "Les pairs", "fr")).toContain(
      "*Codev — Confidentiel\u00a0: réservé aux membres du groupe.*",
    );
    expect(reportMarkdown(detail(), "Les pairs", "en")).toContain(
      "*Codev — Confidential: for the group's members only.*",
    );
  });
});

describe("the report's file name", () => {
  it("tells apart a day's consultations, in ASCII", () => {
    const names = [
      reportFilename(detail()),
      reportFilename(detail({ number: 2, clientName: "Ève-Marie  O'Brien" })),
      reportFilename(detail({ number: 3, clientName: "王" })),
      reportFilename(detail({ number: 4, clientName: null })),
    ];
    expect(names).toEqual([
      "consultation-2026-11-29-1-chloe.md",
      "consultation-2026-11-29-2-eve-marie-o-brien.md",
      "consultation-2026-11-29-3.md",
      "consultation-2026-11-29-4.md",
    ]);
    const long = reportFilename(detail({ clientName: `${"a".repeat(39)} b` }));
    expect(long).toBe(`consultation-2026-11-29-1-${"a".repeat(39)}.md`);
  });
});
