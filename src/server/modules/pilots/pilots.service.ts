import { and, asc, count, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { MOSCOW_DISTRICTS_OF } from "../../../shared/moscow.js";
import {
  actorOf,
  CAPACITY_STATES,
  canMovePilot,
  INNOVATION_CRITERIA,
  innovationScore,
  OPERATOR_QUEUE_STATES,
  PILOT_MOVE_NAMES,
  PILOT_MOVES,
  type PilotFileKind,
  type PilotMove,
  type PilotState,
} from "../../../shared/pilots.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, isUniqueViolation, pageOf } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { attachFile, defineFilePurpose, findFile, type StoredFile, storeUpload } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import { t } from "../../core/i18n.js";
import { type Actor, can } from "../../core/policy.js";
import { users } from "../accounts/accounts.schema.js";
import { activeUserIdsWithRole } from "../accounts/accounts.service.js";
import { challengeRow, submissionIdsOf, winnerSubmission } from "../challenges/challenges.service.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, memberOrgIds, refusal } from "../organizations/access.js";
import { managerIds, membersOf } from "../organizations/membership.js";
import { organizations } from "../organizations/organizations.schema.js";
import type {
  AgreeBody,
  ApplyBody,
  CompleteBody,
  CreateSiteBody,
  MilestoneBody,
  MyPilotsQuery,
  Pilot,
  PilotCard,
  PilotQueueQuery,
  PilotsPage,
  PublishedPilot,
  ScoreBody,
  Site,
  SiteCard,
  SitesQuery,
  UpdateSiteBody,
  WinnerPilotBody,
} from "./pilots.contract.js";
import { PILOT_NOTIFICATION_KINDS } from "./pilots.notifications.js";
import { pilotFiles, pilotMilestones, pilotSites, pilots } from "./pilots.schema.js";

/*
 * Pilot-testing sites and pilots (src/shared/pilots.ts declares the states and moves). A site belongs to
 * an organization (its owner and admins manage it, operators too); the catalog and a site's page are
 * public. A pilot is an organization's application to a site; who reads it: the applying organization's
 * members, the site owner's members, the assigned expert and operators — anybody else gets 404.
 *
 * Every change bumps `version`; a move names the version it saw and is one conditional UPDATE on the id,
 * the version and the state, so of two concurrent decisions one wins and the other gets 409
 * "pilot-changed" with the pilot as it is now. A move the state does not allow is 409 "pilot-transition";
 * a reader who is not the side that makes the move, 403. Agreeing locks the site and counts its agreed
 * and running pilots: a full site is 409 "pilot-capacity". Each use case is one transaction with its
 * audit entry and the notice to the other side.
 */

type SiteRow = Omit<typeof pilotSites.$inferSelect, "search">;
type PilotRow = typeof pilots.$inferSelect;
type SiteView = z.infer<typeof Site>;
type PilotView = z.infer<typeof Pilot>;
type PublishedView = z.infer<typeof PublishedPilot>;
type Side = PilotView["me"]["sides"][number];

const { search: _search, ...SITE_COLUMNS } = getTableColumns(pilotSites);

/** Reports and the feedback letter: PDF, office documents and pictures, up to 20 MB each. */
export const PILOT_FILES = defineFilePurpose({
  name: "pilot",
  maxBytes: 20 * 1024 * 1024,
  types: [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/zip",
  ],
  maxPixels: 100_000_000,
});

// ---------- sites ----------

const orgRef = async (ex: Executor, id: string) => {
  const [o] = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  return o ?? { id, shortName: "" };
};

const busySql = sql<number>`(select count(*)::int from pilots p
  where p.site_id = ${pilotSites.id} and p.state::text in ('agreed', 'running'))`;

function siteCard(
  r: SiteRow,
  org: { id: string; shortName: string },
  busy: number,
): z.infer<typeof SiteCard> {
  return {
    id: r.id,
    organization: org,
    name: r.name,
    type: r.type,
    okrug: r.okrug,
    district: r.district,
    address: r.address,
    region: r.region,
    capacity: r.capacity,
    busy,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    paid: r.paid,
    price: r.price,
    testable: r.testable,
  };
}

async function siteRow(ex: Executor, id: string, lock = false): Promise<SiteRow> {
  const q = ex.select(SITE_COLUMNS).from(pilotSites).where(eq(pilotSites.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

const busyOf = async (ex: Executor, siteId: string) =>
  (
    await countRows(
      ex,
      pilots,
      and(eq(pilots.siteId, siteId), inArray(pilots.state, CAPACITY_STATES as PilotState[]))!,
    )
  )[0]!.n;

const canManageSite = async (ex: Executor, actor: Actor, organizationId: string) =>
  can(actor, "pilots.sites.manage", await accessOf(ex, actor, organizationId));

const letterUrl = (pilotId: string, fileId: string | null) =>
  fileId ? `/api/pilots/${pilotId}/files/${fileId}` : null;

/** Completed pilots whose company agreed to publish the result (a site's or an organization's). */
async function published(ex: Executor, where: SQL, successOnly = false): Promise<PublishedView[]> {
  const list = await ex
    .select({
      id: pilots.id,
      siteId: pilotSites.id,
      siteName: pilotSites.name,
      orgId: organizations.id,
      shortName: organizations.shortName,
      solution: pilots.solution,
      success: pilots.success,
      measuredEffect: pilots.measuredEffect,
      dateFrom: sql<string>`coalesce(${pilots.agreedFrom}, ${pilots.dateFrom})::text`,
      dateTo: sql<string>`coalesce(${pilots.agreedTo}, ${pilots.dateTo})::text`,
      completedAt: pilots.completedAt,
      letter: sql<
        string | null
      >`(select f.file_id from pilot_files f where f.pilot_id = ${pilots.id} and f.kind = 'letter' order by f.created_at desc limit 1)`,
    })
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .innerJoin(organizations, eq(organizations.id, pilots.organizationId))
    .where(
      and(
        where,
        eq(pilots.state, "completed"),
        eq(pilots.publishResult, true),
        successOnly ? eq(pilots.success, true) : undefined,
      ),
    )
    .orderBy(desc(pilots.completedAt), asc(pilots.id))
    .limit(100);
  return list.map((p) => ({
    id: p.id,
    site: { id: p.siteId, name: p.siteName },
    organization: { id: p.orgId, shortName: p.shortName },
    solution: p.solution,
    success: Boolean(p.success),
    measuredEffect: p.measuredEffect ?? "",
    dateFrom: p.dateFrom,
    dateTo: p.dateTo,
    completedAt: (p.completedAt ?? new Date(0)).toISOString(),
    letterUrl: letterUrl(p.id, p.letter),
  }));
}

async function presentSite(ex: Executor, actor: Actor, r: SiteRow): Promise<SiteView> {
  return {
    ...siteCard(r, await orgRef(ex, r.organizationId), await busyOf(ex, r.id)),
    conditions: r.conditions,
    completed: await published(ex, eq(pilots.siteId, r.id)),
    manage: await canManageSite(ex, actor, r.organizationId),
    version: r.version,
  };
}

/** A site's public page with the completed pilots whose companies agreed to publish the result. */
export async function getSite(ctx: Ctx, id: string): Promise<SiteView> {
  return presentSite(ctx.db, ctx.actor, await siteRow(ctx.db, id));
}

/**
 * The public catalog: filters by type, okrug and district, free or paid, owner; Russian full text over
 * the name, what can be tested, the address and the conditions (ranked), else by name.
 */
export async function searchSites(ctx: Ctx, q: z.infer<typeof SitesQuery>) {
  const where: SQL[] = [];
  if (q.type?.length) where.push(inArray(pilotSites.type, q.type));
  if (q.okrug) where.push(eq(pilotSites.okrug, q.okrug));
  if (q.district) where.push(eq(pilotSites.district, q.district));
  if (q.price) where.push(eq(pilotSites.paid, q.price === "paid"));
  if (q.owner) where.push(eq(pilotSites.organizationId, q.owner));
  const text = q.q?.trim();
  const query = text ? sql`websearch_to_tsquery('russian', ${text})` : null;
  if (query) where.push(sql`${pilotSites.search} @@ ${query}`);
  const cond = where.length ? and(...where)! : sql`true`;
  // One statement: the page with the total counted over all matches (a page past the end counts apart).
  const items = await ctx.db
    .select({
      s: SITE_COLUMNS,
      org: { id: organizations.id, shortName: organizations.shortName },
      busy: busySql,
      count: sql<number>`(count(*) over ())::int`,
    })
    .from(pilotSites)
    .innerJoin(organizations, eq(organizations.id, pilotSites.organizationId))
    .where(cond)
    .orderBy(
      ...(query ? [sql`ts_rank(${pilotSites.search}, ${query}) desc`] : []),
      asc(pilotSites.name),
      asc(pilotSites.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total = items[0]?.count ?? (q.page === 1 ? 0 : (await countRows(ctx.db, pilotSites, cond))[0]!.n);
  return {
    items: items.map((i) => siteCard(i.s, i.org, i.busy)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type SiteContent = Omit<z.infer<typeof UpdateSiteBody>, "version">;

/** The site's content checked across fields: a district within its okrug, a period in order, a paid site's price. */
function siteContentOf(c: SiteContent) {
  const fields: FieldError[] = [];
  if (c.district && (!c.okrug || !(MOSCOW_DISTRICTS_OF[c.okrug] as readonly string[]).includes(c.district)))
    fields.push({ field: "district", key: "field.pilot.district-okrug" });
  if (!c.address && !c.region) fields.push({ field: "address", key: "field.pilot.address-or-region" });
  if (c.periodFrom && c.periodTo && c.periodFrom > c.periodTo)
    fields.push({ field: "periodTo", key: "field.pilot.dates-order" });
  if (c.paid && c.price == null) fields.push({ field: "price", key: "field.pilot.price-required" });
  if (fields.length) throw badRequest(fields);
  return {
    name: c.name,
    type: c.type,
    okrug: c.okrug ?? null,
    district: c.district ?? null,
    address: c.address ?? null,
    region: c.region ?? null,
    testable: c.testable,
    conditions: c.conditions ?? "",
    capacity: c.capacity,
    periodFrom: c.periodFrom ?? null,
    periodTo: c.periodTo ?? null,
    paid: c.paid,
    price: c.paid ? (c.price ?? null) : null,
  };
}

/** Adds a site for an organization (its owner or admin, or an operator). */
export async function createSite(ctx: Ctx, body: z.infer<typeof CreateSiteBody>): Promise<SiteView> {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    if (!(await canManageSite(tx, ctx.actor, body.organizationId)))
      throw refusal(404, body.organizationId, "pilots.sites.manage");
    const content = siteContentOf(body);
    const [r] = await tx
      .insert(pilotSites)
      .values({ organizationId: body.organizationId, ...content })
      .returning(SITE_COLUMNS);
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot_site.create",
      entity: "pilot_site",
      entityId: r!.id,
      after: { organizationId: body.organizationId, name: r!.name, capacity: r!.capacity },
    });
    return presentSite(tx, ctx.actor, r!);
  });
}

/** Edits a site at the version seen (stale: 409 with the site as it is now). */
export async function updateSite(ctx: Ctx, id: string, body: z.infer<typeof UpdateSiteBody>) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await siteRow(tx, id, true);
    if (!(await canManageSite(tx, ctx.actor, r.organizationId)))
      throw refusal(404, r.organizationId, "pilots.sites.manage");
    const content = siteContentOf(body);
    const [after] = await tx
      .update(pilotSites)
      .set({ ...content, version: sql`${pilotSites.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(pilotSites.id, id), eq(pilotSites.version, body.version)))
      .returning(SITE_COLUMNS);
    if (!after)
      throw new AppError(409, "pilot-site-changed", {}, [], { current: await presentSite(tx, ctx.actor, r) });
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot_site.update",
      entity: "pilot_site",
      entityId: id,
      before: { name: r.name, capacity: r.capacity, version: r.version },
      after: { name: after.name, capacity: after.capacity, version: after.version },
    });
    return presentSite(tx, ctx.actor, after);
  });
}

// ---------- pilots: reading ----------

/** The reader's sides of a pilot: the company, the site owner, the assigned expert, the operator. */
async function sidesOf(ex: Executor, actor: Actor, p: PilotRow, site: SiteRow) {
  if (!actor) return { sides: [] as Side[], manager: false };
  const mine = await memberOrgIds(ex, actor.id, [p.organizationId, site.organizationId]);
  const sides: Side[] = [];
  if (mine.has(p.organizationId)) sides.push("company");
  if (mine.has(site.organizationId)) sides.push("owner");
  if (p.expertId === actor.id) sides.push("expert");
  if (can(actor, "pilots.operate")) sides.push("operator");
  const manager = await canManageSite(ex, actor, site.organizationId);
  return { sides, manager };
}

/** Whether the reader may make a move now (the state allows it and the reader is its side). */
function mayMove(move: PilotMove, p: PilotRow, sides: Side[], manager: boolean) {
  if (!canMovePilot(move, p.state, p.operatorAssisted)) return false;
  switch (actorOf(move, p.state)) {
    case "company":
      return sides.includes("company");
    case "operator":
      return sides.includes("operator");
    case "expert":
      return sides.includes("expert");
    case "owner":
      return manager;
    default:
      return false;
  }
}

async function presentPilot(ex: Executor, actor: Actor, p: PilotRow, site?: SiteRow): Promise<PilotView> {
  const s = site ?? (await siteRow(ex, p.siteId));
  const { sides, manager } = await sidesOf(ex, actor, p, s);
  const [expert] = p.expertId
    ? await ex.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, p.expertId))
    : [];
  const milestones = await ex
    .select()
    .from(pilotMilestones)
    .where(eq(pilotMilestones.pilotId, p.id))
    .orderBy(asc(pilotMilestones.due), asc(pilotMilestones.createdAt));
  const fileRows = await ex
    .select({
      id: files.id,
      kind: pilotFiles.kind,
      name: files.originalName,
      size: files.size,
      createdAt: pilotFiles.createdAt,
    })
    .from(pilotFiles)
    .innerJoin(files, eq(files.id, pilotFiles.fileId))
    .where(eq(pilotFiles.pilotId, p.id))
    .orderBy(asc(pilotFiles.createdAt));
  return {
    id: p.id,
    state: p.state,
    site: { id: s.id, name: s.name, organization: await orgRef(ex, s.organizationId) },
    organization: await orgRef(ex, p.organizationId),
    solution: p.solution,
    trl: p.trl,
    expectedEffect: p.expectedEffect,
    team: p.team,
    needs: p.needs,
    dateFrom: p.dateFrom,
    dateTo: p.dateTo,
    operatorAssisted: p.operatorAssisted,
    publishResult: p.publishResult,
    expert: expert ?? null,
    innovation: p.scores
      ? { ...p.scores, score: innovationScore(p.scores), comment: p.scoreComment ?? "" }
      : null,
    agreed:
      p.agreedFrom && p.agreedTo
        ? { dateFrom: p.agreedFrom, dateTo: p.agreedTo, conditions: p.agreedConditions ?? "" }
        : null,
    rejectReason: p.rejectReason,
    rejectedAt: p.rejectedAt,
    result:
      p.state === "completed" && p.success !== null
        ? {
            success: p.success,
            measuredEffect: p.measuredEffect ?? "",
            completedAt: (p.completedAt ?? p.updatedAt).toISOString(),
          }
        : null,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, due: m.due, done: m.doneAt !== null })),
    files: fileRows.map((f) => ({
      ...f,
      url: `/api/pilots/${p.id}/files/${f.id}`,
      createdAt: f.createdAt.toISOString(),
    })),
    challengeSubmissionId: p.challengeSubmissionId,
    me: { sides, moves: PILOT_MOVE_NAMES.filter((m) => mayMove(m, p, sides, manager)) },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

async function pilotRow(ex: Executor, id: string, lock = false): Promise<PilotRow> {
  const q = ex.select().from(pilots).where(eq(pilots.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

/** The pilot, its site and the reader's sides; 404 to one who has no side of it. */
async function readable(ex: Executor, actor: Actor, id: string, lock = false) {
  const p = await pilotRow(ex, id, lock);
  const site = await siteRow(ex, p.siteId);
  const { sides, manager } = await sidesOf(ex, actor, p, site);
  if (!sides.length) throw notFound();
  return { p, site, sides, manager };
}

export async function getPilot(ctx: Ctx, id: string): Promise<PilotView> {
  const { p, site } = await readable(ctx.db, requireActor(ctx), id);
  return presentPilot(ctx.db, ctx.actor, p, site);
}

/** A page of pilot cards under a condition, in an order. */
async function pilotCards(
  ex: Executor,
  cond: SQL,
  order: SQL[],
  q: { page: number; pageSize: number },
): Promise<z.infer<typeof PilotsPage>> {
  const owner = sql<string>`(select short_name from organizations o where o.id = ${pilotSites.organizationId})`;
  const { items, total } = await pageOf(
    ex
      .select({
        p: pilots,
        siteName: pilotSites.name,
        siteOrg: pilotSites.organizationId,
        owner,
        org: organizations.shortName,
      })
      .from(pilots)
      .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
      .innerJoin(organizations, eq(organizations.id, pilots.organizationId))
      .where(cond)
      .orderBy(...order)
      .$dynamic(),
    ex
      .select({ n: count() })
      .from(pilots)
      .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
      .where(cond),
    q,
  );
  const cards: z.infer<typeof PilotCard>[] = items.map((i) => ({
    id: i.p.id,
    state: i.p.state,
    site: { id: i.p.siteId, name: i.siteName, organization: { id: i.siteOrg, shortName: i.owner } },
    organization: { id: i.p.organizationId, shortName: i.org },
    solution: i.p.solution,
    dateFrom: i.p.dateFrom,
    dateTo: i.p.dateTo,
    operatorAssisted: i.p.operatorAssisted,
    submittedAt: i.p.createdAt.toISOString(),
    updatedAt: i.p.updatedAt.toISOString(),
  }));
  return { items: cards, total, page: q.page, pageSize: q.pageSize };
}

/** The pilots the reader has a side of: their organizations' and their sites', scored by them; all for operators. */
export async function myPilots(ctx: Ctx, q: z.infer<typeof MyPilotsQuery>) {
  const actor = requireActor(ctx);
  const mine = sql`(select organization_id from memberships where user_id = ${actor.id})`;
  const where: SQL[] = [];
  if (!can(actor, "pilots.operate"))
    where.push(
      sql`(${pilots.organizationId} in ${mine} or ${pilotSites.organizationId} in ${mine} or ${pilots.expertId} = ${actor.id})`,
    );
  if (q.state?.length) where.push(inArray(pilots.state, q.state));
  const cond = where.length ? and(...where)! : sql`true`;
  return pilotCards(ctx.db, cond, [desc(pilots.updatedAt), asc(pilots.id)], q);
}

/** The applications waiting for the operator, the one applied longest ago first (the operator's queue). */
export function operatorQueue(ctx: Ctx, q: z.infer<typeof PilotQueueQuery>) {
  return pilotCards(
    ctx.db,
    inArray(pilots.state, [...OPERATOR_QUEUE_STATES]),
    [asc(pilots.createdAt), asc(pilots.id)],
    q,
  );
}

/** A company's successful pilots whose results it agreed to publish (its public page). */
export async function organizationPilots(ctx: Ctx, organizationId: string) {
  return { items: await published(ctx.db, eq(pilots.organizationId, organizationId), true) };
}

// ---------- pilots: writing ----------

const stateWord = (ctx: Ctx, state: PilotState) => t(ctx.locale, `pilots.state.${state}`);

const transition = (ctx: Ctx, move: string, state: PilotState) =>
  new AppError(409, "pilot-transition", {}, [], {
    detail: t(ctx.locale, `pilots.transition.${move}`, { state: stateWord(ctx, state) }),
  });

async function changed(ex: Executor, ctx: Ctx, id: string): Promise<never> {
  const p = await pilotRow(ex, id);
  throw new AppError(409, "pilot-changed", {}, [], { current: await presentPilot(ex, ctx.actor, p) });
}

function datesOf(from: string, to: string, field = "dateTo") {
  if (from > to) throw badRequest([{ field, key: "field.pilot.dates-order" }]);
}

/** The company's members and the site owner's managers (and the expert), but the one who acted. */
async function otherSide(ex: Executor, actor: Actor, p: PilotRow, site: SiteRow) {
  const ids = new Set([
    ...(await membersOf(ex, p.organizationId)).map((m) => m.userId),
    ...(await managerIds(ex, site.organizationId)),
  ]);
  if (actor) ids.delete(actor.id);
  return [...ids];
}

/**
 * A move of a pilot by the side the table names, at the version seen: the reader must have a side
 * (else 404), the version must be current (else 409 with the pilot as it is now), the state must allow
 * the move (409 "pilot-transition"), and the reader must be the side that makes it (403). One
 * conditional UPDATE on the id, version and state; the audit entry; the other side is told.
 */
async function movePilot(
  ctx: Ctx,
  id: string,
  version: number,
  move: PilotMove,
  prepare: (
    tx: Executor,
    p: PilotRow,
    site: SiteRow,
  ) => Promise<Partial<typeof pilots.$inferInsert>> | Partial<typeof pilots.$inferInsert>,
  audit: Record<string, unknown> = {},
  extra?: (tx: Executor, after: PilotRow, site: SiteRow) => Promise<void>,
): Promise<PilotView> {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const { p, site, sides, manager } = await readable(tx, actor, id, true);
    if (p.version !== version) await changed(tx, ctx, id);
    if (!canMovePilot(move, p.state, p.operatorAssisted)) throw transition(ctx, move, p.state);
    if (!mayMove(move, p, sides, manager)) throw new AppError(403, "forbidden");
    const set = await prepare(tx, p, site);
    const [after] = await tx
      .update(pilots)
      .set({
        ...set,
        state: PILOT_MOVES[move].to,
        version: sql`${pilots.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(pilots.id, id), eq(pilots.version, version), eq(pilots.state, p.state)))
      .returning();
    if (!after) return changed(tx, ctx, id);
    await writeAudit(tx, auditCtx(ctx), {
      action: `pilot.${move}`,
      entity: "pilot",
      entityId: id,
      before: { state: p.state, version: p.version },
      after: { state: after.state, version: after.version, ...audit },
    });
    if (extra) await extra(tx, after, site);
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: await otherSide(tx, actor, p, site),
        kind: PILOT_NOTIFICATION_KINDS.moved,
        data: { move, site: site.name, reason: after.rejectReason ?? null },
        link: `/pilots/${id}`,
      },
    ]);
    return presentPilot(tx, actor, after, site);
  });
  ctx.mailQueued();
  return view;
}

