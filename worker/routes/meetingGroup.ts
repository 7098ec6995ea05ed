// /api/meeting/group: which group the caller's meeting belongs to, and the animator attaching it to one of theirs.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { groupById, isMember, meetingGroupOf } from "../db/groups.ts";
import { groupView } from "./groups.ts";
import { fail, type MemoryEnv, requireSession, roomOf } from "./session.ts";
import { AttachSchema, parseBody } from "./validation.ts";

export const meetingGroupRoute = new Hono<MemoryEnv>();

meetingGroupRoute.use("*", requireSession);
meetingGroupRoute.use(
  "*",
  bodyLimit({ maxSize: 4 * 1024, onError: (c) => fail(c, 413, "too_large", "Body too large.") }),
);

/** Anyone who has joined the meeting sees its group (they are its members by joining). */
meetingGroupRoute.get("/group", async (c) => {
  const userId = c.get("session").participantId;
  const room = roomOf(c);
  const [groupId, role] = await Promise.all([room.groupId(), room.roleOf(userId)]);
  if (role === null) return fail(c, 403, "not_joined", "Join the meeting's room first.");
  const group = groupId === null ? null : await groupById(c.env.DB, groupId);
  const member = group !== null && (await isMember(c.env.DB, group.id, userId));
  return c.json({ group: group && member ? groupView(group, userId) : null, role });
});

meetingGroupRoute.put("/group", async (c) => {
  const session = c.get("session");
  const body = await parseBody(c, AttachSchema);
  if (!body.ok) return body.response;
  const { groupId } = body.value;
  if (groupId !== null && !(await isMember(c.env.DB, groupId, session.participantId))) {
    return fail(c, 403, "not_member", "You can attach the meeting only to a group you belong to.");
  }
  const target = groupId === null ? null : await groupById(c.env.DB, groupId);
  if (groupId !== null && !target) return fail(c, 404, "not_found", "No such group.");
  const outcome = await roomOf(c).attachGroup(target && meetingGroupOf(target), session.participantId);
  if (!outcome.ok) {
    return outcome.code === "started"
      ? fail(c, 409, "started", "This meeting's consultations already belong to its group; it cannot change now.")
      : fail(c, 403, "forbidden", "Only the meeting's animator can choose its group.");
  }
  return c.json({ group: target ? groupView(target, session.participantId) : null });
});
