// /api/groups: the caller's groups, creating one for the caller's meeting, reading, updating and deleting a group.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteGroup } from "../db/deletion.ts";
import { createGroup, type Group, groupById, groupsOf, meetingGroupOf, membersOf, updateGroup } from "../db/groups.ts";
import { meetingsStartedSince } from "../db/meetingGroups.ts";
import { managerAccess, memberAccess } from "./access.ts";
import { fail, type MemoryEnv, requireSession, roomById, roomOf } from "./session.ts";
import { GroupPatchSchema, GroupSettingsSchema, parseBody } from "./validation.ts";

export const groupsRoute = new Hono<MemoryEnv>();

/** A meeting lasts hours; the group's meetings started within this window may still be live. */
export const LIVE_WINDOW_MS = 48 * 60 * 60 * 1000;

groupsRoute.use("*", requireSession);
groupsRoute.use("*", bodyLimit({ maxSize: 16 * 1024, onError: (c) => fail(c, 413, "too_large", "Body too large.") }));

/** What the panel shows of a group; the creator's id only as "is it me". */
export function groupView(group: Group, userId: string) {
  return {
    id: group.id,
    name: group.name,
    mission: group.mission,
    charter: group.charter,
    retentionMonths: group.retentionMonths,
    createdAt: group.createdAt,
    createdByMe: group.createdBy === userId,
  };
}

groupsRoute.get("/", async (c) => {
  const userId = c.get("session").participantId;
  const groups = await groupsOf(c.env.DB, userId);
  return c.json({
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      memberCount: g.memberCount,
      createdByMe: g.createdBy === userId,
    })),
  });
});

/** The animator creates a group at first use: it is made, the caller becomes its first member, the meeting joins it. */
groupsRoute.post("/", async (c) => {
  const session = c.get("session");
  const body = await parseBody(c, GroupSettingsSchema);
  if (!body.ok) return body.response;
  const room = roomOf(c);
  if ((await room.roleOf(session.participantId)) !== "animator") {
    return fail(c, 403, "forbidden", "Only the meeting's animator can create its group.");
  }
  const now = Date.now();
  const group = await createGroup(
    c.env.DB,
    body.value,
    { userId: session.participantId, displayName: session.name },
    now,
  );
  const attached = await room.attachGroup(meetingGroupOf(group), session.participantId);
  if (!attached.ok) {
    // Nothing refers to the group yet: undo it rather than leave an empty group behind.
    await deleteGroup(c.env.DB, group.id, now);
    return attached.code === "started"
      ? fail(c, 409, "started", "This meeting's consultations already belong to another group.")
      : fail(c, 403, "forbidden", "Only the meeting's animator can create its group.");
  }
  return c.json({ group: groupView(group, session.participantId) }, 201);
});

groupsRoute.get("/:groupId", async (c) => {
  const access = await memberAccess(c);
  if (!access.ok) return access.response;
  const [group, members] = await Promise.all([
    groupById(c.env.DB, access.groupId),
    membersOf(c.env.DB, access.groupId),
  ]);
  if (!group) return fail(c, 404, "not_found", "No such group.");
  return c.json({ group: groupView(group, access.userId), members });
});

groupsRoute.patch("/:groupId", async (c) => {
  const access = await managerAccess(c);
  if (!access.ok) return access.response;
  const body = await parseBody(c, GroupPatchSchema);
  if (!body.ok) return body.response;
  const group = await updateGroup(c.env.DB, access.group.id, body.value);
  if (!group) return fail(c, 404, "not_found", "No such group.");
  // Live meetings of the group show its new name, mission and charter.
  const live = await meetingsStartedSince(c.env.DB, group.id, Date.now() - LIVE_WINDOW_MS);
  await Promise.all(
    live.map((roomId) =>
      roomById(c, roomId)
        .showGroup(meetingGroupOf(group))
        .catch((err: unknown) => console.error("groups: a room could not show the group's new settings", err)),
    ),
  );
  return c.json({ group: groupView(group, access.userId) });
});

/** Deletes the group everywhere: D1 first, then each of its meetings' rooms forgets it. */
groupsRoute.delete("/:groupId", async (c) => {
  const access = await managerAccess(c);
  if (!access.ok) return access.response;
  const deleted = await deleteGroup(c.env.DB, access.group.id, Date.now());
  await Promise.all(
    deleted.roomIds.map((roomId) =>
      roomById(c, roomId)
        .dropGroup(access.group.id, deleted.consultationIds)
        .catch((err: unknown) => console.error("groups: a room could not forget the deleted group", err)),
    ),
  );
  return c.json({ deleted: true, consultations: deleted.consultationIds.length });
});