/** A member of an organization applies to test its solution at a site. */
export async function apply(ctx: Ctx, siteId: string, body: z.infer<typeof ApplyBody>): Promise<PilotView> {
  const actor = requireActor(ctx);
  datesOf(body.dateFrom, body.dateTo);
  const view = await ctx.db.transaction(async (tx) => {
    const site = await siteRow(tx, siteId);
    const access = await accessOf(tx, actor, body.organizationId);
    if (!can(actor, "pilots.apply", access)) throw refusal(404, body.organizationId, "pilots.apply");
    const { organizationId, ...content } = body;
    const [p] = await tx
      .insert(pilots)
      .values({ siteId, organizationId, authorId: actor.id, ...content })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot.apply",
      entity: "pilot",
      entityId: p!.id,
      after: { state: p!.state, siteId, organizationId, operatorAssisted: p!.operatorAssisted },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, site.organizationId)).filter((u) => u !== actor.id),
        kind: PILOT_NOTIFICATION_KINDS.applied,
        data: { site: site.name },
        link: `/pilots/${p!.id}`,
      },
      // the operators: an assisted application is theirs to take, a plain one waits for an expert
      {
        userIds: (await activeUserIdsWithRole(tx, "operator")).filter((u) => u !== actor.id),
        kind: PILOT_NOTIFICATION_KINDS.awaiting,
        data: { site: site.name, assisted: p!.operatorAssisted ? "assisted" : "plain" },
        link: `/pilots/${p!.id}`,
      },
    ]);
    return presentPilot(tx, actor, p!, site);
  });
  ctx.mailQueued();
  return view;
}

