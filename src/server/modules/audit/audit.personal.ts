import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { auditLog } from "../../core/audit.schema.js";
import { columnsOf } from "../../core/columns.js";
import type { Executor } from "../../core/db.js";
import type { PersonalDataPart } from "../../core/module.js";
import { usersByIds } from "../accounts/accounts.service.js";

/** Most entries a user's export carries (newest first); the log of one person is far smaller. */
const EXPORT_LIMIT = 10_000;

/** Actions whose before/after quote a person other than the actor (their address). */
export const QUOTING_ACTIONS = [
  "organization.invitation_create",
  "organization.invitation_revoke",
  "auth.challenge_required",
  "session.signin_failed",
  "user.password_reset_requested",
] as const;

const ERASED = "[erased]";

/** The JSON with every string value equal (case-insensitively) to one of `erase` replaced. */
function redact(value: unknown, erase: Set<string>): { value: unknown; changed: boolean } {
  if (typeof value === "string")
    return erase.has(value.toLowerCase()) ? { value: ERASED, changed: true } : { value, changed: false };
  if (Array.isArray(value)) {
    const items = value.map((v) => redact(v, erase));
    return items.some((i) => i.changed)
      ? { value: items.map((i) => i.value), changed: true }
      : { value, changed: false };
  }
  if (value && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = redact(v, erase);
      out[k] = r.value;
      changed ||= r.changed;
    }
    return changed ? { value: out, changed } : { value, changed: false };
  }
  return { value, changed: false };
}

/** Replaces, in the entries `where` selects that mention one of `texts`, the values equal to one. */
async function redactEntries(tx: Executor, where: SQL, texts: string[]) {
  const needles = texts.filter((n) => n.length > 0);
  const mentions = needles.map((n) => {
    const quoted = JSON.stringify(n);
    return sql`(strpos(coalesce(${auditLog.before}::text, ''), ${quoted}) > 0 or strpos(coalesce(${auditLog.after}::text, ''), ${quoted}) > 0)`;
  });
  const candidates = await tx
    .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(where, or(...mentions)));
  const erase = new Set(needles.map((n) => n.toLowerCase()));
  for (const c of candidates) {
    const before = redact(c.before, erase);
    const after = redact(c.after, erase);
    if (before.changed || after.changed)
      await tx
        .update(auditLog)
        .set({ before: before.value, after: after.value })
        .where(eq(auditLog.id, c.id));
  }
}

const aboutUser = (userId: string) => and(eq(auditLog.entity, "user"), eq(auditLog.entityId, userId));

/**
 * Entries about the user (entity `user` and their id) in full, and what they did themselves without its
 * before/after (those may name other people: an invitation names the invitee's address). Erasure keeps
 * every entry with the user id only: IPs of theirs and the before/after of entries about them are
 * removed; string values equal to their address or name in their own actions, and to their address in
 * entries that quote a person (`QUOTING_ACTIONS`), become `[erased]` (keys and other entries untouched).
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
      .select(columnsOf(auditLog, "at", "action", "entity", "entityId", "ip"))
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(sql`${auditLog.at} desc`)
      .limit(EXPORT_LIMIT);
    return {
      entriesAboutYou: about.map((e) => ({
        at: e.at,
        action: e.action,
        byYou: e.actorId === userId,
        before: e.before,
        after: e.after,
        ip: e.actorId === userId ? e.ip : null,
      })),
      yourActions: done,
    };
  },
  async erase(tx, userId) {
    const u = (await usersByIds(tx, [userId])).get(userId);
    await tx.update(auditLog).set({ before: null, after: null, ip: null }).where(aboutUser(userId));
    await tx.update(auditLog).set({ ip: null }).where(eq(auditLog.actorId, userId));
    if (!u) return;
    // The user's own actions may quote their address or name; the entries known to quote a person
    // (`QUOTING_ACTIONS`: an invitation's address, a failed sign-in's) their address. Only string values
    // equal to those are replaced, walking the JSON; keys and everything else stay as they are.
    await redactEntries(tx, eq(auditLog.actorId, userId), [u.email, u.fullName]);
    await redactEntries(tx, inArray(auditLog.action, [...QUOTING_ACTIONS]), [u.email]);
  },
};
