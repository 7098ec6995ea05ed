// Builds the panel from app/ into dist/, which the Worker serves as static assets, and reports its size against the budgets.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { reportSize } from "./scripts/reportSize.ts";

export default defineConfig({
  root: "app",
  plugins: [preact(), reportSize()],
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022", reportCompressedSize: false },
});
