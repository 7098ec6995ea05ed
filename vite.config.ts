// Builds the panel from app/ into dist/, which the Worker serves as static assets, and reports its size against the budgets.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { reportSize } from "./scripts/reportSize.ts";

export default defineConfig({
  root: "app",
  plugins: [preact(), reportSize()],
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // Zoom's embedded browser and current browsers preload modules natively; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // One chunk for the live panel and the start page (both fetched at start-up anyway); small shared chunks
        // would each cost their own overhead. English and the demo's simulation stay apart, fetched on demand.
        manualChunks(id) {
          if (id.includes("/protocol/sim/") || id.includes("/i18n/en.ts")) return null;
          if (id.includes("/app/views/") || id.includes("/app/components/")) return "panel";
          return null;
        },
      },
    },
  },
});
