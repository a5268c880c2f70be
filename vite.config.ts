import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const apiTarget = process.env.INNOCLUSTER_API_URL ?? "http://localhost:3000";
const proxy = { "^/api/": { target: apiTarget, changeOrigin: false } };
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));
/**
 * The server's renderer of the public pages, loaded by src/server/ssr.ts:
 * `vite build --ssr src/web/entry.server.tsx` (scripts/build-web.mjs).
 */
const ssrOutDir = fileURLToPath(new URL("./dist/web-ssr", import.meta.url));

/**
 * Libraries every page needs, kept in chunks of their own so an app release does not change their
 * names (browsers keep them cached). Everything else — Mantine included — is split by Rolldown along
 * the lazy routes, so a page carries only the components it renders.
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes("node_modules")) return undefined;
  if (/[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/.test(id)) return "i18n";
  if (id.includes("@tanstack")) return "query";
  if (
    /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/.test(id)
  ) {
    return "react";
  }
  return undefined;
}

/**
 * Writes `.vite/modules.json`: for every JS chunk, its modules by rendered size. scripts/build-web.mjs
 * reads it with the manifest to say what a page's first screen is made of (the bundle report).
 */
function moduleStats(): Plugin {
  return {
    name: "innocluster:module-stats",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks: Record<string, { module: string; bytes: number }[]> = {};
      for (const item of Object.values(bundle)) {
        if (item.type !== "chunk") continue;
        chunks[item.fileName] = Object.entries(item.modules)
          .map(([id, m]) => ({
            module: path.relative(process.cwd(), id).replace(/\\/g, "/"),
            bytes: m.renderedLength,
          }))
          .filter((m) => m.bytes > 0)
          .sort((a, b) => b.bytes - a.bytes);
      }
      fs.mkdirSync(path.join(outDir, ".vite"), { recursive: true });
      this.emitFile({ type: "asset", fileName: ".vite/modules.json", source: JSON.stringify(chunks) });
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  envDir: fileURLToPath(new URL(".", import.meta.url)),
  plugins: isSsrBuild ? [react()] : [react(), moduleStats()],
  css: {
    postcss: fileURLToPath(new URL(".", import.meta.url)),
  },
  build: isSsrBuild
    ? // packages stay imports from node_modules; only the app's own code is bundled
      { outDir: ssrOutDir, emptyOutDir: true, sourcemap: false }
    : {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        // .vite/manifest.json: which chunks each page needs; the build's bundle budget reads it
        manifest: true,
        chunkSizeWarningLimit: 700,
        rollupOptions: {
          output: { manualChunks: vendorChunk },
        },
      },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
}));
