// The short human summary of a simulated consultation, and the line to check its results in the local D1.
import type { SimResult } from "../../protocol/sim/index.ts";
import { d1Query } from "./checkD1.ts";

export function summarize(r: SimResult, meta: { url: string; room: string; participants: number }): string {
  const c = r.counts;
  const lines = [
    `${r.ok ? "OK" : "FAILED"}: ${meta.participants} simulated participants in room ${meta.room} (${r.roomId ?? "?"}) at ${meta.url}`,
    `phases      ${r.phases.join(" → ") || "none"}`,
    `client      ${r.client?.name ?? "none"}`,
    `request     ${r.request ?? "none"}`,
    `counts      ${c.situations} situations, ${c.votes} votes, ${c.questions} questions, ${c.reformulations} reformulations, ${c.ideas} ideas (${c.markedIdeas} marked), ${c.actions} actions, ${c.learnings} learnings, ${c.followUpReports} follow-up reports`,
    `commands    ${r.commandsSent} sent, ${r.commandsAcknowledged} acknowledged; final version ${r.version}`,
    `agreement   ${r.sameState ? "every participant holds the same state" : `MISMATCH: ${r.mismatch ?? "unknown"}`}`,
    `time        ${(r.durationMs / 1000).toFixed(2)} s`,
    `consultation ${r.consultationId ?? "none"}`,
  ];
  for (const p of r.rejections) lines.push(`rejected    ${p.participant}: ${p.command} (${p.code}) ${p.message}`);
  for (const p of r.errors) lines.push(`error       ${p.participant}: ${p.code} ${p.message}`);
  if (!r.allAcknowledged) lines.push("lost        some commands were never acknowledged");
  if (r.failure) lines.push(`failure     ${r.failure}`);
  return lines.join("\n");
}

/** For a server started with `npm start` (state in .wrangler/state); add --persist-to for one started elsewhere. */
export function d1Hint(consultationId: string, persistTo: string | undefined): string {
  const where = persistTo ? ` --persist-to ${persistTo}` : "";
  return `check D1 (or rerun with --check-d1): npx wrangler d1 execute DB --local${where} --command "${d1Query(consultationId)}"`;
}