/** The operator takes an operator-assisted application (the intermediary's review). */
export const triage = (ctx: Ctx, id: string, version: number) =>
  movePilot(ctx, id, version, "triage", () => ({}));

/** The expert may not belong to the applying organization. */
async function assertNoConflict(ex: Executor, expertId: string, organizationId: string) {
  if ((await memberOrgIds(ex, expertId, [organizationId])).size)
    throw new AppError(409, "pilot-conflict-of-interest");
}

/** The operator assigns a registered expert (by e-mail) to score the innovativeness; the expert is told. */
export async function assign(ctx: Ctx, id: string, body: { expertEmail: string; version: number }) {
  let expertId = "";
  return movePilot(
    ctx,
    id,
    body.version,
    "assign",
    async (tx, p) => {
      const [u] = await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(
          and(
            sql`lower(${users.email}) = ${body.expertEmail.toLowerCase()}`,
            sql`${users.blockedAt} is null`,
            sql`${users.erasedAt} is null`,
          ),
        );
      if (u?.role !== "expert")
        throw badRequest([{ field: "expertEmail", key: "field.pilot.expert-unknown" }]);
      await assertNoConflict(tx, u.id, p.organizationId);
      expertId = u.id;
      return { expertId: u.id };
    },
    {},
    async (tx, after, site) => {
      await notifyAll(tx, ctx.config.publicUrl, [
        {
          userIds: [expertId],
          kind: PILOT_NOTIFICATION_KINDS.assigned,
          data: { site: site.name },
          link: `/pilots/${after.id}`,
        },
      ]);
    },
  );
}

