import { createHmac, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { PRIVACY_POLICY_VERSION, type Role } from "../../../shared/constants.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Db, type Executor, likePattern } from "../../core/db.js";
import { AppError, badRequest, notFound, RateLimitedError } from "../../core/errors.js";
import { enqueueMail } from "../../core/mail.js";
import type { Actor } from "../../core/policy.js";
import type {
  AdminUsersQuery,
  ChangePasswordBody,
  ResetConfirmBody,
  SignInBody,
  SignUpBody,
  UpdateMeBody,
} from "./accounts.contract.js";
import { authAttempts, consents, sessions, users, userTokens } from "./accounts.schema.js";
import { dummyHash, hashPassword, isCommonPassword, verifyPassword } from "./passwords.js";

const HOUR = 3600_000;
export const SESSION_TTL_MS = 30 * 24 * HOUR;
const CONFIRM_TTL_MS = 48 * HOUR;
const RESET_TTL_MS = 1 * HOUR;
const TOUCH_EVERY_MS = 60_000;

/** Per-account limits; they live in the database so they hold across app servers. */
export const ACCOUNT_LIMITS = {
  signin: { max: 10, windowMs: 15 * 60_000 },
  signup: { max: 3, windowMs: HOUR },
  reset: { max: 3, windowMs: HOUR },
} as const;

type UserRow = typeof users.$inferSelect;

export const newToken = () => randomBytes(32).toString("base64url");
export const tokenHash = (secret: string, token: string) =>
  createHmac("sha256", secret).update(token).digest("base64url");

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    locale: u.locale,
    emailConfirmed: u.emailConfirmedAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentAdminUser(u: UserRow) {
  const { locale: _locale, ...rest } = presentUser(u);
  return { ...rest, blocked: u.blockedAt !== null, blockedReason: u.blockedReason };
}

async function checkAccountLimit(db: Executor, kind: keyof typeof ACCOUNT_LIMITS, key: string) {
  const { max, windowMs } = ACCOUNT_LIMITS[kind];
  const since = new Date(Date.now() - windowMs);
  const [row] = await db
    .select({ n: count(), oldest: sql<string>`min(${authAttempts.at})` })
    .from(authAttempts)
    .where(and(eq(authAttempts.kind, kind), eq(authAttempts.key, key), gt(authAttempts.at, since)));
  if ((row?.n ?? 0) >= max) {
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : Date.now();
    throw new RateLimitedError(Math.max(1000, oldest + windowMs - Date.now()));
  }
}

const recordAttempt = (db: Executor, kind: keyof typeof ACCOUNT_LIMITS, key: string) =>
  db.insert(authAttempts).values({ kind, key });

function checkNewPassword(password: string, email: string, field: string) {
  if (isCommonPassword(password)) throw badRequest([{ field, key: "field.password-common" }]);
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    throw badRequest([{ field, key: "field.password-email" }]);
}

async function issueToken(
  ex: Executor,
  secret: string,
  userId: string,
  kind: "confirm_email" | "reset_password",
) {
  const token = newToken();
  // A new link replaces the older ones of the same kind.
  await ex
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt)));
  await ex.insert(userTokens).values({
    userId,
    kind,
    tokenHash: tokenHash(secret, token),
    expiresAt: new Date(Date.now() + (kind === "confirm_email" ? CONFIRM_TTL_MS : RESET_TTL_MS)),
  });
  return token;
}

/** Uses a token once: the conditional update lets exactly one of two concurrent uses succeed. */
async function consumeToken(
  ex: Executor,
  secret: string,
  token: string,
  kind: "confirm_email" | "reset_password",
) {
  const [row] = await ex
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash(secret, token)),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: userTokens.userId });
  if (!row) throw new AppError(400, "invalid-token", {}, [{ field: "token", key: "problem.invalid-token" }]);
  return row.userId;
}

const link = (ctx: Ctx, path: string, token: string, next?: string) =>
  `${ctx.config.publicUrl}${path}?token=${encodeURIComponent(token)}${next ? `&next=${encodeURIComponent(next)}` : ""}`;

