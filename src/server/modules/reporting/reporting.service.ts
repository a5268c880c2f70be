// Participants' yearly KPI reports (src/shared/kpiReports.ts): the operator's campaigns with their due
// moment, the obliged organizations' reports (filled and submitted by their owner or admin, returned or
// accepted by the operator), the operator's table, and the cabinet's pending reports. One transaction per
// use case, audited inside it; every change names the version seen (stale: 409 with the record now).
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { clusterInstant, clusterLocal } from "../../../shared/clock.js";
import {
  figureIssues,
  figureWarnings,
  isKpiEditable,
  KPI_EDITABLE_STATES,
  KPI_FIGURES,
  KPI_REPORT_STATES,
  type KpiFigures,
  type KpiReportState,
  missingFigures,
} from "../../../shared/kpiReports.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, isUniqueViolation, likePattern, pageOf, rows } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { can } from "../../core/policy.js";
import { notify, notifyAll } from "../notifications/notifications.service.js";
import { accessOf, assertNotOwnOrganization, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import type {
  CampaignBody,
  CampaignDueBody,
  DecisionBody,
  FiguresBody,
  KpiCampaign,
  KpiReport,
  ReportsQuery,
} from "./reporting.contract.js";
import { KPI_NOTIFICATION_KINDS } from "./reporting.notifications.js";
import { kpiCampaigns, kpiReports } from "./reporting.schema.js";

type CampaignView = z.infer<typeof KpiCampaign>;
type ReportView = z.infer<typeof KpiReport>;
type CampaignRow = typeof kpiCampaigns.$inferSelect;

export const defaultTitle = (year: number) => `Отчётность участников кластера за ${year} год`;

/** The link of a report's page (notifications, the cabinet). */
export const reportLink = (id: string) => `/cabinet/reports/${id}`;

/** A due moment as people read it in notifications: DD.MM.YYYY HH:MM, Moscow time. */
export const dueText = (at: Date) => {
  const [d, time] = clusterLocal(at).split("T");
  const [y, m, day] = d!.split("-");
  return `${day}.${m}.${y} ${time}`;
};

// ---------- campaigns ----------

async function countsOf(ex: Executor, campaignIds: string[]) {
  const out = new Map<string, Record<KpiReportState, number>>();
  for (const id of campaignIds)
    out.set(id, Object.fromEntries(KPI_REPORT_STATES.map((s) => [s, 0])) as Record<KpiReportState, number>);
  if (!campaignIds.length) return out;
  const list = await ex
    .select({ campaignId: kpiReports.campaignId, state: kpiReports.state, n: sql<number>`count(*)::int` })
    .from(kpiReports)
    .where(inArray(kpiReports.campaignId, campaignIds))
    .groupBy(kpiReports.campaignId, kpiReports.state);
  for (const r of list) out.get(r.campaignId)![r.state] = Number(r.n);
  return out;
}

const campaignView = (c: CampaignRow, counts: Record<KpiReportState, number>): CampaignView => ({
  id: c.id,
  year: c.year,
  titleRu: c.titleRu,
  dueAt: c.dueAt.toISOString(),
  dueLocal: clusterLocal(c.dueAt),
  createdAt: c.createdAt.toISOString(),
  version: c.version,
  counts,
  total: Object.values(counts).reduce((a, b) => a + b, 0),
});

async function campaignOf(ex: Executor, id: string, lock = false) {
  const q = ex.select().from(kpiCampaigns).where(eq(kpiCampaigns.id, id));
  const [c] = lock ? await q.for("update") : await q;
  if (!c) throw notFound();
  return c;
}

async function campaignViewOf(ex: Executor, id: string) {
  const c = await campaignOf(ex, id);
  return campaignView(c, (await countsOf(ex, [id])).get(id)!);
}

/** A Moscow local time as a moment, refused as a field error when it does not exist or has passed. */
function dueMoment(local: string): Date {
  const at = clusterInstant(local);
  if (!at) throw badRequest([{ field: "dueAt", key: "field.kpi.due-format" }]);
  if (at.getTime() <= now().getTime()) throw badRequest([{ field: "dueAt", key: "field.kpi.due-past" }]);
  return at;
}

/** The owners and admins of these organizations, each once. */
async function managersOfMany(ex: Executor, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const list = await ex
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.organizationId, organizationIds),
        inArray(memberships.role, ["owner", "admin"]),
      ),
    );
  return list.map((m) => m.userId);
}

