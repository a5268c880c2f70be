import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type ChallengeMove,
  type ChallengeState,
  canMove,
  clusterInstant,
  clusterLocal,
  criteriaIssues,
  deadlinePassed,
  EDITABLE_STATES,
  EXPERT_STATES,
  isPublicState,
  PUBLIC_CHALLENGE_STATES,
  rewardAmountRule,
} from "../../../shared/challenges.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, pageOf, rows, textArray } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { can } from "../../core/policy.js";
import { type Catalog, cachedJson, rankedMatches, searchTextAt } from "../../core/search.js";
import { users } from "../accounts/accounts.schema.js";
import { expertsByEmail } from "../accounts/accounts.service.js";
import { notify, notifyAll } from "../notifications/notifications.service.js";
import { accessOf, assertNotOwnOrganization, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { winnersOf } from "./challenges.awards.js";
import type {
  Challenge,
  ChallengeCard,
  ChallengeDecisionBody,
  ChallengesQuery,
  CreateChallengeBody,
  ExpertsBody,
  QueueQuery,
  UpdateChallengeBody,
} from "./challenges.contract.js";
import {
  Challenge as ChallengeSchema,
  ChallengesPage as ChallengesPageSchema,
} from "./challenges.contract.js";
import { challengeFilesOf, lockOf, ndaAcceptedAt } from "./challenges.files.service.js";
import { challengeMatchesJob, topicsOf } from "./challenges.matching.js";
import { CHALLENGE_NOTIFICATION_KINDS } from "./challenges.notifications.js";
import { challengeExperts, challengeSubmissions, challenges } from "./challenges.schema.js";
import { submitterPeople, teamSubmissionsOf } from "./challenges.teams.members.js";
import { teams } from "./challenges.teams.schema.js";

/*
 * Challenges (src/shared/challenges.ts declares the states and moves): posted by an organization's owner
 * or admin, or an operator on its behalf, as a draft → moderation (submit; verified organizations only)
 * → accepting (the operator approves) or back to draft with the reason (rejects) → evaluation (the owner,
 * once the deadline has passed; stages scored by the assigned experts, challenges.evaluation.service.ts)
 * → results (published with the feedback to every submitter) → closed.
 *
 * Every change bumps `version`; a move names the version it saw and is one conditional UPDATE, so of two
 * concurrent decisions one wins and the other gets 409 "challenge-changed" with the challenge as it is
 * now. A move the state does not allow is 409 "challenge-transition" and changes nothing. Each use case
 * is one transaction with its audit entry and notices.
 */

export type Row = Omit<typeof challenges.$inferSelect, "search">;
type View = z.infer<typeof Challenge>;
type CardView = z.infer<typeof ChallengeCard>;

/** A challenge's columns but its search vector. */
const { search: _search, ...COLUMNS } = getTableColumns(challenges);
export const CHALLENGE_COLUMNS = COLUMNS;

export const CHALLENGES_CATALOG: Catalog = { name: "challenges" };

// ---------- reading ----------

export const orgRef = async (ex: Executor, id: string) => {
  const [o] = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  return o ?? { id, shortName: "" };
};

const submittedCount = async (ex: Executor, challengeId: string) =>
  (
    await countRows(
      ex,
      challengeSubmissions,
      and(eq(challengeSubmissions.challengeId, challengeId), eq(challengeSubmissions.state, "submitted"))!,
    )
  )[0]!.n;

/** The regions of the submitters under way: organizations', and teams' tied organizations'. */
const submitterRegions = async (ex: Executor, challengeId: string) =>
  (
    await rows<{ n: number }>(
      ex,
      sql`select count(distinct coalesce(o.region_code, tied.region_code))::int as n
        from challenge_submissions s
        left join organizations o on o.id = s.organization_id
        left join teams tm on tm.id = s.team_id
        left join organizations tied on tied.id = tm.organization_id
        where s.challenge_id = ${challengeId} and s.state = 'submitted'`,
    )
  )[0]!.n;

function card(r: Row, org: { id: string; shortName: string }, submissions: number): CardView {
  return {
    id: r.id,
    state: r.state,
    organization: org,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    rewardType: r.rewardType,
    rewardAmount: r.rewardAmount,
    deadline: clusterLocal(r.deadline),
    deadlineAt: r.deadline.toISOString(),
    stages: r.stages,
    stage: r.stage,
    submissions,
    industries: r.industries,
    tags: r.tags,
  };
}

/** Who reads a challenge: may manage it, is an assigned expert, and their organizations' submissions. */
export type Reader = View["me"];
export const GUEST: Reader = {
  manage: false,
  expert: false,
  noConflict: false,
  submissions: [],
  signedIn: false,
  ndaAcceptedAt: null,
  teamSubmissions: [],
};

export async function readerOf(ex: Executor, ctx: Ctx, r: Row): Promise<Reader> {
  if (!ctx.actor) return GUEST;
  const access = await accessOf(ex, ctx.actor, r.organizationId);
  const [expert] = await ex
    .select({ noConflictAt: challengeExperts.noConflictAt })
    .from(challengeExperts)
    .where(and(eq(challengeExperts.challengeId, r.id), eq(challengeExperts.userId, ctx.actor.id)));
  const own = await ex
    .select({ id: challengeSubmissions.id, orgId: organizations.id, shortName: organizations.shortName })
    .from(challengeSubmissions)
    .innerJoin(memberships, eq(memberships.organizationId, challengeSubmissions.organizationId))
    .innerJoin(organizations, eq(organizations.id, challengeSubmissions.organizationId))
    .where(
      and(
        eq(challengeSubmissions.challengeId, r.id),
        eq(challengeSubmissions.state, "submitted"),
        eq(memberships.userId, ctx.actor.id),
      ),
    );
  return {
    manage: can(ctx.actor, "challenges.manage", access),
    expert: Boolean(expert),
    noConflict: Boolean(expert?.noConflictAt),
    submissions: own.map((s) => ({ id: s.id, organization: { id: s.orgId, shortName: s.shortName } })),
    signedIn: true,
    ndaAcceptedAt: await ndaAcceptedAt(ex, r.id, ctx.actor.id),
    teamSubmissions: await teamSubmissionsOf(ex, r.id, ctx.actor.id),
  };
}

export async function expertsOf(ex: Executor, challengeId: string) {
  return ex
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      noConflictAt: challengeExperts.noConflictAt,
    })
    .from(challengeExperts)
    .innerJoin(users, eq(users.id, challengeExperts.userId))
    .where(eq(challengeExperts.challengeId, challengeId))
    .orderBy(asc(users.fullName), asc(users.id));
}

