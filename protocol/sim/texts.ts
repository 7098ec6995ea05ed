// What the simulated participants say: plausible content for every step, so a person watching can follow.

export const NAMES = [
  "Amélie",
  "Bruno",
  "Chloé",
  "David",
  "Élodie",
  "Farid",
  "Gabrielle",
  "Hugo",
  "Inès",
  "Julien",
  "Karima",
  "Louis",
  "Maëlle",
  "Nicolas",
  "Océane",
  "Pascal",
  "Quentin",
  "Rachida",
  "Simon",
  "Thérèse",
  "Ulysse",
  "Valérie",
  "William",
  "Xavier",
  "Yasmine",
  "Zoé",
] as const;

export const SITUATIONS = [
  {
    title: "Leading a team through a merger",
    stakes: "Half the team wants to leave; I want to keep them and the work going.",
  },
  { title: "A difficult conversation with my manager", stakes: "I must refuse a project without losing their trust." },
  { title: "Taking over a team of former peers", stakes: "Yesterday we were colleagues; today I decide for them." },
] as const;

export const QUESTIONS = [
  "What have you already tried?",
  "Who decides in the end?",
  "What would success look like in three months?",
  "How does the team talk about it among themselves?",
  "What is in your hands, and what is not?",
  "What worries you most?",
  "How long have you been in this role?",
  "What does your own manager expect from you?",
  "Who in the team has been through a merger before?",
  "What did the team say when they heard the news?",
] as const;

export const REQUEST = "J'aimerais repartir avec… three concrete ways to keep the team engaged through the change.";

export const REFORMULATIONS = [
  "You want to leave with ways to keep the team together while the merger happens.",
  "You want three things you can do this month so that nobody feels forgotten in the merger.",
] as const;

export const IDEAS = [
  "Meet each person one to one this week and ask what they need.",
  "Name a buddy in the other company for each team member.",
  "Share what you know and what you do not know, every Friday.",
  "In my last job, a shared calendar of the merger steps calmed people down.",
  "Ask the team to write the questions they want answered, and answer them in public.",
  "Protect one team ritual that matters to them.",
  "I sense you carry this alone; who could share the load?",
  "Celebrate the first joint success, however small.",
  "What if you asked the other manager to co-host your next team meeting?",
  "Let the team choose one thing that must not change.",
  "I wonder whether your own worry shows more than you think.",
  "Write down what you promise and keep it visible.",
  "Give people a safe channel to say they are thinking of leaving.",
  "Hypothesis: they fear losing their expertise more than their jobs.",
  "Invite the most sceptical person to help design the transition.",
  "Keep one hour a week free for unplanned conversations.",
] as const;

export const HEADLINE = {
  text: "Two teams, one merger, and my best people looking elsewhere",
  question: "How can I keep the team engaged until the new organisation is settled?",
} as const;

export const ACTIONS = [
  { text: "One-to-one meetings with each team member", resources: "My calendar, 30 minutes each", inDays: 7 },
  { text: "Weekly note: what we know, what we do not know yet", resources: "", inDays: 14 },
  { text: "Ask HR for a buddy programme with the other company", resources: "HR partner, budget line", inDays: 30 },
] as const;

export const LEARNINGS = [
  "Listening without answering was harder than I thought.",
  "Questions helped me more than advice.",
  "I learned to reformulate before suggesting.",
  "Hearing other people's experiences widened my view.",
  "Holding the time kept us focused on the client.",
] as const;

export function pick<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}