export async function signUp(ctx: Ctx, body: z.infer<typeof SignUpBody>) {
  if (body.policyVersion !== PRIVACY_POLICY_VERSION) throw new AppError(409, "policy-outdated");
  checkNewPassword(body.password, body.email, "password");
  await checkAccountLimit(ctx.db, "signup", body.email);
  await recordAttempt(ctx.db, "signup", body.email);
  const passwordHash = await hashPassword(body.password);
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, body.email)).for("update");
    if (existing) {
      // Same answer as for a new address, so sign-up does not reveal who is registered.
      if (existing.emailConfirmedAt) {
        await enqueueMail(tx, {
          to: existing.email,
          locale: existing.locale,
          template: "signup-existing",
          data: { url: `${ctx.config.publicUrl}/reset` },
        });
      } else {
        const token = await issueToken(tx, ctx.config.sessionSecret, existing.id, "confirm_email");
        await enqueueMail(tx, {
          to: existing.email,
          locale: existing.locale,
          template: "confirm-email",
          data: { name: existing.fullName, url: link(ctx, "/confirm", token, body.next) },
        });
      }
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({ email: body.email, fullName: body.fullName, passwordHash, locale: body.locale })
      .onConflictDoNothing()
      .returning();
    if (!user) return; // a concurrent sign-up with the same address won
    await tx
      .insert(consents)
      .values({ userId: user.id, kind: "personal_data", policyVersion: body.policyVersion, ip: ctx.ip });
    const token = await issueToken(tx, ctx.config.sessionSecret, user.id, "confirm_email");
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "confirm-email",
      data: { name: user.fullName, url: link(ctx, "/confirm", token, body.next) },
    });
    await writeAudit(
      tx,
      { actorId: user.id, ip: ctx.ip },
      {
        action: "user.signup",
        entity: "user",
        entityId: user.id,
        after: {
          ...presentUser(user),
          consent: { kind: "personal_data", policyVersion: body.policyVersion },
        },
      },
    );
  });
  ctx.mailQueued();
}

/** `next` (a same-site path, checked by the contract) rides along in the new link. */
export async function resendConfirmation(ctx: Ctx, email: string, next?: string) {
  await checkAccountLimit(ctx.db, "signup", email);
  await recordAttempt(ctx.db, "signup", email);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.emailConfirmedAt || user.blockedAt) return;
    const token = await issueToken(tx, ctx.config.sessionSecret, user.id, "confirm_email");
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "confirm-email",
      data: { name: user.fullName, url: link(ctx, "/confirm", token, next) },
    });
  });
  ctx.mailQueued();
}

export async function confirmEmail(ctx: Ctx, token: string) {
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, ctx.config.sessionSecret, token, "confirm_email");
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before) throw new AppError(400, "invalid-token");
    if (before.emailConfirmedAt) return;
    const [after] = await tx
      .update(users)
      .set({ emailConfirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    await writeAudit(
      tx,
      { actorId: userId, ip: ctx.ip },
      {
        action: "user.confirm_email",
        entity: "user",
        entityId: userId,
        before: { emailConfirmed: false },
        after: { emailConfirmed: after?.emailConfirmedAt !== null },
      },
    );
  });
}

async function createSession(ex: Executor, ctx: Ctx, userId: string) {
  const token = newToken();
  const [s] = await ex
    .insert(sessions)
    .values({
      userId,
      tokenHash: tokenHash(ctx.config.sessionSecret, token),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    })
    .returning({ id: sessions.id });
  return { token, sessionId: s!.id };
}

/** Signs in; the caller's previous session (if any) is replaced, so the token rotates at every sign-in. */
export async function signIn(ctx: Ctx, body: z.infer<typeof SignInBody>) {
  await checkAccountLimit(ctx.db, "signin", body.email);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, body.email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), body.password);
  if (!user || !ok) {
    await recordAttempt(ctx.db, "signin", body.email);
    throw new AppError(401, "invalid-credentials");
  }
  if (user.blockedAt) throw new AppError(403, "account-blocked", { reason: user.blockedReason ?? "" });
  if (!user.emailConfirmedAt) throw new AppError(403, "email-not-confirmed");
  return ctx.db.transaction(async (tx) => {
    if (ctx.actor) await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
    const s = await createSession(tx, ctx, user.id);
    await writeAudit(
      tx,
      { actorId: user.id, ip: ctx.ip },
      { action: "session.signin", entity: "session", entityId: s.sessionId },
    );
    return { user: presentUser(user), token: s.token };
  });
}

