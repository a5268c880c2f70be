import { createHmac, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, count, desc, eq, gt, ilike, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { PRIVACY_POLICY_VERSION, type Role } from "../../../shared/constants.js";
import { ERASURE_DAYS } from "../../../shared/privacy.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Db, type Executor, likePattern } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { enqueueMail, type MailRequest, maskMailSecrets } from "../../core/mail.js";
import type { Actor } from "../../core/policy.js";
import type {
  AdminUsersQuery,
  ChangePasswordBody,
  ConfirmBody,
  EmailBody,
  ResendConfirmationBody,
  ResetConfirmBody,
  SignInBody,
  SignUpBody,
  UpdateMeBody,
} from "./accounts.contract.js";
import { authCounters, consents, sessions, users, userTokens } from "./accounts.schema.js";
import { challengeRequired, forgetUsedChallenges, redeemSolution } from "./challenge.js";
import { dummyHash, hashPassword, isCommonPassword, verifyPassword } from "./passwords.js";

const HOUR = 3600_000;
export const SESSION_TTL_MS = 30 * 24 * HOUR;
/** However often it is used, a session ends this long after sign-in (ASVS 7.3.2). */
export const SESSION_MAX_AGE_MS = 90 * 24 * HOUR;
const CONFIRM_TTL_MS = 48 * HOUR;
const RESET_TTL_MS = 1 * HOUR;
const TOUCH_EVERY_MS = 60_000;

/**
 * Limits per account (e-mail) and per source (IP) in a window; they live in the database so they hold
 * across app servers. Past them the owner is not locked out: he is asked for a proof of work.
 */
/**
 * Past the limit, a solved challenge still sends a sign-up or reset mail (the owner who signs up after
 * someone else used their address is never stuck), up to this many times the limit per window.
 */
export const MAIL_CEILING = 3;

export const ACCOUNT_LIMITS = {
  signin: { max: 10, perSource: 5, windowMs: 15 * 60_000 },
  signup: { max: 3, perSource: 3, windowMs: HOUR },
  reset: { max: 3, perSource: 3, windowMs: HOUR },
} as const;
type LimitKind = keyof typeof ACCOUNT_LIMITS;

/** The growing delay before a source's next attempt on one account, until the challenge takes over. */
export const attemptDelayMs = (fromSource: number) =>
  fromSource <= 3 ? 0 : Math.min(2000, 250 * 2 ** (fromSource - 4));

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

/**
 * Records one attempt before anything is checked: one INSERT … ON CONFLICT … RETURNING per (account,
 * source), then the account's total in a later statement, so of N concurrent attempts the k-th to
 * count sees at least k — never more than the limit are let through to the password check.
 */
async function countAttempt(db: Executor, kind: LimitKind, key: string, source: string) {
  const secs = ACCOUNT_LIMITS[kind].windowMs / 1000;
  const fresh = sql`${authCounters.windowStart} > now() - make_interval(secs => ${secs})`;
  const [row] = await db
    .insert(authCounters)
    .values({ kind, key, source, count: 1 })
    .onConflictDoUpdate({
      target: [authCounters.kind, authCounters.key, authCounters.source],
      set: {
        count: sql`case when ${fresh} then ${authCounters.count} + 1 else 1 end`,
        windowStart: sql`case when ${fresh} then ${authCounters.windowStart} else now() end`,
      },
    })
    .returning({ count: authCounters.count });
  const [sum] = await db
    .select({ n: sql<number>`coalesce(sum(${authCounters.count}), 0)::int` })
    .from(authCounters)
    .where(and(eq(authCounters.kind, kind), eq(authCounters.key, key), fresh));
  return { fromSource: row!.count, total: Number(sum?.n ?? 0) };
}

const clearAttempts = (db: Executor, kind: LimitKind, key: string, source?: string) =>
  db
    .delete(authCounters)
    .where(
      and(
        eq(authCounters.kind, kind),
        eq(authCounters.key, key),
        source === undefined ? undefined : eq(authCounters.source, source),
      ),
    );

/** Forgets attempt counters whose window has passed and challenges that expired (the 10-minute timer). */
export async function cleanUpAuth(db: Executor, now = new Date()) {
  const longest = Math.max(...Object.values(ACCOUNT_LIMITS).map((l) => l.windowMs));
  await db.delete(authCounters).where(lt(authCounters.windowStart, new Date(now.getTime() - longest)));
  await forgetUsedChallenges(db, now);
}

/**
 * Counts the attempt and decides what it needs: within the limits it goes on (after a growing delay
 * per source); past them it needs a solved challenge (428 challenge-required otherwise, audited when
 * first demanded). `over` tells a mail-sending caller that the address had its mails for this window:
 * past the limit a solved challenge buys one more, up to MAIL_CEILING times the limit.
 */
async function gate(ctx: Ctx, kind: LimitKind, email: string, altcha: string | undefined) {
  if (altcha !== undefined) await redeemSolution(ctx.db, ctx.config.sessionSecret, altcha);
  const n = await countAttempt(ctx.db, kind, email, ctx.ip ?? "");
  const { max, perSource } = ACCOUNT_LIMITS[kind];
  const over = n.total > max || n.fromSource > perSource;
  if (over && altcha === undefined) {
    if (n.total === max + 1 || n.fromSource === perSource + 1) {
      await writeAudit(
        ctx.db,
        { actorId: null, ip: ctx.ip },
        { action: "auth.challenge_required", entity: "user", after: { email, kind, attempts: n.total } },
      );
    }
    throw await challengeRequired(ctx.config.sessionSecret);
  }
  if (altcha === undefined) {
    const ms = attemptDelayMs(n.fromSource);
    if (ms) await sleep(ms);
  }
  return { over: n.total > max * MAIL_CEILING || n.fromSource > perSource * MAIL_CEILING };
}

function checkNewPassword(password: string, email: string, field: string) {
  if (isCommonPassword(password)) throw badRequest([{ field, key: "field.password-common" }]);
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    throw badRequest([{ field, key: "field.password-email" }]);
}

type TokenKind = "confirm_email" | "reset_password";
/** A sign-up's password and consent, which wait with its confirmation token. */
type Pending = {
  passwordHash: string | null;
  policyVersion: string | null;
  ip: string | null;
  createdAt?: Date;
};

/** A new single-use token; the caller mails it (`mailWith`) and decides which older ones it voids. */
async function issueToken(ex: Executor, secret: string, userId: string, kind: TokenKind, pending?: Pending) {
  const token = newToken();
  const ref = tokenHash(secret, token);
  const expiresAt = new Date(Date.now() + (kind === "confirm_email" ? CONFIRM_TTL_MS : RESET_TTL_MS));
  await ex.insert(userTokens).values({ userId, kind, tokenHash: ref, expiresAt, ...pending });
  return { token, ref, expiresAt };
}

/** Voids a user's unused tokens of a kind (all, or the ones named); their stored mails drop the link. */
async function voidTokens(ex: Executor, userId: string, kind: TokenKind, refs?: string[]) {
  const gone = await ex
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        refs ? inArray(userTokens.tokenHash, refs) : undefined,
      ),
    )
    .returning({ ref: userTokens.tokenHash });
  await maskMailSecrets(
    ex,
    gone.map((g) => g.ref),
  );
}

