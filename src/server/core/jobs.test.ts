import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig, testDatabase } from "../test/helpers.js";
import type { Database } from "./db.js";
import { enqueue, type Jobs, type QueuedJob, startJobs } from "./jobs.js";
import { openStorage } from "./storage.js";

const silent = { info: () => {}, error: () => {} };

describe("the job queue on the platform's database (pg-boss)", () => {
  let database: Database;
  let jobs: Jobs;
  const runs: string[] = [];
  let failures = 0;
  const record: QueuedJob<{ label: string }> = {
    name: "test.record",
    run: async ({ db }, data) => {
      runs.push(data.label);
      await db.execute(sql`select 1`);
      return undefined;
    },
  };
  const broken: QueuedJob<{ n: number }> = {
    name: "test.broken",
    run: async () => {
      failures++;
      throw new Error("the mail server refused the connection");
    },
  };

  beforeAll(async () => {
    database = await testDatabase();
    const config = testConfig();
    jobs = await startJobs({
      database,
      config,
      storage: openStorage(config.storage),
      scheduled: [{ name: "test.every-ten-minutes", cron: "*/10 * * * *", run: async () => undefined }],
      queued: [record, broken] as QueuedJob<never>[],
      mailQueued: () => {},
      log: silent,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await database.close();
  });

  it("keeps the schedules in the database, in Moscow time", async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.options?.tz])).toContainEqual([
      "test.every-ten-minutes",
      "*/10 * * * *",
      "Europe/Moscow",
    ]);
  });

  it("runs a job sent in a committed transaction once, and never one whose transaction rolled back", async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueue(jobs.boss, tx, record, { label: "rolled back" });
        throw new Error("the request failed after sending");
      })
      .catch(() => {});
    await database.db.transaction((tx) => enqueue(jobs.boss, tx, record, { label: "committed" }));
    await expect.poll(() => runs, { timeout: 15_000 }).toContain("committed");
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toEqual(["committed"]);
  });

  it("retries a failing job, then keeps it as failed with its error", async () => {
    await database.db.transaction((tx) => enqueue(jobs.boss, tx, broken, { n: 1 }));
    await expect.poll(() => failures, { timeout: 30_000, interval: 250 }).toBe(4);
    const failed = async () => (await jobs.boss.findJobs(broken.name)).filter((j) => j.state === "failed");
    await expect.poll(async () => (await failed()).length, { timeout: 15_000 }).toBe(1);
    const [job] = await failed();
    expect(job?.retryCount).toBe(3);
    expect(JSON.stringify(job?.output)).toContain("the mail server refused the connection");
  });
});
