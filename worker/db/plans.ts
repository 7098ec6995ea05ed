// Action plans as they stand now: each action with the status its client last reported at a follow-up.
import { asc, inArray } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import * as v from "valibot";
import { ACTION_STATUSES, type ActionStatus } from "../../protocol/index.ts";
import { idBatches } from "./chunks.ts";
import { actionItems, followUpReports } from "./schema.ts";

const StatusSchema = v.picklist(ACTION_STATUSES);

export interface PlanAction {
  id: string;
  text: string;
  resources: string;
  dueDate: string | null;
  /** The latest reported status, else the one the client gave it in the synthesis. */
  status: ActionStatus;
  /** What the client said came of it at the latest follow-up, if any. */
  note: string | null;
  reportedAt: number | null;
}

export interface FollowUpCounts {
  open: number;
  inProgress: number;
  done: number;
  dropped: number;
}

/** Unknown stored values read as "open": an action is never silently closed by a bad row. */
export function actionStatus(raw: string): ActionStatus {
  const parsed = v.safeParse(StatusSchema, raw);
  return parsed.success ? parsed.output : "open";
}

/** Every listed consultation's plan (missing ids get an empty plan), actions in the order they were written. */
export async function plansOf(db: DrizzleD1Database, consultationIds: readonly string[]) {
  const plans = new Map<string, PlanAction[]>(consultationIds.map((id) => [id, []]));
  for (const ids of idBatches([...new Set(consultationIds)])) {
    const [actions, reports] = await Promise.all([
      db.select().from(actionItems).where(inArray(actionItems.consultationId, ids)).orderBy(asc(actionItems.at)),
      db.select().from(followUpReports).where(inArray(followUpReports.consultationId, ids)),
    ]);
    const latest = new Map(reports.map((r) => [`${r.consultationId}/${r.actionId}`, r]));
    for (const a of actions) {
      const report = latest.get(`${a.consultationId}/${a.id}`);
      plans.get(a.consultationId)?.push({
        id: a.id,
        text: a.text,
        resources: a.resources,
        dueDate: a.dueDate,
        status: actionStatus(report?.status ?? a.status),
        note: report?.note ?? null,
        reportedAt: report?.at ?? null,
      });
    }
  }
  return plans;
}

export function countStatuses(actions: readonly PlanAction[]): FollowUpCounts {
  const counts: FollowUpCounts = { open: 0, inProgress: 0, done: 0, dropped: 0 };
  for (const a of actions) counts[a.status]++;
  return counts;
}

/** A plan stays open for follow-up while one of its actions is neither done nor dropped. */
export function isOpenPlan(actions: readonly PlanAction[]): boolean {
  return actions.some((a) => a.status === "open" || a.status === "inProgress");
}
