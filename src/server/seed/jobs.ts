import { and, asc, eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Db } from "../core/db.js";
import { measures } from "../modules/measures/measures.schema.js";
import { type MeasureChange, measureNoticesJob } from "../modules/measures/measures.subscriptions.service.js";

/** What the demo's failed job failed with: the database went away mid-run (a failover), four times. */
export const DEMO_JOB_ERROR = "Connection terminated unexpectedly";
const ATTEMPTS = 4;

/**
 * The demo's failed job for /admin/jobs: the "became eligible" notices of a published demo measure,
 * given up after its retries because the database connection dropped each time. Made through pg-boss
 * (send, then fail) once the queues exist and before any worker runs, so nothing takes it first; its
 * data is a real change, so "retry" sends the notices (once per user, as ever) and "discard" drops it.
 * Runs only when this start seeded the demo (pg-boss's tables do not exist while the seed runs).
 */
export async function seedFailedJob(boss: PgBoss, db: Db): Promise<string | undefined> {
  const [m] = await db
    .select({
      id: measures.id,
      version: measures.version,
      slug: measures.slug,
      titleRu: measures.titleRu,
      criteria: measures.criteria,
    })
    .from(measures)
    .where(and(eq(measures.status, "published"), eq(measures.isDemo, true)))
    .orderBy(asc(measures.createdAt), asc(measures.id))
    .limit(1);
  if (!m) return undefined;
  const change: MeasureChange = { measure: m, before: null };
  const id = await boss.send(measureNoticesJob.name, change, { retryLimit: 0 });
  if (!id) return undefined;
  const error = new Error(DEMO_JOB_ERROR);
  await boss.fail(measureNoticesJob.name, id, {
    name: error.name,
    message: error.message,
    stack: `${error.name}: ${error.message}\n    at Connection.<anonymous> (node_modules/pg/lib/client.js:132:36)`,
  });
  // As if it had been tried four times, the last a few minutes ago.
  await db.execute(
    sql`update pgboss.job set retry_count = ${ATTEMPTS - 1}, retry_limit = ${ATTEMPTS - 1},
          started_on = now() - interval '5 minutes', completed_on = now() - interval '4 minutes'
        where name = ${measureNoticesJob.name} and id = ${id}::uuid`,
  );
  return id;
}
