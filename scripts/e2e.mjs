// `npm run test:e2e`: browser tests in Debian's Chromium. Without /usr/bin/chromium they are skipped
// with a clear message — except under CI (CI=true), where a missing browser is a failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { buildServer } from "./build-server.mjs";
import { buildWeb } from "./build-web.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  if (process.env.CI) {
    console.error(
      `test:e2e — FAILED: ${chromium} not found, and CI requires the browser tests (apt-get install chromium).`,
    );
    process.exit(1);
  }
  console.log(
    `\n*** test:e2e — browser tests SKIPPED: ${chromium} not found. Install it with: sudo apt-get install chromium ***\n`,
  );
  process.exit(0);
}
try {
  // The browser tests run the compiled server, as `npm start` does.
  await Promise.all([buildWeb(), buildServer()]);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--project", "e2e", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(r.status ?? 1);