/** The assigned expert scores novelty, readiness, effect and feasibility with a comment. */
export function score(ctx: Ctx, id: string, body: z.infer<typeof ScoreBody>) {
  const scores = Object.fromEntries(INNOVATION_CRITERIA.map((c) => [c, body[c]])) as Record<
    (typeof INNOVATION_CRITERIA)[number],
    number
  >;
  return movePilot(
    ctx,
    id,
    body.version,
    "score",
    async (tx, p) => {
      await assertNoConflict(tx, requireActor(ctx).id, p.organizationId);
      return { scores, scoreComment: body.comment, scoredAt: sql`now()` as never };
    },
    { scores },
  );
}

/** The site owner agrees with dates and conditions; a full site (agreed and running pilots) is refused. */
export function agree(ctx: Ctx, id: string, body: z.infer<typeof AgreeBody>) {
  datesOf(body.dateFrom, body.dateTo);
  return movePilot(
    ctx,
    id,
    body.version,
    "agree",
    async (tx, _p, site) => {
      const locked = await siteRow(tx, site.id, true);
      const busy = await busyOf(tx, site.id);
      if (busy >= locked.capacity)
        throw new AppError(409, "pilot-capacity", {}, [], {
          detail: t(ctx.locale, "pilots.capacity", { capacity: locked.capacity }),
        });
      return { agreedFrom: body.dateFrom, agreedTo: body.dateTo, agreedConditions: body.conditions };
    },
    { dateFrom: body.dateFrom, dateTo: body.dateTo },
  );
}

