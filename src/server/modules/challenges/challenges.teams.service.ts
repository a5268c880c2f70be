import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { clusterLocal, rank, type Sheet, scoreOf } from "../../../shared/challenges.js";
import { teamHasRoom, teamSizeValid } from "../../../shared/teams.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { enqueueMail, maskMailSecrets } from "../../core/mail.js";
import { users } from "../accounts/accounts.schema.js";
import { newToken, tokenHash } from "../accounts/accounts.service.js";
import { notify } from "../notifications/notifications.service.js";
import { accessOf } from "../organizations/access.js";
import { manager } from "../organizations/organizations.policy.js";
import { organizations } from "../organizations/organizations.schema.js";
import { CHALLENGE_NOTIFICATION_KINDS } from "./challenges.notifications.js";
import { challengeExperts, challengeScores, challengeSubmissions, challenges } from "./challenges.schema.js";
import type {
  Leaderboard,
  MyTeams,
  Team,
  TeamBody,
  TeamInvitationPreview,
} from "./challenges.teams.contract.js";
import { isTeamMember, teamMemberIds } from "./challenges.teams.members.js";
import { teamInvitations, teamMembers, teams } from "./challenges.teams.schema.js";

/*
 * Teams (команды) without a legal entity: a signed-in person creates one and is its captain; the captain
 * invites by e-mail (a single-use link valid for 7 days, the organizations' token approach: only its
 * hash is stored, the mail's secret is masked once used); the invitee, signed in with that e-mail,
 * accepts or declines; the captain removes members and hands over captaincy; a member leaves (the
 * captain hands over first). 1–10 people (src/shared/teams.ts): pending invitations count towards the
 * room. A team is tied to an organization by a captain who is that organization's owner or admin (one
 * step, no confirmation by another person: the captain already speaks for the organization). A team
 * submits to challenges that allow teams (challenges.submissions.service.ts); a hackathon (teams only)
 * publishes a leaderboard with its results.
 */

type TeamRow = typeof teams.$inferSelect;
type TeamView = z.infer<typeof Team>;
type InvitationRow = typeof teamInvitations.$inferSelect;

export const TEAM_INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Invitations one captain may send per 24 hours (mail the platform sends on their behalf). */
export const TEAM_INVITATIONS_PER_DAY = 30;

function invitationState(i: InvitationRow): z.infer<typeof TeamInvitationPreview>["state"] {
  if (i.acceptedAt) return "accepted";
  if (i.declinedAt) return "declined";
  if (i.revokedAt) return "revoked";
  return i.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
}

const pendingOf = (teamId: string) =>
  and(
    eq(teamInvitations.teamId, teamId),
    isNull(teamInvitations.acceptedAt),
    isNull(teamInvitations.declinedAt),
    isNull(teamInvitations.revokedAt),
    gt(teamInvitations.expiresAt, sql`now()`),
  );

async function present(ex: Executor, ctx: Ctx, t: TeamRow): Promise<TeamView> {
  const people = await ex
    .select({ id: users.id, fullName: users.fullName })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, t.id))
    .orderBy(asc(teamMembers.createdAt), asc(users.id));
  const captain = ctx.actor?.id === t.captainId;
  const pending = captain
    ? await ex.select().from(teamInvitations).where(pendingOf(t.id)).orderBy(asc(teamInvitations.createdAt))
    : [];
  const [org] = t.organizationId
    ? await ex
        .select({ id: organizations.id, shortName: organizations.shortName })
        .from(organizations)
        .where(eq(organizations.id, t.organizationId))
    : [];
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    captain: { id: t.captainId, fullName: people.find((p) => p.id === t.captainId)?.fullName ?? "" },
    organization: org ?? null,
    members: people.map((p) => ({ id: p.id, fullName: p.fullName, captain: p.id === t.captainId })),
    invitations: pending.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt.toISOString() })),
    me: { captain },
    createdAt: t.createdAt.toISOString(),
    version: t.version,
  };
}

/** The team locked for a change (`lock`), seen by its member only (anyone else: 404). */
async function memberTeam(ex: Executor, ctx: Ctx, id: string, lock = false): Promise<TeamRow> {
  const actor = requireActor(ctx);
  const q = ex.select().from(teams).where(eq(teams.id, id));
  const [t] = lock ? await q.for("update") : await q;
  if (!t || !(await isTeamMember(ex, t.id, actor.id))) throw notFound();
  return t;
}

/** The team locked for its captain's change: a member who is not the captain gets 403. */
async function captainTeam(tx: Executor, ctx: Ctx, id: string, version?: number): Promise<TeamRow> {
  const t = await memberTeam(tx, ctx, id, true);
  if (t.captainId !== ctx.actor!.id) throw new AppError(403, "team-captain-only");
  if (version !== undefined && t.version !== version)
    throw new AppError(409, "team-changed", {}, [], { current: await present(tx, ctx, t) });
  return t;
}

