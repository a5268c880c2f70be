import { sql } from "drizzle-orm";
import { type Clock, type DrizzleTransactionLike, fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import { CLUSTER_TIME_ZONE } from "../../shared/constants.js";
import type { Config } from "./config.js";
import { type Database, type Db, type Executor, rows } from "./db.js";
import type { Storage } from "./storage.js";

/** What a job gets: the database, the configuration and the file storage (no request, no actor). */
export interface JobServices {
  db: Db;
  config: Config;
  storage: Storage;
}

/**
 * Periodic work on a cron schedule in Moscow time. pg-boss runs each tick exactly once across every app
 * server on the database, retries a failed run with backoff, and keeps the last failure with its error.
 */
export interface ScheduledJob {
  name: string;
  /** Five-field cron, Moscow time: "*\/10 * * * *" every 10 minutes, "0 9 * * *" daily at 09:00. */
  cron: string;
  /** Returns how many mails it queued (the dispatcher is then nudged), or nothing. */
  run(services: JobServices): Promise<number | undefined>;
}

/** Work sent with data, in the sender's transaction (a rolled-back request sends nothing). */
export interface QueuedJob<D extends object = Record<string, unknown>> {
  name: string;
  run(services: JobServices, data: D): Promise<number | undefined>;
}

/** Failed runs are retried three times, 30 s apart and doubling; then kept as failed for two weeks. */
const QUEUE_OPTIONS = {
  retryLimit: 3,
  retryDelay: 30,
  retryBackoff: true,
  deleteAfterSeconds: 14 * 24 * 3600,
} as const;

const TZ = CLUSTER_TIME_ZONE;

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Starts the job queue on the platform's own database (pg-boss; its tables in the `pgboss` schema,
 * created and migrated by it at start under its own lock), schedules the periodic jobs and works every
 * queue. PGlite is served through pg-boss's PGlite adapter on the same connection.
 */
export async function startJobs(input: {
  database: Database;
  config: Config;
  storage: Storage;
  scheduled: readonly ScheduledJob[];
  queued: readonly QueuedJob<never>[];
  /** Called when a run queued mail, so it leaves at once. */
  mailQueued: () => void;
  log: { info(o: object, m: string): void; error(o: object, m: string): void };
  /** Tests: how often workers poll (default 2 s), and retries without waiting. */
  pollingIntervalSeconds?: number;
  retryDelaySeconds?: number;
  /** Tests: a pg-boss TestClock (one shared by every queue of a multi-server test) moves time by hand. */
  clock?: Clock;
  /** Runs once the queues exist, before any worker takes a job (the demo seed's failed job). */
  prepare?: (boss: PgBoss) => Promise<void>;
}): Promise<Jobs> {
  const { database, config } = input;
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", clock: input.clock })
    : new PgBoss({ connectionString: database.url, max: 3, clock: input.clock });
  boss.on("error", (err) => input.log.error({ err }, "job queue error"));
  await boss.start();
  const services: JobServices = { db: database.db, config, storage: input.storage };
  const handle = async (name: string, run: () => Promise<number | undefined>) => {
    const mails = await run();
    if (typeof mails === "number" && mails > 0) {
      input.log.info({ job: name, mails }, "job queued mail");
      input.mailQueued();
    }
  };
  const polling = { pollingIntervalSeconds: input.pollingIntervalSeconds ?? 2 };
  const queueOptions = {
    ...QUEUE_OPTIONS,
    retryDelay: input.retryDelaySeconds ?? QUEUE_OPTIONS.retryDelay,
    retryBackoff: input.retryDelaySeconds === undefined,
  };
  for (const job of input.scheduled) {
    await boss.createQueue(job.name, { ...queueOptions, policy: "singleton" });
    await boss.schedule(job.name, job.cron, null, { tz: TZ });
  }
  for (const job of input.queued) await boss.createQueue(job.name, queueOptions);
  await input.prepare?.(boss);
  for (const job of input.scheduled)
    await boss.work(job.name, polling, async () => handle(job.name, () => job.run(services)));
  for (const job of input.queued) {
    await boss.work(job.name, { ...polling, batchSize: 1 }, async ([j]) => {
      if (j) await handle(job.name, () => job.run(services, j.data as never));
    });
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

/** A job a queue that is not started kept (tests that run jobs by hand). */
export interface HeldJob {
  job: QueuedJob<never>;
  data: object;
}

/**
 * The app's handle on the job queue: created with the modules' queued jobs before the app is built
 * (so requests can send), started after it (main.ts, or a test that wants the real queue). A queue
 * that was never started keeps what is sent in `held`, and `runHeld` runs those handlers directly:
 * tests that publish a measure pay nothing for pg-boss unless they start it.
 */
export class JobQueue {
  #jobs: Jobs | undefined;
  readonly held: HeldJob[] = [];
  constructor(readonly queued: readonly QueuedJob<never>[]) {}

  /** pg-boss, once started. */
  get boss(): PgBoss | undefined {
    return this.#jobs?.boss;
  }

  async start(input: Omit<Parameters<typeof startJobs>[0], "queued">): Promise<Jobs> {
    if (this.#jobs) throw new Error("the job queue is already started");
    this.#jobs = await startJobs({ ...input, queued: this.queued });
    return this.#jobs;
  }

  async stop(): Promise<void> {
    const jobs = this.#jobs;
    this.#jobs = undefined;
    await jobs?.stop();
  }

  /** Sends a job in the caller's transaction (see `enqueue`); held in memory while not started. */
  async send<D extends object>(
    tx: Executor,
    job: QueuedJob<D>,
    data: D,
    opts: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<void> {
    if (!this.queued.some((j) => j.name === job.name))
      throw new Error(`job ${job.name} is not declared in a manifest's queued`);
    if (!this.#jobs) {
      this.held.push({ job: job as unknown as QueuedJob<never>, data });
      return;
    }
    await enqueue(this.#jobs.boss, tx, job, data, opts);
  }

  /** Runs the held jobs in the order they were sent (tests); returns how many mails they queued. */
  async runHeld(services: JobServices): Promise<number> {
    let mails = 0;
    while (this.held.length) {
      const { job, data } = this.held.shift()!;
      mails += (await job.run(services, data as never)) ?? 0;
    }
    return mails;
  }
}

/** A queue's jobs by state: waiting (created or retry), active, failed (kept 14 days). */
export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  failed: number;
}

/**
 * Every queue of ours (not pg-boss's internal `__pgboss__*` ones) with live counts from its job table (pg-boss's own counts in its queue
 * table are refreshed by its monitor, so they lag a failure by up to a minute). Only once started:
 * before, the `pgboss` schema may not exist.
 */
export async function queueCounts(db: Executor): Promise<QueueCounts[]> {
  return rows<QueueCounts>(
    db,
    sql`select q.name,
          count(j.id) filter (where j.state in ('created', 'retry'))::int as "waiting",
          count(j.id) filter (where j.state = 'active')::int as "active",
          count(j.id) filter (where j.state = 'failed')::int as "failed"
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        where left(q.name, 10) <> '__pgboss__'
        group by q.name order by q.name`,
  );
}

/**
 * Sends a job inside the caller's transaction through pg-boss's own insert: it exists only if the
 * transaction commits. `singletonKey` makes a repeat of the same work (a second publish of the same
 * change) one job.
 */
export async function enqueue<D extends object>(
  boss: PgBoss,
  tx: Executor,
  job: QueuedJob<D>,
  data: D,
  opts: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<void> {
  await boss.send(job.name, data, { ...opts, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}
