// The report's headings and words in the panel's two languages (the report follows the reader's language).
import type { ActionStatus, Format } from "../../protocol/index.ts";

export const REPORT_LANGS = ["fr", "en"] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

interface Labels {
  title: string;
  /** What follows a label: French puts a no-break space before the colon, English none. */
  colon: string;
  confidential: string;
  group: string;
  client: string;
  date: string;
  format: string;
  situation: string;
  headline: string;
  question: string;
  request: string;
  markedIdeas: string;
  otherIdeas: string;
  actionPlan: string;
  learnings: string;
  notes: string;
  due: string;
  resources: string;
  followUp: string;
  closedEarly: string;
  /** Where a consultation closed early stood: "{n}" is the step's number. */
  atStep: string;
  beforeSteps: string;
  none: string;
  unknown: string;
  status: Record<ActionStatus, string>;
  formats: Record<Format, string>;
}

export const REPORT_LABELS: Record<ReportLang, Labels> = {
  fr: {
    title: "Consultation",
    colon: "\u00a0:",
    confidential: "Codev — Confidentiel\u00a0: réservé aux membres du groupe.",
    group: "Groupe",
    client: "Client",
    date: "Date",
    format: "Format",
    situation: "Situation",
    headline: "Manchette",
    question: "Question",
    request: "Demande du client",
    markedIdeas: "Idées retenues par le client",
    otherIdeas: "Autres idées",
    actionPlan: "Plan d'action",
    learnings: "Apprentissages",
    notes: "Bloc-notes",
    due: "échéance",
    resources: "Ressources",
    followUp: "Retour",
    closedEarly: "Close avant son terme",
    atStep: "à l'étape {n} sur 6",
    beforeSteps: "avant l'Exposé",
    none: "Aucun élément",
    unknown: "inconnu",
    status: { open: "à faire", inProgress: "en cours", done: "fait", dropped: "abandonné" },
    // The names the panel gives the formats, so the report never shows an internal id.
    formats: {
      classic: "Classique (~90 min)",
      express: "Express (~60 min)",
      flash: "Flash (~30-45 min)",
      troika: "Troïka (~15 min, à trois)",
      custom: "Sur mesure",
    },
  },
  en: {
    title: "Consultation",
    colon: ":",
    confidential: "Codev — Confidential: for the group's members only.",
    group: "Group",
    client: "Client",
    date: "Date",
    format: "Format",
    situation: "Situation",
    headline: "Headline",
    question: "Question",
    request: "Client's request",
    markedIdeas: "Ideas the client kept",
    otherIdeas: "Other ideas",
    actionPlan: "Action plan",
    learnings: "Learnings",
    notes: "Note pad",
    due: "due",
    resources: "Resources",
    followUp: "Follow-up",
    closedEarly: "Closed early",
    atStep: "at step {n} of 6",
    beforeSteps: "before the Exposé",
    none: "Nothing recorded",
    unknown: "unknown",
    status: { open: "to do", inProgress: "in progress", done: "done", dropped: "dropped" },
    formats: {
      classic: "Classic (~90 min)",
      express: "Express (~60 min)",
      flash: "Flash (~30-45 min)",
      troika: "Troika (~15 min, three people)",
      custom: "Custom",
    },
  },
};
