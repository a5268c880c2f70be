import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  clusterLocal,
  criterionAverages,
  deadlinePassed,
  rank,
  type Sheet,
  scoreOf,
  scoreValue,
  shortlist,
} from "../../../shared/challenges.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Executor, isUniqueViolation, textArray } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { can } from "../../core/policy.js";
import { cachedJson, generations } from "../../core/search.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, memberOrgIds, refusal } from "../organizations/access.js";
import { membershipPairs } from "../organizations/membership.js";
import { organizations } from "../organizations/organizations.schema.js";
import { awardOf } from "./challenges.awards.js";
import {
  type CreateSubmissionBody,
  Evaluation,
  type Feedback,
  type ResultsBody,
  type ScoreBody,
  type ScoreView,
  type StageCloseBody,
  type Submission,
  type UpdateSubmissionBody,
} from "./challenges.contract.js";
import { lockOf } from "./challenges.files.service.js";
import { assertMayApply } from "./challenges.matching.js";
import { CHALLENGE_NOTIFICATION_KINDS } from "./challenges.notifications.js";
import { challengeExperts, challengeScores, challengeSubmissions } from "./challenges.schema.js";
import { stageScores } from "./challenges.scoring.js";
import {
  challengeRow,
  deadlineProblem,
  expertsOf,
  managedChallenge,
  moveChallenge,
  orgRef,
  present,
  type Row,
  readerOf,
  transition,
} from "./challenges.service.js";
import {
  isTeamMember,
  submittersPeople,
  teamMemberships,
  teamRef,
  userTeamIds,
} from "./challenges.teams.members.js";
import { teams } from "./challenges.teams.schema.js";

/*
 * Submissions to a challenge and their scoring. An organization's member submits while the challenge
 * accepts submissions and its deadline (Moscow time) is ahead; one submission under way per organization
 * and challenge; it is edited and withdrawn until the deadline. During evaluation the assigned experts,
 * having declared no conflict of interest, score each submission of the stage (never one of an
 * organization they belong to); the owner closes a stage when every assigned score is in, with a
 * shortlist; after the last stage the owner publishes the decisions and every submitter gets the
 * feedback, once. A submitter never sees another's submission or any score but the feedback (404).
 */

type SubRow = typeof challengeSubmissions.$inferSelect;
type SubmissionView = z.infer<typeof Submission>;

// ---------- who reads ----------

/** Whether the actor is of the submitter: its organization's member or its team's. */
async function isSubmitter(ex: Executor, actor: Ctx["actor"], s: SubRow) {
  if (!actor) return false;
  if (s.teamId) return isTeamMember(ex, s.teamId, actor.id);
  return s.organizationId !== null && (await accessOf(ex, actor, s.organizationId)).role !== null;
}

/** How the reader stands to a submission: of its submitter, the challenge's manager, an expert. */
export async function standing(ex: Executor, ctx: Ctx, c: Row, s: SubRow) {
  const mine = await isSubmitter(ex, ctx.actor, s);
  const manage = can(ctx.actor, "challenges.manage", await accessOf(ex, ctx.actor, c.organizationId));
  const expert = ctx.actor ? await isExpert(ex, c.id, ctx.actor.id) : false;
  const expertSees =
    expert && s.state === "submitted" && c.stage !== null && s.passed >= Math.min(c.stage, c.stages) - 1;
  return { mine, manage, expert: expertSees };
}

async function isExpert(ex: Executor, challengeId: string, userId: string) {
  const [e] = await ex
    .select({ at: challengeExperts.createdAt })
    .from(challengeExperts)
    .where(and(eq(challengeExperts.challengeId, challengeId), eq(challengeExperts.userId, userId)));
  return Boolean(e);
}

