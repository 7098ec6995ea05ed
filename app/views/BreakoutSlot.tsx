// Where a meeting's main room shows its breakout rooms; the overview's code loads only once a breakout room reports.
import { useEffect, useState } from "preact/hooks";
import type { RoomStore } from "../model/RoomStore.ts";

type OverviewModule = typeof import("../breakouts/BreakoutOverview.tsx");

export function BreakoutSlot({ store }: { store: RoomStore }) {
  const [mod, setMod] = useState<OverviewModule | null>(null);
  const wanted = store.breakouts.length > 0;
  useEffect(() => {
    if (!wanted || mod) return;
    let live = true;
    import("../breakouts/BreakoutOverview.tsx").then(
      (m) => live && setMod(m),
      (err: unknown) => console.error("breakouts: overview failed to load", err),
    );
    return () => {
      live = false;
    };
  }, [wanted, mod]);
  return wanted && mod ? <mod.BreakoutOverview store={store} /> : null;
}
