// Shared per-test hygiene for panel tests: unmount, close connections, forget stored preferences, French again.
import { cleanup } from "@testing-library/preact";
import { afterEach } from "vitest";
import { lang } from "../../../app/i18n/i18n.ts";
import { closePanels } from "./participants.tsx";

afterEach(() => {
  cleanup();
  closePanels();
  localStorage.clear();
  lang.value = "fr";
});
