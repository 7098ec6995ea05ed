import { describe, expect, it } from "vitest";
import {
  allowed,
  type Command,
  type CommandType,
  PERMISSIONS,
  PHASES,
  type Phase,
  ROLES,
  type Role,
} from "../../protocol/index.ts";
import { type Driver, OUTSIDER, roomAt } from "./driver.ts";

/** A well-formed example of every command, pointing at things that exist in the room when there are any. */
function sample(type: CommandType, d: Driver): Command {
  const c = d.state.consultation;
  const consultant = d.state.participants.find((p) => p.role === "consultant")?.id ?? "nobody";
  switch (type) {
    case "assignRole":
      return { type, participantId: consultant, role: "scribe" };
    case "handOverAnimator":
      return { type, participantId: consultant };
    case "setFormat":
      return { type, format: "flash" };
    case "setDuration":
      return { type, step: "consultation", minutes: 25 };
    case "setNotepadPolicy":
      return { type, policy: c.notepadPolicy === "everyone" ? "clientAndScribe" : "everyone" };
    case "advance":
    case "goBack":
    case "close":
    case "startNextConsultation":
    case "startTimer":
    case "pauseTimer":
      return { type };
    case "extendTimer":
      return { type, minutes: 5 };
    case "reportFollowUp":
      return { type, consultationId: "previous", actionId: "a-1", status: "done", note: "" };
    case "proposeSituation":
      return { type, title: "Another situation", stakes: "" };
    case "withdrawSituation":
    case "vote":
    case "unvote":
    case "chooseSituation":
      return { type, situationId: c.situations[0]?.id ?? "none" };
    case "setHeadline":
      return { type, text: "A team torn by a merger", question: "How do I keep them?" };
    case "askQuestion":
    case "setRequest":
    case "suggestReformulation":
    case "addIdea":
    case "addLearning":
      return { type, text: "Some text" };
    case "adoptReformulation":
      return { type, reformulationId: c.reformulations[0]?.id ?? "none" };
    case "markIdea":
      return { type, ideaId: c.ideas[0]?.id ?? "none", marked: true };
    case "addAction":
      return { type, text: "Do it", dueDate: "2026-12-01", resources: "My manager" };
    case "updateAction":
      return { type, actionId: c.actions[0]?.id ?? "none", text: "Do it", dueDate: null, status: "done" };
  }
}

/** Commands whose table rule lets a role in, after which the reducer still checks ownership. */
const OWNERSHIP_CHECKED: readonly CommandType[] = ["reportFollowUp", "withdrawSituation"];
const COMMAND_TYPES = Object.keys(PERMISSIONS).filter((t): t is CommandType => t in PERMISSIONS);

function holderOf(d: Driver, role: Role): string | undefined {
  return d.state.participants.find((p) => p.role === role)?.id;
}

describe("the permission table, enforced by the reducer in every phase", () => {
  it.each(PHASES.map((p) => [p]))(
    "in %s: a role outside the rule is forbidden, a wrong phase is refused",
    (phase: Phase) => {
      const mismatches: string[] = [];
      for (const type of COMMAND_TYPES) {
        for (const role of ROLES) {
          const d = roomAt(phase);
          const actor = holderOf(d, role);
          if (!actor) continue;
          const outcome = d.run(actor, sample(type, d));
          const code = outcome.ok ? "ok" : outcome.rejection.code;
          const rule = PERMISSIONS[type];
          const expected = !rule.roles.includes(role)
            ? "forbidden"
            : !rule.phases.includes(phase)
              ? "wrong_phase"
              : "passes";
          const fine =
            expected === "passes"
              ? code !== "wrong_phase" && (code !== "forbidden" || OWNERSHIP_CHECKED.includes(type))
              : code === expected;
          if (!fine) mismatches.push(`${type} by ${role}: expected ${expected}, got ${code}`);
          if (allowed(type, role, phase) !== (expected === "passes")) mismatches.push(`allowed() disagrees on ${type}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it.each(PHASES.map((p) => [p]))("in %s: someone who never joined can do nothing", (phase: Phase) => {
    const d = roomAt(phase);
    for (const type of COMMAND_TYPES) {
      const outcome = d.run(OUTSIDER, sample(type, d));
      expect(outcome.ok ? "ok" : outcome.rejection.code, type).toBe("forbidden");
    }
  });
});

describe("who may do what", () => {
  const cases: Array<{ rule: string; type: CommandType; yes: Role[]; phases: Phase[] }> = [
    { rule: "only the animator advances", type: "advance", yes: ["animator"], phases: ["lobby", "presentation"] },
    { rule: "only the animator goes back", type: "goBack", yes: ["animator"], phases: ["contract"] },
    { rule: "only the animator starts the timer", type: "startTimer", yes: ["animator"], phases: ["clarification"] },
    { rule: "only the animator assigns roles", type: "assignRole", yes: ["animator"], phases: ["lobby"] },
    {
      rule: "only the animator hands the role over",
      type: "handOverAnimator",
      yes: ["animator"],
      phases: ["synthesis"],
    },
    { rule: "only the animator closes", type: "close", yes: ["animator"], phases: ["evaluation"] },
    { rule: "only the animator chooses the situation", type: "chooseSituation", yes: ["animator"], phases: ["choice"] },
    {
      rule: "consultants (and the scribe) ask questions",
      type: "askQuestion",
      yes: ["consultant", "scribe"],
      phases: ["clarification"],
    },
    {
      rule: "only the client writes the request",
      type: "setRequest",
      yes: ["client"],
      phases: ["contract", "synthesis"],
    },
    {
      rule: "consultants reformulate the request",
      type: "suggestReformulation",
      yes: ["consultant", "scribe"],
      phases: ["contract"],
    },
    { rule: "consultants add ideas", type: "addIdea", yes: ["consultant", "scribe"], phases: ["consultation"] },
    {
      rule: "only the client writes the action plan",
      type: "addAction",
      yes: ["client"],
      phases: ["synthesis", "evaluation"],
    },
    {
      rule: "everyone adds learnings",
      type: "addLearning",
      yes: ["animator", "client", "consultant", "scribe"],
      phases: ["evaluation"],
    },
    {
      rule: "everyone proposes situations",
      type: "proposeSituation",
      yes: ["animator", "client", "consultant", "scribe"],
      phases: ["choice"],
    },
  ];
  for (const { rule, type, yes, phases } of cases) {
    it(`${rule} (${phases.join(", ")})`, () => {
      for (const phase of phases) {
        for (const role of ROLES) {
          const d = roomAt(phase);
          const actor = holderOf(d, role);
          if (!actor) continue;
          const outcome = d.run(actor, sample(type, d));
          const code = outcome.ok ? "ok" : outcome.rejection.code;
          if (yes.includes(role)) expect(code, `${role} in ${phase}`).not.toBe("forbidden");
          else expect(code, `${role} in ${phase}`).toBe("forbidden");
        }
      }
    });
  }

  it("consultants ask questions in clarification only", () => {
    for (const phase of PHASES) {
      const d = roomAt(phase);
      const outcome = d.run("con", { type: "askQuestion", text: "Why?" });
      expect(outcome.ok, phase).toBe(phase === "clarification");
    }
  });

  it("consultants add ideas in the consultation step only", () => {
    for (const phase of PHASES) {
      const outcome = roomAt(phase).run("con", { type: "addIdea", text: "Try this" });
      expect(outcome.ok, phase).toBe(phase === "consultation");
    }
  });
});
