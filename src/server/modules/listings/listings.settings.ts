import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { LISTING_KIND_NAMES, type ListingKindName } from "../../../shared/listings.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError } from "../../core/errors.js";
import { organizations } from "../organizations/organizations.schema.js";
import type { KindSettingBody, KindSettings } from "./listings.contract.js";
import { listingKindSettings } from "./listings.schema.js";

/*
 * Who may publish a kind: every verified organization, unless the operator limited the kind to the
 * cluster's participants and partners (issue: "some kinds can be limited to cluster participants and
 * partners by the operator's setting"). Submitting a listing of a limited kind for moderation by another
 * organization is 409 "listing-kind-limited"; drafts may still be written, and what is published stays.
 */

/** Every kind's setting (a kind without a row is open). */
export async function kindSettings(ex: Executor): Promise<z.infer<typeof KindSettings>> {
  const rows = await ex.select().from(listingKindSettings);
  const limited = new Set(rows.filter((r) => r.participantsOnly).map((r) => r.kind));
  return { items: LISTING_KIND_NAMES.map((kind) => ({ kind, participantsOnly: limited.has(kind) })) };
}

/** The operator limits a kind to participants and partners, or opens it again (audited). */
export async function setKindSetting(ctx: Ctx, kind: ListingKindName, body: z.infer<typeof KindSettingBody>) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(listingKindSettings).where(eq(listingKindSettings.kind, kind));
    await tx
      .insert(listingKindSettings)
      .values({ kind, participantsOnly: body.participantsOnly, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: listingKindSettings.kind,
        set: { participantsOnly: body.participantsOnly, updatedBy: actor.id, updatedAt: sql`now()` },
      });
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing_kind.setting",
      entity: "listing_kind",
      entityId: null,
      before: { kind, participantsOnly: before?.participantsOnly ?? false },
      after: { kind, participantsOnly: body.participantsOnly },
    });
  });
  return kindSettings(ctx.db);
}

/** Refuses a limited kind's submission by an organization that is neither participant nor partner. */
export async function assertMayPublish(tx: Executor, kind: ListingKindName, organizationId: string) {
  const [setting] = await tx.select().from(listingKindSettings).where(eq(listingKindSettings.kind, kind));
  if (!setting?.participantsOnly) return;
  const [o] = await tx
    .select({ status: organizations.status })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (o?.status !== "participant" && o?.status !== "partner") throw new AppError(409, "listing-kind-limited");
}
