// The report's headings and words in the panel's two languages (the report follows the reader's language).
import type { ActionStatus, Format } from "../../protocol/index.ts";

export const REPORT_LANGS = ["fr", "en"] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

interface Labels {
  title: string;
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
  none: string;
  unknown: string;
  status: Record<ActionStatus, string>;
  formats: Record<Format, string>;
}

export const REPORT_LABELS: Record<ReportLang, Labels> = {
  fr: {
    title: "Consultation",
    group: "Groupe :",
    client: "Client :",
    date: "Date :",
    format: "Format :",
    situation: "Situation",
    headline: "Manchette",
    question: "Question :",
    request: "Demande",
    markedIdeas: "Idées retenues par le client",
    otherIdeas: "Autres idées",
    actionPlan: "Plan d'action",
    learnings: "Apprentissages",
    notes: "Notes",
    due: "échéance",
    resources: "ressources :",
    followUp: "Retour :",
    none: "Aucun élément",
    unknown: "inconnu",
    status: { open: "à faire", inProgress: "en cours", done: "fait", dropped: "abandonné" },
    formats: { classic: "classique", express: "express", flash: "flash", troika: "troïka", custom: "sur mesure" },
  },
  en: {
    title: "Consultation",
    group: "Group:",
    client: "Client:",
    date: "Date:",
    format: "Format:",
    situation: "Situation",
    headline: "Headline",
    question: "Question:",
    request: "Request",
    markedIdeas: "Ideas the client kept",
    otherIdeas: "Other ideas",
    actionPlan: "Action plan",
    learnings: "Learnings",
    notes: "Notes",
    due: "due",
    resources: "resources:",
    followUp: "Follow-up:",
    none: "Nothing recorded",
    unknown: "unknown",
    status: { open: "to do", inProgress: "in progress", done: "done", dropped: "dropped" },
    formats: { classic: "classic", express: "express", flash: "flash", troika: "troika", custom: "custom" },
  },
};
