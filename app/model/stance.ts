// Who speaks and who listens in each step, from the method; the banner and the guidance a role sees follow from it.
import type { Format, Participant, Role, Step } from "../../protocol/model.ts";
import type { MessageKey } from "../i18n/fr.ts";

export type Stance = "speak" | "listen" | "animate";
type Voice = "speak" | "listen";

const VOICES: Record<Step, { client: Voice; consultants: Voice }> = {
  presentation: { client: "speak", consultants: "listen" },
  clarification: { client: "speak", consultants: "speak" },
  contract: { client: "speak", consultants: "speak" },
  consultation: { client: "listen", consultants: "speak" },
  synthesis: { client: "speak", consultants: "listen" },
  evaluation: { client: "speak", consultants: "speak" },
};

export function stance(step: Step, role: Role): Stance {
  if (role === "animator") return "animate";
  return role === "client" ? VOICES[step].client : VOICES[step].consultants;
}

/** The guidance for this role in this step; the scribe is a consultant who also takes notes. */
export function guidanceKey(step: Step, role: Role, format: Format): MessageKey {
  const who = role === "scribe" ? "consultant" : role;
  // A troika's consultation has its own rule for every role (the client turns away, the two others consult), in
  // place of the method's: one guidance each, never two that disagree.
  return format === "troika" && step === "consultation" ? `g_troika_${who}` : `g_${step}_${who}`;
}

export const BANNER_KEYS: Record<Stance, MessageKey> = {
  speak: "bannerSpeak",
  listen: "bannerListen",
  animate: "bannerAnimate",
};

export function byStance(step: Step, people: readonly Participant[]): Record<Stance, Participant[]> {
  const groups: Record<Stance, Participant[]> = { speak: [], listen: [], animate: [] };
  for (const p of people) groups[stance(step, p.role)].push(p);
  return groups;
}
