// Builds the panel from app/ into dist/, which the Worker serves as static assets, and reports its size against the budgets.
// `vite build` is the production build (what ships to Zoom); `vite build --mode devtools` adds dev mode's start page and
// demo for `npm start` and the end-to-end tests.
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { reportSize } from "./scripts/reportSize.ts";

export default defineConfig(({ mode }) => ({
  root: "app",
  plugins: [preact(), classicJsx(), preloadRoom(), reportSize({ shipped: mode === "production" })],
  build: {
    outDir: mode === "devtools" ? "../dist-local" : "../dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    // Source maps only for the size report, which shares each file's bytes out by origin; it leaves them out of the
    // bundle ("hidden": no file names them either).
    sourcemap: "hidden",
    // One stylesheet for the whole panel: the note pad's and memory views' rules are small, and one file
    // compresses better than three (and their chunks need no stylesheet of their own to fetch).
    cssCodeSplit: false,
    // No preload lists for dynamic imports: every chunk fetched on demand (English, the note pad, the memory views)
    // depends only on the entry and the live room's chunk, both loaded by then, so the lists would only add bytes.
    modulePreload: false,
    rolldownOptions: {
      output: {
        // One chunk for the live room (its views, model and protocol, fetched at start-up anyway); one for what
        // the panel fetches once it shows: the note pad with Yjs and the group memory views, which every participant
        // needs within the meeting's first minutes (the lobby shows the group, every step the note pad), so one
        // file compresses better than two. Small shared chunks would each cost their own overhead and compress
        // worse. observable.ts and remembered.ts stay in the entry, which needs them for the language; the demo's
        // simulation (local build only) stays in its own chunk, fetched when a demo starts. English (the panel's
        // table, which brings the memory views' with it) is its own chunk by itself: left out of any group, the
        // module it is fetched through is the chunk's facade, with no namespace helper to ship.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: "deferred",
              test: /\/app\/(memory\/(?!mounts|i18n\/en)|notepad\/|breakouts\/)|\/protocol\/notepad|\/node_modules\/(yjs|lib0|y-protocols)\//,
            },
            {
              name: "panel",
              test: /\/app\/(roomEntry|views\/|components\/|memory\/mounts|i18n\/stepNames)|\/app\/model\/(?!observable|remembered|demo)|\/protocol\/(?!notepad|sim\/)/,
            },
          ],
        },
      },
    },
  },
}));

/**
 * Compiles the panel's JSX to Preact's `h(type, props, ...children)` instead of the automatic runtime's
 * `jsx(type, { ...props, children })`: the same elements, in fewer bytes per element and without the jsx-runtime
 * module. Each .tsx file gets the import after its last line (imports are hoisted; every position before it stays,
 * so the source map needs no change), under names no code uses.
 */
function classicJsx(): Plugin {
  return {
    name: "codev-classic-jsx",
    config: () => ({ oxc: { jsx: { runtime: "classic", pragma: "_jsxH", pragmaFrag: "_jsxF" } } }),
    transform: {
      order: "pre",
      filter: { id: /\.tsx$/ },
      handler: (code) => ({ code: `${code}\nimport { h as _jsxH, Fragment as _jsxF } from "preact";\n`, map: null }),
    },
  };
}

/**
 * Lets the browser fetch the live room's chunk alongside the entry instead of once the entry has run (start-up
 * imports it at once in every case): one `modulepreload` link in index.html, for the chunk holding roomEntry.ts.
 */
function preloadRoom(): Plugin {
  return {
    name: "codev-preload-room",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (_html, ctx) => {
        const room = Object.values(ctx.bundle ?? {}).find(
          (f) => f.type === "chunk" && f.moduleIds.some((id) => id.endsWith("/app/roomEntry.ts")),
        );
        if (!room) return [];
        return [
          {
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${room.fileName}` },
            injectTo: "head",
          },
        ];
      },
    },
  };
}
