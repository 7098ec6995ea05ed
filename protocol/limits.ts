// Size limits shared by the panel (to warn early) and the room (to enforce).

export const LIMITS = {
  /** Largest text frame the room accepts, in bytes. */
  frameBytes: 16 * 1024,
  name: 60,
  situationTitle: 120,
  situationStakes: 500,
  question: 500,
  headline: 200,
  headlineQuestion: 500,
  request: 1000,
  reformulation: 1000,
  idea: 500,
  action: 300,
  actionResources: 300,
  learning: 1000,
  followUpNote: 1000,
  commandId: 64,
  participants: 30,
  situations: 20,
  questions: 200,
  reformulations: 100,
  ideas: 300,
  actions: 50,
  learnings: 100,
  /** Minutes a single step may last. */
  stepMinutes: 180,
  extendMinutes: 60,
} as const;