export const start = (ctx: Ctx, id: string, version: number) =>
  movePilot(ctx, id, version, "start", () => ({}));

/** The site owner completes the pilot with its result (the feedback letter is uploaded as a file). */
export function complete(ctx: Ctx, id: string, body: z.infer<typeof CompleteBody>) {
  return movePilot(
    ctx,
    id,
    body.version,
    "complete",
    () => ({ success: body.success, measuredEffect: body.measuredEffect, completedAt: sql`now()` as never }),
    { success: body.success },
  );
}

/** The holder of the review step rejects with a reason. */
export function reject(ctx: Ctx, id: string, body: { reason: string; version: number }) {
  return movePilot(
    ctx,
    id,
    body.version,
    "reject",
    (_tx, p) => ({ rejectReason: body.reason, rejectedAt: p.state }),
    { reason: body.reason },
  );
}

export const withdraw = (ctx: Ctx, id: string, version: number) =>
  movePilot(ctx, id, version, "withdraw", () => ({}));

// ---------- milestones and files ----------

/** The pilot locked for a running pilot's work by the company or the site owner's managers (404 / 403 / 409). */
async function workable(tx: Executor, ctx: Ctx, id: string, who: readonly ("company" | "owner")[]) {
  const r = await readable(tx, requireActor(ctx), id, true);
  const ok = (who.includes("company") && r.sides.includes("company")) || (who.includes("owner") && r.manager);
  if (!ok) throw new AppError(403, "forbidden");
  return r;
}

