import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { assertNotOwnOrganization, loadOrgFor } from "./access.js";
import { notifyMembers } from "./membership.js";
import type { NameChangeDecisionBody } from "./organizations.contract.js";
import { ORG_NOTIFICATION } from "./organizations.notifications.js";
import { organizations, orgNameChanges } from "./organizations.schema.js";

/*
 * A participant's or partner's name is part of what the operator granted the status to, like its
 * identifiers: a new name (short and full) becomes a request the operator approves or rejects; until
 * then the organization keeps its name (and its badge) everywhere.
 */

type NameChangeRow = typeof orgNameChanges.$inferSelect;
export type Names = { fullName: string; shortName: string };

async function present(ex: Executor, rows: NameChangeRow[]) {
  const people = await usersByIds(ex, [
    ...new Set(rows.flatMap((r) => [r.requestedBy, r.decidedBy].filter((x): x is string => x !== null))),
  ]);
  const who = (id: string | null) => (id ? { id, fullName: people.get(id)?.fullName ?? "" } : null);
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    fullName: r.fullName,
    shortName: r.shortName,
    previousFullName: r.previousFullName,
    previousShortName: r.previousShortName,
    state: r.state,
    requestedBy: who(r.requestedBy)!,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: who(r.decidedBy),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    operatorComment: r.operatorComment,
    version: r.version,
  }));
}

/** Whether a profile edit renames an organization whose name the operator must approve. */
export function nameNeedsApproval(org: { status: string } & Names, next: Names): Names | null {
  if (org.status === "registered") return null;
  if (next.fullName === org.fullName && next.shortName === org.shortName) return null;
  return { fullName: next.fullName, shortName: next.shortName };
}

/**
 * Files (or replaces) the organization's pending name change, inside the profile edit's transaction
 * (the organization row is locked by it).
 */
export async function requestNameChange(ex: Executor, ctx: Ctx, org: { id: string } & Names, names: Names) {
  const actor = requireActor(ctx);
  const [pending] = await ex
    .select()
    .from(orgNameChanges)
    .where(and(eq(orgNameChanges.organizationId, org.id), eq(orgNameChanges.state, "pending")));
  if (pending && pending.fullName === names.fullName && pending.shortName === names.shortName) return;
  const values = { ...names, requestedBy: actor.id, requestedAt: new Date() };
  const [row] = pending
    ? await ex
        .update(orgNameChanges)
        .set({ ...values, version: sql`${orgNameChanges.version} + 1` })
        .where(eq(orgNameChanges.id, pending.id))
        .returning()
    : await ex
        .insert(orgNameChanges)
        .values({
          organizationId: org.id,
          ...values,
          previousFullName: org.fullName,
          previousShortName: org.shortName,
        })
        .returning();
  await writeAudit(ex, auditCtx(ctx), {
    action: "organization.name_change_request",
    entity: "organization",
    entityId: org.id,
    before: { fullName: org.fullName, shortName: org.shortName },
    after: { nameChangeId: row!.id, ...names },
  });
}

/** The organization's pending name change, else its latest decided one (members and staff). */
export async function currentNameChange(ctx: Ctx, organizationId: string) {
  await loadOrgFor(ctx.db, ctx.actor, organizationId, "org.read");
  const [row] = await ctx.db
    .select()
    .from(orgNameChanges)
    .where(eq(orgNameChanges.organizationId, organizationId))
    .orderBy(sql`(${orgNameChanges.state} = 'pending') desc`, desc(orgNameChanges.requestedAt))
    .limit(1);
  return row ? (await present(ctx.db, [row]))[0]! : null;
}

/** A manager withdraws the pending name change. */
export async function cancelNameChange(ctx: Ctx, organizationId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await loadOrgFor(tx, actor, organizationId, "org.update", { forUpdate: true });
    const [row] = await tx
      .update(orgNameChanges)
      .set({ state: "cancelled", decidedAt: sql`now()`, version: sql`${orgNameChanges.version} + 1` })
      .where(and(eq(orgNameChanges.organizationId, organizationId), eq(orgNameChanges.state, "pending")))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.name_change_cancel",
      entity: "organization",
      entityId: organizationId,
      before: { nameChangeId: row.id, state: "pending" },
      after: { nameChangeId: row.id, state: "cancelled" },
    });
  });
}

/** The operator's queue: pending name changes, oldest first (decided ones newest first). */
export async function nameChangeQueue(ctx: Ctx, state: "pending" | "approved" | "rejected") {
  const rows = await ctx.db
    .select()
    .from(orgNameChanges)
    .where(eq(orgNameChanges.state, state))
    .orderBy(state === "pending" ? asc(orgNameChanges.requestedAt) : desc(orgNameChanges.decidedAt))
    .limit(200);
  const orgs = rows.length
    ? await ctx.db
        .select({ id: organizations.id, status: organizations.status, inn: organizations.inn })
        .from(organizations)
        .where(sql`${organizations.id} in ${rows.map((r) => r.organizationId)}`)
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (await present(ctx.db, rows)).map((r) => ({
    ...r,
    organizationStatus: byId.get(r.organizationId)?.status ?? "registered",
    inn: byId.get(r.organizationId)?.inn ?? null,
  }));
}

/**
 * The operator approves (the organization takes the new name) or rejects a pending name change. One
 * conditional UPDATE on state and version: of two concurrent decisions one wins, the other gets 409
 * `name-change-changed` with the request as it is now. Members are notified.
 */
export async function decideNameChange(ctx: Ctx, id: string, body: z.infer<typeof NameChangeDecisionBody>) {
  const actor = requireActor(ctx);
  if (body.decision === "reject" && !body.comment)
    throw badRequest([{ field: "comment", key: "field.name-change.reason-required" }]);
  const state = body.decision === "approve" ? "approved" : "rejected";
  const r = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(orgNameChanges)
      .set({
        state,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        operatorComment: body.comment ?? null,
        version: sql`${orgNameChanges.version} + 1`,
      })
      .where(
        and(
          eq(orgNameChanges.id, id),
          eq(orgNameChanges.state, "pending"),
          eq(orgNameChanges.version, body.version),
        ),
      )
      .returning();
    if (!row) {
      const [current] = await tx.select().from(orgNameChanges).where(eq(orgNameChanges.id, id));
      if (!current) throw notFound();
      throw new AppError(409, "name-change-changed", {}, [], { current: (await present(tx, [current]))[0] });
    }
    // An operator does not decide on an organization they belong to (finding 9); the throw rolls back.
    await assertNotOwnOrganization(tx, actor, [row.organizationId]);
    const [org] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, row.organizationId))
      .for("update");
    if (!org) throw notFound();
    if (state === "approved") {
      await tx
        .update(organizations)
        .set({
          fullName: row.fullName,
          shortName: row.shortName,
          version: sql`${organizations.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(organizations.id, org.id));
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: `organization.name_change_${body.decision}`,
      entity: "organization",
      entityId: org.id,
      before: { nameChangeId: row.id, state: "pending", fullName: org.fullName, shortName: org.shortName },
      after: {
        nameChangeId: row.id,
        state,
        fullName: row.fullName,
        shortName: row.shortName,
        comment: body.comment ?? null,
      },
    });
    const mails = await notifyMembers(tx, ctx.config.publicUrl, org.id, {
      kind: ORG_NOTIFICATION.nameChangeDecided,
      data: { org: org.shortName, name: row.shortName, decision: state, comment: body.comment ?? "" },
      link: `/organizations/${org.id}`,
    });
    return { view: (await present(tx, [row]))[0]!, mails };
  });
  if (r.mails) ctx.mailQueued();
  return r.view;
}
