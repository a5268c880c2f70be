import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { clusterDate } from "../../../shared/clock.js";
import { addDays } from "../../../shared/dates.js";
import { GRANT_REPORT_OPEN, type GrantReportReminder, grantReportReminder } from "../../../shared/grants.js";
import { writeAudit } from "../../core/audit.js";
import { now as clockNow } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Db, Executor } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { activeUserIdsWithRole } from "../accounts/accounts.service.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { organizations } from "../organizations/organizations.schema.js";
import { moveApplication } from "./grants.decisions.service.js";
import { GRANT_NOTIFICATION_KINDS } from "./grants.notifications.js";
import type { GrantReports, RefundBody, ReportBody, ReportDecisionBody } from "./grants.reports.contract.js";
import { grantApplications, grantReportRemindersSent, grantReports } from "./grants.schema.js";
import { type AppRow, event, readable } from "./grants.service.js";

/*
 * A paid grant's yearly reports (src/shared/grants.ts, `grantReportDue`): the payment schedules one per
 * KPI year the application committed to. The organization's owner or admin submits the actual figures of
 * a due (or returned) report — the first submission moves the application from paid to reporting; the
 * operator accepts it or returns it with a reason. When every report is accepted the operator closes the
 * grant, or records the refund required (kopecks, at most the amount paid) with the reason. Each step is
 * one transaction with the report's version (stale: 409 "grant-report-changed" with the reports as they
 * are now), the timeline's dated step, the audit entry and the notices. A daily job reminds the
 * applicant 30 and 7 days before a report's due day, once per report, reminder and due day.
 */

type ReportRow = typeof grantReports.$inferSelect;
type ReportsView = z.infer<typeof GrantReports>;

const isManager = async (ex: Executor, ctx: Ctx, a: AppRow) =>
  can(ctx.actor, "grants.apply", await accessOf(ex, ctx.actor, a.organizationId));

export async function reportsView(ctx: Ctx, ex: Executor, id: string): Promise<ReportsView> {
  const [a] = await ex.select().from(grantApplications).where(eq(grantApplications.id, id));
  if (!a) throw notFound();
  const rows = await ex
    .select()
    .from(grantReports)
    .where(eq(grantReports.applicationId, id))
    .orderBy(asc(grantReports.year));
  const today = clusterDate();
  const plan = new Map(a.kpis.map((k) => [k.year, k]));
  return {
    applicationId: a.id,
    state: a.state,
    version: a.version,
    paid: a.paidOn ? a.approved : null,
    paidOn: a.paidOn,
    refund: a.refund,
    refundReason: a.state === "refund_required" ? a.reason : null,
    reports: rows.map((r) => {
      const p = plan.get(r.year);
      return {
        id: r.id,
        year: r.year,
        dueOn: r.dueOn,
        state: r.state,
        overdue: GRANT_REPORT_OPEN.includes(r.state) && r.dueOn < today,
        plan: p ? { revenue: p.revenue, jobs: p.jobs, output: p.output } : null,
        actual: r.revenue == null ? null : { revenue: r.revenue, jobs: r.jobs ?? 0, output: r.output ?? 0 },
        reason: r.reason,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        version: r.version,
      };
    }),
    me: {
      submit: await isManager(ex, ctx, a),
      decide: can(ctx.actor, "operator.grants.decide"),
    },
  };
}

/** The application's reports with the plan, for its managers and operators (else 404). */
export async function listReports(ctx: Ctx, id: string) {
  await readable(ctx.db, ctx, id);
  return reportsView(ctx, ctx.db, id);
}

/** Locks the report and its application; the report's version must be current. */
async function lockedReport(tx: Executor, ctx: Ctx, reportId: string, version: number) {
  const [r] = await tx.select().from(grantReports).where(eq(grantReports.id, reportId)).for("update");
  if (!r) throw notFound();
  const a = await readable(tx, ctx, r.applicationId, true);
  const stale = async () =>
    new AppError(409, "grant-report-changed", {}, [], {
      current: await reportsView(ctx, tx, r.applicationId),
    });
  return { r, a, stale, fresh: r.version === version };
}

async function updateReport(tx: Executor, r: ReportRow, set: Partial<typeof grantReports.$inferInsert>) {
  await tx
    .update(grantReports)
    .set({ ...set, version: sql`${grantReports.version} + 1`, updatedAt: sql`now()` })
    .where(eq(grantReports.id, r.id));
}

