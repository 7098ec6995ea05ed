// What a person is typing survives a reload of the tab, and leaves storage once sent or cleared.
import { afterEach, describe, expect, it, vi } from "vitest";
import "./support/setup.ts";

afterEach(() => sessionStorage.clear());

describe("drafts", () => {
  it("come back after a reload of the page, and are forgotten once emptied", async () => {
    const before = await import("../../app/model/drafts.ts");
    before.draft("room:c1:p1:idea").value = "Une idée pas encore envoyée";
    // A reload: the module (and its memory) starts again; only the tab's storage remains.
    vi.resetModules();
    const after = await import("../../app/model/drafts.ts");
    const idea = after.draft("room:c1:p1:idea");
    expect(idea.value).toBe("Une idée pas encore envoyée");
    expect(after.draft("room:c1:p2:idea").value).toBe("");
    idea.value = "";
    vi.resetModules();
    const again = await import("../../app/model/drafts.ts");
    expect(again.draft("room:c1:p1:idea").value).toBe("");
  });
});