/** The sheets of a stage's scores by the currently assigned experts, per submission. */
async function scoresOf(ex: Executor, challengeId: string, stage: number, submissionIds?: string[]) {
  const list = await ex
    .select({
      submissionId: challengeScores.submissionId,
      expertId: challengeScores.expertId,
      scores: challengeScores.scores,
      comments: challengeScores.comments,
      comment: challengeScores.comment,
    })
    .from(challengeScores)
    .innerJoin(challengeSubmissions, eq(challengeSubmissions.id, challengeScores.submissionId))
    .innerJoin(
      challengeExperts,
      and(
        eq(challengeExperts.challengeId, challengeSubmissions.challengeId),
        eq(challengeExperts.userId, challengeScores.expertId),
      ),
    )
    .where(
      and(
        eq(challengeSubmissions.challengeId, challengeId),
        eq(challengeScores.stage, stage),
        submissionIds ? inArray(challengeScores.submissionId, submissionIds) : undefined,
      ),
    );
  const by = new Map<string, typeof list>();
  for (const s of list) by.set(s.submissionId, [...(by.get(s.submissionId) ?? []), s]);
  return by;
}

const sheet = (s: { expertId: string; scores: number[] }): Sheet => ({
  expert: s.expertId,
  scores: s.scores,
});
const weightsOf = (c: Row) => c.criteria.map((x) => x.weight);

/** The feedback a submitter reads: the last stage it was scored in, averages, comments without names. */
async function feedbackOf(
  ex: Executor,
  c: Row,
  s: SubRow,
  pre?: Prefetched,
): Promise<z.infer<typeof Feedback> | null> {
  if (!s.decision) return null;
  const stage = Math.min(s.passed + 1, c.stages);
  const rowsOf = (pre?.sheets.get(stage) ?? (await scoresOf(ex, c.id, stage, [s.id]))).get(s.id) ?? [];
  const averages = criterionAverages(c.criteria.length, rowsOf.map(sheet));
  const comments = [
    ...rowsOf.map((r) => r.comment),
    ...rowsOf.flatMap((r) =>
      r.comments.flatMap((text, i) => (text ? [`${c.criteria[i]?.name ?? ""}: ${text}`] : [])),
    ),
  ].sort((a, b) => a.localeCompare(b, "ru"));
  return {
    decision: s.decision,
    stage,
    score: scoreValue(scoreOf(weightsOf(c), rowsOf.map(sheet))),
    averages: c.criteria.map((x, i) => ({ name: x.name, weight: x.weight, average: averages[i] ?? null })),
    comments,
  };
}

async function myScore(
  ex: Executor,
  ctx: Ctx,
  c: Row,
  s: SubRow,
  pre?: Prefetched,
): Promise<z.infer<typeof ScoreView> | null> {
  if (!ctx.actor || c.stage === null) return null;
  if (pre) {
    const r = pre.myScores.get(s.id);
    return r ? scoreView(r) : null;
  }
  const [r] = await myScores(ex, ctx.actor.id, c, [s.id]);
  return r ? scoreView(r) : null;
}

/** The reader's scores of the current stage, of these submissions. */
const myScores = (ex: Executor, expertId: string, c: Row, submissionIds: string[]) =>
  submissionIds.length && c.stage !== null
    ? ex
        .select()
        .from(challengeScores)
        .where(
          and(
            inArray(challengeScores.submissionId, submissionIds),
            eq(challengeScores.expertId, expertId),
            eq(challengeScores.stage, Math.min(c.stage, c.stages)),
          ),
        )
    : Promise.resolve([]);

/**
 * What a list of submissions shows, read once for all of them (a few statements, not a few per
 * submission): the organizations' and teams' names, each stage's scores, the reader's own scores.
 */
type Prefetched = {
  orgs: Map<string, { id: string; shortName: string }>;
  teams: Map<string, { id: string; name: string }>;
  sheets: Map<number, Awaited<ReturnType<typeof scoresOf>>>;
  myScores: Map<string, typeof challengeScores.$inferSelect>;
};

async function prefetch(ex: Executor, ctx: Ctx, c: Row, list: SubRow[]): Promise<Prefetched> {
  const orgIds = [...new Set(list.flatMap((s) => (s.organizationId ? [s.organizationId] : [])))];
  const teamIds = [...new Set(list.flatMap((s) => (s.teamId ? [s.teamId] : [])))];
  const orgs = orgIds.length
    ? await ex
        .select({ id: organizations.id, shortName: organizations.shortName })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  const teamRows = teamIds.length
    ? await ex.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds))
    : [];
  const sheets = new Map<number, Awaited<ReturnType<typeof scoresOf>>>();
  if (list.some((s) => s.decision))
    for (let stage = 1; stage <= c.stages; stage++) sheets.set(stage, await scoresOf(ex, c.id, stage));
  const mine = ctx.actor
    ? await myScores(
        ex,
        ctx.actor.id,
        c,
        list.map((s) => s.id),
      )
    : [];
  return {
    orgs: new Map(orgs.map((o) => [o.id, o])),
    teams: new Map(teamRows.map((x) => [x.id, x])),
    sheets,
    myScores: new Map(mine.map((r) => [r.submissionId, r])),
  };
}

