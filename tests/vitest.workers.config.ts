// Protocol and Worker tests, run inside workerd with the real Durable Objects and a local D1 migrated from drizzle/.
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: `${root}/wrangler.toml` },
      miniflare: {
        bindings: {
          DEV_MODE: "true",
          SESSION_SECRET: "test-session-secret-0123456789abcdef",
          ZOOM_CLIENT_ID: "test-zoom-client-id",
          ZOOM_CLIENT_SECRET: "test-zoom-client-secret",
          TEST_MIGRATIONS: await readD1Migrations(`${root}/drizzle`),
        },
      },
    })),
  ],
  test: {
    name: "workers",
    root,
    include: ["tests/protocol/**/*.test.ts", "tests/worker/**/*.test.ts"],
    setupFiles: ["tests/worker/applyMigrations.ts"],
  },
});