export async function signOut(ctx: Ctx) {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await writeAudit(tx, auditCtx(ctx), {
      action: "session.signout",
      entity: "session",
      entityId: actor.sessionId,
    });
  });
}

/** The actor behind a session token, or null; keeps the session alive (at most one write a minute). */
export async function resolveSession(db: Db, secret: string, token: string): Promise<Actor> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash(secret, token)),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.blockedAt),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
      .where(eq(sessions.id, row.sessionId));
  }
  const { lastSeenAt: _l, ...actor } = row;
  return actor;
}

export async function requestPasswordReset(ctx: Ctx, email: string) {
  await checkAccountLimit(ctx.db, "reset", email);
  await recordAttempt(ctx.db, "reset", email);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.blockedAt) return;
    const token = await issueToken(tx, ctx.config.sessionSecret, user.id, "reset_password");
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "reset-password",
      data: { name: user.fullName, url: link(ctx, "/reset", token) },
    });
    await writeAudit(
      tx,
      { actorId: null, ip: ctx.ip },
      { action: "user.password_reset_requested", entity: "user", entityId: user.id },
    );
  });
  ctx.mailQueued();
}

export async function resetPassword(ctx: Ctx, body: z.infer<typeof ResetConfirmBody>) {
  const passwordHash = await hashPassword(body.password);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, ctx.config.sessionSecret, body.token, "reset_password");
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError(400, "invalid-token");
    checkNewPassword(body.password, user.email, "password");
    await tx
      .update(users)
      .set({ passwordHash, emailConfirmedAt: user.emailConfirmedAt ?? sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await writeAudit(
      tx,
      { actorId: userId, ip: ctx.ip },
      { action: "user.password_reset", entity: "user", entityId: userId },
    );
  });
}

export async function getUser(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function changePassword(ctx: Ctx, body: z.infer<typeof ChangePasswordBody>) {
  const actor = requireActor(ctx);
  const user = await getUser(ctx.db, actor.id);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError(400, "wrong-password", {}, [
      { field: "currentPassword", key: "problem.wrong-password" },
    ]);
  }
  checkNewPassword(body.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, actor.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, actor.id), ne(sessions.id, actor.sessionId)));
    await enqueueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: "password-changed",
      data: { name: user.fullName, url: `${ctx.config.publicUrl}/reset` },
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "user.password_change",
      entity: "user",
      entityId: actor.id,
    });
  });
  ctx.mailQueued();
}

export async function updateMe(ctx: Ctx, body: z.infer<typeof UpdateMeBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.id)).for("update");
    if (!before) throw notFound();
    const [after] = await tx
      .update(users)
      .set({ ...body, updatedAt: sql`now()` })
      .where(eq(users.id, actor.id))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "user.update_profile",
      entity: "user",
      entityId: actor.id,
      before: { fullName: before.fullName, locale: before.locale },
      after: { fullName: after!.fullName, locale: after!.locale },
    });
    return presentUser(after!);
  });
}

export async function listSessions(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rowsList = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.id), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rowsList.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

/** Ends one of the actor's own sessions; another user's session id looks like a missing one. */
export async function endSession(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, actor.id)))
      .returning({ id: sessions.id });
    if (!gone) throw notFound();
    await writeAudit(tx, auditCtx(ctx), { action: "session.end", entity: "session", entityId: id });
  });
}

// ---- administration ----

/** The two queries behind the admin user list (exported so the benchmark runs the very same SQL). */
export function adminUsersQueries(db: Db, q: z.infer<typeof AdminUsersQuery>) {
  const where = and(
    q.q
      ? or(ilike(sql`${users.email}::text`, likePattern(q.q)), ilike(users.fullName, likePattern(q.q)))
      : undefined,
    q.role ? eq(users.role, q.role) : undefined,
  );
  return {
    items: db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    total: db.select({ n: count() }).from(users).where(where),
  };
}

