// Who may do what with a group: members read its history; its creator or the animator of its meeting manage it.
import { type Group, groupById, isMember } from "../db/groups.ts";
import { fail, type MemoryContext, roomOf } from "./session.ts";
import { check, IdSchema } from "./validation.ts";

export type Access = { ok: true; groupId: string; userId: string } | { ok: false; response: Response };

/**
 * Every history route starts here: the group id must be well formed and the caller a member. A group that does not
 * exist has no members, so non-members cannot tell it from one they may not read.
 */
export async function memberAccess(c: MemoryContext): Promise<Access> {
  const id = check(c, IdSchema, c.req.param("groupId"));
  if (!id.ok) return id;
  const userId = c.get("session").participantId;
  if (!(await isMember(c.env.DB, id.value, userId))) {
    return { ok: false, response: fail(c, 403, "not_member", "Only the group's members can see its memory.") };
  }
  return { ok: true, groupId: id.value, userId };
}

export type Management = { ok: true; group: Group; userId: string } | { ok: false; response: Response };

/** Managing (settings, deletion) is for a member who created the group or animates one of its meetings now. */
export async function managerAccess(c: MemoryContext): Promise<Management> {
  const access = await memberAccess(c);
  if (!access.ok) return access;
  const group = await groupById(c.env.DB, access.groupId);
  if (!group) return { ok: false, response: fail(c, 404, "not_found", "No such group.") };
  if (group.createdBy === access.userId || (await animatesMeetingOf(c, group.id))) {
    return { ok: true, group, userId: access.userId };
  }
  return {
    ok: false,
    response: fail(c, 403, "forbidden", "Only the group's creator or the animator of its meeting can do this."),
  };
}

/** Asks the caller's live room whether it belongs to this group and the caller is its animator. */
export async function animatesMeetingOf(c: MemoryContext, groupId: string): Promise<boolean> {
  const room = roomOf(c);
  const [roomGroup, role] = await Promise.all([room.groupId(), room.roleOf(c.get("session").participantId)]);
  return roomGroup === groupId && role === "animator";
}
