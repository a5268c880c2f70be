import { and, eq, sql } from "drizzle-orm";
import { auditLog } from "../../core/audit.schema.js";
import type { PersonalDataPart } from "../../core/module.js";
import { users } from "../accounts/accounts.schema.js";

/** Most entries a user's export carries (newest first); the log of one person is far smaller. */
const EXPORT_LIMIT = 10_000;

const aboutUser = (userId: string) => and(eq(auditLog.entity, "user"), eq(auditLog.entityId, userId));

/**
 * Entries about the user (entity `user` and their id) in full, and what they did themselves without its
 * before/after (those may name other people: an invitation names the invitee's address). Erasure keeps
 * every entry with the user id only: the address and name are replaced in every entry, IPs of theirs
 * and the before/after of entries about them are removed.
 */
export const auditPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const about = await tx
      .select()
      .from(auditLog)
      .where(aboutUser(userId))
      .orderBy(sql`${auditLog.at} desc`)
      .limit(EXPORT_LIMIT);
    const done = await tx
      .select({
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(sql`${auditLog.at} desc`)
      .limit(EXPORT_LIMIT);
    return {
      entriesAboutYou: about.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        byYou: e.actorId === userId,
        before: e.before,
        after: e.after,
        ip: e.actorId === userId ? e.ip : null,
      })),
      yourActions: done.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  },
  async erase(tx, userId) {
    const [u] = await tx
      .select({ email: users.email, fullName: users.fullName })
      .from(users)
      .where(eq(users.id, userId));
    await tx.update(auditLog).set({ before: null, after: null, ip: null }).where(aboutUser(userId));
    await tx.update(auditLog).set({ ip: null }).where(eq(auditLog.actorId, userId));
    if (!u) return;
    // Other entries that quote the address or the name (an invitation, a decision naming the member).
    for (const text of [u.email, u.fullName]) {
      if (text.length < 5) continue;
      const quoted = JSON.stringify(text).slice(1, -1);
      await tx
        .update(auditLog)
        .set({ before: sql`replace(${auditLog.before}::text, ${quoted}, '[erased]')::jsonb` })
        .where(sql`strpos(${auditLog.before}::text, ${quoted}) > 0`);
      await tx
        .update(auditLog)
        .set({ after: sql`replace(${auditLog.after}::text, ${quoted}, '[erased]')::jsonb` })
        .where(sql`strpos(${auditLog.after}::text, ${quoted}) > 0`);
    }
  },
};