export async function addMilestone(ctx: Ctx, id: string, body: z.infer<typeof MilestoneBody>) {
  return ctx.db.transaction(async (tx) => {
    const { p, site } = await workable(tx, ctx, id, ["company", "owner"]);
    if (!["agreed", "running"].includes(p.state)) throw transition(ctx, "milestone", p.state);
    const [m] = await tx
      .insert(pilotMilestones)
      .values({ pilotId: id, title: body.title, due: body.due })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot.milestone_add",
      entity: "pilot",
      entityId: id,
      after: { milestone: m!.id, title: m!.title, due: m!.due },
    });
    return presentPilot(tx, ctx.actor, p, site);
  });
}

export async function setMilestoneDone(ctx: Ctx, id: string, milestoneId: string, done: boolean) {
  return ctx.db.transaction(async (tx) => {
    const { p, site } = await workable(tx, ctx, id, ["company", "owner"]);
    if (!["agreed", "running"].includes(p.state)) throw transition(ctx, "milestone", p.state);
    const [m] = await tx
      .update(pilotMilestones)
      .set({ doneAt: done ? sql`coalesce(${pilotMilestones.doneAt}, now())` : null })
      .where(and(eq(pilotMilestones.id, milestoneId), eq(pilotMilestones.pilotId, id)))
      .returning();
    if (!m) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot.milestone_done",
      entity: "pilot",
      entityId: id,
      after: { milestone: milestoneId, done },
    });
    return presentPilot(tx, ctx.actor, p, site);
  });
}

