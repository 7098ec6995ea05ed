// The panel's pure models: who speaks in each step, the timer's arithmetic, and the build's size accounting.

import { encode } from "@jridgewell/sourcemap-codec";
import { describe, expect, it } from "vitest";
import { fr } from "../../app/i18n/fr.ts";
import { pendingStore } from "../../app/model/pendingStore.ts";
import { guidanceKey, stance } from "../../app/model/stance.ts";
import { formatClock, remainingMs } from "../../app/views/step/Timer.tsx";
import { FORMATS, STEPS } from "../../protocol/model.ts";
import { firstRenderChunks, OWN_CODE, originLines, originsOfChunk, report } from "../../scripts/reportSize.ts";

describe("who speaks", () => {
  it("follows the method: the client presents, consultants consult, the client synthesises", () => {
    expect(stance("presentation", "client")).toBe("speak");
    expect(stance("presentation", "consultant")).toBe("listen");
    expect(stance("clarification", "consultant")).toBe("speak");
    expect(stance("consultation", "client")).toBe("listen");
    expect(stance("consultation", "scribe")).toBe("speak");
    expect(stance("synthesis", "consultant")).toBe("listen");
    expect(stance("evaluation", "client")).toBe("speak");
    for (const s of STEPS) expect(stance(s, "animator")).toBe("animate");
  });

  it("has guidance for every role in every step, in every format", () => {
    for (const f of FORMATS)
      for (const s of STEPS) {
        for (const r of ["animator", "client", "consultant", "scribe"] as const)
          expect(fr[guidanceKey(s, r, f)]).toBeTruthy();
      }
  });
});

describe("timer", () => {
  it("counts from the room's end time, holds while paused, and stops at zero", () => {
    expect(remainingMs({ status: "running", endsAt: 10_000, remainingMs: 600_000 }, 4_000)).toBe(6_000);
    expect(remainingMs({ status: "running", endsAt: 10_000, remainingMs: 600_000 }, 12_000)).toBe(0);
    expect(remainingMs({ status: "paused", endsAt: null, remainingMs: 90_000 }, 1)).toBe(90_000);
    expect(remainingMs({ status: "expired", endsAt: 10_000, remainingMs: 0 }, 1)).toBe(0);
  });

  it("formats minutes and seconds, with hours past sixty minutes", () => {
    expect(formatClock(600_000)).toBe("10:00");
    expect(formatClock(59_001)).toBe("1:00");
    expect(formatClock(4_000)).toBe("0:04");
    expect(formatClock(2 * 3600_000 + 5 * 60_000)).toBe("2:05:00");
  });
});

describe("pending commands", () => {
  it("survive a reload and ignore anything that is not a command", () => {
    const store = pendingStore("k");
    store.save([{ id: "1", command: { type: "addIdea", text: "gardée" } }]);
    expect(pendingStore("k").load()).toEqual([{ id: "1", command: { type: "addIdea", text: "gardée" } }]);
    localStorage.setItem("k", JSON.stringify([{ id: "1", command: { type: "dropTables" } }]));
    expect(pendingStore("k").load()).toEqual([]);
    localStorage.setItem("k", "{not json");
    expect(pendingStore("k").load()).toEqual([]);
  });
});

describe("size report", () => {
  const chunk = (fileName: string, code: string, extra: Record<string, unknown> = {}) => ({
    type: "chunk" as const,
    fileName,
    code,
    isEntry: false,
    facadeModuleId: null as string | null,
    imports: [] as string[],
    moduleIds: [] as string[],
    viteMetadata: { importedCss: new Set<string>(), importedAssets: new Set<string>() },
    ...extra,
  });

  it("counts the entry, its static imports, its stylesheets, the live room's chunk and the Zoom SDK as the first render", () => {
    const css = new Set(["a.css"]);
    const bundle = {
      "main.js": chunk("main.js", "x", { isEntry: true, imports: ["shared.js"], viteMetadata: { importedCss: css } }),
      "shared.js": chunk("shared.js", "y"),
      "room.js": chunk("room.js", "z"),
      "live.js": chunk("live.js", "l", { moduleIds: ["/w/app/roomEntry.ts"], imports: ["conn.js"] }),
      "conn.js": chunk("conn.js", "c"),
      "sdk.js": chunk("sdk.js", "s", { moduleIds: ["/n/node_modules/@zoom/appssdk/dist/sdk.es.js"] }),
      "index.html": {
        type: "asset" as const,
        fileName: "index.html",
        source: '<link rel="stylesheet" href="/assets/all.css">',
      },
    };
    // The test bundle carries only the fields the accounting reads.
    const first = firstRenderChunks(bundle as unknown as Parameters<typeof firstRenderChunks>[0]);
    expect([...first].sort()).toEqual([
      "a.css",
      "assets/all.css",
      "conn.js",
      "live.js",
      "main.js",
      "sdk.js",
      "shared.js",
    ]);
  });

  it("fails past the first-render budget or the shipped ceiling, and names a shipped total over 75 KB", () => {
    const files = [
      { name: "a.js", gzip: 51_000, firstRender: true },
      { name: "b.js", gzip: 60_000, firstRender: false },
    ];
    expect(report(files).over).toHaveLength(2);
    const overDesign = report([
      { name: "a.js", gzip: 40_000, firstRender: true },
      { name: "b.js", gzip: 40_000, firstRender: false },
    ]);
    expect(overDesign.over).toEqual([]);
    expect(overDesign.lines.join("\n")).toMatch(/OVER BUDGET: everything shipped 80\.00 KB > 75 KB/);
    expect(report([{ name: "a.js", gzip: 40_000, firstRender: true }]).lines.join("\n")).not.toMatch(/OVER BUDGET/);
  });

  it("shares a file's gzip out among the libraries and the panel's own code by its source map", () => {
    // Line 1: 30 chars from Yjs, then 10 from the panel; line 2: 20 from the Zoom SDK, then 20 nobody claims.
    const code = `${"y".repeat(30)}${"p".repeat(9)}\n${"z".repeat(20)}${"g".repeat(19)}`;
    const map = {
      sources: [
        "../node_modules/yjs/dist/yjs.mjs",
        "../app/views/Summary.tsx",
        "../node_modules/@zoom/appssdk/dist/sdk.es.js",
      ],
      mappings: encode([
        [
          [0, 0, 0, 0],
          [30, 1, 0, 0],
        ],
        [[0, 2, 0, 0], [20]],
      ]),
    };
    const shares = originsOfChunk(code, map, 800);
    expect(shares.get("Yjs + lib0 + y-protocols")).toBe(300);
    expect(shares.get("Zoom SDK")).toBe(200);
    expect(shares.get(OWN_CODE)).toBe(300);
    const lines = originLines(new Map([...shares, ["stylesheet", 100]])).join("\n");
    expect(lines).toMatch(/0\.50 KB {2}= the libraries DESIGN\.md names/);
    expect(lines).toMatch(/0\.30 KB {2}panel code and strings/);
  });
});