/** A user's usable confirmation tokens (pending sign-ups), newest first. */
const pendingSignUps = (ex: Executor, userId: string, limit: number) =>
  ex
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.kind, "confirm_email"),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(userTokens.createdAt))
    .limit(limit);

/** Uses a token once: the conditional update lets exactly one of two concurrent uses succeed. */
async function consumeToken(ex: Executor, secret: string, token: string, kind: TokenKind) {
  const ref = tokenHash(secret, token);
  const [row] = await ex
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.tokenHash, ref),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  if (!row) throw new AppError(400, "invalid-token", {}, [{ field: "token", key: "problem.invalid-token" }]);
  await maskMailSecrets(ex, [ref]);
  return row;
}

const link = (ctx: Ctx, path: string, token: string, next?: string) =>
  `${ctx.config.publicUrl}${path}?token=${encodeURIComponent(token)}${next ? `&next=${encodeURIComponent(next)}` : ""}`;

/** The mail carrying a new token's link, with the token marked for masking once it is used or expired. */
const mailWith = (
  ctx: Ctx,
  user: Pick<UserRow, "email" | "locale" | "fullName">,
  template: "confirm-email" | "reset-password",
  issued: { token: string; ref: string; expiresAt: Date },
  next?: string,
): MailRequest => ({
  to: user.email,
  locale: user.locale,
  template,
  data: {
    name: user.fullName,
    url: link(ctx, template === "confirm-email" ? "/confirm" : "/reset", issued.token, next),
  },
  secret: issued,
});