/** A challenge as the reader sees it: the moderator's reason and the experts for those who manage it. */
export async function present(ex: Executor, r: Row, me: Reader): Promise<View> {
  const experts = me.manage ? await expertsOf(ex, r.id) : [];
  const locked = lockOf(r, me);
  return {
    ...card(r, await orgRef(ex, r.organizationId), await submittedCount(ex, r.id)),
    problemRu: locked ? null : r.problemRu,
    expectedResultRu: locked ? null : r.expectedResultRu,
    requirementsRu: locked ? null : r.requirementsRu,
    minTrl: r.minTrl,
    orgTypes: r.orgTypes as View["orgTypes"],
    participantsOnly: r.participantsOnly,
    criteria: r.criteria.map((c) => ({ name: c.name, description: c.description || null, weight: c.weight })),
    teamsAllowed: r.teamsAllowed,
    teamsOnly: r.teamsOnly,
    openedAt: r.openedAt?.toISOString() ?? null,
    resultsAt: r.resultsAt?.toISOString() ?? null,
    rejectReason: me.manage ? r.rejectReason : null,
    experts: experts.map((e) => ({
      id: e.id,
      fullName: e.fullName,
      email: e.email,
      noConflict: Boolean(e.noConflictAt),
    })),
    me,
    version: r.version,
    visibility: r.visibility,
    ndaRu: r.ndaRu,
    locked,
    files: locked ? [] : await challengeFilesOf(ex, r.id),
    regions: await submitterRegions(ex, r.id),
    winners: await winnersOf(ex, r),
  };
}

