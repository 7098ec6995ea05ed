// /api/groups/:groupId/…: the group's history, open follow-ups, one consultation's summary, report and deletion.
import { Hono } from "hono";
import { consultationDetail } from "../db/consultationDetail.ts";
import { deleteConsultation } from "../db/deletion.ts";
import { loadPreviousPlans } from "../db/followUp.ts";
import { groupById } from "../db/groups.ts";
import { groupHistory } from "../db/history.ts";
import { meetingsStartedSince } from "../db/meetingGroups.ts";
import { memberAccess } from "./access.ts";
import { LIVE_WINDOW_MS } from "./groups.ts";
import { reportFilename, reportMarkdown } from "./reportMarkdown.ts";
import { fail, type MemoryContext, type MemoryEnv, requireSession, roomById } from "./session.ts";
import { check, HistoryQuerySchema, IdSchema, LangQuerySchema } from "./validation.ts";

export const historyRoute = new Hono<MemoryEnv>();

historyRoute.use("*", requireSession);

historyRoute.get("/:groupId/history", async (c) => {
  const access = await memberAccess(c);
  if (!access.ok) return access.response;
  const query = check(c, HistoryQuerySchema, c.req.query());
  if (!query.ok) return query.response;
  const page = await groupHistory(c.env.DB, access.groupId, query.value.cursor ?? null, query.value.limit);
  return c.json({
    items: page.items,
    next: page.next ? `${page.next.startedAt}.${page.next.id}` : null,
  });
});

historyRoute.get("/:groupId/follow-ups", async (c) => {
  const access = await memberAccess(c);
  if (!access.ok) return access.response;
  const plans = await loadPreviousPlans(c.env.DB, { groupId: access.groupId });
  return c.json({ plans });
});

historyRoute.get("/:groupId/consultations/:consultationId", async (c) => {
  const found = await findConsultation(c);
  if (!found.ok) return found.response;
  return c.json({ consultation: found.detail });
});

historyRoute.get("/:groupId/consultations/:consultationId/report.md", async (c) => {
  const found = await findConsultation(c);
  if (!found.ok) return found.response;
  const lang = check(c, LangQuerySchema, c.req.query());
  if (!lang.ok) return lang.response;
  const group = await groupById(c.env.DB, found.detail.groupId);
  const markdown = reportMarkdown(found.detail, group?.name ?? "", lang.value.lang);
  return c.body(markdown, 200, {
    "Content-Type": "text/markdown; charset=utf-8",
    "Content-Disposition": `attachment; filename="${reportFilename(found.detail)}"`,
    "Cache-Control": "no-store",
  });
});

/** Only the client deletes a consultation about their own situation; it goes from D1 and from any live room. */
historyRoute.delete("/:groupId/consultations/:consultationId", async (c) => {
  const found = await findConsultation(c);
  if (!found.ok) return found.response;
  const { detail } = found;
  if (detail.clientUserId !== c.get("session").participantId) {
    return fail(c, 403, "forbidden", "Only the consultation's client can delete it.");
  }
  const now = Date.now();
  // The rooms first: once they have dropped it, no delivery of theirs can bring it back after the D1 delete.
  const live = await meetingsStartedSince(c.env.DB, detail.groupId, now - LIVE_WINDOW_MS);
  const rooms = new Set([detail.meetingId, ...live]);
  await Promise.all(
    [...rooms].map((roomId) =>
      roomById(c, roomId)
        .forgetConsultation(detail.id)
        .catch((err: unknown) => console.error("history: a room could not forget a deleted consultation", err)),
    ),
  );
  await deleteConsultation(c.env.DB, detail.id, now);
  return c.json({ deleted: true });
});

type Found =
  | { ok: true; detail: NonNullable<Awaited<ReturnType<typeof consultationDetail>>> }
  | { ok: false; response: Response };

async function findConsultation(c: MemoryContext): Promise<Found> {
  const access = await memberAccess(c);
  if (!access.ok) return access;
  const id = check(c, IdSchema, c.req.param("consultationId"));
  if (!id.ok) return id;
  const detail = await consultationDetail(c.env.DB, access.groupId, id.value);
  if (!detail) return { ok: false, response: fail(c, 404, "not_found", "No such consultation in this group.") };
  return { ok: true, detail };
}
