// Groups: the animator creates or attaches one, later meetings are recognised, joiners become members.

import * as v from "valibot";
import { afterEach, describe, expect, it } from "vitest";
import { closeAll } from "./helpers/consultation.ts";
import { eventually } from "./helpers/eventually.ts";
import { api, createGroup, GroupAnswer, meeting, people, read } from "./helpers/memory.ts";
import { devSession, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

const Members = v.object({ members: v.array(v.object({ userId: v.string(), displayName: v.string() })) });
const MeetingGroup = v.object({ group: v.nullable(v.object({ id: v.string(), name: v.string() })) });
const MyGroups = v.object({
  groups: v.array(v.object({ id: v.string(), name: v.string(), memberCount: v.number(), createdByMe: v.boolean() })),
});

describe("groups", () => {
  it("the animator creates the group at first use; everyone present becomes a member", async () => {
    const [ana, bea, cal] = people("Ana", "Bea", "Cal");
    if (!ana || !bea || !cal) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Les pairs", { mission: "Grandir ensemble", retentionMonths: 12 });
    const group = await api(m1.client.session, "GET", `/api/groups/${groupId}`);
    expect(group.status).toBe(200);
    expect(
      read(group, Members)
        .members.map((m) => m.userId)
        .sort(),
    ).toEqual([ana.id, bea.id, cal.id].sort());
    const seen = await api(m1.client.session, "GET", "/api/meeting/group");
    expect(read(seen, MeetingGroup).group?.name).toBe("Les pairs");
    // Everyone in the room sees the group at once, through the room's state.
    await eventually(() =>
      expect(m1.consultants[0]?.state?.group).toEqual({
        id: groupId,
        name: "Les pairs",
        mission: "Grandir ensemble",
        charter: null,
      }),
    );
    const mine = read(await api(m1.consultants[0]?.session ?? m1.client.session, "GET", "/api/groups"), MyGroups);
    expect(mine.groups).toEqual([{ id: groupId, name: "Les pairs", memberCount: 3, createdByMe: false }]);
  });

  it("only the animator may create or attach the meeting's group", async () => {
    const [ana, bea, cal] = people("Ana", "Bea", "Cal");
    if (!ana || !bea || !cal) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const refused = await api(m1.client.session, "POST", "/api/groups", { name: "Mine" });
    expect(refused.status).toBe(403);
    const groupId = await createGroup(m1, "Theirs");
    const attach = await api(m1.client.session, "PUT", "/api/meeting/group", { groupId: null });
    expect(attach.status).toBe(403);
    expect(read(await api(m1.client.session, "GET", "/api/meeting/group"), MeetingGroup).group?.id).toBe(groupId);
  });

  it("a later meeting run by the same animator is recognised, and newcomers become members", async () => {
    const [ana, bea, cal, dan] = people("Ana", "Bea", "Cal", "Dan");
    if (!ana || !bea || !cal || !dan) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Cercle");
    await closeAll(m1.all);

    const m2 = await meeting(ana, cal, [dan]);
    open.push(...m2.all);
    expect(read(await api(m2.animator.session, "GET", "/api/meeting/group"), MeetingGroup).group?.id).toBe(groupId);
    await eventually(() => expect(m2.consultants[0]?.state?.group?.name).toBe("Cercle"));
    await eventually(async () => {
      const members = read(await api(m2.animator.session, "GET", `/api/groups/${groupId}`), Members).members;
      expect(members.map((m) => m.userId).sort()).toEqual([ana.id, bea.id, cal.id, dan.id].sort());
    });
  });

  it("renaming the group shows in its live meeting; detaching undoes the memberships the meeting made", async () => {
    const [ana, bea, cal, dan] = people("Ana", "Bea", "Cal", "Dan");
    if (!ana || !bea || !cal || !dan) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const groupId = await createGroup(m1, "Avant");
    await closeAll(m1.all);
    const m2 = await meeting(ana, dan, [bea]);
    open.push(...m2.all);
    const renamed = await api(m2.animator.session, "PATCH", `/api/groups/${groupId}`, {
      name: "Après",
      charter: "Confidentialité.",
    });
    expect(renamed.status).toBe(200);
    await eventually(() =>
      expect(m2.client.state?.group).toMatchObject({ name: "Après", charter: "Confidentialité." }),
    );
    // Dan joined through meeting 2 only: detaching it takes that membership back, not Bea's.
    const detached = await api(m2.animator.session, "PUT", "/api/meeting/group", { groupId: null });
    expect(detached.status).toBe(200);
    await eventually(() => expect(m2.client.state?.group).toBeNull());
    const members = read(await api(m2.animator.session, "GET", `/api/groups/${groupId}`), Members).members;
    expect(members.map((m) => m.userId).sort()).toEqual([ana.id, bea.id, cal.id].sort());
    // And the animator's next meeting is no longer taken for the group's.
    await closeAll(m2.all);
    const m3 = await meeting(ana, bea, [cal]);
    open.push(...m3.all);
    expect(read(await api(m3.animator.session, "GET", "/api/meeting/group"), MeetingGroup).group).toBeNull();
  });

  it("rejects malformed bodies with a clear JSON error", async () => {
    const [ana, bea, cal] = people("Ana", "Bea", "Cal");
    if (!ana || !bea || !cal) throw new Error("cast");
    const m1 = await meeting(ana, bea, [cal]);
    open.push(...m1.all);
    const empty = await api(m1.animator.session, "POST", "/api/groups", { name: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: "invalid" });
    const extra = await api(m1.animator.session, "POST", "/api/groups", { name: "x", admin: true });
    expect(extra.status).toBe(400);
    const retention = await api(m1.animator.session, "POST", "/api/groups", { name: "x", retentionMonths: 0 });
    expect(retention.status).toBe(400);
    const noToken = await api({ ...m1.animator.session, token: "forged" }, "GET", "/api/groups");
    expect(noToken.status).toBe(401);
    const lone = await TestSocket.join(await devSession(uniqueRoomCode(), "Solo", { host: true }));
    open.push(lone);
    expect(read(await api(lone.session, "POST", "/api/groups", { name: "Solo" }), GroupAnswer).group.name).toBe("Solo");
  });
});