/**
 * The operator opens a campaign for a year: every organization holding the participant status now
 * (suspended or not) gets a report to fill, "not started", and its owner and admins are told. One
 * campaign a year (409 "kpi-campaign-exists").
 */
export async function openCampaign(ctx: Ctx, body: z.infer<typeof CampaignBody>) {
  const actor = requireActor(ctx);
  const dueAt = dueMoment(body.dueAt);
  const titleRu = body.titleRu ?? defaultTitle(body.year);
  const out = await ctx.db
    .transaction(async (tx) => {
      const [c] = await tx
        .insert(kpiCampaigns)
        .values({ year: body.year, titleRu, dueAt, openedBy: actor.id })
        .returning();
      const obliged = await rows<{ organization_id: string }>(
        tx,
        sql`insert into kpi_reports (campaign_id, organization_id)
            select ${c!.id}, o.id from organizations o where o.status = 'participant'
            returning organization_id`,
      );
      const orgIds = obliged.map((o) => o.organization_id);
      await writeAudit(tx, auditCtx(ctx), {
        action: "kpi.campaign_open",
        entity: "kpi_campaign",
        entityId: c!.id,
        after: { year: c!.year, titleRu, dueAt: dueAt.toISOString(), obliged: orgIds.length },
      });
      await notify(tx, ctx.config.publicUrl, {
        userIds: (await managersOfMany(tx, orgIds)).filter((u) => u !== actor.id),
        kind: KPI_NOTIFICATION_KINDS.opened,
        data: { campaign: titleRu, due: dueText(dueAt), year: c!.year },
        link: "/cabinet/reports",
      });
      return campaignViewOf(tx, c!.id);
    })
    .catch((e) => {
      if (isUniqueViolation(e, "kpi_campaigns_year_key"))
        throw new AppError(409, "kpi-campaign-exists", { year: body.year });
      throw e;
    });
  ctx.mailQueued();
  return out;
}

/** The operator moves a campaign's due moment (naming the version seen; stale: 409 with the campaign now). */
export async function moveDue(ctx: Ctx, id: string, body: z.infer<typeof CampaignDueBody>) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await campaignOf(tx, id, true);
    if (c.version !== body.version)
      throw new AppError(409, "kpi-campaign-changed", {}, [], { current: await campaignViewOf(tx, id) });
    const dueAt = dueMoment(body.dueAt);
    await tx
      .update(kpiCampaigns)
      .set({ dueAt, version: sql`${kpiCampaigns.version} + 1`, updatedAt: sql`now()` })
      .where(eq(kpiCampaigns.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "kpi.campaign_due",
      entity: "kpi_campaign",
      entityId: id,
      before: { dueAt: c.dueAt.toISOString(), version: c.version },
      after: { dueAt: dueAt.toISOString() },
    });
    return campaignViewOf(tx, id);
  });
}

/** Every campaign, the latest year first, with its counts per state. */
export async function listCampaigns(ctx: Ctx) {
  const list = await ctx.db.select().from(kpiCampaigns).orderBy(desc(kpiCampaigns.year));
  const counts = await countsOf(
    ctx.db,
    list.map((c) => c.id),
  );
  return { items: list.map((c) => campaignView(c, counts.get(c.id)!)) };
}

export const getCampaign = (ctx: Ctx, id: string) => campaignViewOf(ctx.db, id);

// ---------- reports ----------

const selection = {
  r: kpiReports,
  c: {
    id: kpiCampaigns.id,
    year: kpiCampaigns.year,
    titleRu: kpiCampaigns.titleRu,
    dueAt: kpiCampaigns.dueAt,
  },
  o: { id: organizations.id, shortName: organizations.shortName, inn: organizations.inn },
};

