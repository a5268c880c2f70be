import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { PUBLIC_PAGES } from "./scripts/web-budget.mjs";

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
  // <Trans> (and its HTML parser) serves two signed-in forms: it goes with them, not into every page
  if (/[\\/]react-i18next[\\/].*[\\/]Trans(WithoutContext)?\.js$/.test(id)) return undefined;
  if (/[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/.test(id)) return "i18n";
  if (id.includes("@tanstack")) return "query";
  if (
    /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/.test(id)
  ) {
    return "react";
  }
  return undefined;
}

const RU_TEXTS_DIR = fileURLToPath(new URL("./src/locales/ru/", import.meta.url));
const WEB_DIR = fileURLToPath(new URL("./src/web/", import.meta.url));
const RU_TEXTS = "virtual:ru-texts/";

/**
 * Russian messages per module: a module of src/web that names a key of `src/locales/ru/<file>.json`
 * (a string starting `"<file>.`, as in `t("auth.signIn.title")`, `i18nKey="…"`, `` t(`common.roles.${r}`) ``)
 * gets an import that adds that file's messages to i18next (`addRussianTexts`) before it runs. Rolldown
 * then puts each file beside the code reading it: a page's chunk carries its feature's texts, the entry
 * the shell's. English stays one chunk, fetched when chosen (src/web/i18n). Client build only.
 */
export function ruTextsPerModule(): Plugin {
  const texts = new Map(
    fs
      .readdirSync(RU_TEXTS_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [
        f.slice(0, -".json".length),
        JSON.parse(fs.readFileSync(path.join(RU_TEXTS_DIR, f), "utf8")),
      ]),
  );
  // (abilities share the files' names: `can("admin.jobs")`, `ability="audit.read"` are not keys)
  const named = new RegExp(
    `(?<!(?:can\\(|ability=|ability: ))["'\`]((?:${[...texts.keys()].join("|")})\\.[\\w.]+)`,
    "g",
  );
  // a key or a key's prefix of that file ("admin.jobs.nav", `common.roles.${…}`), not an ability or a
  // path that merely starts with its name ("admin.users.list")
  const i18nDir = path.join(WEB_DIR, "i18n");
  const isKey = (literal: string): boolean => {
    const [file = "", ...parts] = literal.replace(/\.$/, "").split(".");
    let node: unknown = texts.get(file);
    for (const [i, part] of parts.entries()) {
      const here = node as Record<string, unknown> | undefined;
      if (here && typeof here === "object" && part in here) node = here[part];
      else if (i === parts.length - 1 && here && typeof here === "object")
        return Object.keys(here).some((k) => k.startsWith(`${part}_`)); // plural forms
      else return false;
    }
    return true;
  };
  return {
    name: "innocluster:ru-texts",
    apply: "build",
    enforce: "pre",
    resolveId: (id) => (id.startsWith(RU_TEXTS) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${RU_TEXTS}`)) return undefined;
      const file = id.slice(RU_TEXTS.length + 1);
      return [
        `import { addRussianTexts } from ${JSON.stringify(path.join(i18nDir, "index.ts"))};`,
        `import texts from ${JSON.stringify(path.join(RU_TEXTS_DIR, `${file}.json`))};`,
        `addRussianTexts({ ${JSON.stringify(file)}: texts });`,
      ].join("\n");
    },
    transform(code, id) {
      if (!id.startsWith(WEB_DIR) || id.startsWith(i18nDir) || !/\.tsx?$/.test(id)) return undefined;
      const used = new Set(
        [...code.matchAll(named)].filter((m) => isKey(m[1] ?? "")).map((m) => (m[1] ?? "").split(".")[0]),
      );
      if (used.size === 0) return undefined;
      return { code: `${[...used].map((f) => `import "${RU_TEXTS}${f}";`).join("")}${code}`, map: null };
    },
  };
}

const SHARED_DIR = fileURLToPath(new URL("./src/shared/", import.meta.url));
const LATER = "\0shared-texts-later:";

/**
 * The shared catalogue (src/shared/catalogue.ts) in the browser: its Russian files come with the code
 * reading them; another language's file imported there becomes `null`, and src/web/i18n/en.ts adds it
 * when English is chosen (`addSharedTexts`). The vocabularies' English labels were 2.5 kB of a catalog
 * page's first JavaScript. Client build only: the server's renderer and the tests keep every language.
 */
export function sharedTextsOnDemand(): Plugin {
  return {
    name: "innocluster:shared-texts-on-demand",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer?.startsWith(SHARED_DIR)) return undefined;
      const [, lang, file] = /[\\/]locales[\\/](\w+)[\\/]shared[\\/](\w+)\.json$/.exec(source) ?? [];
      // (no ".json" at the end: Vite's JSON plugin would parse the empty file)
      return lang && lang !== "ru" ? `${LATER}${lang}/${file}` : undefined;
    },
    load: (id) => (id.startsWith(LATER) ? "export default null;" : undefined),
  };
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

/**
 * Every lazy page the entry can import costs the entry that chunk's list of dependencies to preload
 * (`__vite__mapDeps`: ~4.5 kB of gzip for fifty pages, paid by every visitor's first screen). The entry
 * keeps the lists of the public pages (scripts/web-budget.mjs, and sign-in, sign-up and "not found"), which a
 * visitor may open first; a signed-in page is reached from a loaded shell whose shared chunks (React,
 * Mantine, the API client) are already there, and the browser fetches its remaining imports as it reads
 * it. Imports made by the pages themselves keep their lists.
 */
const PRELOADED_FROM_ENTRY = new Set([
  ...PUBLIC_PAGES.map((p: { module: string }) => path.basename(p.module).replace(/\.tsx?$/, "")),
  "NotFoundPage",
  "SignInPage",
  "SignUpPage",
]);
function signedInPagesPreload(
  filename: string,
  deps: string[],
  context: { hostId: string; hostType: string },
) {
  if (context.hostType !== "js" || !/^assets\/index-[\w-]+\.js$/.test(context.hostId)) return deps;
  const chunk = path.basename(filename).replace(/-[\w-]{8}\.js$/, "");
  return PRELOADED_FROM_ENTRY.has(chunk) ? deps : [];
}

export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  envDir: fileURLToPath(new URL(".", import.meta.url)),
  plugins: isSsrBuild ? [react()] : [ruTextsPerModule(), sharedTextsOnDemand(), react(), moduleStats()],
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
        // every browser the app supports preloads modules itself (the polyfill was 0.5 kB of the entry);
        // the entry names the dependencies to preload of the public pages only (signedInPagesPreload)
        modulePreload: { polyfill: false, resolveDependencies: signedInPagesPreload },
        chunkSizeWarningLimit: 700,
        rollupOptions: {
          output: { manualChunks: vendorChunk },
        },
      },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
}));
