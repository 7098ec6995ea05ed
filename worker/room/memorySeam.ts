// The room's link to the group's memory in D1 (recognising its group, attaching, adding members); a replaceable seam.
import type { MeetingGroup } from "../../protocol/index.ts";
import { addMembers, type Member } from "../db/groups.ts";
import { type Attachment, attachMeeting, recogniseGroup } from "../db/meetingGroups.ts";

export interface MemorySeam {
  /** The group a meeting run by this animator belongs to, if the memory knows one. */
  recognise(animatorId: string): Promise<MeetingGroup | null>;
  attach(attachment: Attachment): Promise<void>;
  addMember(groupId: string, member: Member, meetingId: string): Promise<void>;
}

export function d1MemorySeam(db: () => D1Database): MemorySeam {
  return {
    recognise: (animatorId) => recogniseGroup(db(), animatorId),
    attach: (attachment) => attachMeeting(db(), attachment, Date.now()),
    addMember: (groupId, member, meetingId) => addMembers(db(), groupId, [member], meetingId, Date.now()),
  };
}