/** The challenge or 404; `lock` locks it for the transaction. */
export async function challengeRow(ex: Executor, id: string, lock = false): Promise<Row> {
  const q = ex.select(COLUMNS).from(challenges).where(eq(challenges.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

/**
 * A challenge's page: a public one (accepting and after) for anyone; a draft or one on moderation for
 * its managers only (anyone else: 404). A guest's page is cached by the catalog's generation.
 */
export async function getChallenge(ctx: Ctx, id: string): Promise<View> {
  const r = await challengeRow(ctx.db, id);
  const me = await readerOf(ctx.db, ctx, r);
  if (!me.manage && !isPublicState(r.state)) throw notFound();
  return present(ctx.db, r, me);
}

export function publicChallenge(ctx: Ctx, id: string): Promise<string> {
  return cachedJson(ctx.db, "challenges", `page:${id}`, ChallengeSchema, async () => {
    const r = await challengeRow(ctx.db, id);
    if (!isPublicState(r.state)) throw notFound();
    return present(ctx.db, r, GUEST);
  });
}

// ---------- the catalog ----------

const TYPO_BELOW = 20;
const CHALLENGE_TEXTS = {
  table: sql`challenges`,
  id: sql`id`,
  search: sql`search`,
  title: sql`title_ru`,
  where: sql`state::text in ('accepting', 'evaluation', 'results', 'closed')`,
  typoBelow: TYPO_BELOW,
};

/** The Moscow day's first moment (a deadline filter's bound). */
const dayStart = (day: string) =>
  clusterInstant(`${day}T00:00`) ?? new Date(Date.parse(`${day}T00:00:00+03:00`));

/**
 * The public catalog: Russian full text on the search engine (corrections, then similar titles), filters
 * by owner, reward, state and deadline; open challenges first by the nearest deadline, then the others by
 * the latest deadline (by relevance with a text). Answers cached by the catalog's generation, which every
 * write to challenges and submissions moves (the cards' live counts).
 */
export function searchChallenges(ctx: Ctx, q: z.infer<typeof ChallengesQuery>): Promise<string> {
  const db = ctx.db;
  return cachedJson(db, "challenges", JSON.stringify(q), ChallengesPageSchema, async (gen) => {
    const where: SQL[] = [
      inArray(challenges.state, [...(q.status?.length ? q.status : PUBLIC_CHALLENGE_STATES)]),
    ];
    if (q.owner) where.push(eq(challenges.organizationId, q.owner));
    if (q.reward?.length) where.push(inArray(challenges.rewardType, q.reward));
    // The facets' own conditions, kept apart: each facet is counted under the others.
    const facetWhere = {
      industry: q.industry?.length ? sql`${challenges.industries} && ${textArray(q.industry)}` : null,
      tag: q.tag?.length ? sql`${challenges.tags} && ${textArray(q.tag)}` : null,
    };
    if (q.deadlineFrom) where.push(sql`${challenges.deadline} >= ${dayStart(q.deadlineFrom).toISOString()}`);
    if (q.deadlineTo)
      where.push(
        sql`${challenges.deadline} < ${dayStart(q.deadlineTo).toISOString()}::timestamptz + interval '1 day'`,
      );
    const text = q.q?.trim();
    let rank: Map<string, number> | null = null;
    if (text) {
      const st = await searchTextAt(db, CHALLENGES_CATALOG, gen, text);
      const found = await rankedMatches(db, CHALLENGES_CATALOG, CHALLENGE_TEXTS, text, st);
      rank = new Map(found.map((f) => [f.id, Number(f.rank ?? 0)]));
      where.push(inArray(challenges.id, [...rank.keys(), "00000000-0000-0000-0000-000000000000"]));
    }
    const cond = and(...where, ...Object.values(facetWhere).filter((c) => c !== null))!;
    const facets = await facetCounts(db, where, facetWhere);
    const count = sql<number>`(count(*) over ())::int`;
    const submissions = sql<number>`(select count(*)::int from challenge_submissions s
      where s.challenge_id = ${challenges.id} and s.state = 'submitted')`;
    const base = db
      .select({
        c: COLUMNS,
        org: { id: organizations.id, shortName: organizations.shortName },
        submissions,
        count,
      })
      .from(challenges)
      .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
      .where(cond);
    const ordered = rank
      ? base.orderBy(
          sql`array_position(${textArray([...rank.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id))}::uuid[], ${challenges.id})`,
        )
      : base.orderBy(
          sql`(${challenges.state} <> 'accepting')`,
          sql`case when ${challenges.state} = 'accepting' then ${challenges.deadline} end asc`,
          sql`${challenges.deadline} desc`,
          asc(challenges.id),
        );
    const found = await ordered.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const total = found[0]?.count ?? (q.page === 1 ? 0 : (await countRows(db, challenges, cond))[0]!.n);
    return {
      items: found.map((f) => card(f.c, f.org, f.submissions)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets,
    };
  });
}

/** The industry and tag facets: a value's challenges under every filter but the facet's own. */
async function facetCounts(
  db: Executor,
  where: SQL[],
  facetWhere: { industry: SQL | null; tag: SQL | null },
) {
  const count = async (field: "industry" | "tag", column: SQL) => {
    const others = field === "industry" ? facetWhere.tag : facetWhere.industry;
    const cond = and(...where, ...(others ? [others] : []))!;
    const list = await rows<{ value: string; count: number }>(
      db,
      sql`select v as "value", count(*)::int as "count"
          from ${challenges} cross join lateral unnest(${column}) v where ${cond}
          group by v order by count(*) desc, v`,
    );
    return { field, values: list.map((r) => ({ value: r.value, count: Number(r.count) })) };
  };
  return [
    await count("industry", sql`${challenges.industries}`),
    await count("tag", sql`${challenges.tags}`),
  ];
}

// ---------- writing ----------

const stateWord = (ctx: Ctx, state: ChallengeState) => t(ctx.locale, `challenges.state.${state}`);

/** 409 "challenge-transition": the move is not possible in the challenge's state (said in the detail). */
export const transition = (ctx: Ctx, move: string, state: ChallengeState) =>
  new AppError(409, "challenge-transition", {}, [], {
    detail: t(ctx.locale, `challenges.transition.${move}`, { state: stateWord(ctx, state) }),
  });

/** The stale-version answer: 409 with the challenge as it is now. */
export async function changed(ex: Executor, ctx: Ctx, id: string): Promise<never> {
  const r = await challengeRow(ex, id);
  const current = await present(ex, r, await readerOf(ex, ctx, r));
  throw new AppError(409, "challenge-changed", {}, [], { current });
}

/** The challenge locked for a change by one who may manage it (anyone else: 404). */
export async function managedChallenge(tx: Executor, ctx: Ctx, id: string): Promise<Row> {
  const r = await challengeRow(tx, id, true);
  const access = await accessOf(tx, ctx.actor, r.organizationId);
  if (!can(ctx.actor, "challenges.manage", access)) throw refusal(404, r.organizationId, "challenges.manage");
  return r;
}

async function assertVerified(tx: Executor, organizationId: string) {
  const [o] = await tx
    .select({ verifiedAt: organizations.verifiedAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!o) throw notFound();
  if (!o.verifiedAt) throw new AppError(409, "organization-not-verified");
}

type Content = Omit<z.infer<typeof CreateChallengeBody>, "organizationId">;

/** The optional fields of a challenge as they are now: what an edit leaving them out keeps. */
const optionalsOf = (r: Row) => ({
  titleEn: r.titleEn,
  requirementsRu: r.requirementsRu || null,
  minTrl: r.minTrl,
  rewardAmount: r.rewardAmount,
  industries: r.industries,
  tags: r.tags,
  orgTypes: r.orgTypes,
  participantsOnly: r.participantsOnly,
  visibility: r.visibility,
  ndaRu: r.ndaRu,
  teamsAllowed: r.teamsAllowed,
  teamsOnly: r.teamsOnly,
});

/** An edit's content: what it gives, and for every optional field it leaves out, the value as it is. */
const editedContent = (r: Row, body: z.infer<typeof UpdateChallengeBody>): Content => {
  const { version: _v, ...content } = body;
  const given = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined));
  return { ...optionalsOf(r), ...given } as Content;
};

/** The content checked with the shared rules: criteria weights, a reward's amount, a future deadline. */
function contentOf(content: Content) {
  const fields: FieldError[] = criteriaIssues(content.criteria).map((i) => ({
    field: i.path,
    key: i.key,
    params: i.params,
  }));
  const amount = rewardAmountRule(content.rewardType);
  if (amount === "required" && content.rewardAmount == null)
    fields.push({ field: "rewardAmount", key: "field.challenge.reward-amount-required" });
  if (amount === "none" && content.rewardAmount != null)
    fields.push({ field: "rewardAmount", key: "field.challenge.reward-amount-none" });
  const deadline = clusterInstant(content.deadline);
  if (!deadline) fields.push({ field: "deadline", key: "field.challenge.local-time" });
  else if (deadlinePassed(deadline, now()))
    fields.push({ field: "deadline", key: "field.challenge.deadline-past" });
  if (content.visibility === "nda" && !content.ndaRu)
    fields.push({ field: "ndaRu", key: "field.challenge.nda-required" });
  if (fields.length) throw badRequest(fields);
  return {
    visibility: content.visibility ?? "public",
    ndaRu: content.ndaRu ?? null,
    titleRu: content.titleRu,
    titleEn: content.titleEn ?? null,
    problemRu: content.problemRu,
    expectedResultRu: content.expectedResultRu,
    requirementsRu: content.requirementsRu ?? "",
    minTrl: content.minTrl ?? null,
    rewardType: content.rewardType,
    rewardAmount: content.rewardAmount ?? null,
    deadline: deadline!,
    stages: content.stages,
    criteria: content.criteria.map((c) => ({
      name: c.name,
      description: c.description ?? "",
      weight: c.weight,
    })),
    ...topicsOf(content),
    teamsAllowed: Boolean(content.teamsAllowed || content.teamsOnly),
    teamsOnly: Boolean(content.teamsOnly),
  };
}

const contentAudit = (
  c: Pick<Row, "titleRu" | "deadline" | "rewardType" | "stages" | "criteria" | "visibility">,
) => ({
  titleRu: c.titleRu,
  visibility: c.visibility,
  deadline: c.deadline.toISOString(),
  rewardType: c.rewardType,
  stages: c.stages,
  weights: c.criteria.map((x) => x.weight),
});

/** Posts a draft for a verified organization (its owner or admin, or an operator on its behalf). */
export async function createChallenge(ctx: Ctx, body: z.infer<typeof CreateChallengeBody>): Promise<View> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await accessOf(tx, ctx.actor, body.organizationId);
    if (!can(ctx.actor, "challenges.manage", access))
      throw refusal(404, body.organizationId, "challenges.manage");
    await assertVerified(tx, body.organizationId);
    const content = contentOf(body);
    const [r] = await tx
      .insert(challenges)
      .values({ organizationId: body.organizationId, authorId: actor.id, ...content })
      .returning(COLUMNS);
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.create",
      entity: "challenge",
      entityId: r!.id,
      after: { state: "draft", organizationId: body.organizationId, ...contentAudit(r!) },
    });
    return present(tx, r!, await readerOf(tx, ctx, r!));
  });
}