const audit = (tx: Executor, ctx: Ctx, action: string, r: ReportRow, after: Record<string, unknown>) =>
  writeAudit(tx, auditCtx(ctx), {
    action: `grant.report_${action}`,
    entity: "grant_report",
    entityId: r.id,
    before: { state: r.state, version: r.version, revenue: r.revenue, jobs: r.jobs, output: r.output },
    after,
  });

/** The applicant submits a due or returned report's actual figures. */
export async function submitReport(ctx: Ctx, reportId: string, body: z.infer<typeof ReportBody>) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const { r, a, stale, fresh } = await lockedReport(tx, ctx, reportId, body.version);
    if (!(await isManager(tx, ctx, a))) throw refusal(404, a.organizationId, "grants.apply");
    if (!fresh || !GRANT_REPORT_OPEN.includes(r.state) || !["paid", "reporting"].includes(a.state))
      throw await stale();
    const figures = { revenue: body.revenue, jobs: body.jobs, output: body.output };
    await updateReport(tx, r, {
      ...figures,
      state: "submitted",
      reason: null,
      submittedAt: new Date(),
      submittedBy: actor.id,
    });
    if (a.state === "paid")
      await tx
        .update(grantApplications)
        .set({ state: "reporting", version: sql`${grantApplications.version} + 1`, updatedAt: sql`now()` })
        .where(eq(grantApplications.id, a.id));
    await event(tx, ctx, a.id, "report", "reporting", { year: r.year, ...figures });
    await audit(tx, ctx, "submit", r, { state: "submitted", ...figures });
    const [o] = await tx
      .select({ shortName: organizations.shortName })
      .from(organizations)
      .where(eq(organizations.id, a.organizationId));
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await activeUserIdsWithRole(tx, "operator")).filter((u) => u !== actor.id),
        kind: GRANT_NOTIFICATION_KINDS.reportSubmitted,
        data: { title: a.titleRu, organization: o?.shortName ?? "", year: r.year },
        link: `/grants/applications/${a.id}`,
      },
    ]);
    return reportsView(ctx, tx, a.id);
  });
  ctx.mailQueued();
  return out;
}

/** The operator accepts a submitted report or returns it with what to fix. */
export async function decideReport(ctx: Ctx, reportId: string, body: z.infer<typeof ReportDecisionBody>) {
  requireActor(ctx);
  if (body.decision === "return" && !body.reason)
    throw badRequest([{ field: "reason", key: "field.grant.reason-required" }]);
  const out = await ctx.db.transaction(async (tx) => {
    const { r, a, stale, fresh } = await lockedReport(tx, ctx, reportId, body.version);
    if (!fresh || r.state !== "submitted" || a.state !== "reporting") throw await stale();
    const state = body.decision === "accept" ? "accepted" : "returned";
    const reason = body.decision === "return" ? (body.reason ?? null) : null;
    await updateReport(tx, r, { state, reason, decidedAt: new Date() });
    await event(tx, ctx, a.id, `report_${body.decision}`, a.state, { year: r.year, reason });
    await audit(tx, ctx, body.decision, r, { state, reason });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, a.organizationId)).filter((u) => u !== ctx.actor?.id),
        kind: GRANT_NOTIFICATION_KINDS.reportDecided,
        data: { title: a.titleRu, year: r.year, decision: body.decision, reason },
        link: `/grants/applications/${a.id}`,
      },
    ]);
    return reportsView(ctx, tx, a.id);
  });
  ctx.mailQueued();
  return out;
}

async function allAccepted(tx: Executor, id: string) {
  const open = await tx
    .select({ id: grantReports.id })
    .from(grantReports)
    .where(and(eq(grantReports.applicationId, id), sql`${grantReports.state} <> 'accepted'`));
  if (open.length) throw new AppError(409, "grant-reports-open");
}

/** Every report accepted: the operator closes the grant. */
export async function closeGrant(ctx: Ctx, id: string, version: number) {
  await moveApplication(ctx, id, version, "close", async (tx) => {
    await allAccepted(tx, id);
    return {};
  });
  return reportsView(ctx, ctx.db, id);
}

