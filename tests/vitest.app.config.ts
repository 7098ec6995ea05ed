// Panel component and model tests in a DOM environment (happy-dom), with a fake socket in memory.
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  plugins: [preact()],
  test: {
    name: "app",
    root,
    environment: "happy-dom",
    include: ["tests/app/**/*.test.{ts,tsx}"],
  },
});
