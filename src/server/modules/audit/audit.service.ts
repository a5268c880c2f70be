import { and, count, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { auditLog } from "../../core/audit.schema.js";
import { CLUSTER_TIME_ZONE } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { countRows, pageOf } from "../../core/db.js";
import { userIdsByEmailLike, usersByIds } from "../accounts/accounts.service.js";
import type { AuditQuery } from "./audit.contract.js";

const pick = (u: { id: string; email: string; fullName: string }) => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
});

export async function listAudit(ctx: Ctx, q: z.infer<typeof AuditQuery>) {
  const actorIds = q.actor ? await userIdsByEmailLike(ctx.db, q.actor) : undefined;
  if (actorIds && actorIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    actorIds ? inArray(auditLog.actorId, actorIds) : undefined,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    // Dates are whole days in UTC; "to" includes its day.
    // (Without "at time zone", a date would start at midnight of the database session's time zone.)
    q.from ? gte(auditLog.at, sql`(${q.from}::date)::timestamp at time zone 'UTC'`) : undefined,
    q.to ? lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp at time zone 'UTC'`) : undefined,
  );
  const { items: list, total } = await pageOf(
    ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).$dynamic(),
    countRows(ctx.db, auditLog, where),
    q,
  );
  const actors = await usersByIds(ctx.db, [...new Set(list.flatMap((e) => (e.actorId ? [e.actorId] : [])))]);
  return {
    items: list.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorId && actors.has(e.actorId) ? pick(actors.get(e.actorId)!) : null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      ip: e.ip,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * An action of the day's reading: every entry of it, or (`from`) only those whose record was in one of
 * these states before (`before.state`), e.g. a pilot's rejection at the operator's step.
 */
export type DayAction = string | { action: string; from: readonly string[] };

/**
 * Entries with one of the `actions` written since the start of `day` (YYYY-MM-DD in the cluster's time
 * zone), for the operator's desk: how many per action and actor, and the latest `limit` of them.
 */
export async function actionsOfDay(ex: Executor, actions: readonly DayAction[], day: string, limit = 10) {
  const plain = actions.flatMap((a) => (typeof a === "string" ? [a] : []));
  const fromStates = actions.flatMap((a) =>
    typeof a === "string"
      ? []
      : [and(eq(auditLog.action, a.action), inArray(sql`${auditLog.before}->>'state'`, [...a.from]))],
  );
  const where = and(
    or(...(plain.length ? [inArray(auditLog.action, plain)] : []), ...fromStates),
    gte(auditLog.at, sql`(${day}::date)::timestamp at time zone ${CLUSTER_TIME_ZONE}`),
  );
  const [counts, latest] = await Promise.all([
    ex
      .select({ action: auditLog.action, actorId: auditLog.actorId, n: count() })
      .from(auditLog)
      .where(where)
      .groupBy(auditLog.action, auditLog.actorId),
    ex
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorId: auditLog.actorId,
        entityId: auditLog.entityId,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit),
  ]);
  const people = await usersByIds(ex, [...new Set(latest.flatMap((e) => (e.actorId ? [e.actorId] : [])))]);
  return {
    counts: counts.map((c) => ({ action: c.action, actorId: c.actorId, n: Number(c.n) })),
    latest: latest.map((e) => ({
      ...e,
      actor:
        e.actorId && people.has(e.actorId)
          ? { id: e.actorId, fullName: people.get(e.actorId)!.fullName }
          : null,
    })),
  };
}
