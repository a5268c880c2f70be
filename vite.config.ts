import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = process.env.INNOCLUSTER_API_URL ?? "http://localhost:3000";
const proxy = { "^/api/": { target: apiTarget, changeOrigin: false } };

function vendorChunk(id: string): string | undefined {
  if (!id.includes("node_modules")) return undefined;
  if (id.includes("@mantine")) return "mantine";
  if (id.includes("i18next")) return "i18n";
  if (id.includes("@tanstack")) return "query";
  if (
    /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/.test(id)
  ) {
    return "react";
  }
  return "vendor";
}

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  envDir: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  css: {
    postcss: fileURLToPath(new URL(".", import.meta.url)),
  },
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
