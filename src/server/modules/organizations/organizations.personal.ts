import { and, eq, isNull, or } from "drizzle-orm";
import { columnsOf, ownRows } from "../../core/columns.js";
import type { Executor } from "../../core/db.js";
import type { PersonalDataPart } from "../../core/module.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { endPublicAppearance } from "./organizations.consents.js";
import {
  activeOrganizations,
  invitations,
  joinRequests,
  memberships,
  organizations,
  orgNameChanges,
  statusApplications,
} from "./organizations.schema.js";

/** The organizations a user owns (short names): they must pass ownership on before their account goes. */
export async function ownedOrganizations(ex: Executor, userId: string) {
  return ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner")))
    .orderBy(organizations.shortName);
}

async function emailOf(tx: Executor, userId: string) {
  return (await usersByIds(tx, [userId])).get(userId)?.email ?? null;
}

/**
 * Memberships (role, position, public appearance), the active organization, join requests, invitations
 * addressed to the user, organizations they registered, applications and name changes they filed. An
 * invitation the user sent names someone else's address, so only its organization and date are given.
 */
/**
 * A deletion request (or withdrawn consent) ends the person's public appearance at once, in every
 * organization: their name on its public page and, as the contact person, their contacts (152-FZ:
 * processing stops with the request, not 30 days later). Cancelling does not restore it: the person
 * agrees again on the organization's page.
 */
export async function endPublicAppearances(ex: Executor, userId: string) {
  const rows = await ex
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const r of rows) await endPublicAppearance(ex, r.organizationId, userId);
}

export const organizationsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const email = await emailOf(tx, userId);
    const member = await tx
      .select({
        organizationId: memberships.organizationId,
        organization: organizations.shortName,
        role: memberships.role,
        position: memberships.position,
        showPublicly: memberships.showPublicly,
        publicRequestedAt: memberships.publicRequestedAt,
        since: memberships.createdAt,
        contactPerson: organizations.contactPersonId,
        contactsConsentAt: organizations.contactsConsentAt,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId));
    const [active] = await tx
      .select({ organizationId: activeOrganizations.organizationId })
      .from(activeOrganizations)
      .where(eq(activeOrganizations.userId, userId));
    const requests = await ownRows(tx, joinRequests, "userId", userId, [
      "organizationId",
      "message",
      "state",
      "createdAt",
      "decidedAt",
    ]);
    // Never a token's hash.
    const invited = await tx
      .select(
        columnsOf(invitations, "organizationId", "email", "role", "createdAt", "acceptedAt", "revokedAt"),
      )
      .from(invitations)
      .where(or(eq(invitations.acceptedBy, userId), email ? eq(invitations.email, email) : undefined));
    const sent = await tx
      .select({ organizationId: invitations.organizationId, createdAt: invitations.createdAt })
      .from(invitations)
      .where(eq(invitations.invitedBy, userId));
    const registered = await ownRows(tx, organizations, "createdBy", userId, [
      "id",
      "shortName",
      "createdAt",
    ]);
    const applications = await tx
      .select({
        ...columnsOf(statusApplications, "id", "organizationId"),
        submittedAt: statusApplications.createdAt,
      })
      .from(statusApplications)
      .where(eq(statusApplications.submittedBy, userId));
    const names = await ownRows(tx, orgNameChanges, "requestedBy", userId, [
      "organizationId",
      "fullName",
      "shortName",
      "state",
      "requestedAt",
    ]);
    return {
      memberships: member.map(({ contactPerson, contactsConsentAt, ...m }) => ({
        ...m,
        contactPerson: contactPerson === userId,
        contactsConsentAt: contactPerson === userId ? contactsConsentAt : null,
      })),
      activeOrganizationId: active?.organizationId ?? null,
      joinRequests: requests,
      invitationsReceived: invited,
      invitationsSent: sent,
      organizationsRegistered: registered,
      statusApplicationsSubmitted: applications,
      nameChangesRequested: names,
    };
  },
  /**
   * Memberships go (with what the member agreed to show, and contacts they were the person for), as do
   * join requests and invitations addressed to them. The privacy module refuses an owner beforehand.
   */
  async erase(tx, userId) {
    const email = await emailOf(tx, userId);
    const member = await tx
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    for (const m of member) await endPublicAppearance(tx, m.organizationId, userId);
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    await tx.delete(activeOrganizations).where(eq(activeOrganizations.userId, userId));
    await tx.delete(joinRequests).where(eq(joinRequests.userId, userId));
    if (email)
      await tx.delete(invitations).where(and(eq(invitations.email, email), isNull(invitations.acceptedAt)));
    // Accepted ones stay in the organization's history, without the address they were sent to.
    await tx
      .update(invitations)
      .set({ email: `erased-${userId}@erased.invalid` })
      .where(or(eq(invitations.acceptedBy, userId), email ? eq(invitations.email, email) : undefined));
  },
};