/**
 * One conditional UPDATE of a challenge at the version seen (stays in its state), with its audit entry:
 * a concurrent change makes it 409 "challenge-changed" with the challenge as it is now.
 */
async function changeAt(
  tx: Executor,
  ctx: Ctx,
  r: Row,
  version: number,
  set: Partial<typeof challenges.$inferInsert>,
  audit: { action: string; before: Record<string, unknown>; after: (after: Row) => Record<string, unknown> },
): Promise<Row> {
  const [after] = await tx
    .update(challenges)
    .set({ ...set, version: sql`${challenges.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(challenges.id, r.id), eq(challenges.version, version)))
    .returning(COLUMNS);
  if (!after) return changed(tx, ctx, r.id);
  await writeAudit(tx, auditCtx(ctx), {
    action: audit.action,
    entity: "challenge",
    entityId: r.id,
    before: { ...audit.before, version: r.version },
    after: { ...audit.after(after), version: after.version },
  });
  return after;
}

/** Edits a draft (a rejected challenge is a draft with the moderator's reason). */
export async function updateChallenge(ctx: Ctx, id: string, body: z.infer<typeof UpdateChallengeBody>) {
  return ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    if (r.version !== body.version) await changed(tx, ctx, id);
    if (!EDITABLE_STATES.includes(r.state)) throw transition(ctx, "edit", r.state);
    const content = contentOf(editedContent(r, body));
    const after = await changeAt(tx, ctx, r, body.version, content, {
      action: "challenge.update",
      before: contentAudit(r),
      after: contentAudit,
    });
    return present(tx, after, await readerOf(tx, ctx, after));
  });
}

/**
 * One conditional UPDATE of a challenge from a state its move allows, at the version seen: of two
 * concurrent moves one wins, the other gets 409 "challenge-changed" with the challenge as it is now.
 */
export async function moveChallenge(
  tx: Executor,
  ctx: Ctx,
  r: Row,
  version: number,
  move: ChallengeMove,
  set: Partial<typeof challenges.$inferInsert>,
  audit: Record<string, unknown> = {},
): Promise<Row> {
  if (r.version !== version) await changed(tx, ctx, r.id);
  if (!canMove(move, r.state)) throw transition(ctx, move, r.state);
  const [after] = await tx
    .update(challenges)
    .set({ ...set, version: sql`${challenges.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(challenges.id, r.id), eq(challenges.version, version), eq(challenges.state, r.state)))
    .returning(COLUMNS);
  if (!after) return changed(tx, ctx, r.id);
  await writeAudit(tx, auditCtx(ctx), {
    action: `challenge.${move}`,
    entity: "challenge",
    entityId: r.id,
    before: { state: r.state, stage: r.stage, version: r.version },
    after: { state: after.state, stage: after.stage, version: after.version, ...audit },
  });
  return after;
}

/** Sends a draft to moderation (the organization verified, the deadline still ahead). */
export function submitChallenge(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    if (canMove("submit", r.state)) {
      await assertVerified(tx, r.organizationId);
      if (deadlinePassed(r.deadline, now()))
        throw badRequest([{ field: "deadline", key: "field.challenge.deadline-past" }]);
    }
    const after = await moveChallenge(tx, ctx, r, version, "submit", {
      state: "moderation",
      submittedAt: sql`now()` as never,
    });
    return present(tx, after, await readerOf(tx, ctx, after));
  });
}

