// Builds the web app into dist/web when its sources changed since the last build (a content hash
// of src/web, src/shared and the build configuration is kept in dist/web/.source-hash) — and, first,
// its server renderer of the public pages into dist/web-ssr (`vite build --ssr`), writes a
// brotli (.br) and a gzip (.gz) copy of every asset beside it (the server sends them as they are), and
// checks the bundle budget of the public pages (scripts/web-budget.mjs): over budget, the build fails.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { hashSources } from "./source-hash.mjs";
import {
  BUDGET_BYTES,
  formatReport,
  gzipSizeOf,
  measurePages,
  overBudget,
  PUBLIC_PAGES,
} from "./web-budget.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/web");
const stampFile = path.join(out, ".source-hash");

/** Resolves true when it built, false when the existing build was current; rejects when the build fails. */
export function buildWeb({ force = false } = {}) {
  const wanted = hashSources(root, {
    dirs: ["src/web", "src/shared", "src/locales"],
    files: [
      "vite.config.ts",
      "postcss.config.cjs",
      "package-lock.json",
      "scripts/build-web.mjs",
      "scripts/web-budget.mjs",
    ],
  });
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (!force && wanted === have && fs.existsSync(path.join(out, "index.html"))) return Promise.resolve(false);
  // A stale build must not be served while the new one is made.
  fs.rmSync(path.join(out, "index.html"), { force: true });
  const t = Date.now();
  console.log("Building the web app…");
  // The renderer first: index.html (written last) is what says the new build is there.
  return vite(
    ["build", "--ssr", path.join(root, "src/web/entry.server.tsx"), "--logLevel", "warn"],
    "The web app's server renderer",
  )
    .then(() => vite(["build", "--logLevel", "warn"], "The web app"))
    .then(() => {
      try {
        const compressed = precompress(path.join(out, "assets"));
        checkBudget();
        fs.writeFileSync(stampFile, wanted);
        console.log(
          `Web app built in ${((Date.now() - t) / 1000).toFixed(1)} s (${compressed} assets precompressed)`,
        );
        return true;
      } catch (err) {
        fs.rmSync(path.join(out, "index.html"), { force: true });
        throw err;
      }
    });
}

/** Runs the Vite CLI; rejects when it fails. */
function vite(args, what) {
  return new Promise((resolve, reject) => {
    const bin = path.join(root, "node_modules/vite/bin/vite.js");
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed to build (see above).`)),
    );
  });
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map|woff)$/;

/** Writes file.br (brotli, best) and file.gz (gzip, best) beside every compressible asset. */
function precompress(dir) {
  let n = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!COMPRESSIBLE.test(name) || !fs.statSync(file).isFile()) continue;
    const data = fs.readFileSync(file);
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    n++;
  }
  return n;
}

/** Measures the public pages' first-paint JavaScript, writes the report, throws when over budget. */
function checkBudget() {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, ".vite/manifest.json"), "utf8"));
  const modulesFile = path.join(out, ".vite/modules.json");
  const modules = fs.existsSync(modulesFile) ? JSON.parse(fs.readFileSync(modulesFile, "utf8")) : {};
  const sizeOf = gzipSizeOf(out);
  const rows = measurePages(manifest, PUBLIC_PAGES, sizeOf);
  const report = formatReport(rows, { sizeOf, modules });
  fs.writeFileSync(path.join(out, ".vite/bundle-report.txt"), report);
  console.log(report.split("\n\n")[0]);
  const over = overBudget(rows, BUDGET_BYTES);
  if (over.length)
    throw new Error(
      `The web app is over its bundle budget (see dist/web/.vite/bundle-report.txt):\n  ${over.join("\n  ")}`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb({ force: process.argv.includes("--force") }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
