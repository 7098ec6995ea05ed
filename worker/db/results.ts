// The rows a consultation's results make in D1, derived from a room state snapshot (pure, no I/O).
import type { RoomState } from "../../protocol/index.ts";
import type {
  actionItems,
  consultations,
  followUpReports,
  ideas,
  learnings,
  meetings,
  participants,
  questions,
  situations,
  situationVotes,
} from "./schema.ts";

/** What the room knows about its meeting, kept in its own storage from the first connection. */
export interface MeetingInfo {
  roomId: string;
  /** Zoom meeting UUID, or the room code in dev mode. */
  zoomMeetingId: string;
  groupId: string | null;
  startedAt: number;
}

export interface ConsultationResults {
  meeting: typeof meetings.$inferInsert;
  consultation: typeof consultations.$inferInsert;
  participants: (typeof participants.$inferInsert)[];
  situations: (typeof situations.$inferInsert)[];
  votes: (typeof situationVotes.$inferInsert)[];
  questions: (typeof questions.$inferInsert)[];
  ideas: (typeof ideas.$inferInsert)[];
  actions: (typeof actionItems.$inferInsert)[];
  learnings: (typeof learnings.$inferInsert)[];
  followUpReports: (typeof followUpReports.$inferInsert)[];
}

/** Writes the results of one consultation; throws when they could not be stored (the outbox retries). */
export type ResultsWriter = (results: ConsultationResults) => Promise<void>;

/** notepadText is the consultation's shared note pad, which lives beside the state rather than in it. */
export function resultsOf(
  state: RoomState,
  meeting: MeetingInfo,
  now: number,
  notepadText: string | null = null,
): ConsultationResults {
  const c = state.consultation;
  const nameOf = (id: string) => state.participants.find((p) => p.id === id)?.name ?? "";
  const consultationId = c.id;
  const authored = (a: { id: string; authorId: string; text: string; at: number }) => ({
    id: a.id,
    consultationId,
    authorId: a.authorId,
    authorName: nameOf(a.authorId),
    text: a.text,
    at: a.at,
  });
  return {
    meeting: {
      id: meeting.roomId,
      groupId: meeting.groupId,
      zoomMeetingId: meeting.zoomMeetingId,
      startedAt: meeting.startedAt,
    },
    consultation: {
      id: consultationId,
      meetingId: meeting.roomId,
      number: c.number,
      format: c.format,
      durations: { ...c.durations },
      status: c.phase,
      clientParticipantId: c.clientId,
      clientName: c.clientId === null ? null : nameOf(c.clientId),
      headline: c.headline?.text ?? null,
      headlineQuestion: c.headline?.question ?? null,
      requestText: c.request?.text ?? null,
      notepadText,
      startedAt: c.startedAt,
      closedAt: c.closedAt,
      closedFrom: c.closedFrom,
      updatedAt: now,
    },
    participants: state.participants.map((p) => ({ consultationId, participantId: p.id, name: p.name, role: p.role })),
    situations: c.situations.map((s) => ({
      id: s.id,
      consultationId,
      proposerId: s.proposerId,
      proposerName: nameOf(s.proposerId),
      title: s.title,
      stakes: s.stakes,
      chosen: s.id === c.chosenSituationId,
      at: s.at,
    })),
    votes: c.situations.flatMap((s) => s.votes.map((voterId) => ({ situationId: s.id, consultationId, voterId }))),
    questions: c.questions.map(authored),
    ideas: c.ideas.map((i) => ({ ...authored(i), marked: i.marked })),
    actions: c.actions.map((a) => ({
      id: a.id,
      consultationId,
      text: a.text,
      resources: a.resources,
      dueDate: a.dueDate,
      status: a.status,
      at: a.at,
    })),
    learnings: c.learnings.map(authored),
    followUpReports: c.followUp.reports.map((r) => ({
      consultationId: r.consultationId,
      actionId: r.actionId,
      status: r.status,
      note: r.note,
      reportedInMeeting: meeting.roomId,
      at: r.at,
    })),
  };
}
