import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../core/context.js";
import { rows } from "../../core/db.js";
import { notFound } from "../../core/errors.js";
import type { JobsOverview } from "./jobs.contract.js";

/** How many of the newest failures the overview lists. */
export const FAILURES_SHOWN = 50;

/**
 * The queues (every queue pg-boss knows, with live counts from its job table: waiting = created or
 * retry) and the newest failed jobs. pg-boss's own queue counts are refreshed by its monitor, so a
 * page just after a failure would not see it; one grouped count is cheap at our volumes.
 */
export async function overview(ctx: Ctx): Promise<z.infer<typeof JobsOverview>> {
  if (!ctx.jobs.boss) return { running: false, queues: [], failures: [] };
  const counts = await rows<{ name: string; waiting: number; active: number; failed: number }>(
    ctx.db,
    sql`select q.name,
          count(*) filter (where j.state in ('created', 'retry'))::int as "waiting",
          count(*) filter (where j.state = 'active')::int as "active",
          count(*) filter (where j.state = 'failed')::int as "failed"
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        group by q.name order by q.name`,
  );
  const failures = await rows<{
    id: string;
    queue: string;
    error: string | null;
    failedAt: Date | string | null;
    attempts: number;
  }>(
    ctx.db,
    sql`select id, name as "queue", coalesce(output->>'message', output::text) as "error",
          completed_on as "failedAt", retry_count + 1 as "attempts"
        from pgboss.job where state = 'failed'
        order by completed_on desc nulls last, id limit ${FAILURES_SHOWN}`,
  );
  return {
    running: true,
    queues: counts,
    failures: failures.map((f) => ({
      ...f,
      error: f.error ?? "",
      failedAt: f.failedAt === null ? null : new Date(f.failedAt).toISOString(),
      attempts: Number(f.attempts),
    })),
  };
}

async function failedJob(ctx: Ctx, queue: string, id: string) {
  const boss = ctx.jobs.boss;
  if (!boss) throw notFound();
  const [job] = await rows<{ id: string }>(
    ctx.db,
    sql`select id from pgboss.job where name = ${queue} and id = ${id}::uuid and state = 'failed'`,
  );
  if (!job) throw notFound();
  return boss;
}

/** Puts a failed job back to run once more (404 when it is not a failed job of that queue). */
export async function retry(ctx: Ctx, queue: string, id: string): Promise<void> {
  const boss = await failedJob(ctx, queue, id);
  await boss.retry(queue, id);
}

/** Removes a failed job for good (404 when it is not a failed job of that queue). */
export async function discard(ctx: Ctx, queue: string, id: string): Promise<void> {
  const boss = await failedJob(ctx, queue, id);
  await boss.deleteJob(queue, id);
}