function reportQuery(ex: Executor, where: SQL) {
  return ex
    .select(selection)
    .from(kpiReports)
    .innerJoin(kpiCampaigns, eq(kpiCampaigns.id, kpiReports.campaignId))
    .innerJoin(organizations, eq(organizations.id, kpiReports.organizationId))
    .where(where)
    .$dynamic();
}

type Selected = Awaited<ReturnType<typeof reportQuery>>[number];

const figuresOf = (r: Pick<typeof kpiReports.$inferSelect, (typeof KPI_FIGURES)[number]>): KpiFigures => ({
  revenue: r.revenue,
  headcount: r.headcount,
  rndSpending: r.rndSpending,
  exportRevenue: r.exportRevenue,
  patentsFiled: r.patentsFiled,
});

function view(s: Selected, me: ReportView["me"]): ReportView {
  const f = figuresOf(s.r);
  return {
    id: s.r.id,
    state: s.r.state,
    campaign: { id: s.c.id, year: s.c.year, titleRu: s.c.titleRu, dueAt: s.c.dueAt.toISOString() },
    organization: s.o,
    ...f,
    warnings: figureWarnings(f),
    submittedAt: s.r.submittedAt?.toISOString() ?? null,
    decidedAt: s.r.decidedAt?.toISOString() ?? null,
    returnReason: s.r.returnReason,
    updatedAt: s.r.updatedAt.toISOString(),
    version: s.r.version,
    me,
  };
}

const operatorMe = (s: Selected) => ({ fill: false, decide: s.r.state === "submitted" });

/** A report for one who may read it (members of its organization, operators); anyone else: 404. */
async function readable(ex: Executor, ctx: Ctx, id: string, lock = false) {
  const q = reportQuery(ex, eq(kpiReports.id, id));
  const [s] = lock ? await q.for("update", { of: kpiReports }) : await q;
  if (!s) throw notFound();
  const access = await accessOf(ex, ctx.actor, s.r.organizationId);
  if (!can(ctx.actor, "kpi.read", access)) throw refusal(404, s.r.organizationId, "kpi.read");
  const fill = can(ctx.actor, "kpi.fill", access) && isKpiEditable(s.r.state);
  const decide = can(ctx.actor, "operator.kpi.manage") && s.r.state === "submitted";
  return { s, access, me: { fill, decide } };
}

export async function getReport(ctx: Ctx, id: string) {
  const { s, me } = await readable(ctx.db, ctx, id);
  return view(s, me);
}

/** The reports of the reader's organizations, the latest campaign first. */
export async function myReports(ctx: Ctx) {
  const actor = requireActor(ctx);
  const list = await reportQuery(
    ctx.db,
    sql`${kpiReports.organizationId} in (select organization_id from memberships where user_id = ${actor.id})`,
  ).orderBy(desc(kpiCampaigns.year), asc(organizations.shortName));
  const roles = new Map(
    (
      await ctx.db
        .select({ organizationId: memberships.organizationId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, actor.id))
    ).map((m) => [m.organizationId, m.role]),
  );
  return {
    items: list.map((s) =>
      view(s, {
        fill:
          can(ctx.actor, "kpi.fill", { role: roles.get(s.r.organizationId) ?? null }) &&
          isKpiEditable(s.r.state),
        decide: false,
      }),
    ),
  };
}

/** The figures given, checked with the shared rules: every bad field answered at once. */
function checkedFigures(body: z.infer<typeof FiguresBody>, submit: boolean): KpiFigures {
  const f = Object.fromEntries(KPI_FIGURES.map((k) => [k, body[k] ?? null])) as KpiFigures;
  const fields: FieldError[] = figureIssues(f).map((i) => ({ field: i.field, key: `field.kpi.${i.code}` }));
  if (submit)
    for (const k of missingFigures(f))
      if (!fields.some((e) => e.field === k)) fields.push({ field: k, key: "field.kpi.required" });
  if (fields.length) throw badRequest(fields);
  return f;
}

/** The report locked for its owner or admin while editable (others who may read it: 409 / 404). */
async function editable(tx: Executor, ctx: Ctx, id: string, version: number) {
  const r = await readable(tx, ctx, id, true);
  if (!can(ctx.actor, "kpi.fill", r.access)) throw refusal(404, r.s.r.organizationId, "kpi.fill");
  if (r.s.r.version !== version || !isKpiEditable(r.s.r.state))
    throw new AppError(409, "kpi-report-changed", {}, [], { current: view(r.s, r.me) });
  return r.s;
}

