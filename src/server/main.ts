import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./core/config.js";
import { openDatabase } from "./core/db.js";
import { removeUnattachedFiles } from "./core/files.js";
import type { ScheduledJob } from "./core/jobs.js";
import { acquireDataDirLock, LockedError } from "./core/lock.js";
import { cleanUpMail, MailDispatcher } from "./core/mail.js";
import { cleanUpRateLimits } from "./core/ratelimit.js";
import { openStorage } from "./core/storage.js";
import { MODULES } from "./modules/index.js";
import { flushNavigatorSearches } from "./modules/measures/measures.usage.js";
import { demoAccountsText, isSeeded, seed } from "./seed/index.js";
import { seedFailedJob } from "./seed/jobs.js";

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  await database.migrate();
  let seeded = false;
  if (config.seed === "auto" && !(await isSeeded(database.db))) {
    console.log("Empty database: seeding the demo data set…");
    await seed(database.db, "demo", undefined, openStorage(config.storage));
    seeded = true;
  }

  let mail: MailDispatcher | undefined;
  const app = await buildApp({
    services: { database, config, mailQueued: () => void mail?.kick() },
  });
  if (config.smtpUrl) {
    mail = new MailDispatcher(database.db, config.smtpUrl, config.mailFrom, app.log);
    mail.start();
  }

  // The modules' periodic jobs (digests, reminders, clean-ups) and core's housekeeping — stored mails
  // drop expired tokens, sent mail goes after 30 days, files no record took go after a day — on the job
  // queue in the same database: each tick runs once across all app servers.
  const scheduled: ScheduledJob[] = [
    { name: "mail.clean-up", cron: "*/10 * * * *", run: async ({ db }) => void (await cleanUpMail(db)) },
    {
      name: "files.clean-up",
      cron: "17 * * * *",
      run: async ({ db, storage }) => void (await removeUnattachedFiles(db, storage)),
    },
    // Shared rate-limit counters of windows that ended (RATE_LIMIT_STORE=database).
    {
      name: "rate-limit.clean-up",
      cron: "*/10 * * * *",
      run: async ({ db }) => void (await cleanUpRateLimits(db)),
    },
    ...MODULES.flatMap((m) => m.jobs ?? []),
  ];

  // The queue the app sends to (made by buildApp from the manifests' `queued`) starts working now.
  const jobs = app.services.jobs;
  await jobs.start({
    database,
    config,
    storage: app.services.storage,
    scheduled,
    mailQueued: () => void mail?.kick(),
    log: app.log,
    // The demo's failed job for /admin/jobs, when this start seeded the demo.
    prepare: seeded ? async (boss) => void (await seedFailedJob(boss, database.db)) : undefined,
  });

  // Data a migration cannot move (files into the storage), jobs sent again — once, before serving.
  for (const m of MODULES)
    await m.onStart?.({ db: database.db, config, storage: app.services.storage, jobs: app.services.jobs });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("shutdown took over 15 s; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await flushNavigatorSearches(database.db).catch(() => {}); // the last seconds' navigator searches
      await jobs.stop();
      await mail?.stop();
      await database.close();
    } finally {
      release();
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ host: config.host, port: config.port });
  const where = config.databaseUrl ? "PostgreSQL server" : `embedded PGlite in ${config.dataDir}`;
  console.log(
    `\nInnocluster is running on ${config.publicUrl} (${where}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`API documentation: ${config.publicUrl}/api/docs`);
  console.log(`Node.js ${process.versions.node}`);
  if (Number(process.versions.node.split(".")[0]) < 24)
    console.warn(
      "Warning: Innocluster is built for Node.js 24 LTS; run it through npm (npm start), which uses node_modules/.bin/node.",
    );
  if (config.devMailbox)
    console.log(`Development mailbox (this machine and admins only): ${config.publicUrl}/dev/mail`);
  else if (!config.smtpUrl) console.log("Mail is not sent (no SMTP_URL) and the development mailbox is off.");
  if (seeded || (config.seed === "auto" && config.env !== "production"))
    console.log(`\n${demoAccountsText()}\n`);
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof LockedError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
