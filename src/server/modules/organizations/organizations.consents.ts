import { and, eq, sql } from "drizzle-orm";
import { PUBLIC_CONSENT_VERSION } from "../../../shared/constants.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { recordConsent, usersByIds, withdrawConsent } from "../accounts/accounts.service.js";
import { notify } from "../notifications/notifications.service.js";
import { loadOrgFor } from "./access.js";
import { ORG_NOTIFICATION } from "./organizations.notifications.js";
import { memberships, organizations } from "./organizations.schema.js";

/*
 * Being shown to everyone on an organization's public page is distribution of personal data (152-FZ
 * art. 10.1): only the person may agree, and the agreement is recorded in `consents` (who, which
 * purpose, which text version, when, from which IP). Managers may ask; the person answers, and may
 * withdraw at any time, which hides them at once.
 */

type Visibility = { showPublicly: boolean; publicRequestedAt: Date | null; publicRequestedBy: string | null };

/**
 * A membership's visibility after someone asks to set it: the member themself agrees or withdraws (any
 * pending request is answered); a manager asking to show another member only files a request, and
 * hiding them needs no consent.
 */
export function visibilityAfter(
  m: Visibility,
  o: { actorId: string; self: boolean; ask: boolean | undefined },
): Visibility {
  const current = {
    showPublicly: m.showPublicly,
    publicRequestedAt: m.publicRequestedAt,
    publicRequestedBy: m.publicRequestedBy,
  };
  if (o.ask === undefined) return current;
  if (o.self || !o.ask) return { showPublicly: o.ask, publicRequestedAt: null, publicRequestedBy: null };
  if (m.showPublicly || m.publicRequestedAt) return current;
  return { showPublicly: false, publicRequestedAt: new Date(), publicRequestedBy: o.actorId };
}

/** Records the actor's own answer about their public profile in an organization. */
export async function recordPublicProfileAnswer(
  ex: Executor,
  ctx: Ctx,
  organizationId: string,
  agree: boolean,
) {
  const userId = requireActor(ctx).id;
  const kind = "org_public_profile" as const;
  if (agree)
    await recordConsent(ex, { userId, kind, organizationId, version: PUBLIC_CONSENT_VERSION, ip: ctx.ip });
  else await withdrawConsent(ex, { userId, kind, organizationId });
}

type ContactsRow = {
  contactsPublic: boolean;
  contactsConsentAt: Date | number | null;
  contactPersonId: string | null;
};

/** The contacts are shown publicly only when a manager published them and the contact person agreed. */
export const contactsShown = (row: ContactsRow) =>
  row.contactsPublic && row.contactsConsentAt !== null && row.contactPersonId !== null;

/**
 * The contacts' consent after a profile change by `actorId`: kept while the contacts and the contact
 * person stay the same; the contact person publishing their own contacts agrees by doing so (a consent
 * is recorded); anyone else publishing them files a request to the contact person.
 */
export function contactsConsentAfter(
  before: ContactsRow & { contactEmail: string | null; contactPhone: string | null },
  after: {
    contactsPublic: boolean;
    contactPersonId: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
  },
  actorId: string,
): { consentAt: Date | null; record: boolean; ask: boolean } {
  if (!after.contactsPublic || !after.contactPersonId) return { consentAt: null, record: false, ask: false };
  const same =
    before.contactsPublic &&
    before.contactPersonId === after.contactPersonId &&
    before.contactEmail === after.contactEmail &&
    before.contactPhone === after.contactPhone;
  if (same && before.contactsConsentAt instanceof Date)
    return { consentAt: before.contactsConsentAt, record: false, ask: false };
  if (after.contactPersonId === actorId) return { consentAt: new Date(), record: true, ask: false };
  // Ask once per publication request (a pending one is not asked again by an unrelated edit).
  return { consentAt: null, record: false, ask: !same };
}