/** Who uploads a kind of file, and when: the company's reports while running; the owner's letter when running or completed. */
const UPLOADS: Record<PilotFileKind, { who: "company" | "owner"; states: readonly PilotState[] }> = {
  report: { who: "company", states: ["running"] },
  letter: { who: "owner", states: ["running", "completed"] },
};

/** Refuses one who may not upload this kind now, before the upload is read. */
export async function assertUploader(ctx: Ctx, id: string, kind: PilotFileKind) {
  const { p } = await workable(ctx.db, ctx, id, [UPLOADS[kind].who]);
  if (!UPLOADS[kind].states.includes(p.state)) throw transition(ctx, `file.${kind}`, p.state);
}

/** Stores a report or the feedback letter and attaches it to the pilot (audited; the other side is told). */
export async function uploadFile(
  ctx: Ctx,
  id: string,
  kind: PilotFileKind,
  upload: { stream: import("node:stream").Readable; fileName?: string },
) {
  const actor = requireActor(ctx);
  await assertUploader(ctx, id, kind);
  const f = await storeUpload(ctx.db, ctx.storage, {
    purpose: PILOT_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  const view = await ctx.db.transaction(async (tx) => {
    const { p, site } = await workable(tx, ctx, id, [UPLOADS[kind].who]);
    if (!UPLOADS[kind].states.includes(p.state)) throw transition(ctx, `file.${kind}`, p.state);
    await attachFile(tx, { id: f.id, purpose: PILOT_FILES, uploadedBy: actor.id });
    await tx.insert(pilotFiles).values({ pilotId: id, fileId: f.id, kind });
    await writeAudit(tx, auditCtx(ctx), {
      action: `pilot.file_${kind}`,
      entity: "pilot",
      entityId: id,
      after: { file: f.id, name: f.originalName, size: f.size },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: await otherSide(tx, actor, p, site),
        kind: PILOT_NOTIFICATION_KINDS.file,
        data: { kind, site: site.name },
        link: `/pilots/${id}`,
      },
    ]);
    return presentPilot(tx, actor, p, site);
  });
  ctx.mailQueued();
  return view;
}

/**
 * A pilot's file for its readers; the feedback letter of a completed pilot whose result is published
 * for anyone (it is shown with the result).
 */
export async function pilotFile(ctx: Ctx, id: string, fileId: string): Promise<StoredFile> {
  const p = await pilotRow(ctx.db, id);
  const [link] = await ctx.db
    .select()
    .from(pilotFiles)
    .where(and(eq(pilotFiles.pilotId, id), eq(pilotFiles.fileId, fileId)));
  if (!link) throw notFound();
  const open = link.kind === "letter" && p.state === "completed" && p.publishResult;
  if (!open) await readable(ctx.db, ctx.actor, id);
  const f = await findFile(ctx.db, fileId);
  if (!f) throw notFound();
  return f;
}

// ---------- a challenge's winner ----------

/** The challenge's owner checks the challenge may be managed by the actor (else 404). */
async function manageChallenge(ex: Executor, actor: NonNullable<Actor>, challengeId: string) {
  const challenge = await challengeRow(ex, challengeId);
  const access = await accessOf(ex, actor, challenge.organizationId);
  if (!can(actor, "challenges.manage", access))
    throw refusal(404, challenge.organizationId, "challenges.manage");
  return challenge;
}

/**
 * The pilots started for a challenge's submissions (its winners), for its owner's evaluation page: a
 * winner with a pilot shows it instead of "Start a pilot".
 */
export async function winnerPilots(ctx: Ctx, challengeId: string) {
  const actor = requireActor(ctx);
  await manageChallenge(ctx.db, actor, challengeId);
  const ids = await submissionIdsOf(ctx.db, challengeId);
  if (ids.length === 0) return { items: [] };
  const list = await ctx.db
    .select({
      submissionId: pilots.challengeSubmissionId,
      id: pilots.id,
      state: pilots.state,
      siteId: pilotSites.id,
      siteName: pilotSites.name,
    })
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .where(inArray(pilots.challengeSubmissionId, ids))
    .orderBy(asc(pilots.createdAt));
  return {
    items: list.map((p) => ({
      submissionId: p.submissionId!,
      pilot: { id: p.id, state: p.state, site: { id: p.siteId, name: p.siteName } },
    })),
  };
}

/**
 * A challenge's winner becomes a pilot application at a site, linked by the submission (one pilot per
 * submission: 409 "pilot-winner-started"). The challenge's owner acts (its owner or admin, an operator);
 * the submission must be decided a winner. It starts at `site_review`: the challenge's experts already
 * scored the solution, so the site owner reviews it next. Both sides are told.
 */
export async function startPilotForWinner(
  ctx: Ctx,
  body: z.infer<typeof WinnerPilotBody>,
): Promise<PilotView> {
  const actor = requireActor(ctx);
  datesOf(body.dateFrom, body.dateTo);
  const view = await ctx.db.transaction(async (tx) => {
    const challenge = await manageChallenge(tx, actor, body.challengeId);
    const sub = await winnerSubmission(tx, body.challengeId, body.submissionId);
    if (!sub) throw notFound();
    if (sub.decision !== "winner") throw new AppError(409, "pilot-not-winner");
    // A pilot is a company's: a team's winner tied to no organization registers or ties one first.
    const organizationId = sub.organizationId ?? sub.teamOrganizationId;
    if (!organizationId) throw new AppError(409, "pilot-winner-no-organization");
    const site = await siteRow(tx, body.siteId);
    const [started] = await tx
      .select({ id: pilots.id })
      .from(pilots)
      .where(eq(pilots.challengeSubmissionId, sub.id));
    if (started) throw new AppError(409, "pilot-winner-started");
    let p: PilotRow | undefined;
    try {
      [p] = await tx
        .insert(pilots)
        .values({
          siteId: site.id,
          organizationId,
          authorId: actor.id,
          state: "site_review",
          solution: sub.solution,
          trl: sub.trl,
          expectedEffect: body.expectedEffect,
          team: body.team,
          needs: body.needs,
          dateFrom: body.dateFrom,
          dateTo: body.dateTo,
          publishResult: body.publishResult,
          challengeSubmissionId: sub.id,
        })
        .returning();
    } catch (e) {
      if (isUniqueViolation(e, "pilots_challenge_submission_uq"))
        throw new AppError(409, "pilot-winner-started");
      throw e;
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "pilot.winner",
      entity: "pilot",
      entityId: p!.id,
      after: { state: p!.state, siteId: site.id, challengeId: body.challengeId, submissionId: sub.id },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: await otherSide(tx, actor, p!, site),
        kind: PILOT_NOTIFICATION_KINDS.winner,
        data: { site: site.name, title: challenge.titleRu },
        link: `/pilots/${p!.id}`,
      },
    ]);
    return presentPilot(tx, actor, p!, site);
  });
  ctx.mailQueued();
  return view;
}
