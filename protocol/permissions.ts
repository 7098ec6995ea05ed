// Who may send which command in which phase, as one table the reducer and the panel both read.
import type { CommandType } from "./commands.ts";
import { PHASES, type Phase, type Role, STEPS } from "./model.ts";

const ANY_ROLE: readonly Role[] = ["animator", "client", "consultant", "scribe"];
const CONSULTANTS: readonly Role[] = ["consultant", "scribe"];
const ANIMATOR: readonly Role[] = ["animator"];
const CLIENT: readonly Role[] = ["client"];
const OPEN: readonly Phase[] = PHASES.filter((p) => p !== "closed");

interface Rule {
  roles: readonly Role[];
  phases: readonly Phase[];
}

export const PERMISSIONS: Record<CommandType, Rule> = {
  assignRole: { roles: ANIMATOR, phases: OPEN },
  handOverAnimator: { roles: ANIMATOR, phases: PHASES },
  setFormat: { roles: ANIMATOR, phases: OPEN },
  setDuration: { roles: ANIMATOR, phases: OPEN },
  setNotepadPolicy: { roles: ANIMATOR, phases: OPEN },
  advance: { roles: ANIMATOR, phases: OPEN },
  goBack: { roles: ANIMATOR, phases: PHASES.filter((p) => p !== "lobby" && p !== "closed") },
  close: { roles: ANIMATOR, phases: OPEN },
  startNextConsultation: { roles: ANIMATOR, phases: ["closed"] },
  startTimer: { roles: ANIMATOR, phases: STEPS },
  pauseTimer: { roles: ANIMATOR, phases: STEPS },
  extendTimer: { roles: ANIMATOR, phases: STEPS },
  reportFollowUp: { roles: ANY_ROLE, phases: ["lobby", "followUp"] },
  proposeSituation: { roles: ANY_ROLE, phases: ["choice"] },
  withdrawSituation: { roles: ANY_ROLE, phases: ["choice"] },
  vote: { roles: ANY_ROLE, phases: ["choice"] },
  unvote: { roles: ANY_ROLE, phases: ["choice"] },
  chooseSituation: { roles: ANIMATOR, phases: ["choice"] },
  setHeadline: { roles: [...CLIENT, "scribe"], phases: STEPS },
  askQuestion: { roles: CONSULTANTS, phases: ["clarification"] },
  setRequest: { roles: CLIENT, phases: ["contract", "consultation", "synthesis", "evaluation"] },
  suggestReformulation: { roles: CONSULTANTS, phases: ["contract"] },
  adoptReformulation: { roles: CLIENT, phases: ["contract"] },
  addIdea: { roles: CONSULTANTS, phases: ["consultation"] },
  markIdea: { roles: CLIENT, phases: ["consultation", "synthesis"] },
  addAction: { roles: CLIENT, phases: ["synthesis", "evaluation"] },
  updateAction: { roles: CLIENT, phases: ["synthesis", "evaluation"] },
  addLearning: { roles: ANY_ROLE, phases: ["evaluation"] },
};

/** True when a participant with this role may send this command in this phase (for enabling controls). */
export function allowed(type: CommandType, role: Role, phase: Phase): boolean {
  const rule = PERMISSIONS[type];
  return rule.roles.includes(role) && rule.phases.includes(phase);
}

/** Who may write in the note pad under the consultation's policy. */
export function canWriteNotepad(role: Role, policy: "everyone" | "clientAndScribe"): boolean {
  return policy === "everyone" || role === "client" || role === "scribe";
}