/** The moderation queue, oldest first. */
export async function queue(ctx: Ctx, q: z.infer<typeof QueueQuery>) {
  const cond = eq(challenges.state, "moderation");
  const { items, total } = await pageOf(
    ctx.db
      .select({ c: COLUMNS, org: { id: organizations.id, shortName: organizations.shortName } })
      .from(challenges)
      .innerJoin(organizations, eq(organizations.id, challenges.organizationId))
      .where(cond)
      .orderBy(asc(challenges.submittedAt), asc(challenges.id))
      .$dynamic(),
    countRows(ctx.db, challenges, cond),
    q,
  );
  return {
    items: items.map((i) => ({
      ...card(i.c, i.org, 0),
      submittedAt: (i.c.submittedAt ?? i.c.updatedAt).toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The owner's managers and the challenge's author: who hears of its moderation. */
async function ownerPeople(ex: Executor, r: Row) {
  return [...new Set([...(await managerIds(ex, r.organizationId)), ...(r.authorId ? [r.authorId] : [])])];
}

/**
 * The operator approves (the challenge opens for submissions) or rejects it back to draft with a reason;
 * never on an organization of their own (403), never once the deadline has passed (409).
 */
export async function decideChallenge(ctx: Ctx, id: string, body: z.infer<typeof ChallengeDecisionBody>) {
  const actor = requireActor(ctx);
  if (body.decision === "reject" && !body.reason)
    throw badRequest([{ field: "reason", key: "field.challenge.reject-reason" }]);
  const view = await ctx.db.transaction(async (tx) => {
    const r = await challengeRow(tx, id, true);
    await assertNotOwnOrganization(tx, actor, [r.organizationId]);
    if (body.decision === "approve" && r.state === "moderation" && deadlinePassed(r.deadline, now()))
      throw deadlineProblem(ctx, "challenge-deadline-passed", r.deadline);
    const after =
      body.decision === "approve"
        ? await moveChallenge(tx, ctx, r, body.version, "approve", {
            state: "accepting",
            openedAt: sql`now()` as never,
            rejectReason: null,
          })
        : await moveChallenge(
            tx,
            ctx,
            r,
            body.version,
            "reject",
            { state: "draft", rejectReason: body.reason! },
            { reason: body.reason },
          );
    // An opened challenge is matched against the organizations' industries and tags, once.
    if (after.state === "accepting")
      await ctx.jobs.send(tx, challengeMatchesJob, { challengeId: id }, { singletonKey: id });
    await notify(tx, ctx.config.publicUrl, {
      userIds: await ownerPeople(tx, r),
      kind: CHALLENGE_NOTIFICATION_KINDS.decided,
      data: { decision: body.decision, title: r.titleRu, reason: body.reason ?? null },
      link: `/challenges/${id}`,
    });
    return present(tx, after, { ...GUEST, manage: true });
  });
  ctx.mailQueued();
  return view;
}

/** A deadline problem: its detail says the deadline in Moscow time. */
export const deadlineProblem = (
  ctx: Ctx,
  code: "challenge-deadline-passed" | "challenge-deadline-open",
  deadline: Date,
) =>
  new AppError(409, code, {}, [], {
    detail: t(ctx.locale, `challenges.${code}`, { deadline: clusterLocal(deadline).replace("T", " ") }),
    deadline: clusterLocal(deadline),
  });

/**
 * The operator moves an open challenge's deadline later (audited); every organization with a submission
 * under way is told.
 */
export async function extendDeadline(ctx: Ctx, id: string, body: { deadline: string; version: number }) {
  const view = await ctx.db.transaction(async (tx) => {
    const r = await challengeRow(tx, id, true);
    if (r.version !== body.version) await changed(tx, ctx, id);
    if (r.state !== "accepting") throw transition(ctx, "extend", r.state);
    const deadline = clusterInstant(body.deadline);
    if (!deadline) throw badRequest([{ field: "deadline", key: "field.challenge.local-time" }]);
    if (deadline <= r.deadline || deadlinePassed(deadline, now()))
      throw badRequest([{ field: "deadline", key: "field.challenge.deadline-later" }]);
    const after = await changeAt(
      tx,
      ctx,
      r,
      body.version,
      { deadline },
      {
        action: "challenge.deadline",
        before: { deadline: r.deadline.toISOString() },
        after: (a) => ({ deadline: a.deadline.toISOString() }),
      },
    );
    const subs = await tx
      .select({ organizationId: challengeSubmissions.organizationId, teamId: challengeSubmissions.teamId })
      .from(challengeSubmissions)
      .where(and(eq(challengeSubmissions.challengeId, id), eq(challengeSubmissions.state, "submitted")));
    const notices = [];
    for (const s of subs)
      notices.push({
        userIds: await submitterPeople(tx, s),
        kind: CHALLENGE_NOTIFICATION_KINDS.deadline,
        data: { title: r.titleRu, deadline: clusterLocal(deadline).replace("T", " ") },
        link: `/challenges/${id}`,
      });
    await notifyAll(tx, ctx.config.publicUrl, notices);
    return present(tx, after, await readerOf(tx, ctx, after));
  });
  ctx.mailQueued();
  return view;
}

/**
 * The owner or an operator sets the assigned experts (registered experts by e-mail) until the results;
 * the newly assigned are told. An unknown e-mail or one not of an expert: a field error.
 */
export async function setExperts(ctx: Ctx, id: string, body: z.infer<typeof ExpertsBody>) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    if (r.version !== body.version) await changed(tx, ctx, id);
    if (!EXPERT_STATES.includes(r.state)) throw transition(ctx, "experts", r.state);
    const byEmail = await expertsByEmail(tx, body.emails);
    const fields: FieldError[] = body.emails.flatMap((e, i) =>
      byEmail.has(e.toLowerCase()) ? [] : [{ field: `emails.${i}`, key: "field.challenge.expert-unknown" }],
    );
    if (fields.length) throw badRequest(fields);
    const ids = [...byEmail.values()];
    const before = (await tx.select().from(challengeExperts).where(eq(challengeExperts.challengeId, id))).map(
      (e) => e.userId,
    );
    const removed = before.filter((u) => !ids.includes(u));
    const added = ids.filter((u) => !before.includes(u));
    if (removed.length)
      await tx
        .delete(challengeExperts)
        .where(and(eq(challengeExperts.challengeId, id), inArray(challengeExperts.userId, removed)));
    if (added.length)
      await tx
        .insert(challengeExperts)
        .values(added.map((userId) => ({ challengeId: id, userId, assignedBy: actor.id })));
    const after = await changeAt(
      tx,
      ctx,
      r,
      body.version,
      {},
      {
        action: "challenge.experts",
        before: { experts: before },
        after: () => ({ experts: ids }),
      },
    );
    if (added.length)
      await notify(tx, ctx.config.publicUrl, {
        userIds: added,
        kind: CHALLENGE_NOTIFICATION_KINDS.assigned,
        data: { title: r.titleRu },
        link: `/challenges/${id}`,
      });
    return present(tx, after, await readerOf(tx, ctx, after));
  });
  ctx.mailQueued();
  return view;
}

/** An assigned expert declares no conflict of interest with the challenge (before scoring). */
export async function declareNoConflict(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await challengeRow(tx, id);
    const [e] = await tx
      .update(challengeExperts)
      .set({ noConflictAt: sql`coalesce(${challengeExperts.noConflictAt}, now())` })
      .where(and(eq(challengeExperts.challengeId, id), eq(challengeExperts.userId, actor.id)))
      .returning();
    if (!e) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.no_conflict",
      entity: "challenge",
      entityId: id,
      after: { expert: actor.id, at: e.noConflictAt?.toISOString() ?? null },
    });
    return present(tx, r, await readerOf(tx, ctx, r));
  });
}