async function bump(tx: Executor, t: TeamRow, set: Partial<typeof teams.$inferInsert> = {}) {
  const [after] = await tx
    .update(teams)
    .set({ ...set, version: sql`${teams.version} + 1`, updatedAt: sql`now()` })
    .where(eq(teams.id, t.id))
    .returning();
  return after!;
}

const audit = (ctx: Ctx, tx: Executor, action: string, teamId: string, after: Record<string, unknown>) =>
  writeAudit(tx, auditCtx(ctx), { action: `team.${action}`, entity: "team", entityId: teamId, after });

// ---------- reading ----------

export async function myTeams(ctx: Ctx): Promise<z.infer<typeof MyTeams>> {
  const actor = requireActor(ctx);
  const list = await ctx.db
    .select({ t: teams })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, actor.id))
    .orderBy(asc(teams.name), asc(teams.id));
  const items = [];
  for (const { t } of list) items.push(await present(ctx.db, ctx, t));
  const invited = await ctx.db
    .select({ i: teamInvitations, team: { id: teams.id, name: teams.name }, inviter: users.fullName })
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .innerJoin(users, eq(users.id, teamInvitations.invitedBy))
    .where(
      and(
        sql`lower(${teamInvitations.email}) = ${actor.email.toLowerCase()}`,
        isNull(teamInvitations.acceptedAt),
        isNull(teamInvitations.declinedAt),
        isNull(teamInvitations.revokedAt),
        gt(teamInvitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(teamInvitations.createdAt));
  return {
    items,
    invitations: invited.map((r) => ({
      id: r.i.id,
      team: r.team,
      inviter: r.inviter,
      email: r.i.email,
      expiresAt: r.i.expiresAt.toISOString(),
      state: invitationState(r.i),
    })),
  };
}

export async function getTeam(ctx: Ctx, id: string) {
  return present(ctx.db, ctx, await memberTeam(ctx.db, ctx, id));
}

// ---------- writing ----------

/** A signed-in person creates a team and is its captain. */
export async function createTeam(ctx: Ctx, body: z.infer<typeof TeamBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(teams)
      .values({ name: body.name, description: body.description ?? "", captainId: actor.id })
      .returning();
    await tx.insert(teamMembers).values({ teamId: t!.id, userId: actor.id });
    await audit(ctx, tx, "create", t!.id, { name: t!.name, captainId: actor.id });
    return present(tx, ctx, t!);
  });
}

