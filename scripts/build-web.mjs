// Builds the web app into dist/web when its sources changed since the last build (a content hash
// of src/web, src/shared and the build configuration is kept in dist/web/.source-hash).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/web");
const stampFile = path.join(out, ".source-hash");

function hashSources() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) h.update(path.relative(root, p)).update(fs.readFileSync(p));
    }
  };
  walk(path.join(root, "src/web"));
  walk(path.join(root, "src/shared"));
  for (const f of ["vite.config.ts", "postcss.config.cjs", "package-lock.json"]) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) h.update(f).update(fs.readFileSync(p));
  }
  return h.digest("hex");
}

/** Resolves true when it built, false when the existing build was current; rejects when the build fails. */
export function buildWeb({ force = false } = {}) {
  const wanted = hashSources();
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
