import { sql } from "drizzle-orm";
import { type DrizzleTransactionLike, fromDrizzle } from "pg-boss";
import type { z } from "zod";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx } from "../../core/context.js";
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

/**
 * Retries or discards a failed job in one transaction with its audit entry: the job row is locked and
 * must still be a failed job of that queue (404 otherwise), and pg-boss's own command runs on the same
 * transaction, so two admins acting at once cannot both win.
 */
async function settleFailed(ctx: Ctx, queue: string, id: string, action: "retry" | "discard") {
  const boss = ctx.jobs.boss;
  if (!boss) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const [job] = await rows<{ id: string; error: string | null }>(
      tx,
      sql`select id, coalesce(output->>'message', output::text) as "error" from pgboss.job
           where name = ${queue} and id = ${id}::uuid and state = 'failed' for update`,
    );
    if (!job) throw notFound();
    const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
    if (action === "retry") await boss.retry(queue, id, { db });
    else await boss.deleteJob(queue, id, { db });
    await writeAudit(tx, auditCtx(ctx), {
      action: `admin.job_${action}`,
      entity: "job",
      entityId: id,
      before: { queue, state: "failed", error: job.error },
      after: action === "retry" ? { state: "retry" } : null,
    });
  });
}

/** Puts a failed job back to run once more (404 when it is not a failed job of that queue). */
export const retry = (ctx: Ctx, queue: string, id: string) => settleFailed(ctx, queue, id, "retry");

/** Removes a failed job for good (404 when it is not a failed job of that queue). */
export const discard = (ctx: Ctx, queue: string, id: string) => settleFailed(ctx, queue, id, "discard");
