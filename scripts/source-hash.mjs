// A content hash of source folders and files, so a build runs only when what it reads changed.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Hashes the files under `dirs` (test files excluded; `include` filters by name) and the `files`. */
export function hashSources(root, { dirs, files, include = () => true }) {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name) && include(e.name))
        h.update(path.relative(root, p)).update(fs.readFileSync(p));
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  for (const f of files) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) h.update(f).update(fs.readFileSync(p));
  }
  return h.digest("hex");
}
