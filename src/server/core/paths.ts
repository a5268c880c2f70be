import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this file with a package.json. The same code runs from
 * `src/server/core/paths.ts` (tsx in development and tests) and bundled into `dist/server/main.mjs`
 * (`npm start`), so files the server reads at run time are found from here, never from `import.meta.url`.
 */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("package.json not found above the server's code");
    dir = up;
  }
  return dir;
})();

/** Run-time assets kept beside the sources (read from the repository in every mode). */
export const MIGRATIONS_DIR = path.join(ROOT, "src/server/db/migrations");
export const WEB_ROOT = path.join(ROOT, "dist/web");