export async function adminListUsers(ctx: Ctx, q: z.infer<typeof AdminUsersQuery>) {
  const queries = adminUsersQueries(ctx.db, q);
  const [items, [total]] = await Promise.all([queries.items, queries.total]);
  return { items: items.map(presentAdminUser), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function adminChange(
  ctx: Ctx,
  id: string,
  action: string,
  change: (u: UserRow) => Partial<UserRow>,
  endSessions = false,
) {
  const actor = requireActor(ctx);
  if (actor.id === id) throw new AppError(403, "self-role");
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw notFound();
    const [after] = await tx
      .update(users)
      .set({ ...change(before), updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    if (endSessions) await tx.delete(sessions).where(eq(sessions.userId, id));
    const b = presentAdminUser(before);
    const a = presentAdminUser(after!);
    await writeAudit(tx, auditCtx(ctx), {
      action,
      entity: "user",
      entityId: id,
      before: { role: b.role, blocked: b.blocked, blockedReason: b.blockedReason },
      after: { role: a.role, blocked: a.blocked, blockedReason: a.blockedReason },
    });
    return a;
  });
}

export const adminSetRole = (ctx: Ctx, id: string, role: Role) =>
  adminChange(ctx, id, "user.set_role", () => ({ role }));
export const adminBlock = (ctx: Ctx, id: string, reason: string) =>
  adminChange(ctx, id, "user.block", () => ({ blockedAt: new Date(), blockedReason: reason }), true);
export const adminUnblock = (ctx: Ctx, id: string) =>
  adminChange(ctx, id, "user.unblock", () => ({ blockedAt: null, blockedReason: null }));

export async function countUsers(db: Db) {
  const [r] = await db
    .select({ n: count() })
    .from(users)
    .where(and(isNull(users.blockedAt)));
  return r?.n ?? 0;
}

/** Who the users are (id → name, e-mail, language), for other modules' lists, mail and notifications. */
export async function usersByIds(db: Executor, ids: string[]) {
  type Brief = { id: string; email: string; fullName: string; locale: "ru" | "en"; active: boolean };
  if (!ids.length) return new Map<string, Brief>();
  const list = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      blockedAt: users.blockedAt,
    })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map<string, Brief>(
    list.map(({ blockedAt, ...u }) => [u.id, { ...u, active: blockedAt === null }]),
  );
}

export async function userIdsByEmailLike(db: Db, q: string) {
  const list = await db
    .select({ id: users.id })
    .from(users)
    .where(ilike(sql`${users.email}::text`, likePattern(q)))
    .limit(1000);
  return list.map((u) => u.id);
}

/** Purposes of a consent to distribution that another module records for its user (152-FZ art. 10.1). */
export type DistributionConsentKind = "org_public_profile" | "org_public_contacts";

/** Records the user's own consent (who, what, which text version, when, from which IP). */
export async function recordConsent(
  ex: Executor,
  c: {
    userId: string;
    kind: DistributionConsentKind;
    organizationId: string;
    version: string;
    ip: string | null;
  },
) {
  const [row] = await ex
    .insert(consents)
    .values({
      userId: c.userId,
      kind: c.kind,
      organizationId: c.organizationId,
      policyVersion: c.version,
      ip: c.ip,
    })
    .returning({ id: consents.id, acceptedAt: consents.acceptedAt });
  return row!;
}

/** Marks the user's standing consents of this purpose withdrawn (the rows stay as the record). */
export async function withdrawConsent(
  ex: Executor,
  c: { userId: string; kind: DistributionConsentKind; organizationId: string },
) {
  await ex
    .update(consents)
    .set({ withdrawnAt: sql`now()` })
    .where(
      and(
        eq(consents.userId, c.userId),
        eq(consents.kind, c.kind),
        eq(consents.organizationId, c.organizationId),
        isNull(consents.withdrawnAt),
      ),
    );
}
