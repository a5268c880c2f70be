import { and, eq, isNull, sql } from "drizzle-orm";
import { PRIVACY_POLICY_VERSION } from "../../../shared/constants.js";
import { ERASED_USER_NAME } from "../../../shared/privacy.js";
import { columnsOf, ownRows } from "../../core/columns.js";
import type { Executor } from "../../core/db.js";
import type { PersonalDataPart } from "../../core/module.js";
import { authCounters, consents, sessions, users, userTokens } from "./accounts.schema.js";

/** The account, its consents, sessions and e-mail tokens (never a hash) — and how they are forgotten. */
export const accountsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const [account] = await tx
      .select(
        columnsOf(
          users,
          "id",
          "email",
          "fullName",
          "role",
          "locale",
          "emailConfirmedAt",
          "blockedAt",
          "blockedReason",
          "deletionRequestedAt",
          "createdAt",
          "updatedAt",
        ),
      )
      .from(users)
      .where(eq(users.id, userId));
    if (!account) return {};
    return {
      account,
      consents: await ownRows(tx, consents, "userId", userId, [
        "kind",
        "organizationId",
        "policyVersion",
        "acceptedAt",
        "ip",
        "withdrawnAt",
      ]),
      sessions: await ownRows(tx, sessions, "userId", userId, [
        "createdAt",
        "lastSeenAt",
        "expiresAt",
        "ip",
        "userAgent",
      ]),
      // Never a token's hash.
      emailTokens: await ownRows(tx, userTokens, "userId", userId, [
        "kind",
        "createdAt",
        "expiresAt",
        "usedAt",
        "ip",
      ]),
    };
  },
  async erase(tx, userId) {
    const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!u) return;
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(userTokens).where(eq(userTokens.userId, userId));
    await tx.delete(authCounters).where(eq(authCounters.key, u.email));
    // The consents stay as the record of what was agreed and withdrawn, without the address it came from.
    await tx
      .update(consents)
      .set({ ip: null, withdrawnAt: sql`coalesce(${consents.withdrawnAt}, now())` })
      .where(eq(consents.userId, userId));
    const now = new Date();
    await tx
      .update(users)
      .set({
        email: `erased-${userId}@erased.invalid`,
        fullName: ERASED_USER_NAME,
        passwordHash: null,
        blockedAt: now,
        blockedReason: null,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
  },
};

/**
 * The account waits for its erasure (`at` = requested) or, with null, no longer does. Requesting ends
 * every session and voids the e-mail links: the account can then only sign in to cancel.
 */
export async function setDeletionRequested(tx: Executor, userId: string, at: Date | null): Promise<void> {
  await tx.update(users).set({ deletionRequestedAt: at, updatedAt: new Date() }).where(eq(users.id, userId));
  if (at) {
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx
      .update(userTokens)
      .set({ usedAt: at })
      .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
  }
}

/** The consent to processing of personal data is withdrawn (a deletion request is that withdrawal). */
export async function withdrawProcessingConsent(tx: Executor, userId: string, at: Date): Promise<void> {
  await tx
    .update(consents)
    .set({ withdrawnAt: at })
    .where(
      and(eq(consents.userId, userId), eq(consents.kind, "personal_data"), isNull(consents.withdrawnAt)),
    );
}

/** Cancelling a deletion request gives the consent to processing again, under the current policy. */
export async function giveProcessingConsent(tx: Executor, userId: string, ip: string | null): Promise<void> {
  await tx.insert(consents).values({
    userId,
    kind: "personal_data",
    policyVersion: PRIVACY_POLICY_VERSION,
    ip,
    acceptedAt: new Date(),
  });
}
