// A consultation's report as Markdown: request, marked and other ideas, action plan with follow-up, learnings, notes.

import { closedEarly, FORMATS, type Format, STEPS } from "../../protocol/index.ts";
import type { ConsultationDetail } from "../db/consultationDetail.ts";
import { escapeBlock, escapeLine } from "./markdown.ts";
import { REPORT_LABELS, type ReportLang } from "./reportLabels.ts";

const isFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);

/** Dates as ISO days in UTC, the same in every language and time zone. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The download's name tells a day's consultations apart: day, number in its meeting and client, in ASCII
 * (accents dropped, anything else a hyphen), e.g. `consultation-2026-11-29-2-chloe.md`.
 */
export function reportFilename(d: ConsultationDetail): string {
  const client = (d.clientName ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-|-$/g, "");
  return `consultation-${isoDay(d.startedAt)}-${d.number}${client ? `-${client}` : ""}.md`;
}

export function reportMarkdown(d: ConsultationDetail, groupName: string, lang: ReportLang): string {
  const L = REPORT_LABELS[lang];
  /** A label as the language writes it before what it introduces ("Groupe :", "Group:"). */
  const is = (label: string) => `${label}${L.colon}`;
  const out: string[] = [];
  const client = d.clientName ? escapeLine(d.clientName) : L.unknown;
  out.push(`# ${L.title} — ${client} — ${isoDay(d.startedAt)}`, "", `*${L.confidential}*`, "");
  out.push(`**${is(L.group)}** ${escapeLine(groupName)}  `);
  out.push(`**${is(L.client)}** ${client}  `);
  out.push(`**${is(L.date)}** ${isoDay(d.startedAt)}  `);
  out.push(`**${is(L.format)}** ${formatName(L, d.format)}`, "");
  const early = closedEarlyAt(L, d);
  if (early) out.push(`**${L.closedEarly}** (${early})`, "");
  if (d.situation) {
    out.push(`## ${L.situation}`, "", `**${escapeLine(d.situation.title)}**  `, escapeBlock(d.situation.stakes), "");
  }
  if (d.headline) {
    const question = d.headline.question ? [`**${is(L.question)}** ${escapeBlock(d.headline.question)}`] : [];
    out.push(`## ${L.headline}`, "", `**${escapeLine(d.headline.text)}**  `, ...question, "");
  }
  out.push(`## ${L.request}`, "", d.request ? escapeBlock(d.request) : `*${L.none}*`, "");
  section(out, L.markedIdeas, d.markedIdeas.map(authoredItem), L.none);
  section(out, L.otherIdeas, d.otherIdeas.map(authoredItem), L.none);
  section(
    out,
    L.actionPlan,
    d.actions.map((a) => {
      const box = a.status === "done" ? "[x]" : "[ ]";
      const due = a.dueDate ? ` (${L.due} ${escapeLine(a.dueDate)})` : "";
      const resources = a.resources ? `  \n  ${is(L.resources)} ${escapeBlock(a.resources, "  ")}` : "";
      const note = a.note ? `  \n  ${is(L.followUp)} ${escapeBlock(a.note, "  ")}` : "";
      return `- ${box} ${escapeBlock(a.text, "  ")}${due} — ${L.status[a.status]}${resources}${note}`;
    }),
    L.none,
  );
  section(
    out,
    L.learnings,
    d.learnings.map((l) => `- **${escapeLine(l.authorName)}**${L.colon} ${escapeBlock(l.text, "  ")}`),
    L.none,
  );
  out.push(`## ${L.notes}`, "", d.notes?.trim() ? notesBlock(d.notes) : `*${L.none}*`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

function authoredItem(i: { text: string; authorName: string }): string {
  return `- ${escapeBlock(i.text, "  ")} — *${escapeLine(i.authorName)}*`;
}

function section(out: string[], title: string, items: string[], none: string): void {
  out.push(`## ${title}`, "", ...(items.length > 0 ? items : [`*${none}*`]), "");
}

/** The note pad keeps its paragraphs: blank lines separate them, every line escaped. */
function notesBlock(notes: string): string {
  return notes
    .split(/\n\s*\n/)
    .map((p) => escapeBlock(p))
    .filter((p) => p !== "")
    .join("\n\n");
}

function formatName(L: (typeof REPORT_LABELS)[ReportLang], format: string): string {
  return isFormat(format) ? L.formats[format] : escapeLine(format);
}

/** Where a consultation closed before its last step stood, in the reader's words; null when it ran its course. */
function closedEarlyAt(L: (typeof REPORT_LABELS)[ReportLang], d: ConsultationDetail): string | null {
  if (d.closedFrom === null || !closedEarly({ phase: d.status, closedFrom: d.closedFrom })) return null;
  const step = (STEPS as readonly string[]).indexOf(d.closedFrom);
  return step < 0 ? L.beforeSteps : L.atStep.replace("{n}", String(step + 1));
}
