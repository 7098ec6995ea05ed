// The method's own names for the six steps; they stay in French in every language, as the method names them.
import type { Step } from "../../protocol/model.ts";

export const STEP_NAMES: Record<Step, string> = {
  presentation: "Exposé",
  clarification: "Clarification",
  contract: "Contrat",
  consultation: "Consultation",
  synthesis: "Synthèse et plan d'action",
  evaluation: "Évaluation des apprentissages",
};
