import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../core/context.js";
import { rows } from "../../core/db.js";
import { notFound } from "../../core/errors.js";
import { queueCounts } from "../../core/jobs.js";
import type { JobsOverview } from "./jobs.contract.js";

/** How many of the newest failures the overview lists. */
export const FAILURES_SHOWN = 50;

/** The queues with live counts (core/jobs.ts `queueCounts`) and the newest failed jobs. */
export async function overview(ctx: Ctx): Promise<z.infer<typeof JobsOverview>> {
  if (!ctx.jobs.boss) return { running: false, queues: [], failures: [] };
  const counts = await queueCounts(ctx.db);
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
