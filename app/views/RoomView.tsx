// The live panel: header, connection state, and the view for the current phase.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { assertNever } from "../../protocol/errors.ts";
import { isStep } from "../../protocol/model.ts";
import { lang, t } from "../i18n/i18n.ts";
import { useObserve } from "../model/observable.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import type { ViewProps } from "../model/viewProps.ts";
import { AnimatorNotice } from "./AnimatorNotice.tsx";
import { BreakoutSlot } from "./BreakoutSlot.tsx";
import { ConnectionBanner } from "./ConnectionBanner.tsx";
import { Choice } from "./choice/Choice.tsx";
import { FollowUp } from "./FollowUp.tsx";
import { Header } from "./Header.tsx";
import { Lobby } from "./lobby/Lobby.tsx";
import { ObserverView } from "./ObserverView.tsx";
import { Summary } from "./Summary.tsx";
import { StepView } from "./step/StepView.tsx";

interface Props {
  store: RoomStore;
  /** Leaving is offered in dev mode only; inside Zoom the panel lives as long as the meeting. */
  onLeave: (() => void) | null;
  /** Shown under the connection state: the demo's banner in dev mode (the local build only). */
  banner?: ComponentChildren;
}

export function RoomView({ store, onLeave, banner }: Props) {
  useObserve(store.changes, lang);
  const state = store.state;
  const me = store.me;
  const lastFocus = useRef<EventTarget | null>(null);
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The sticky top's height, however it wraps and with the connection state or not, as the page's scroll-padding:
    // a control the keyboard reaches is never left under it (WCAG 2.4.11).
    const el = top.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.scrollPaddingTop = `${el.offsetHeight + 8}px`;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    // A phase change (or a choice) removes the control just used: focus goes to the new view's heading, not the page's
    // top. A frame later, so that a view placing the focus itself (the headline card, once its form is sent) goes first:
    // this parent's effects run before its children's.
    const last = lastFocus.current;
    if (!(last instanceof Element) || last.isConnected) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (last.isConnected || (active && active !== document.body)) return;
      const heading = document.querySelector<HTMLElement>(".room-main h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    });
    return () => cancelAnimationFrame(frame);
  });
  return (
    <div class="room" onFocusIn={(e) => (lastFocus.current = e.target)}>
      {/* The connection state stays in sight with the header while reconnecting. */}
      <div class="room-top" ref={top}>
        <Header store={store} onLeave={onLeave} />
        <ConnectionBanner store={store} />
      </div>
      {banner}
      <main class="room-main">
        {state && me ? (
          <>
            <AnimatorNotice state={state} me={me} />
            <BreakoutSlot store={store} />
            <PhaseView store={store} state={state} me={me} />
          </>
        ) : state && store.observing ? (
          <ObserverView store={store} state={state} />
        ) : (
          <p class="loading" role="status">
            {t("joining")}
          </p>
        )}
      </main>
    </div>
  );
}

function PhaseView(props: ViewProps) {
  const phase = props.state.consultation.phase;
  if (isStep(phase)) return <StepView {...props} step={phase} />;
  switch (phase) {
    case "lobby":
      return <Lobby {...props} />;
    case "followUp":
      return <FollowUp {...props} />;
    case "choice":
      return <Choice {...props} />;
    case "closed":
      return <Summary {...props} />;
    default:
      return assertNever(phase);
  }
}
