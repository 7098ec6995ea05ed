// In a meeting's main room: where each breakout room's consultation stands, for the trainer overseeing the groups.
import type { BreakoutRoom } from "../../protocol/breakouts.ts";
import { closedEarly, isStep } from "../../protocol/model.ts";
import { PhaseName } from "../components/PhaseName.tsx";
import { useNow } from "../components/useNow.ts";
import { t, tn } from "../i18n/i18n.ts";
import type { RoomStore } from "../model/RoomStore.ts";
import { formatClock, remainingMs } from "../views/step/Timer.tsx";

export function BreakoutOverview({ store }: { store: RoomStore }) {
  const rooms = store.breakouts;
  const counting = rooms.some((r) => r.status.timer.status === "running" || r.status.timer.status === "expired");
  const now = useNow(() => store.serverNow(), counting ? 1000 : null);
  // Groups still at work whose step ran over: counted in the heading, and said once each to a screen reader.
  const over = rooms.filter((r) => r.status.online > 0 && isStep(r.status.phase) && isOver(r.status.timer, now));
  return (
    <section class="panel breakouts" aria-labelledby="breakouts-title">
      <h2 id="breakouts-title">
        {t("breakoutsTitle")}
        {over.length > 0 && <span class="badge breakout-over"> {t("breakoutsOver", { n: over.length })}</span>}
      </h2>
      <p class="muted">{t("breakoutsIntro")}</p>
      <p class="sr-only" aria-live="polite">
        {over.map((r) => t("breakoutOverAnnounce", { n: r.number })).join(" ")}
      </p>
      <ul class="breakout-list">
        {rooms.map((r) => (
          <BreakoutItem key={r.number} room={r} now={now} />
        ))}
      </ul>
    </section>
  );
}

function BreakoutItem({ room, now }: { room: BreakoutRoom; now: number }) {
  const s = room.status;
  const name = t("breakoutName", { n: room.number });
  return (
    <li class={`breakout ${s.online === 0 ? "breakout-empty" : ""}`}>
      <p class="breakout-head">
        <strong>{name}</strong>
        <span>{s.online === 0 ? t("breakoutEmpty") : t("breakoutOnline", { n: s.online })}</span>
      </p>
      <p class="breakout-where">
        {s.consultation > 1 && `${t("consultationNumber", { n: s.consultation })} · `}
        {closedEarly(s) && s.closedFrom ? (
          <>
            {t("closedEarly")} · <PhaseName phase={s.closedFrom} />
          </>
        ) : (
          <PhaseName phase={s.phase} />
        )}
        {/* An empty room's clock would only count on for nobody. */}
        {isStep(s.phase) && s.online > 0 && <Clock timer={s.timer} now={now} />}
      </p>
      <p class="breakout-who">
        {[
          s.animator && t("breakoutAnimator", { name: s.animator }),
          s.client && t("breakoutClient", { name: s.client }),
          s.phase === "consultation" || s.ideas > 0 ? tn("breakoutIdeas", s.ideas) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </li>
  );
}

function Clock({ timer, now }: { timer: BreakoutRoom["status"]["timer"]; now: number }) {
  if (timer.status === "idle") return null;
  const left = remainingMs(timer, now);
  const over = isOver(timer, now);
  return (
    <span class={`breakout-clock ${over ? "up" : ""}`}>
      {" · "}
      {over
        ? t("breakoutOver", { time: formatClock(Math.max(0, now - (timer.endsAt ?? now))) })
        : t(timer.status === "paused" ? "breakoutPaused" : "breakoutLeft", { time: formatClock(left) })}
    </span>
  );
}

function isOver(timer: BreakoutRoom["status"]["timer"], now: number): boolean {
  return timer.status === "expired" || (timer.status === "running" && remainingMs(timer, now) === 0);
}
