import { sql } from "drizzle-orm";
import {
  customType,
  index,
  inet,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { LOCALES, ROLES } from "../../../shared/constants.js";
import { TOKEN_KINDS } from "../../../shared/vocabularies.js";
import { createdAt, parentRef, primaryId, timestamps, tz } from "../../core/columns.js";

export const citext = customType<{ data: string }>({ dataType: () => "citext" });

export const roleEnum = pgEnum("user_role", ROLES);
export const localeEnum = pgEnum("locale", LOCALES);
export const tokenKindEnum = pgEnum("user_token_kind", TOKEN_KINDS);

export const users = pgTable(
  "users",
  {
    id: primaryId(),
    email: citext("email").notNull(),
    fullName: text("full_name").notNull(),
    /** Null until the sign-up is confirmed: a pending password lives with its confirmation token. */
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull().default("user"),
    locale: localeEnum("locale").notNull().default("ru"),
    emailConfirmedAt: tz("email_confirmed_at"),
    blockedAt: tz("blocked_at"),
    blockedReason: text("blocked_reason"),
    /**
     * The user asked to delete the account (or withdrew the consent to processing): no session, no
     * sign-in but the one that cancels the request, until the privacy module's job anonymizes it.
     */
    deletionRequestedAt: tz("deletion_requested_at"),
    /** Anonymized after a deletion request (name and e-mail replaced, no password, no sessions). */
    erasedAt: tz("erased_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    // Admin search is a substring (ILIKE) match on e-mail and name: trigram indexes serve it.
    index("users_full_name_trgm").using("gin", sql`${t.fullName} gin_trgm_ops`),
    index("users_email_trgm").using("gin", sql`(${t.email}::text) gin_trgm_ops`),
    index("users_created_at_idx").on(t.createdAt),
  ],
);

/** `user_id`, a not-null reference to the user, deleted with them (a user's own rows). */
export const userRef = () => parentRef("user_id", () => users.id);

/** Server-side sessions. Only an HMAC of the token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: primaryId(),
    userId: userRef(),
    tokenHash: text("token_hash").notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: tz("last_seen_at").notNull().defaultNow(),
    expiresAt: tz("expires_at").notNull(),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/**
 * Single-use e-mail tokens (confirmation, password reset). Only an HMAC of the token is stored.
 * A confirmation token carries its sign-up's password hash and consent (policy version, IP, time =
 * created_at): they take effect only when that very token is used.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: primaryId(),
    userId: userRef(),
    kind: tokenKindEnum("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: tz("expires_at").notNull(),
    usedAt: tz("used_at"),
    passwordHash: text("password_hash"),
    policyVersion: text("policy_version"),
    ip: inet("ip"),
  },
  (t) => [
    uniqueIndex("user_tokens_hash_key").on(t.tokenHash),
    index("user_tokens_user_idx").on(t.userId, t.kind),
  ],
);

/**
 * Consents (152-FZ): which purpose (`kind`), which text version, when, from where; withdrawn ones keep
 * their row with `withdrawn_at`. Kinds: `personal_data` (processing, at sign-up), `org_public_profile`
 * and `org_public_contacts` (distribution: being shown on an organization's public page, art. 10.1;
 * `organization_id` names the organization).
 */
export const consents = pgTable(
  "consents",
  {
    id: primaryId(),
    userId: userRef(),
    kind: text("kind").notNull(),
    organizationId: uuid("organization_id"),
    policyVersion: text("policy_version").notNull(),
    acceptedAt: tz("accepted_at").notNull().defaultNow(),
    ip: inet("ip"),
    withdrawnAt: tz("withdrawn_at"),
  },
  (t) => [index("consents_user_idx").on(t.userId, t.kind)],
);

/**
 * Attempts counted per account (e-mail) and source (IP) in a fixed window, for limits that must hold
 * across app servers. One row per (kind, key, source), bumped by one INSERT … ON CONFLICT … RETURNING.
 */
export const authCounters = pgTable(
  "auth_counters",
  {
    kind: text("kind").notNull(),
    key: citext("key").notNull(),
    source: text("source").notNull(),
    count: integer("count").notNull().default(0),
    windowStart: tz("window_start").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key, t.source] }),
    index("auth_counters_window_idx").on(t.windowStart),
  ],
);

/** Proof-of-work challenges already solved, kept until they expire so a solution works once. */
export const authChallengesUsed = pgTable(
  "auth_challenges_used",
  {
    id: text("id").primaryKey(),
    expiresAt: tz("expires_at").notNull(),
  },
  (t) => [index("auth_challenges_used_expires_idx").on(t.expiresAt)],
);
