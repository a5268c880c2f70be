import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, rows, textArray } from "../../core/db.js";
import { notify } from "../notifications/notifications.service.js";
import { activeOrganizations, memberships } from "./organizations.schema.js";

/**
 * Membership helpers every organization-related module uses (organizations, status, verification):
 * who the members are, the active organization, and notifying the members in the caller's transaction.
 */

/** The members of an organization with their roles. */
export async function membersOf(ex: Executor, organizationId: string) {
  return ex
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
}

/** The members of these organizations, as `user organization` pairs (one statement for many). */
export async function membersOfMany(ex: Executor, organizationIds: readonly string[]) {
  if (!organizationIds.length) return [];
  return ex
    .select({ userId: memberships.userId, organizationId: memberships.organizationId })
    .from(memberships)
    .where(inArray(memberships.organizationId, [...organizationIds]));
}

/**
 * `user organization` pairs of these users' memberships (conflicts of interest: a few experts' own
 * organizations, compared with the submitters' by the caller — not a list of every submitter sent here).
 */
export async function membershipPairs(ex: Executor, userIds: readonly string[]) {
  if (!userIds.length) return [];
  return ex
    .select({ userId: memberships.userId, organizationId: memberships.organizationId })
    .from(memberships)
    .where(inArray(memberships.userId, [...userIds]));
}

/** The owner and the admins of an organization. */
export async function managerIds(ex: Executor, organizationId: string): Promise<string[]> {
  const list = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ["owner", "admin"])),
    );
  return list.map((m) => m.userId);
}

/**
 * The members of these organizations, each once, but none who is a member of `except` (a matching
 * notice's own organization: its people are never told of their own listing or challenge).
 */
export async function memberIdsExcept(
  ex: Executor,
  organizationIds: readonly string[],
  except: string,
): Promise<string[]> {
  if (!organizationIds.length) return [];
  const list = await rows<{ user_id: string }>(
    ex,
    sql`select distinct m.user_id from memberships m
        where m.organization_id = any(${textArray(organizationIds)}::uuid[])
          and not exists (select 1 from memberships own
            where own.organization_id = ${except} and own.user_id = m.user_id)`,
  );
  return list.map((r) => r.user_id);
}

/** Whether the user is a member of the organization (a contact person must be one). */
export async function isMember(ex: Executor, organizationId: string, userId: string) {
  const [m] = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return Boolean(m);
}

/** Makes the organization the user's active one. */
export async function setActive(ex: Executor, userId: string, organizationId: string) {
  await ex
    .insert(activeOrganizations)
    .values({ userId, organizationId })
    .onConflictDoUpdate({ target: activeOrganizations.userId, set: { organizationId } });
}

/** Clears a user's active organization if it is this one (after leaving or removal). */
export async function clearActive(ex: Executor, userId: string, organizationId: string) {
  await ex
    .delete(activeOrganizations)
    .where(
      and(eq(activeOrganizations.userId, userId), eq(activeOrganizations.organizationId, organizationId)),
    );
}

/**
 * Notifies every member of the organization (but `except`, who did it) in the caller's transaction;
 * returns how many mails were queued.
 */
export async function notifyMembers(
  ex: Executor,
  publicUrl: string,
  organizationId: string,
  n: { kind: string; data: Record<string, string | number | null>; link: string; except?: string | null },
) {
  const members = await membersOf(ex, organizationId);
  return notify(ex, publicUrl, {
    userIds: members.map((m) => m.userId).filter((id) => id !== (n.except ?? null)),
    kind: n.kind,
    data: n.data,
    link: n.link,
  });
}
