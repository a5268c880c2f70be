import { auditLog } from "./audit.schema.js";
import type { Executor } from "./db.js";

export type AuditContext = { actorId: string | null; ip: string | null };

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = /password|token|secret|hash/i;

/** Drops secrets from what is logged: the audit log shows what changed, never a credential. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** The one function every state change calls, inside the change's own transaction. */
export async function writeAudit(ex: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await ex.insert(auditLog).values({
    actorId: ctx.actorId,
    ip: ctx.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
}