/**
 * Sign-up. The password and consent wait with the confirmation token and take effect only when that
 * token is used: someone who signs up with another person's address gains nothing (issue 8, finding 3). A
 * repeated sign-up of an unconfirmed address adds its own token beside the others.
 */
export async function signUp(ctx: Ctx, body: z.infer<typeof SignUpBody>) {
  if (body.policyVersion !== PRIVACY_POLICY_VERSION) throw new AppError(409, "policy-outdated");
  checkNewPassword(body.password, body.email, "password");
  // Past the address's mails for this hour: the same answer, and no more mail.
  if ((await gate(ctx, "signup", body.email, body.altcha)).over) return;
  const pending: Pending = {
    passwordHash: await hashPassword(body.password),
    policyVersion: body.policyVersion,
    ip: ctx.ip,
  };
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
      } else if (!existing.blockedAt) {
        const issued = await issueToken(tx, ctx.config.sessionSecret, existing.id, "confirm_email", pending);
        await enqueueMail(tx, mailWith(ctx, existing, "confirm-email", issued, body.next));
      }
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({ email: body.email, fullName: body.fullName, passwordHash: null, locale: body.locale })
      .onConflictDoNothing()
      .returning();
    if (!user) return; // a concurrent sign-up with the same address won
    const issued = await issueToken(tx, ctx.config.sessionSecret, user.id, "confirm_email", pending);
    await enqueueMail(tx, mailWith(ctx, user, "confirm-email", issued, body.next));
    await writeAudit(
      tx,
      { actorId: user.id, ip: ctx.ip },
      {
        action: "user.signup",
        entity: "user",
        entityId: user.id,
        after: {
          ...presentUser(user),
          consent: { kind: "personal_data", policyVersion: body.policyVersion, pending: true },
        },
      },
    );
  });
  ctx.mailQueued();
}

/**
 * Mails the newest pending sign-up's link again, as a new token carrying the same password and consent
 * (the replaced token stops working). `next` (a same-site path, checked by the contract) rides along.
 */
export async function resendConfirmation(ctx: Ctx, body: z.infer<typeof ResendConfirmationBody>) {
  if ((await gate(ctx, "signup", body.email, body.altcha)).over) return;
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, body.email));
    if (!user || user.emailConfirmedAt || user.blockedAt) return;
    const [latest] = await pendingSignUps(tx, user.id, 1);
    // Nothing pending and no password: only a new sign-up can complete this account.
    if (!latest && !user.passwordHash) return;
    if (latest) await voidTokens(tx, user.id, "confirm_email", [latest.tokenHash]);
    const pending: Pending | undefined = latest && {
      passwordHash: latest.passwordHash,
      policyVersion: latest.policyVersion,
      ip: latest.ip,
      createdAt: latest.createdAt,
    };
    const issued = await issueToken(tx, ctx.config.sessionSecret, user.id, "confirm_email", pending);
    await enqueueMail(tx, mailWith(ctx, user, "confirm-email", issued, body.next));
  });
  ctx.mailQueued();
}

/** A usable confirmation token and its user, without using it up. */
async function findSignUp(ex: Executor, secret: string, token: string) {
  const [row] = await ex
    .select({ token: userTokens, user: users })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash(secret, token)),
        eq(userTokens.kind, "confirm_email"),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    );
  if (!row) throw new AppError(400, "invalid-token", {}, [{ field: "token", key: "problem.invalid-token" }]);
  return row;
}

/** The address a confirmation link is for, so the confirmation page can show it beside the password. */
export async function lookUpConfirmation(ctx: Ctx, token: string) {
  const { user } = await findSignUp(ctx.db, ctx.config.sessionSecret, token);
  return { email: user.email };
}

/**
 * Confirms the address with one sign-up's token and the password chosen in that sign-up, then signs in
 * (a new session; the caller's previous one ends). The token alone is useless: someone who signs up
 * with another person's address cannot have that person confirm it for him (issue 8, finding 3). A wrong password
 * confirms nothing, is audited in its own statement and counts as a failed sign-in of the account, so
 * the same limits and proof-of-work challenge stop guessing. A token from before pending sign-ups kept
 * their password is checked against the password the account got at that sign-up.
 * On success that sign-up's consent (its IP and time) is recorded and every other pending sign-up voids.
 */