const scoreView = (r: typeof challengeScores.$inferSelect): z.infer<typeof ScoreView> => ({
  stage: r.stage,
  criteria: r.scores.map((score, i) => ({ score, comment: r.comments[i] ?? null })),
  comment: r.comment,
  version: r.version,
});

export async function presentSubmission(
  ex: Executor,
  ctx: Ctx,
  c: Row,
  s: SubRow,
  who: { mine: boolean; manage: boolean; expert: boolean },
  pre?: Prefetched,
): Promise<SubmissionView> {
  const insider = who.manage || who.expert;
  const published = s.feedbackAt !== null;
  return {
    id: s.id,
    challenge: {
      id: c.id,
      titleRu: c.titleRu,
      state: c.state,
      deadline: clusterLocal(c.deadline),
    },
    organization: s.organizationId
      ? (pre?.orgs.get(s.organizationId) ?? (await orgRef(ex, s.organizationId)))
      : null,
    team: s.teamId ? (pre?.teams.get(s.teamId) ?? (await teamRef(ex, s.teamId))) : null,
    state: s.state,
    solution: s.solution,
    trl: s.trl,
    ipStatus: s.ipStatus,
    price: s.price,
    pilotPlan: s.pilotPlan,
    passed: insider || published ? s.passed : 0,
    decision: who.manage || published ? s.decision : null,
    feedback: who.manage || (who.mine && published) ? await feedbackOf(ex, c, s, pre) : null,
    award:
      s.decision === "winner" && (who.manage || (who.mine && published)) ? await awardOf(ex, s.id) : null,
    myScore: who.expert ? await myScore(ex, ctx, c, s, pre) : null,
    mine: who.mine,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export async function submissionRow(ex: Executor, id: string, lock = false): Promise<SubRow> {
  const q = ex.select().from(challengeSubmissions).where(eq(challengeSubmissions.id, id));
  const [s] = lock ? await q.for("update") : await q;
  if (!s) throw notFound();
  return s;
}

/** A submission: for its organization, the challenge's managers and (during evaluation) its experts; else 404. */
export async function getSubmission(ctx: Ctx, id: string): Promise<SubmissionView> {
  const s = await submissionRow(ctx.db, id);
  const c = await challengeRow(ctx.db, s.challengeId);
  const who = await standing(ctx.db, ctx, c, s);
  if (!who.mine && !who.manage && !who.expert) throw notFound();
  return presentSubmission(ctx.db, ctx, c, s, who);
}

/**
 * A challenge's submissions: every one under way for its managers; the current stage's for an assigned
 * expert during evaluation (those of their own organizations left out); anyone else: 404.
 */
export async function listSubmissions(ctx: Ctx, challengeId: string): Promise<{ items: SubmissionView[] }> {
  const actor = requireActor(ctx);
  const c = await challengeRow(ctx.db, challengeId);
  const manage = can(ctx.actor, "challenges.manage", await accessOf(ctx.db, ctx.actor, c.organizationId));
  const expert = await isExpert(ctx.db, c.id, actor.id);
  if (!manage && !expert) throw notFound();
  const list = await ctx.db
    .select()
    .from(challengeSubmissions)
    .where(and(eq(challengeSubmissions.challengeId, c.id), eq(challengeSubmissions.state, "submitted")))
    .orderBy(asc(challengeSubmissions.createdAt), asc(challengeSubmissions.id));
  const own = await memberOrgIds(ctx.db, actor.id, [
    ...new Set(list.flatMap((s) => (s.organizationId ? [s.organizationId] : []))),
  ]);
  for (const id of await userTeamIds(ctx.db, actor.id)) own.add(id);
  // The reader's standing per submission from what is read once (standing() reads it per submission).
  const seen = list.flatMap((s) => {
    const mine = own.has(s.organizationId ?? s.teamId ?? "");
    const expertSees = expert && c.stage !== null && s.passed >= Math.min(c.stage, c.stages) - 1;
    if (!manage && (!expertSees || mine)) return [];
    return [{ s, who: { mine, manage, expert: expertSees } }];
  });
  const pre = await prefetch(
    ctx.db,
    ctx,
    c,
    seen.map((x) => x.s),
  );
  const items: SubmissionView[] = [];
  for (const { s, who } of seen) items.push(await presentSubmission(ctx.db, ctx, c, s, who, pre));
  return { items };
}

// ---------- submitting ----------

/** Submissions and their edits are accepted while the challenge accepts them and before its deadline. */
function assertOpen(ctx: Ctx, c: Row, move: string) {
  if (c.state !== "accepting") throw transition(ctx, move, c.state);
  if (deadlinePassed(c.deadline, now())) throw deadlineProblem(ctx, "challenge-deadline-passed", c.deadline);
}

function checkTrl(c: Row, trl: number) {
  if (c.minTrl !== null && trl < c.minTrl)
    throw badRequest([{ field: "trl", key: "field.challenge.trl-below", params: { min: c.minTrl } }]);
}

const contentOf = (b: Omit<z.infer<typeof UpdateSubmissionBody>, "version">) => ({
  solution: b.solution,
  trl: b.trl,
  ipStatus: b.ipStatus,
  price: b.price ?? null,
  pilotPlan: b.pilotPlan,
});

const contentAudit = (s: Pick<SubRow, "trl" | "ipStatus" | "price">) => ({
  trl: s.trl,
  ipStatus: s.ipStatus,
  price: s.price,
});

/**
 * A member of a verified organization submits (one under way per organization; not the owner's own), or
 * a team's member for the team where the challenge allows teams (one under way per team); a hackathon
 * (teams only) refuses organizations.
 */
export async function createSubmission(
  ctx: Ctx,
  challengeId: string,
  body: z.infer<typeof CreateSubmissionBody>,
): Promise<SubmissionView> {
  if (Boolean(body.organizationId) === Boolean(body.teamId))
    throw badRequest([{ field: "organizationId", key: "field.challenge.submitter" }]);
  if (body.teamId) return createTeamSubmission(ctx, challengeId, { ...body, teamId: body.teamId });
  const organizationId = body.organizationId!;
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await visibleChallenge(tx, ctx, challengeId);
    const me = c.me;
    const access = await accessOf(tx, ctx.actor, organizationId);
    if (!can(ctx.actor, "challenges.submit", access)) throw refusal(404, organizationId, "challenges.submit");
    assertOpen(ctx, c.row, "submission");
    if (lockOf(c.row, me) === "nda") throw new AppError(409, "challenge-nda-required");
    if (c.row.teamsOnly) throw new AppError(409, "challenge-teams-only");
    if (organizationId === c.row.organizationId) throw new AppError(409, "challenge-own-submission");
    const [org] = await tx
      .select({
        verifiedAt: organizations.verifiedAt,
        type: organizations.type,
        status: organizations.status,
        statusSuspendedAt: organizations.statusSuspendedAt,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (!org?.verifiedAt) throw new AppError(409, "organization-not-verified");
    assertMayApply(ctx, c.row, org);
    checkTrl(c.row, body.trl);
    const [existing] = await tx
      .select({ id: challengeSubmissions.id })
      .from(challengeSubmissions)
      .where(
        and(
          eq(challengeSubmissions.challengeId, c.row.id),
          eq(challengeSubmissions.organizationId, organizationId),
          eq(challengeSubmissions.state, "submitted"),
        ),
      );
    if (existing)
      throw new AppError(409, "challenge-submission-exists", {}, [], { submissionId: existing.id });
    let s: SubRow;
    try {
      [s] = (await tx
        .insert(challengeSubmissions)
        .values({
          challengeId: c.row.id,
          organizationId: organizationId,
          authorId: actor.id,
          ...contentOf(body),
        })
        .returning()) as [SubRow];
    } catch (e) {
      // Two members of one organization at once: the unique index lets one in.
      if (isUniqueViolation(e)) throw new AppError(409, "challenge-submission-exists");
      throw e;
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.submission.create",
      entity: "challenge_submission",
      entityId: s.id,
      after: { challengeId: c.row.id, organizationId: organizationId, ...contentAudit(s) },
    });
    return presentSubmission(tx, ctx, c.row, s, { mine: true, manage: me.manage, expert: false });
  });
}

/** The challenge for a submission: a public one, or any for its managers (else 404). */
async function visibleChallenge(tx: Executor, ctx: Ctx, challengeId: string) {
  const row = await challengeRow(tx, challengeId, true);
  const me = await readerOf(tx, ctx, row);
  if (!me.manage && !["accepting", "evaluation", "results", "closed"].includes(row.state)) throw notFound();
  return { row, me };
}

/** A team's member submits for the team where the challenge allows teams (one under way per team). */
async function createTeamSubmission(
  ctx: Ctx,
  challengeId: string,
  body: z.infer<typeof CreateSubmissionBody> & { teamId: string },
): Promise<SubmissionView> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { row: c, me } = await visibleChallenge(tx, ctx, challengeId);
    if (!(await isTeamMember(tx, body.teamId, actor.id))) throw notFound();
    if (!c.teamsAllowed && !c.teamsOnly) throw new AppError(409, "challenge-teams-not-allowed");
    assertOpen(ctx, c, "submission");
    if (lockOf(c, me) === "nda") throw new AppError(409, "challenge-nda-required");
    checkTrl(c, body.trl);
    const exists = () => new AppError(409, "challenge-team-submission-exists");
    const [existing] = await tx
      .select({ id: challengeSubmissions.id })
      .from(challengeSubmissions)
      .where(
        and(
          eq(challengeSubmissions.challengeId, c.id),
          eq(challengeSubmissions.teamId, body.teamId),
          eq(challengeSubmissions.state, "submitted"),
        ),
      );
    if (existing)
      throw new AppError(409, "challenge-team-submission-exists", {}, [], { submissionId: existing.id });
    let s: SubRow;
    try {
      [s] = (await tx
        .insert(challengeSubmissions)
        .values({ challengeId: c.id, teamId: body.teamId, authorId: actor.id, ...contentOf(body) })
        .returning()) as [SubRow];
    } catch (e) {
      if (isUniqueViolation(e)) throw exists();
      throw e;
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.submission.create",
      entity: "challenge_submission",
      entityId: s.id,
      after: { challengeId: c.id, teamId: body.teamId, ...contentAudit(s) },
    });
    return presentSubmission(tx, ctx, c, s, { mine: true, manage: me.manage, expert: false });
  });
}

