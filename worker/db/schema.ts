// The group's durable history in D1 (drizzle schema): groups, meetings, consultations and everything they produced.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Times are epoch milliseconds throughout. */
const ms = (name: string) => integer(name, { mode: "number" });

export const groups = sqliteTable("groups", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  mission: text("mission"),
  charter: text("charter"),
  /** Months a consultation is kept after it closed; null keeps everything. Enforced by the scheduled purge. */
  retentionMonths: integer("retention_months"),
  /** User id of whoever created the group: they (and the animator of a meeting of the group) may delete it. */
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
});

export const groupMembers = sqliteTable(
  "group_members",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    displayName: text("display_name").notNull(),
    addedAt: ms("added_at"),
    /** The meeting (room id) whose joining made this person a member; detaching that meeting undoes it. */
    addedInMeeting: text("added_in_meeting"),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_members_user").on(t.userId)],
);

/**
 * How a later meeting is recognised as the group's: a series key (see docs/memory.md) names the group it was last
 * attached to. Only keys the server derives from verified sessions are stored.
 */
export const groupSeries = sqliteTable(
  "group_series",
  {
    seriesKey: text("series_key").primaryKey(),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("group_series_group").on(t.groupId)],
);

/**
 * Ids of deleted or purged consultations. A trigger refuses to insert them again, so a results delivery still in
 * flight when a consultation is deleted cannot bring it back. Ids only: nothing personal is kept.
 */
export const deletedConsultations = sqliteTable("deleted_consultations", {
  id: text("id").primaryKey(),
  at: ms("at").notNull(),
});

/** One live room per meeting; the room id is derived from the meeting on the server. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    groupId: text("group_id").references(() => groups.id, { onDelete: "set null" }),
    /** Zoom meeting UUID, or the room code in dev mode. */
    zoomMeetingId: text("zoom_meeting_id").notNull(),
    startedAt: ms("started_at").notNull(),
  },
  (t) => [
    index("meetings_group_started").on(t.groupId, t.startedAt),
    index("meetings_zoom_started").on(t.zoomMeetingId, t.startedAt),
  ],
);

export const consultations = sqliteTable(
  "consultations",
  {
    id: text("id").primaryKey(),
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    format: text("format").notNull(),
    /** Minutes per step, JSON. */
    durations: text("durations", { mode: "json" }).$type<Record<string, number>>().notNull(),
    /** The phase the consultation was in when last written ("closed" once closed). */
    status: text("status").notNull(),
    clientParticipantId: text("client_participant_id"),
    clientName: text("client_name"),
    /** The client's headline ("manchette") and question from the presentation. */
    headline: text("headline"),
    headlineQuestion: text("headline_question"),
    requestText: text("request_text"),
    notepadText: text("notepad_text"),
    startedAt: ms("started_at").notNull(),
    closedAt: ms("closed_at"),
    /** The phase it was closed from: its last step when it ran its course, an earlier one when closed early. */
    closedFrom: text("closed_from"),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    index("consultations_meeting").on(t.meetingId, t.number),
    index("consultations_status_closed").on(t.status, t.closedAt),
    index("consultations_client").on(t.clientParticipantId, t.closedAt),
  ],
);

const consultationId = () =>
  text("consultation_id")
    .notNull()
    .references(() => consultations.id, { onDelete: "cascade" });

export const participants = sqliteTable(
  "participants",
  {
    consultationId: consultationId(),
    participantId: text("participant_id").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.participantId] }),
    index("participants_participant").on(t.participantId),
  ],
);

export const situations = sqliteTable(
  "situations",
  {
    id: text("id").primaryKey(),
    consultationId: consultationId(),
    proposerId: text("proposer_id").notNull(),
    proposerName: text("proposer_name").notNull(),
    title: text("title").notNull(),
    stakes: text("stakes").notNull(),
    chosen: integer("chosen", { mode: "boolean" }).notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("situations_consultation").on(t.consultationId)],
);

export const situationVotes = sqliteTable(
  "situation_votes",
  {
    situationId: text("situation_id")
      .notNull()
      .references(() => situations.id, { onDelete: "cascade" }),
    consultationId: consultationId(),
    voterId: text("voter_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.situationId, t.voterId] }),
    index("situation_votes_consultation").on(t.consultationId),
  ],
);

/** Questions, ideas and learnings share this shape: someone wrote a text at a time. */
const authoredColumns = () => ({
  id: text("id").primaryKey(),
  consultationId: consultationId(),
  authorId: text("author_id").notNull(),
  authorName: text("author_name").notNull(),
  text: text("text").notNull(),
  at: ms("at").notNull(),
});

export const questions = sqliteTable("questions", authoredColumns(), (t) => [
  index("questions_consultation").on(t.consultationId),
  index("questions_author").on(t.authorId),
]);

export const ideas = sqliteTable(
  "ideas",
  { ...authoredColumns(), marked: integer("marked", { mode: "boolean" }).notNull() },
  (t) => [index("ideas_consultation").on(t.consultationId), index("ideas_author").on(t.authorId)],
);

export const actionItems = sqliteTable(
  "action_items",
  {
    id: text("id").primaryKey(),
    consultationId: consultationId(),
    text: text("text").notNull(),
    /** Who or what the client will lean on; empty when none was named. */
    resources: text("resources").notNull().default(""),
    /** ISO date YYYY-MM-DD. */
    dueDate: text("due_date"),
    status: text("status").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("action_items_consultation").on(t.consultationId)],
);

export const learnings = sqliteTable("learnings", authoredColumns(), (t) => [
  index("learnings_consultation").on(t.consultationId),
  index("learnings_author").on(t.authorId),
]);

/**
 * What a previous client reported on one action of their plan; one row per (plan, action), the latest report wins.
 * No foreign key to the plan: a plan past the group's retention may be gone while the report is kept.
 */
export const followUpReports = sqliteTable(
  "follow_up_reports",
  {
    /** The consultation whose action plan this reports on. */
    consultationId: text("consultation_id").notNull(),
    actionId: text("action_id").notNull(),
    status: text("status").notNull(),
    note: text("note").notNull(),
    /** The meeting (room id) in which the report was given. */
    reportedInMeeting: text("reported_in_meeting")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    at: ms("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.actionId] }),
    index("follow_up_reports_meeting").on(t.reportedInMeeting),
  ],
);
