// Builds the server into dist/server/main.mjs when its sources changed since the last build (a content
// hash of src/server, src/shared and the lock file is kept in dist/server/.source-hash). esbuild bundles
// our TypeScript into one ES module; packages stay imports from node_modules (PGlite, argon2 and others
// load files and native code of their own). `npm start` runs the result on plain Node: no TypeScript
// loader at run time. Migrations and other run-time files are read from the repository (core/paths.ts).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { hashSources } from "./source-hash.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/server");
export const SERVER_ENTRY = path.join(out, "main.mjs");
const stampFile = path.join(out, ".source-hash");

/** Resolves true when it built, false when the existing build was current; rejects when the build fails. */
export async function buildServer({ force = false } = {}) {
  const wanted = hashSources(root, {
    dirs: ["src/server", "src/shared"],
    files: ["package-lock.json", "tsconfig.json", "scripts/build-server.mjs"],
    include: (name) => /\.tsx?$/.test(name),
  });
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (!force && wanted === have && fs.existsSync(SERVER_ENTRY)) return false;
  const t = Date.now();
  fs.rmSync(stampFile, { force: true });
  await build({
    entryPoints: [path.join(root, "src/server/main.ts")],
    outfile: SERVER_ENTRY,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node24",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  });
  fs.writeFileSync(stampFile, wanted);
  console.log(`Server built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer({ force: process.argv.includes("--force") }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