export async function confirmEmail(ctx: Ctx, body: z.infer<typeof ConfirmBody>) {
  const secret = ctx.config.sessionSecret;
  const found = await findSignUp(ctx.db, secret, body.token);
  const email = found.user.email;
  await gate(ctx, "signin", email, body.altcha);
  const chosen = found.token.passwordHash ?? found.user.passwordHash;
  const ok = chosen ? await verifyPassword(chosen, body.password) : await dummyCheck(body.password);
  if (!ok) {
    await writeAudit(
      ctx.db,
      { actorId: null, ip: ctx.ip },
      { action: "user.confirm_email_failed", entity: "user", entityId: found.user.id, after: { email } },
    );
    throw new AppError(400, "wrong-signup-password", {}, [
      { field: "password", key: "problem.wrong-signup-password" },
    ]);
  }
  await clearAttempts(ctx.db, "signin", email, ctx.ip ?? "");
  if (found.user.blockedAt)
    throw new AppError(403, "account-blocked", { reason: found.user.blockedReason ?? "" });
  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, secret, body.token, "confirm_email");
    const userId = used.userId;
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before || before.emailConfirmedAt) throw new AppError(400, "invalid-token");
    const [after] = await tx
      .update(users)
      .set({ emailConfirmedAt: sql`now()`, passwordHash: chosen, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    if (used.policyVersion) {
      await tx.insert(consents).values({
        userId,
        kind: "personal_data",
        policyVersion: used.policyVersion,
        ip: used.ip,
        acceptedAt: used.createdAt,
      });
    }
    await voidTokens(tx, userId, "confirm_email");
    await writeAudit(
      tx,
      { actorId: userId, ip: ctx.ip },
      {
        action: "user.confirm_email",
        entity: "user",
        entityId: userId,
        before: { emailConfirmed: false },
        after: {
          emailConfirmed: true,
          consent: used.policyVersion
            ? { kind: "personal_data", policyVersion: used.policyVersion, ip: used.ip, at: used.createdAt }
            : null,
        },
      },
    );
    return { user: presentUser(after!), token: await startSession(tx, ctx, userId) };
  });
}

/** A new session for a user who just proved his password; the caller's previous session ends. */
export async function startSession(tx: Executor, ctx: Ctx, userId: string) {
  if (ctx.actor) await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
  const s = await createSession(tx, ctx, userId);
  await writeAudit(
    tx,
    { actorId: userId, ip: ctx.ip },
    { action: "session.signin", entity: "session", entityId: s.sessionId },
  );
  return s.token;
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

/** One Argon2 check against a dummy hash, always false: an unknown account costs what a known one does. */
const dummyCheck = async (password: string) => (await verifyPassword(await dummyHash(), password)) && false;

/**
 * Whether the password is the account's. An unconfirmed account has no password of its own: the
 * password of one of its pending sign-ups only earns the "confirm your address" answer.
 */
async function passwordMatches(db: Executor, user: UserRow, password: string) {
  if (user.passwordHash) return verifyPassword(user.passwordHash, password);
  if (user.emailConfirmedAt) return false;
  // The newest pending sign-up only: one Argon2 check per attempt, as for any other account.
  const [newest] = await pendingSignUps(db, user.id, 1);
  return newest?.passwordHash ? verifyPassword(newest.passwordHash, password) : dummyCheck(password);
}

/**
 * Signs in; the caller's previous session (if any) is replaced, so the token rotates at every sign-in.
 * The attempt is counted before the password is checked; a failure is audited in its own statement,
 * so the record survives the failed request.
 */
export async function signIn(ctx: Ctx, body: z.infer<typeof SignInBody>) {
  const user = await checkCredentials(ctx, body);
  // An account waiting for its erasure signs in only to cancel the request (the privacy module's
  // POST /api/privacy/erasure/cancel); the answer says when it goes and how to cancel.
  if (user.deletionRequestedAt) {
    const erasesAt = new Date(user.deletionRequestedAt.getTime() + ERASURE_DAYS * 24 * HOUR);
    throw new AppError(403, "deletion-pending", { date: erasesAt.toISOString().slice(0, 10) }, [], {
      erasesAt: erasesAt.toISOString(),
    });
  }
  return ctx.db.transaction(async (tx) => ({
    user: presentUser(user),
    token: await startSession(tx, ctx, user.id),
  }));
}

/**
 * Checks an e-mail and password exactly as sign-in does (counted, a challenge past the limits, a
 * failure audited in its own statement; blocked and unconfirmed accounts refused) and returns the user.
 */
export async function checkCredentials(ctx: Ctx, body: z.infer<typeof SignInBody>): Promise<UserRow> {
  await gate(ctx, "signin", body.email, body.altcha);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, body.email));
  // Unknown e-mails are checked against a dummy hash, so timing does not reveal who is registered.
  const ok = user ? await passwordMatches(ctx.db, user, body.password) : await dummyCheck(body.password);
  if (!user || !ok) {
    await writeAudit(
      ctx.db,
      { actorId: null, ip: ctx.ip },
      {
        action: "session.signin_failed",
        entity: "user",
        entityId: user?.id ?? null,
        after: { email: body.email },
      },
    );
    throw new AppError(401, "invalid-credentials");
  }
  await clearAttempts(ctx.db, "signin", body.email, ctx.ip ?? "");
  if (user.blockedAt) throw new AppError(403, "account-blocked", { reason: user.blockedReason ?? "" });
  if (!user.emailConfirmedAt) throw new AppError(403, "email-not-confirmed");
  return user;
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
        gt(sessions.createdAt, new Date(Date.now() - SESSION_MAX_AGE_MS)),
        isNull(users.blockedAt),
        isNull(users.deletionRequestedAt),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idleEnd = new Date(Date.now() + SESSION_TTL_MS);
    await db
      .update(sessions)
      .set({
        lastSeenAt: sql`now()`,
        expiresAt: sql`least(${idleEnd.toISOString()}::timestamptz, ${sessions.createdAt} + ${`${SESSION_MAX_AGE_MS} milliseconds`}::interval)`,
      })
      .where(eq(sessions.id, row.sessionId));
  }
  const { lastSeenAt: _l, ...actor } = row;
  return actor;
}

