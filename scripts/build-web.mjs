// Builds the web app into dist/web when its sources changed since the last build (a content hash
// of src/web, src/shared and the build configuration is kept in dist/web/.source-hash).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashSources } from "./source-hash.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/web");
const stampFile = path.join(out, ".source-hash");

/** Resolves true when it built, false when the existing build was current; rejects when the build fails. */
export function buildWeb({ force = false } = {}) {
  const wanted = hashSources(root, {
    dirs: ["src/web", "src/shared", "src/locales"],
    files: ["vite.config.ts", "postcss.config.cjs", "package-lock.json"],
  });
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (!force && wanted === have && fs.existsSync(path.join(out, "index.html"))) return Promise.resolve(false);
  // A stale build must not be served while the new one is made.
  fs.rmSync(path.join(out, "index.html"), { force: true });
  const t = Date.now();
  console.log("Building the web app…");
  return new Promise((resolve, reject) => {
    const vite = path.join(root, "node_modules/vite/bin/vite.js");
    const child = spawn(process.execPath, [vite, "build", "--logLevel", "warn"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error("The web app failed to build (see above)."));
      fs.writeFileSync(stampFile, wanted);
      console.log(`Web app built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      resolve(true);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb({ force: process.argv.includes("--force") }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
