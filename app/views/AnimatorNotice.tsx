// Tells a person, politely, that they animate now (handed over, or on the animator's leaving), until the phase moves on.
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n/i18n.ts";
import type { ViewProps } from "../model/viewProps.ts";

export function AnimatorNotice({ state, me }: Omit<ViewProps, "store">) {
  const previous = useRef(me.role);
  const [since, setSince] = useState<string | null>(null);
  const phase = state.consultation.phase;
  useEffect(() => {
    if (me.role === "animator" && previous.current !== "animator") setSince(phase);
    previous.current = me.role;
  }, [me.role]);
  // The live region is always there, so its text is announced when it appears.
  return (
    <div role="status" aria-live="polite">
      {since === phase && me.role === "animator" && <p class="notice">{t("nowAnimating")}</p>}
    </div>
  );
}
