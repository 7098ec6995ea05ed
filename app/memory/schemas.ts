// The group memory's answers as the panel reads them: every REST answer is checked against one of these.
import * as v from "valibot";
import { ACTION_STATUSES, FORMATS, PHASES } from "../../protocol/model.ts";

const str = v.string();
const nullableStr = v.nullable(v.string());

export const GroupSchema = v.object({
  id: str,
  name: str,
  mission: nullableStr,
  charter: nullableStr,
  retentionMonths: v.nullable(v.number()),
  createdByMe: v.boolean(),
});
export type GroupView = v.InferOutput<typeof GroupSchema>;

export const GroupAnswerSchema = v.object({ group: v.nullable(GroupSchema) });
export const MyGroupsSchema = v.object({
  groups: v.array(v.object({ id: str, name: str, memberCount: v.number(), createdByMe: v.boolean() })),
});
export type MyGroup = v.InferOutput<typeof MyGroupsSchema>["groups"][number];

const ActionSchema = v.object({
  id: str,
  text: str,
  dueDate: nullableStr,
  resources: v.optional(str, ""),
  status: v.picklist(ACTION_STATUSES),
  note: nullableStr,
});
export type PlanAction = v.InferOutput<typeof ActionSchema>;

/** Where a closed consultation was closed from (none for those stored before it was kept, or unknown phases). */
const closedFrom = v.fallback(v.optional(v.nullable(v.picklist(PHASES)), null), null);

const CountsSchema = v.object({ open: v.number(), inProgress: v.number(), done: v.number(), dropped: v.number() });

export const HistoryPageSchema = v.object({
  items: v.array(
    v.object({
      id: str,
      status: str,
      closedFrom: closedFrom,
      startedAt: v.number(),
      clientName: nullableStr,
      clientUserId: nullableStr,
      request: nullableStr,
      actions: v.array(ActionSchema),
      followUp: CountsSchema,
    }),
  ),
  next: nullableStr,
});
export type HistoryItem = v.InferOutput<typeof HistoryPageSchema>["items"][number];

const Authored = v.object({ text: str, authorName: str });

export const DetailSchema = v.object({
  consultation: v.object({
    id: str,
    status: v.optional(str),
    closedFrom: closedFrom,
    startedAt: v.number(),
    format: v.picklist(FORMATS),
    clientName: nullableStr,
    clientUserId: nullableStr,
    situation: v.nullable(v.object({ title: str, stakes: str })),
    headline: v.nullish(v.object({ text: str, question: str })),
    request: nullableStr,
    markedIdeas: v.array(Authored),
    otherIdeas: v.array(Authored),
    actions: v.array(ActionSchema),
    learnings: v.array(Authored),
    notes: nullableStr,
  }),
});
export type Detail = v.InferOutput<typeof DetailSchema>["consultation"];

export const OkSchema = v.object({ deleted: v.literal(true) });

export const ErrorSchema = v.object({ error: str, message: str });