async function reportView(ex: Executor, ctx: Ctx, id: string) {
  const { s, me } = await readable(ex, ctx, id);
  return view(s, me);
}

/**
 * Saves the figures as they are (any may be empty): a report not started becomes a draft; a returned
 * one stays returned (with its reason) until submitted again.
 */
export async function saveDraft(ctx: Ctx, id: string, body: z.infer<typeof FiguresBody>) {
  const actor = requireActor(ctx);
  const f = checkedFigures(body, false);
  return ctx.db.transaction(async (tx) => {
    const s = await editable(tx, ctx, id, body.version);
    const state: KpiReportState = s.r.state === "returned" ? "returned" : "draft";
    await tx
      .update(kpiReports)
      .set({
        ...f,
        state,
        editedBy: actor.id,
        version: sql`${kpiReports.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(kpiReports.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "kpi.report_save",
      entity: "kpi_report",
      entityId: id,
      before: { state: s.r.state, ...figuresOf(s.r) },
      after: { state, ...f, organization: s.r.organizationId },
    });
    return reportView(tx, ctx, id);
  });
}

/** Submits the report with these figures (all required): read-only until the operator returns it. */
export async function submitReport(ctx: Ctx, id: string, body: z.infer<typeof FiguresBody>) {
  const actor = requireActor(ctx);
  const f = checkedFigures(body, true);
  return ctx.db.transaction(async (tx) => {
    const s = await editable(tx, ctx, id, body.version);
    await tx
      .update(kpiReports)
      .set({
        ...f,
        state: "submitted",
        editedBy: actor.id,
        submittedBy: actor.id,
        submittedAt: sql`now()`,
        version: sql`${kpiReports.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(kpiReports.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "kpi.report_submit",
      entity: "kpi_report",
      entityId: id,
      before: { state: s.r.state, ...figuresOf(s.r) },
      after: { state: "submitted", ...f, organization: s.r.organizationId },
    });
    return reportView(tx, ctx, id);
  });
}

/**
 * The operator accepts a submitted report or returns it with what is incomplete; the organization's
 * owner and admins are told. Only a submitted report at the version seen: the loser of two decisions
 * gets 409 with the report now. An operator does not decide on their own organization's report.
 */
export async function decideReport(ctx: Ctx, id: string, body: z.infer<typeof DecisionBody>) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const { s, me } = await readable(tx, ctx, id, true);
    if (s.r.version !== body.version || s.r.state !== "submitted")
      throw new AppError(409, "kpi-report-changed", {}, [], { current: view(s, me) });
    const accept = body.decision === "accept";
    if (!accept && !body.reason) throw badRequest([{ field: "reason", key: "field.kpi.reason-required" }]);
    await assertNotOwnOrganization(tx, actor, [s.r.organizationId]);
    const state: KpiReportState = accept ? "accepted" : "returned";
    await tx
      .update(kpiReports)
      .set({
        state,
        returnReason: accept ? null : body.reason!,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        version: sql`${kpiReports.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(kpiReports.id, id), eq(kpiReports.version, body.version)));
    await writeAudit(tx, auditCtx(ctx), {
      action: accept ? "kpi.report_accept" : "kpi.report_return",
      entity: "kpi_report",
      entityId: id,
      before: { state: s.r.state, version: s.r.version },
      after: { state, reason: accept ? null : body.reason, organization: s.r.organizationId },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, s.r.organizationId)).filter((u) => u !== actor.id),
        kind: accept ? KPI_NOTIFICATION_KINDS.accepted : KPI_NOTIFICATION_KINDS.returned,
        data: { campaign: s.c.titleRu, year: s.c.year, reason: body.reason ?? null },
        link: reportLink(id),
      },
    ]);
    return reportView(tx, ctx, id);
  });
  ctx.mailQueued();
  return out;
}

// ---------- the operator's table and its export ----------

function tableWhere(campaignId: string, q: { state?: KpiReportState; q?: string }) {
  const where: SQL[] = [eq(kpiReports.campaignId, campaignId)];
  if (q.state) where.push(eq(kpiReports.state, q.state));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(ilike(organizations.shortName, p), ilike(organizations.fullName, p), eq(organizations.inn, q.q))!,
    );
  }
  return and(...where)!;
}

/**
 * The campaign's table: every obliged organization with its report's state and figures, filtered by
 * state and by a name or INN; the reports waiting for a decision first (the earliest submitted), then
 * by name.
 */
export async function reportsTable(ctx: Ctx, campaignId: string, q: z.infer<typeof ReportsQuery>) {
  await campaignOf(ctx.db, campaignId);
  const where = tableWhere(campaignId, q);
  const { items, total } = await pageOf(
    reportQuery(ctx.db, where).orderBy(
      sql`(${kpiReports.state} = 'submitted') desc`,
      asc(kpiReports.submittedAt),
      asc(organizations.shortName),
      asc(kpiReports.id),
    ),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(kpiReports)
      .innerJoin(organizations, eq(organizations.id, kpiReports.organizationId))
      .where(where),
    q,
  );
  return { items: items.map((s) => view(s, operatorMe(s))), total, page: q.page, pageSize: q.pageSize };
}

export const EXPORT_COLUMNS = [
  "organization",
  "inn",
  "state",
  "submittedAt",
  ...KPI_FIGURES,
  "warnings",
  "returnReason",
] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * The table for a spreadsheet, in the reader's language: a header row of column names, then one row per
 * obliged organization (all of them, or those in a state), by name. Figures as numbers; dates as Moscow
 * local time.
 */
export async function exportRows(ctx: Ctx, campaignId: string, state?: KpiReportState) {
  const c = await campaignOf(ctx.db, campaignId);
  const list = await reportQuery(ctx.db, tableWhere(campaignId, { state })).orderBy(
    asc(organizations.shortName),
    asc(kpiReports.id),
  );
  const l = ctx.locale;
  const headers = Object.fromEntries(EXPORT_COLUMNS.map((k) => [k, t(l, `kpi.export.${k}`)])) as Record<
    ExportColumn,
    string
  >;
  const data = list.map((s) => {
    const f = figuresOf(s.r);
    const row: Record<ExportColumn, string | number | null> = {
      organization: s.o.shortName,
      inn: s.o.inn,
      state: t(l, `kpi.state.${s.r.state}`),
      submittedAt: s.r.submittedAt ? clusterLocal(s.r.submittedAt).replace("T", " ") : null,
      ...f,
      warnings: figureWarnings(f)
        .map((w) => t(l, `kpi.warning.${w}`))
        .join("; "),
      returnReason: s.r.returnReason,
    };
    return row;
  });
  return { campaign: c, headers, data };
}

// ---------- the cabinet ----------

/**
 * The reports still to submit of these organizations (not started, draft or returned), for their owner
 * and admins' cabinet: the nearest due first.
 */
export async function pendingReports(ex: Executor, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const list = await reportQuery(
    ex,
    and(
      inArray(kpiReports.organizationId, organizationIds),
      inArray(kpiReports.state, [...KPI_EDITABLE_STATES]),
    )!,
  ).orderBy(asc(kpiCampaigns.dueAt), asc(organizations.shortName));
  return list.map((s) => ({
    id: s.r.id,
    state: s.r.state,
    year: s.c.year,
    dueAt: s.c.dueAt.toISOString(),
    organization: { id: s.o.id, shortName: s.o.shortName },
  }));
}

// ---------- the operator's desk ----------

/**
 * Submitted reports waiting for the operator's decision, of every campaign, the earliest submitted first
 * (the desk's queue: its count and the one waiting longest).
 */
export async function decisionQueue(ctx: Ctx, q: { page: number; pageSize: number }) {
  const where = eq(kpiReports.state, "submitted");
  const { items, total } = await pageOf(
    reportQuery(ctx.db, where).orderBy(asc(kpiReports.submittedAt), asc(kpiReports.id)),
    countRows(ctx.db, kpiReports, where),
    q,
  );
  return { items: items.map((s) => view(s, operatorMe(s))), total };
}