/**
 * Mails a reset link to a confirmed, unblocked account (an unconfirmed one is completed only by its
 * confirmation link). Every request is audited with the address given; the answer is always the same.
 */
export async function requestPasswordReset(ctx: Ctx, body: z.infer<typeof EmailBody>) {
  const { over } = await gate(ctx, "reset", body.email, body.altcha);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, body.email));
    await writeAudit(
      tx,
      { actorId: null, ip: ctx.ip },
      {
        action: "user.password_reset_requested",
        entity: "user",
        entityId: user?.id ?? null,
        after: { email: body.email, mailed: !over && !!user?.emailConfirmedAt && !user.blockedAt },
      },
    );
    // Past the address's mails for this hour, the newest link already sent still works.
    if (over || !user || user.blockedAt || !user.emailConfirmedAt) return;
    await voidTokens(tx, user.id, "reset_password");
    const issued = await issueToken(tx, ctx.config.sessionSecret, user.id, "reset_password");
    await enqueueMail(tx, mailWith(ctx, user, "reset-password", issued));
  });
  ctx.mailQueued();
}

/** Sets a new password with a reset link; all sessions end and failed sign-ins are forgotten. */
export async function resetPassword(ctx: Ctx, body: z.infer<typeof ResetConfirmBody>) {
  const passwordHash = await hashPassword(body.password);
  await ctx.db.transaction(async (tx) => {
    const { userId } = await consumeToken(tx, ctx.config.sessionSecret, body.token, "reset_password");
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError(400, "invalid-token");
    checkNewPassword(body.password, user.email, "password");
    await tx
      .update(users)
      .set({ passwordHash, emailConfirmedAt: user.emailConfirmedAt ?? sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await voidTokens(tx, userId, "confirm_email");
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await clearAttempts(tx, "signin", user.email);
    await writeAudit(
      tx,
      { actorId: userId, ip: ctx.ip },
      { action: "user.password_reset", entity: "user", entityId: userId, after: { email: user.email } },
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
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
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

/**
 * Admin user search counts at most this many matches: a short query ("ov") matches most of 150,000
 * users, and counting them all (~250 ms) is what made the search slow; the page itself reads the newest
 * matches through the created_at index and stops at 20. More matches show as "more than 1,000".
 */
export const ADMIN_USERS_COUNT_CAP = 1000;

/** The two queries behind the admin user list (exported so the benchmark runs the very same SQL). */
/** One or two letters or digits: too short for trigrams (and a substring of most addresses). */
const SHORT_QUERY = /^[\p{L}\p{N}]{1,2}$/u;

/**
 * A user matches the admin search by a substring of the e-mail or name (trigram indexes), or, for one
 * or two letters, by the start of a word of the name or the e-mail ("ov" finds Ovchinnikova and
 * ov.petrov@…, not every "…ova"): the word index of migration 0013 serves it.
 */
function adminUserMatch(text: string) {
  const q = text.trim();
  if (SHORT_QUERY.test(q))
    return sql`to_tsvector('simple', ${users.fullName} || ' ' || translate(${users.email}::text, '@._-+', '     ')) @@ to_tsquery('simple', ${q} || ':*')`;
  return or(ilike(sql`${users.email}::text`, likePattern(text)), ilike(users.fullName, likePattern(text)));
}

export function adminUsersQueries(
  db: Db,
  q: z.infer<typeof AdminUsersQuery>,
  cap: number = ADMIN_USERS_COUNT_CAP,
) {
  const where = and(q.q ? adminUserMatch(q.q) : undefined, q.role ? eq(users.role, q.role) : undefined);
  return {
    items: db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    total: db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(users)
        .where(where)
        .limit(cap + 1)
        .as("capped"),
    ),
  };
}

export async function adminListUsers(
  ctx: Ctx,
  q: z.infer<typeof AdminUsersQuery>,
  cap: number = ADMIN_USERS_COUNT_CAP,
) {
  const queries = adminUsersQueries(ctx.db, q, cap);
  const [items, [total]] = await Promise.all([queries.items, queries.total]);
  const n = total?.n ?? 0;
  return {
    items: items.map(presentAdminUser),
    total: Math.min(n, cap),
    totalCapped: n > cap,
    page: q.page,
    pageSize: q.pageSize,
  };
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

/**
 * Who the users are (id → name, e-mail, language, role; active = neither blocked nor pending deletion),
 * for other modules' lists, mail and notifications.
 */
export async function usersByIds(db: Executor, ids: string[]) {
  type Brief = {
    id: string;
    email: string;
    fullName: string;
    locale: "ru" | "en";
    role: Role;
    active: boolean;
    erased: boolean;
  };
  if (!ids.length) return new Map<string, Brief>();
  const list = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      role: users.role,
      blockedAt: users.blockedAt,
      deletionRequestedAt: users.deletionRequestedAt,
      erasedAt: users.erasedAt,
    })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map<string, Brief>(
    list.map(({ blockedAt, deletionRequestedAt, erasedAt, ...u }) => [
      u.id,
      { ...u, active: blockedAt === null && deletionRequestedAt === null, erased: erasedAt !== null },
    ]),
  );
}

/** The active accounts that hold a role (neither blocked nor pending deletion): e.g. every operator. */
export async function activeUserIdsWithRole(db: Executor, role: Role): Promise<string[]> {
  const list = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), isNull(users.blockedAt), isNull(users.deletionRequestedAt)));
  return list.map((u) => u.id);
}

/**
 * The registered experts (role expert, not blocked nor erased) among the e-mails given, by lower-cased
 * e-mail; an e-mail missing from the map names nobody who may be assigned (a field error for the caller).
 */
export async function expertsByEmail(db: Executor, emails: string[]): Promise<Map<string, string>> {
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  const found = lower.length
    ? await db
        .select({ id: users.id, email: users.email, role: users.role })
        .from(users)
        .where(
          and(
            inArray(sql`lower(${users.email})`, lower),
            sql`${users.blockedAt} is null`,
            sql`${users.erasedAt} is null`,
          ),
        )
    : [];
  return new Map(found.filter((u) => u.role === "expert").map((u) => [u.email.toLowerCase(), u.id]));
}

/**
 * Locks the account's row until the transaction ends, so that a deletion request and a change that an
 * account pending deletion may not take (an export, becoming an owner) are serialized; returns when
 * its deletion was requested (null when it was not), undefined when there is no such account.
 */
export async function lockUser(tx: Executor, id: string) {
  const [u] = await tx
    .select({ deletionRequestedAt: users.deletionRequestedAt })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  return u;
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
