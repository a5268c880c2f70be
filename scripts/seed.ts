// `npm run seed -- [--scale demo|full] [--reset]`: seeds the database named by DATABASE_URL, or the
// PGlite folder DATA_DIR (default ./data). --scale full builds the PRODUCT.md scale for benchmarks.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/server/core/config.js";
import { openDatabase } from "../src/server/core/db.js";
import { acquireDataDirLock } from "../src/server/core/lock.js";
import { openStorage } from "../src/server/core/storage.js";
import { demoAccountsText, isSeeded, type Scale, seed } from "../src/server/seed/index.js";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "demo" }, reset: { type: "boolean", default: false } },
});
if (values.scale !== "demo" && values.scale !== "full") {
  console.error("--scale must be demo or full");
  process.exit(2);
}
const scale = values.scale as Scale;
const config = loadConfig();

if (values.reset && !config.databaseUrl) fs.rmSync(config.dataDir, { recursive: true, force: true });
const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
});
try {
  if (values.reset && config.databaseUrl) {
    await database.rawQuery("drop schema if exists public cascade");
    await database.rawQuery("drop schema if exists drizzle cascade");
    await database.rawQuery("create schema public");
  }
  await database.migrate();
  if (await isSeeded(database.db)) {
    console.error("The database already has data. Run with --reset to start over.");
    process.exitCode = 1;
  } else {
    const t0 = Date.now();
    let last = 0;
    await seed(
      database.db,
      scale,
      (label, done, total) => {
        const now = Date.now();
        if (done < total && now - last < 200) return;
        last = now;
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stdout.write(
          `\r  ${label.padEnd(14)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`,
        );
        if (done >= total) process.stdout.write("\n");
      },
      openStorage(config.storage),
    );
    console.log(`Seeded (${scale}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(demoAccountsText());
  }
} finally {
  await database.close();
  release();
}
