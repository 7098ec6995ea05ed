// The panel's root: runs the start-up sequence and shows the screen it reaches.
import { useEffect, useState } from "preact/hooks";
import { lang, t } from "./i18n/i18n.ts";
import { useObserve } from "./model/observable.ts";
import { type Screen, startUp } from "./startUp.ts";

export function App({ baseUrl }: { baseUrl: string }) {
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });
  useObserve(lang);
  useEffect(() => startUp(baseUrl, setScreen), [baseUrl]);
  switch (screen.kind) {
    case "loading":
      return (
        <p class="loading" role="status">
          {t("loading")}
        </p>
      );
    case "failed":
      return (
        <main class="page">
          <p class="feedback" role="alert">
            {screen.message}
          </p>
          <button type="button" class="primary" onClick={screen.retry}>
            {t("retry")}
          </button>
        </main>
      );
    case "notInZoom":
      return <screen.NotInZoom />;
    case "start":
      return <screen.start.StartPage error={screen.error} onJoin={screen.onJoin} onDemo={screen.onDemo} />;
    case "room":
      return <screen.room.RoomView store={screen.store} onLeave={screen.onLeave} banner={screen.banner} />;
  }
}
