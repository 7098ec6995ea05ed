// Builds the panel from app/ into dist/, which the Worker serves as static assets.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  root: "app",
  plugins: [preact()],
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
});
