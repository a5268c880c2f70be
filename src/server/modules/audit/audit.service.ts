import { and, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import { auditLog } from "../../core/audit.schema.js";
import type { Ctx } from "../../core/context.js";
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
  const [list, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
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
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
