// Every test project; `npm test` runs them all (the end-to-end project builds and starts the app itself).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["./tests/vitest.workers.config.ts", "./tests/vitest.app.config.ts", "./tests/vitest.e2e.config.ts"],
  },
});
