// The one-click demo: the simulation joins first, the panel follows, and the banner tells how the demo goes.
import { render, screen } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { startDemo } from "../../app/model/demo.ts";
import { DemoBanner } from "../../app/views/DemoBanner.tsx";
import "./support/setup.ts";

type Options = { room: string; signal: AbortSignal; log: (line: string) => void };
const sim = vi.hoisted(() => ({ run: async (_opts: Options) => ({ ok: true, failure: null as string | null }) }));
vi.mock("../../protocol/sim/index.ts", () => ({ runConsultation: (opts: Options) => sim.run(opts) }));

describe("demo", () => {
  it("resolves once the simulated cast has joined, then reports the end of the run", async () => {
    let finish = () => {};
    const seen: Options[] = [];
    sim.run = async (opts) => {
      seen.push(opts);
      opts.log("5 participants joined");
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { ok: true, failure: null };
    };
    const demo = await startDemo("http://local", "demo-abc");
    expect(seen[0]?.room).toBe("demo-abc");
    render(<DemoBanner demo={demo} />);
    expect(screen.getByRole("status").textContent).toMatch(/Démo en cours/);
    finish();
    await screen.findByText("Démo terminée.");
    demo.stop();
    expect(seen[0]?.signal.aborted).toBe(true);
  });

  it("fails with the simulation's reason when it stops before anyone joined", async () => {
    sim.run = async () => ({ ok: false, failure: "dev mode is off" });
    await expect(startDemo("http://local", "demo-x")).rejects.toThrow("dev mode is off");
  });
});
