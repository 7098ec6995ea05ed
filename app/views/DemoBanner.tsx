// Tells the person watching the demo that simulated participants are moving the consultation on, and when they stop.
import { td } from "../i18n/dev.ts";
import type { Demo } from "../model/demo.ts";
import { useObserve } from "../model/observable.ts";
import "./dev.css";

const TEXT = { running: "demoRunning", done: "demoDone", failed: "demoUnavailable" } as const;

export function DemoBanner({ demo }: { demo: Demo }) {
  useObserve(demo.status);
  return (
    <p class={`demo-banner demo-${demo.status.value}`} role="status">
      {td(TEXT[demo.status.value])}
    </p>
  );
}