/** Every report accepted and the KPIs missed: the refund required (at most the amount paid) and why. */
export async function requireRefund(ctx: Ctx, id: string, body: z.infer<typeof RefundBody>) {
  await moveApplication(ctx, id, body.version, "require_refund", async (tx, a) => {
    await allAccepted(tx, id);
    const paid = a.approved ?? 0;
    if (body.amount > paid)
      throw badRequest([{ field: "amount", key: "field.grant.refund-over-paid", params: { paid } }]);
    return {
      set: { refund: body.amount, reason: body.reason },
      note: { refund: body.amount, reason: body.reason },
      reason: body.reason,
    };
  });
  return reportsView(ctx, ctx.db, id);
}

// ---------- the cabinet ----------

/** A report shows in its organization's managers' cabinet from this many days before its due day. */
export const GRANT_REPORT_SOON_DAYS = 30;

/**
 * The yearly reports the organizations' paid grants owe (due or returned) whose due day is within
 * `GRANT_REPORT_SOON_DAYS` days or has passed, the nearest first: the cabinet of the organizations'
 * managers (the callers pass only the organizations the reader manages — the application is theirs).
 */
export async function reportsDueSoon(ex: Executor, organizationIds: string[], at = clockNow()) {
  if (!organizationIds.length) return [];
  const today = clusterDate(at);
  const rows = await ex
    .select({
      r: {
        id: grantReports.id,
        year: grantReports.year,
        dueOn: grantReports.dueOn,
        state: grantReports.state,
      },
      a: { id: grantApplications.id, titleRu: grantApplications.titleRu },
      o: { id: organizations.id, shortName: organizations.shortName },
    })
    .from(grantReports)
    .innerJoin(grantApplications, eq(grantApplications.id, grantReports.applicationId))
    .innerJoin(organizations, eq(organizations.id, grantApplications.organizationId))
    .where(
      and(
        inArray(grantApplications.organizationId, organizationIds),
        inArray(grantApplications.state, ["paid", "reporting"]),
        inArray(grantReports.state, [...GRANT_REPORT_OPEN]),
        lte(grantReports.dueOn, addDays(today, GRANT_REPORT_SOON_DAYS)),
      ),
    )
    .orderBy(asc(grantReports.dueOn), asc(grantReports.id));
  return rows.map(({ r, a, o }) => ({
    id: r.id,
    year: r.year,
    dueOn: r.dueOn,
    state: r.state,
    overdue: r.dueOn < today,
    application: { id: a.id, titleRu: a.titleRu },
    organization: o,
  }));
}

// ---------- the reminders job ----------

const dayText = (d: string) => d.split("-").reverse().join(".");

/**
 * To the applicant's owner and admins, 30 and 7 days before the due day of each report not yet
 * submitted (due or returned) of a paid grant, once per report, reminder and due day: the rows of
 * `grant_report_reminders_sent` are inserted first and only the reports whose row this run inserted
 * are told, so a second run (or a retry after a crash) tells nobody twice.
 */
export async function sendGrantReportReminders(db: Db, publicUrl: string, at = clockNow()) {
  const today = clusterDate(at);
  const sent: Record<GrantReportReminder, number> = { d30: 0, d7: 0 };
  const open = await db
    .select({ r: grantReports, title: grantApplications.titleRu, org: grantApplications.organizationId })
    .from(grantReports)
    .innerJoin(grantApplications, eq(grantApplications.id, grantReports.applicationId))
    .where(
      and(
        inArray(grantReports.state, [...GRANT_REPORT_OPEN]),
        inArray(grantApplications.state, ["paid", "reporting"]),
        sql`${grantReports.dueOn} >= ${today}`,
      ),
    );
  for (const { r, title, org } of open) {
    const reminder = grantReportReminder(today, r.dueOn);
    if (!reminder) continue;
    await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(grantReportRemindersSent)
        .values({ reportId: r.id, reminder, dueOn: r.dueOn })
        .onConflictDoNothing()
        .returning({ reportId: grantReportRemindersSent.reportId });
      if (!fresh.length) return;
      await notifyAll(tx, publicUrl, [
        {
          userIds: await managerIds(tx, org),
          kind: GRANT_NOTIFICATION_KINDS.reportReminder,
          data: { title, year: r.year, due: dayText(r.dueOn), reminder },
          link: `/grants/applications/${r.applicationId}`,
        },
      ]);
      sent[reminder] += 1;
    });
  }
  return sent;
}