async function invitationQuota(ex: Executor, inviterId: string) {
  await ex.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`team-invitations:${inviterId}`}, 0))`,
  );
  const [r] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(teamInvitations)
    .where(
      and(
        eq(teamInvitations.invitedBy, inviterId),
        gt(teamInvitations.createdAt, sql`now() - interval '1 day'`),
      ),
    );
  if ((r?.n ?? 0) >= TEAM_INVITATIONS_PER_DAY) throw new AppError(429, "team-invitations-quota");
}

/**
 * The captain invites by e-mail: a single-use link valid for 7 days; a new invitation to the same
 * address replaces the older. A full team (members and pending invitations at 10) is 409.
 */
export async function inviteToTeam(ctx: Ctx, id: string, email: string) {
  const actor = requireActor(ctx);
  const token = newToken();
  const view = await ctx.db.transaction(async (tx) => {
    const t = await captainTeam(tx, ctx, id);
    await invitationQuota(tx, actor.id);
    const lower = email.toLowerCase();
    const [already] = await tx
      .select({ id: users.id })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, t.id), sql`lower(${users.email}) = ${lower}`));
    if (already)
      throw new AppError(409, "team-member-exists", {}, [
        { field: "email", key: "problem.team-member-exists" },
      ]);
    await tx
      .update(teamInvitations)
      .set({ revokedAt: sql`now()` })
      .where(and(pendingOf(t.id), sql`lower(${teamInvitations.email}) = ${lower}`));
    const members = (await teamMemberIds(tx, t.id)).length;
    const [{ n: pending } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(teamInvitations)
      .where(pendingOf(t.id));
    if (!teamHasRoom(members, pending)) throw new AppError(409, "team-full");
    const [inv] = await tx
      .insert(teamInvitations)
      .values({
        teamId: t.id,
        email,
        tokenHash: tokenHash(ctx.config.sessionSecret, token),
        invitedBy: actor.id,
        expiresAt: new Date(Date.now() + TEAM_INVITATION_TTL_MS),
      })
      .returning();
    await enqueueMail(tx, {
      to: email,
      locale: ctx.locale,
      template: "team-invitation",
      data: {
        team: t.name,
        inviter: actor.fullName,
        url: `${ctx.config.publicUrl}/teams/invitations/${token}`,
        expires: clusterLocal(inv!.expiresAt).replace("T", " "),
      },
      secret: { token, ref: inv!.tokenHash, expiresAt: inv!.expiresAt },
    });
    await audit(ctx, tx, "invitation_create", t.id, { invitationId: inv!.id, email: inv!.email });
    return present(tx, ctx, t);
  });
  ctx.mailQueued();
  return view;
}

async function invitationByToken(ex: Executor, ctx: Ctx, token: string) {
  const [row] = await ex
    .select({ i: teamInvitations, team: { id: teams.id, name: teams.name }, inviter: users.fullName })
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .innerJoin(users, eq(users.id, teamInvitations.invitedBy))
    .where(eq(teamInvitations.tokenHash, tokenHash(ctx.config.sessionSecret, token)));
  if (!row) throw new AppError(404, "team-invitation-invalid");
  return row;
}

const previewOf = (row: Awaited<ReturnType<typeof invitationByToken>>) => ({
  team: row.team,
  inviter: row.inviter,
  email: row.i.email,
  expiresAt: row.i.expiresAt.toISOString(),
  state: invitationState(row.i),
});

/** What an invitation link invites to (public: the token is the credential). */
export async function previewTeamInvitation(ctx: Ctx, token: string) {
  return previewOf(await invitationByToken(ctx.db, ctx, token));
}

/**
 * The invitee answers, signed in with the invited e-mail (another e-mail: 403). Accepting adds them to
 * the team if it still has room (409 "team-full"); the team's people hear of it. Declining tells the
 * captain. The link is used by one conditional UPDATE: of two concurrent uses one wins.
 */
export async function answerTeamInvitation(ctx: Ctx, token: string, accept: boolean) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const found = await invitationByToken(tx, ctx, token);
    if (invitationState(found.i) !== "pending") throw new AppError(409, "team-invitation-used");
    if (found.i.email.toLowerCase() !== actor.email.toLowerCase())
      throw new AppError(403, "team-invitation-other-email", { email: found.i.email });
    const [t] = await tx.select().from(teams).where(eq(teams.id, found.i.teamId)).for("update");
    if (!t) throw new AppError(404, "team-invitation-invalid");
    const [used] = await tx
      .update(teamInvitations)
      .set(accept ? { acceptedAt: sql`now()`, acceptedBy: actor.id } : { declinedAt: sql`now()` })
      .where(and(eq(teamInvitations.id, found.i.id), pendingOf(t.id)))
      .returning();
    if (!used) throw new AppError(409, "team-invitation-used");
    await maskMailSecrets(tx, [used.tokenHash]);
    const people = await teamMemberIds(tx, t.id);
    if (accept && !people.includes(actor.id)) {
      // The accepted invitation was pending, so it was counted: the room is checked without it.
      if (!teamSizeValid(people.length + 1)) throw new AppError(409, "team-full");
      await tx.insert(teamMembers).values({ teamId: t.id, userId: actor.id });
    }
    await audit(ctx, tx, accept ? "invitation_accept" : "invitation_decline", t.id, {
      invitationId: used.id,
      userId: actor.id,
    });
    await notify(tx, ctx.config.publicUrl, {
      userIds: accept ? people.filter((u) => u !== actor.id) : [t.captainId],
      kind: accept ? CHALLENGE_NOTIFICATION_KINDS.teamJoined : CHALLENGE_NOTIFICATION_KINDS.teamDeclined,
      data: { team: t.name, person: actor.fullName },
      link: "/teams",
    });
    return accept ? present(tx, ctx, t) : null;
  });
  ctx.mailQueued();
  return view;
}

/** The captain revokes a pending invitation (its link stops working). */
export async function revokeTeamInvitation(ctx: Ctx, id: string, invitationId: string) {
  await ctx.db.transaction(async (tx) => {
    const t = await captainTeam(tx, ctx, id);
    const [inv] = await tx
      .update(teamInvitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(teamInvitations.id, invitationId), pendingOf(t.id)))
      .returning();
    if (!inv) throw notFound();
    await maskMailSecrets(tx, [inv.tokenHash]);
    await audit(ctx, tx, "invitation_revoke", t.id, { invitationId, email: inv.email });
  });
}

/** The captain removes a member, or a member leaves (the captain hands over captaincy first). */
export async function removeTeamMember(ctx: Ctx, id: string, userId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const t = await memberTeam(tx, ctx, id, true);
    const self = userId === actor.id;
    if (!self && t.captainId !== actor.id) throw new AppError(403, "team-captain-only");
    if (userId === t.captainId) throw new AppError(409, "team-captain-leaves");
    const [gone] = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, t.id), eq(teamMembers.userId, userId)))
      .returning();
    if (!gone) throw notFound();
    await bump(tx, t);
    await audit(ctx, tx, self ? "leave" : "member_remove", t.id, { userId });
  });
}

/** The captain renames the team (the version seen: 409 with the team as it is now when it changed). */
export async function renameTeam(ctx: Ctx, id: string, name: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const t = await captainTeam(tx, ctx, id, version);
    if (t.name === name) return present(tx, ctx, t);
    const after = await bump(tx, t, { name });
    await audit(ctx, tx, "rename", t.id, { before: t.name, name });
    return present(tx, ctx, after);
  });
}

/** The captain hands captaincy to another member. */
export async function setTeamCaptain(ctx: Ctx, id: string, userId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const t = await captainTeam(tx, ctx, id, version);
    if (!(await isTeamMember(tx, t.id, userId)))
      throw new AppError(400, "validation", {}, [{ field: "userId", key: "problem.team-not-member" }]);
    const after = await bump(tx, t, { captainId: userId });
    await audit(ctx, tx, "captain", t.id, { before: t.captainId, captainId: userId });
    return present(tx, ctx, after);
  });
}

/** The captain, an owner or admin of the organization, ties the team to it (else 403). */
export async function tieTeam(ctx: Ctx, id: string, organizationId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const t = await captainTeam(tx, ctx, id, version);
    const access = await accessOf(tx, ctx.actor, organizationId);
    if (!manager(ctx.actor, access)) throw new AppError(403, "team-organization-manager-only");
    const after = await bump(tx, t, { organizationId });
    await audit(ctx, tx, "organization", t.id, { before: t.organizationId, organizationId });
    return present(tx, ctx, after);
  });
}

// ---------- the hackathon leaderboard ----------

/**
 * A hackathon's (teams only) leaderboard once its results are published (else 404): the teams ranked by
 * their final score — the finalists by the last stage's scores first, then those out after stage 1 by
 * stage 1's — with competition ranks (ties as ties).
 */
export async function leaderboard(ctx: Ctx, challengeId: string): Promise<z.infer<typeof Leaderboard>> {
  const [c] = await ctx.db
    .select({
      id: challenges.id,
      state: challenges.state,
      stages: challenges.stages,
      criteria: challenges.criteria,
      teamsOnly: challenges.teamsOnly,
    })
    .from(challenges)
    .where(eq(challenges.id, challengeId));
  if (!c?.teamsOnly || !["results", "closed"].includes(c.state)) throw notFound();
  const subs = await ctx.db
    .select({
      id: challengeSubmissions.id,
      passed: challengeSubmissions.passed,
      decision: challengeSubmissions.decision,
      team: { id: teams.id, name: teams.name },
    })
    .from(challengeSubmissions)
    .innerJoin(teams, eq(teams.id, challengeSubmissions.teamId))
    .where(and(eq(challengeSubmissions.challengeId, c.id), eq(challengeSubmissions.state, "submitted")));
  const sheets = subs.length
    ? await ctx.db
        .select({
          submissionId: challengeScores.submissionId,
          expertId: challengeScores.expertId,
          stage: challengeScores.stage,
          scores: challengeScores.scores,
        })
        .from(challengeScores)
        .innerJoin(
          challengeExperts,
          and(eq(challengeExperts.challengeId, c.id), eq(challengeExperts.userId, challengeScores.expertId)),
        )
        .where(
          inArray(
            challengeScores.submissionId,
            subs.map((s) => s.id),
          ),
        )
    : [];
  const weights = c.criteria.map((x) => x.weight);
  const stageOf = (s: (typeof subs)[number]) => Math.min(s.passed + 1, c.stages);
  const items: z.infer<typeof Leaderboard>["items"] = [];
  for (let stage = c.stages; stage >= 1; stage--) {
    const group = subs.filter((s) => stageOf(s) === stage);
    const sheetsOf = (id: string): Sheet[] =>
      sheets
        .filter((x) => x.submissionId === id && x.stage === stage)
        .map((x) => ({ expert: x.expertId, scores: x.scores }));
    const offset = items.length;
    for (const r of rank(
      group,
      (s) => scoreOf(weights, sheetsOf(s.id)),
      (s) => s.team.name + s.id,
    ))
      items.push({
        rank: r.rank === null ? null : r.rank + offset,
        tied: r.tied,
        team: r.item.team,
        score: r.value,
        stage,
        decision: r.item.decision,
      });
  }
  return { items };
}