/** The submission locked for its submitter's change: its member, the challenge open, the version seen. */
async function ownSubmission(tx: Executor, ctx: Ctx, id: string, version: number, move: string) {
  const s = await submissionRow(tx, id, true);
  if (s.teamId) {
    if (!(await isSubmitter(tx, ctx.actor, s))) throw notFound();
  } else {
    const access = await accessOf(tx, ctx.actor, s.organizationId!);
    if (!can(ctx.actor, "challenges.submit", access))
      throw refusal(404, s.organizationId!, "challenges.submit");
  }
  const c = await challengeRow(tx, s.challengeId);
  if (s.version !== version)
    throw new AppError(409, "challenge-submission-changed", {}, [], {
      current: await presentSubmission(tx, ctx, c, s, { mine: true, manage: false, expert: false }),
    });
  if (s.state !== "submitted") throw new AppError(409, "challenge-submission-withdrawn");
  assertOpen(ctx, c, move);
  return { s, c };
}

async function changeSubmission(
  ctx: Ctx,
  id: string,
  version: number,
  move: "submission-edit" | "submission-withdraw",
  set: (c: Row) => Partial<typeof challengeSubmissions.$inferInsert>,
) {
  return ctx.db.transaction(async (tx) => {
    const { s, c } = await ownSubmission(tx, ctx, id, version, move);
    const [after] = await tx
      .update(challengeSubmissions)
      .set({ ...set(c), version: sql`${challengeSubmissions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(challengeSubmissions.id, id), eq(challengeSubmissions.version, version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: move === "submission-edit" ? "challenge.submission.update" : "challenge.submission.withdraw",
      entity: "challenge_submission",
      entityId: id,
      before: { state: s.state, version: s.version, ...contentAudit(s) },
      after: { state: after!.state, version: after!.version, ...contentAudit(after!) },
    });
    return presentSubmission(tx, ctx, c, after!, { mine: true, manage: false, expert: false });
  });
}

export const updateSubmission = (ctx: Ctx, id: string, body: z.infer<typeof UpdateSubmissionBody>) =>
  changeSubmission(ctx, id, body.version, "submission-edit", (c) => {
    checkTrl(c, body.trl);
    return contentOf(body);
  });

export const withdrawSubmission = (ctx: Ctx, id: string, version: number) =>
  changeSubmission(ctx, id, version, "submission-withdraw", () => ({ state: "withdrawn" }));

// ---------- scoring ----------

/**
 * The submissions of a stage: under way and shortlisted in every stage before it, with their
 * organizations' or teams' names (what the ranking shows; one statement, on the index by challenge).
 */
async function stageSubmissions(ex: Executor, c: Row, stage: number) {
  return ex
    .select({
      id: challengeSubmissions.id,
      organizationId: challengeSubmissions.organizationId,
      organization: { id: organizations.id, shortName: organizations.shortName },
      teamId: challengeSubmissions.teamId,
      team: { id: teams.id, name: teams.name },
      passed: challengeSubmissions.passed,
      decision: challengeSubmissions.decision,
    })
    .from(challengeSubmissions)
    .leftJoin(organizations, eq(organizations.id, challengeSubmissions.organizationId))
    .leftJoin(teams, eq(teams.id, challengeSubmissions.teamId))
    .where(
      and(
        eq(challengeSubmissions.challengeId, c.id),
        eq(challengeSubmissions.state, "submitted"),
        sql`${challengeSubmissions.passed} >= ${stage - 1}`,
      ),
    )
    .orderBy(asc(challengeSubmissions.createdAt), asc(challengeSubmissions.id));
}

/**
 * An assigned expert scores a submission of the stage being scored: every criterion 0–10 with an optional
 * comment, and a summary. Only after declaring no conflict of interest (409), never a submission of an
 * organization the expert belongs to (403). A changed score names the version it saw (409 otherwise).
 */
export async function scoreSubmission(ctx: Ctx, id: string, body: z.infer<typeof ScoreBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const s = await submissionRow(tx, id);
    const c = await challengeRow(tx, s.challengeId, true);
    const [expert] = await tx
      .select()
      .from(challengeExperts)
      .where(and(eq(challengeExperts.challengeId, c.id), eq(challengeExperts.userId, actor.id)));
    if (!expert) throw notFound();
    if (c.state !== "evaluation" || c.stage === null || c.stage > c.stages)
      throw transition(ctx, "score", c.state);
    if (s.state !== "submitted" || s.passed < c.stage - 1) throw notFound();
    if (!expert.noConflictAt) throw new AppError(409, "challenge-no-conflict-undeclared");
    if (await isSubmitter(tx, ctx.actor, s)) throw new AppError(403, "challenge-conflict-of-interest");
    if (body.criteria.length !== c.criteria.length)
      throw badRequest([
        { field: "criteria", key: "field.challenge.scores-count", params: { count: c.criteria.length } },
      ]);
    const key = and(
      eq(challengeScores.submissionId, id),
      eq(challengeScores.expertId, actor.id),
      eq(challengeScores.stage, c.stage),
    );
    const [before] = await tx.select().from(challengeScores).where(key).for("update");
    const values = {
      scores: body.criteria.map((x) => x.score),
      comments: body.criteria.map((x) => x.comment ?? null),
      comment: body.comment,
    };
    if (before && before.version !== body.version)
      throw new AppError(409, "challenge-score-changed", {}, [], { current: scoreView(before) });
    const [after] = before
      ? await tx
          .update(challengeScores)
          .set({ ...values, version: sql`${challengeScores.version} + 1`, updatedAt: sql`now()` })
          .where(and(key, eq(challengeScores.version, before.version)))
          .returning()
      : await tx
          .insert(challengeScores)
          .values({ submissionId: id, expertId: actor.id, stage: c.stage, ...values })
          .onConflictDoNothing()
          .returning();
    if (!after) throw new AppError(409, "challenge-score-changed");
    await writeAudit(tx, auditCtx(ctx), {
      action: before ? "challenge.score.update" : "challenge.score.create",
      entity: "challenge_submission",
      entityId: id,
      before: before ? { scores: before.scores, version: before.version } : undefined,
      after: { stage: c.stage, scores: after.scores, version: after.version },
    });
    return scoreView(after);
  });
}

// ---------- evaluation ----------

/**
 * A stage's progress and ranking: per expert, the submissions scored of those they may score (not their
 * own organizations' or teams'); ranking with ties and the averages per criterion. The scores are summed
 * by the database (challenges.scoring.ts, the shared rule as SQL) in `rank`'s order; `rank` gives the
 * ranks and ties.
 */
async function stageState(ex: Executor, c: Row, stage: number) {
  // The scores while the experts and their organizations and teams are read (statements at once).
  const expertsAndTheirs = async () => {
    const experts = await expertsOf(ex, c.id);
    const ids = experts.map((e) => e.id);
    const [orgPairs, teamPairs] = await Promise.all([membershipPairs(ex, ids), teamMemberships(ex, ids)]);
    return { experts, orgPairs, teamPairs };
  };
  const [subs, { experts, orgPairs, teamPairs }] = await Promise.all([
    stageScores(ex, c, stage),
    expertsAndTheirs(),
  ]);
  /** Per expert, the organizations and teams they belong to (conflicts of interest with submitters). */
  const own = new Map(experts.map((e) => [e.id, new Set<string>()]));
  for (const m of orgPairs) own.get(m.userId)?.add(m.organizationId);
  for (const m of teamPairs) own.get(m.userId)?.add(m.teamId);
  const progress = experts.map((e) => {
    const mine = own.get(e.id)!;
    let of = 0;
    let scored = 0;
    for (const s of subs) {
      if (mine.size && mine.has(s.organizationId ?? s.teamId ?? "")) continue;
      of++;
      if (s.scoredBy.includes(e.id)) scored++;
    }
    return { id: e.id, fullName: e.fullName, noConflict: Boolean(e.noConflictAt), scored, of };
  });
  const ranking = rank(
    subs,
    (s) => ({ total: s.total, experts: s.experts }),
    (s) => s.id,
  );
  return { subs, progress, ranking };
}

/**
 * The owner's evaluation page of a stage (the current one by default): progress and the ranking, as the
 * response's JSON. The answer is the same for every reader who may manage the challenge, so it is kept
 * per stage and per generation of what it reads — the challenges catalog's (the challenge, its
 * submissions, the submitters' names) and `challenge_rankings` (scores, experts, their organizations'
 * and teams' memberships, their names), both bumped by triggers in the writing transaction — and a
 * reader gets it without computing it again until one of those writes.
 */
export async function evaluation(ctx: Ctx, id: string, stageAsked?: number): Promise<string> {
  const gens = generations(ctx.db, ["challenges", "challenge_rankings"]);
  const c = await challengeRow(ctx.db, id);
  const access = await accessOf(ctx.db, ctx.actor, c.organizationId);
  if (!can(ctx.actor, "challenges.manage", access)) throw refusal(404, c.organizationId, "challenges.manage");
  if (c.stage === null) throw transition(ctx, "evaluation", c.state);
  const stage = Math.min(stageAsked ?? c.stage, c.stages, c.stage);
  const [catalogGen = 0, rankingGen = 0] = await gens;
  return cachedJson(
    ctx.db,
    "challenges",
    `evaluation:${id}:${stage}:${rankingGen}`,
    Evaluation,
    async () => evaluationOf(ctx.db, await challengeRow(ctx.db, id), stage),
    Promise.resolve(catalogGen),
  );
}

async function evaluationOf(ex: Executor, c: Row, stage: number): Promise<z.infer<typeof Evaluation>> {
  const st = await stageState(ex, c, stage);
  return {
    stage,
    stages: c.stages,
    open: c.state === "evaluation" && c.stage === stage,
    progress: { done: st.progress.filter((e) => e.scored === e.of).length, of: st.progress.length },
    experts: st.progress,
    ranking: st.ranking.map((r) => ({
      submission: { id: r.item.id, organization: r.item.organization, team: r.item.team },
      score: r.value,
      rank: r.rank,
      tied: r.tied,
      experts: r.score.experts,
      averages: r.item.averages,
      passed: r.item.passed,
      decision: r.item.decision,
    })),
  };
}

/**
 * The owner closes the stage being scored with its shortlist (threshold or top N, ties included): every
 * assigned expert must have scored every submission they may score (409 with how many are missing).
 */
export async function closeStage(ctx: Ctx, id: string, body: z.infer<typeof StageCloseBody>) {
  return ctx.db.transaction(async (tx) => {
    const c = await managedChallenge(tx, ctx, id);
    if (c.version === body.version && (c.state !== "evaluation" || c.stage === null || c.stage > c.stages))
      throw transition(ctx, "closeStage", c.state);
    const stage = c.stage ?? 1;
    const st = await stageState(tx, c, stage);
    const missing = st.progress.reduce((n, e) => n + (e.of - e.scored), 0);
    if (c.version === body.version && missing > 0)
      throw new AppError(409, "challenge-scores-missing", {}, [], {
        detail: t(ctx.locale, "challenges.scores-missing", { missing }),
        missing,
      });
    const passed = shortlist(st.ranking, body.shortlist).map((r) => r.item.id);
    const after = await moveChallenge(
      tx,
      ctx,
      c,
      body.version,
      "closeStage",
      { stage: stage + 1 },
      { closedStage: stage, shortlist: body.shortlist, passed },
    );
    if (passed.length)
      await tx
        .update(challengeSubmissions)
        .set({ passed: stage, updatedAt: sql`now()` })
        .where(inArray(challengeSubmissions.id, passed));
    return present(tx, after, await readerOf(tx, ctx, after));
  });
}

/**
 * The owner publishes the results after the last stage: the winners and the reserve (from the last
 * stage's shortlist), everyone else not selected; every submitter gets the feedback once — the
 * submission's `feedback_at` is set by a conditional UPDATE, and only the rows it set are told.
 */
export async function publishResults(ctx: Ctx, id: string, body: z.infer<typeof ResultsBody>) {
  const view = await ctx.db.transaction(async (tx) => {
    const c = await managedChallenge(tx, ctx, id);
    if (c.version === body.version && c.state === "evaluation" && (c.stage ?? 0) <= c.stages)
      throw transition(ctx, "publishStage", c.state);
    const subs = await stageSubmissions(tx, c, 1);
    const finalists = new Set(subs.filter((s) => s.passed >= c.stages).map((s) => s.id));
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    for (const [list, name] of [
      [body.winners, "winners"],
      [body.reserve, "reserve"],
    ] as const)
      list.forEach((sid, i) => {
        if (!finalists.has(sid)) fields.push({ field: `${name}.${i}`, key: "field.challenge.not-finalist" });
        else if (seen.has(sid)) fields.push({ field: `${name}.${i}`, key: "field.challenge.decided-twice" });
        seen.add(sid);
      });
    if (c.version === body.version && c.state === "evaluation" && fields.length) throw badRequest(fields);
    const after = await moveChallenge(
      tx,
      ctx,
      c,
      body.version,
      "publish",
      { state: "results", resultsAt: sql`now()` as never },
      { winners: body.winners, reserve: body.reserve },
    );
    // One conditional UPDATE for every submission: only the rows it sets (feedback not yet given) are told.
    const decision = sql`case when ${challengeSubmissions.id} = any(${textArray(body.winners)}::uuid[]) then 'winner'
      when ${challengeSubmissions.id} = any(${textArray(body.reserve)}::uuid[]) then 'reserve'
      else 'not_selected' end::challenge_decision`;
    const told = await tx
      .update(challengeSubmissions)
      .set({ decision: decision as never, feedbackAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(challengeSubmissions.challengeId, c.id),
          eq(challengeSubmissions.state, "submitted"),
          sql`${challengeSubmissions.feedbackAt} is null`,
        ),
      )
      .returning({
        id: challengeSubmissions.id,
        organizationId: challengeSubmissions.organizationId,
        teamId: challengeSubmissions.teamId,
        decision: challengeSubmissions.decision,
      });
    const people = await submittersPeople(tx, told);
    const notices = told.map((s) => ({
      userIds: people.get(s.id) ?? [],
      kind: CHALLENGE_NOTIFICATION_KINDS.results,
      data: { title: c.titleRu, decision: s.decision },
      link: `/challenges/submissions/${s.id}`,
    }));
    await notifyAll(tx, ctx.config.publicUrl, notices);
    return present(tx, after, await readerOf(tx, ctx, after));
  });
  ctx.mailQueued();
  return view;
}
