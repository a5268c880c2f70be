import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Executor } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { type Action, type Actor, can } from "../../core/policy.js";
import { auditRefusalsOf } from "../../core/route.js";
import type { OrgAccess } from "./organizations.policy.js";
import { ORG_ABILITIES } from "./organizations.policy.js";
import { memberships, organizations } from "./organizations.schema.js";

/** The actor's membership role in an organization (null for a non-member or a guest). */
export async function accessOf(ex: Executor, actor: Actor, organizationId: string): Promise<OrgAccess> {
  if (!actor) return { role: null };
  const [m] = await ex
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, actor.id)));
  return { role: m?.role ?? null };
}

/**
 * Loads an organization for an action, or answers as if it did not exist: an organization the actor
 * may not act on is indistinguishable from a missing one (404), so ids leak nothing.
 * Returns the row and the actor's access. `forUpdate` locks the row for the transaction.
 */
export async function loadOrgFor(
  ex: Executor,
  actor: Actor,
  organizationId: string,
  action: Action,
  opts: { forUpdate?: boolean } = {},
) {
  const q = ex.select().from(organizations).where(eq(organizations.id, organizationId));
  const [org] = opts.forUpdate ? await q.for("update") : await q;
  if (!org) throw notFound();
  const access = await accessOf(ex, actor, organizationId);
  if (!can(actor, action, access)) {
    // Readers get 404; a member who lacks a right learns that it is a right they lack (403).
    throw refusal(access.role !== null || can(actor, "org.read", access) ? 403 : 404, organizationId, action);
  }
  return { org, access };
}

/**
 * A record-level refusal: answered like any 404 / 403, and audited (for a signed-in actor) by the hook
 * of `auditRefusals` once the request's transaction has rolled back.
 */
export class OrgRefusal extends AppError {
  constructor(
    status: 403 | 404,
    readonly organizationId: string,
    readonly action: string,
  ) {
    super(status, status === 403 ? "forbidden" : "not-found");
  }
}

export const refusal = (status: 403 | 404, organizationId: string, action: string) =>
  new OrgRefusal(status, organizationId, action);

/**
 * Writes an audit entry (actor, e-mail, IP, organization, action asked for) for every record-level
 * refusal of a signed-in user in this plugin's routes, in its own small transaction, so it survives the
 * failed request. Guests are not audited (an unauthenticated probe has no actor to hold to account).
 */
export function auditRefusals(app: FastifyInstance) {
  auditRefusalsOf(app, OrgRefusal, (err, req) => ({
    action: "organization.access_refused",
    entity: "organization",
    entityId: err.organizationId,
    after: { action: err.action, status: err.status, route: req.routeOptions.url },
  }));
}

/** Per-organization abilities for the UI. */
export function orgAbilities(actor: Actor, access: OrgAccess): Record<string, boolean> {
  return Object.fromEntries(ORG_ABILITIES.map((a) => [a, can(actor, a, access)]));
}

/** Of these organizations, the ones the user belongs to. */
export async function memberOrgIds(ex: Executor, userId: string, organizationIds: readonly string[]) {
  if (!organizationIds.length) return new Set<string>();
  const rows = await ex
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.organizationId, [...organizationIds])));
  return new Set(rows.map((r) => r.id));
}

/**
 * An operator does not decide on an organization they belong to (its status, verification, claims):
 * 403 "own-organization". Decisions on one's own organization go to another operator.
 */
export async function assertNotOwnOrganization(
  ex: Executor,
  actor: NonNullable<Actor>,
  organizationIds: string[],
) {
  if ((await memberOrgIds(ex, actor.id, organizationIds)).size > 0)
    throw new AppError(403, "own-organization");
}
