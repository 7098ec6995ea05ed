import { afterEach, describe, expect, it } from "vitest";
import { LIMITS } from "../../protocol/index.ts";
import { closeAll } from "./helpers/consultation.ts";
import { devSession, uniqueRoomCode } from "./helpers/session.ts";
import { TestSocket } from "./helpers/TestSocket.ts";

const open: TestSocket[] = [];
afterEach(async () => {
  await closeAll(open.splice(0));
});

describe("room capacity", () => {
  it("refuses one participant too many with room_full and closes their socket, while members still get in", async () => {
    const code = uniqueRoomCode();
    for (let i = 0; i < LIMITS.participants; i++) {
      open.push(await TestSocket.join(await devSession(code, `Member ${i}`, { host: i === 0 })));
    }
    const extra = await TestSocket.open(await devSession(code, "One Too Many"));
    open.push(extra);
    extra.send({ type: "hello", protocol: 1, lastVersion: null });
    expect(await extra.waitFor("error")).toMatchObject({ code: "room_full" });
    expect((await extra.closedByServer()).code).toBe(1008);

    const [first] = open;
    if (!first) throw new Error("no member");
    const again = await TestSocket.join(first.session);
    open.push(again);
    expect(again.state?.participants).toHaveLength(LIMITS.participants);
    expect(await first.command({ type: "advance" })).toMatchObject({ type: "ack" });
  });
});