/** Records the contact person's consent, or asks them (a notification), after a profile change. */
export async function afterContactsChange(
  ex: Executor,
  ctx: Ctx,
  org: { id: string; shortName: string; contactPersonId: string | null },
  c: { record: boolean; ask: boolean },
): Promise<number> {
  const actor = requireActor(ctx);
  if (c.record)
    await recordConsent(ex, {
      userId: actor.id,
      kind: "org_public_contacts",
      organizationId: org.id,
      version: PUBLIC_CONSENT_VERSION,
      ip: ctx.ip,
    });
  if (!c.ask || !org.contactPersonId) return 0;
  return notify(ex, ctx.config.publicUrl, {
    userIds: [org.contactPersonId],
    kind: ORG_NOTIFICATION.contactsConsentRequested,
    data: { org: org.shortName, actor: actor.id },
    link: `/organizations/${org.id}`,
  });
}

/** What the signed-in member decides about their own public appearance in an organization. */
export async function myPublicConsents(ctx: Ctx, organizationId: string) {
  const actor = requireActor(ctx);
  const { org } = await loadOrgFor(ctx.db, actor, organizationId, "org.leave");
  const [m] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, actor.id)));
  if (!m) throw notFound();
  const askers = await usersByIds(
    ctx.db,
    [m.publicRequestedBy].filter((x): x is string => x !== null),
  );
  const contactPerson = org.contactPersonId === actor.id;
  return {
    version: PUBLIC_CONSENT_VERSION,
    publicProfile: {
      shown: m.showPublicly,
      requested: m.publicRequestedAt !== null,
      requestedBy: m.publicRequestedBy ? (askers.get(m.publicRequestedBy)?.fullName ?? null) : null,
      fullName: actor.fullName,
      position: m.position,
    },
    contacts: contactPerson
      ? {
          shown: contactsShown(org),
          requested: org.contactsPublic && org.contactsConsentAt === null,
          email: org.contactEmail,
          phone: org.contactPhone,
        }
      : null,
  };
}

/**
 * The contact person agrees to the publication a manager asked for, or declines / withdraws it (the
 * contacts are hidden at once and the publication switched off). Anyone else gets 403.
 */
export async function answerContacts(ctx: Ctx, organizationId: string, agree: boolean) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, organizationId, "org.leave", { forUpdate: true });
    if (org.contactPersonId !== actor.id) throw new AppError(403, "not-contact-person");
    if (agree && !org.contactsPublic) throw new AppError(409, "contacts-not-requested");
    const consentAt = agree ? (org.contactsConsentAt ?? new Date()) : null;
    const unchanged = agree
      ? org.contactsConsentAt !== null
      : !org.contactsPublic && org.contactsConsentAt === null;
    if (unchanged) return;
    await tx
      .update(organizations)
      .set({
        contactsConsentAt: consentAt,
        ...(agree ? {} : { contactsPublic: false }),
        version: sql`${organizations.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(organizations.id, org.id));
    const kind = "org_public_contacts" as const;
    if (agree)
      await recordConsent(tx, {
        userId: actor.id,
        kind,
        organizationId,
        version: PUBLIC_CONSENT_VERSION,
        ip: ctx.ip,
      });
    else await withdrawConsent(tx, { userId: actor.id, kind, organizationId });
    await writeAudit(tx, auditCtx(ctx), {
      action: agree ? "organization.contacts_consent" : "organization.contacts_consent_withdraw",
      entity: "organization",
      entityId: organizationId,
      before: { contactsPublic: org.contactsPublic, contactsConsentAt: org.contactsConsentAt },
      after: { contactsPublic: agree, contactsConsentAt: consentAt, version: PUBLIC_CONSENT_VERSION },
    });
  });
  return myPublicConsents(ctx, organizationId);
}

/**
 * A member leaves or is removed: what they agreed to show ends with the membership (their consents are
 * marked withdrawn), and where they were the contact person the contacts — their own address and
 * phone — are cleared (the organization names a new contact person and contacts).
 */
export async function endPublicAppearance(ex: Executor, organizationId: string, userId: string) {
  for (const kind of ["org_public_profile", "org_public_contacts"] as const)
    await withdrawConsent(ex, { userId, kind, organizationId });
  await ex
    .update(organizations)
    .set({
      contactPersonId: null,
      contactEmail: null,
      contactPhone: null,
      contactsConsentAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(organizations.id, organizationId), eq(organizations.contactPersonId, userId)));
}