/** The owner closes submissions and starts stage 1 (after the deadline, with experts assigned). */
export function startEvaluation(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    if (r.version === version && canMove("evaluate", r.state)) {
      if (!deadlinePassed(r.deadline, now()))
        throw deadlineProblem(ctx, "challenge-deadline-open", r.deadline);
      if (!(await expertsOf(tx, id)).length) throw new AppError(409, "challenge-no-experts");
    }
    const after = await moveChallenge(tx, ctx, r, version, "evaluate", { state: "evaluation", stage: 1 });
    return present(tx, after, await readerOf(tx, ctx, after));
  });
}

/** The owner closes the challenge after its results. */
export function closeChallenge(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    const after = await moveChallenge(tx, ctx, r, version, "close", { state: "closed" });
    return present(tx, after, await readerOf(tx, ctx, after));
  });
}

/** The ids of a challenge's submissions, for the pilots module (the pilots started for its winners). */
export async function submissionIdsOf(ex: Executor, challengeId: string): Promise<string[]> {
  const list = await ex
    .select({ id: challengeSubmissions.id })
    .from(challengeSubmissions)
    .where(eq(challengeSubmissions.challengeId, challengeId));
  return list.map((s) => s.id);
}

/**
 * A challenge's submission with its decision, for the pilots module (a winner's pilot): its organization,
 * solution and TRL; undefined when the challenge has no such submission.
 */
export async function winnerSubmission(ex: Executor, challengeId: string, submissionId: string) {
  const [s] = await ex
    .select({
      id: challengeSubmissions.id,
      organizationId: challengeSubmissions.organizationId,
      /** A team's submission: the organization the team is tied to, if any. */
      teamOrganizationId: teams.organizationId,
      decision: challengeSubmissions.decision,
      solution: challengeSubmissions.solution,
      trl: challengeSubmissions.trl,
    })
    .from(challengeSubmissions)
    .leftJoin(teams, eq(teams.id, challengeSubmissions.teamId))
    .where(and(eq(challengeSubmissions.id, submissionId), eq(challengeSubmissions.challengeId, challengeId)));
  return s;
}
