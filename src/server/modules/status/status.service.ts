import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Locale } from "../../../shared/constants.js";
import {
  type OrgStatus,
  orgStatusLabel,
  REQUESTABLE_STATUSES,
  statusOpenTo,
} from "../../../shared/organizations.js";
import { OPEN_APPLICATION_STATES } from "../../../shared/vocabularies.js";
import { writeAudit } from "../../core/audit.js";
import { CLUSTER_TIME_ZONE } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Executor, isUniqueViolation, likePattern } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { openConversation, postSystemMessage } from "../conversations/conversations.api.js";
import { assertNotOwnOrganization, loadOrgFor, memberOrgIds } from "../organizations/access.js";
import { notifyMembers as notifyOrgMembers } from "../organizations/membership.js";
import { organizations, statusApplications, statusHistory } from "../organizations/organizations.schema.js";
import { ORG_COLUMNS, type OrgRow, presentOrganization } from "../organizations/organizations.service.js";
import type {
  ApplyBody,
  DecisionBody,
  QueueItem,
  QueueItemDetail,
  QueueQuery,
  ReasonBody,
  ResubmitBody,
  StatusApplication,
  StatusEvent,
  StatusView,
} from "./status.contract.js";
import { STATUS_APPLICATION_SUBJECT } from "./status.conversations.js";
import { STATUS_NOTIFICATION_KINDS as KIND } from "./status.notifications.js";

/*
 * The status side of organizations: applications for participant / partner status, the operator's
 * queue and decisions, suspension, resumption and revocation, the history timeline, notifications.
 *
 * Application states: pending → approved | rejected | returned (operator); returned → pending
 * (resubmit); pending | returned → withdrawn (applicant). At most one open (pending or returned)
 * application per organization (a partial unique index). Every transition bumps `version`; the
 * operator's decision names the version it saw and is one conditional UPDATE, so of two concurrent
 * decisions exactly one wins and the other gets 409 "application-changed" with the current state.
 *
 * Each use case is one transaction: the change, the status history event, the audit entry and the
 * members' notifications (with their mail in the outbox) commit together or not at all.
 */

type Requested = Exclude<OrgStatus, "registered">;
type AppView = z.infer<typeof StatusApplication>;
type QueueItemView = z.infer<typeof QueueItem>;
type EventView = z.infer<typeof StatusEvent>;

const REQUESTABLE: readonly Requested[] = REQUESTABLE_STATUSES;
const OPEN_STATES = OPEN_APPLICATION_STATES;

// ---------- reading ----------

/**
 * Whole days the application waits, computed by the database: until now while it is open (pending or
 * returned), until the decision once it is closed. timestamptz − timestamptz is an interval of days and
 * time (never months), so its day field is the number of whole days.
 */
const waitingDays = sql<number>`date_part('day', (case when ${statusApplications.state} in ('pending', 'returned') then now() else coalesce(${statusApplications.decidedAt}, now()) end) - ${statusApplications.submittedAt})::int`;

const APP_FIELDS = {
  id: statusApplications.id,
  organizationId: statusApplications.organizationId,
  requestedStatus: statusApplications.requestedStatus,
  state: statusApplications.state,
  applicantComment: statusApplications.applicantComment,
  operatorComment: statusApplications.operatorComment,
  submittedAt: statusApplications.submittedAt,
  decidedAt: statusApplications.decidedAt,
  decidedBy: statusApplications.decidedBy,
  version: statusApplications.version,
  waitingDays: waitingDays.mapWith(Number),
};

const ORG_SUMMARY = {
  id: organizations.id,
  shortName: organizations.shortName,
  type: organizations.type,
  regionCode: organizations.regionCode,
  country: organizations.country,
  inn: organizations.inn,
  status: organizations.status,
};

type AppRow = {
  id: string;
  organizationId: string;
  requestedStatus: OrgStatus;
  state: AppView["state"];
  applicantComment: string | null;
  operatorComment: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  version: number;
  waitingDays: number;
};

function presentApplication(r: AppRow): AppView {
  return {
    id: r.id,
    organizationId: r.organizationId,
    requestedStatus: r.requestedStatus,
    state: r.state,
    applicantComment: r.applicantComment,
    operatorComment: r.operatorComment,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    version: r.version,
    waitingDays: r.waitingDays,
  };
}

async function deciders(ex: Executor, rows: { decidedBy: string | null }[]) {
  const ids = [...new Set(rows.map((r) => r.decidedBy).filter((id): id is string => id !== null))];
  const people = await usersByIds(ex, ids);
  return (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? { id: p.id, fullName: p.fullName } : null;
  };
}

async function applicationById(ex: Executor, id: string): Promise<AppRow | undefined> {
  const [row] = await ex.select(APP_FIELDS).from(statusApplications).where(eq(statusApplications.id, id));
  return row;
}

async function openApplication(ex: Executor, organizationId: string): Promise<AppRow | undefined> {
  const [row] = await ex
    .select(APP_FIELDS)
    .from(statusApplications)
    .where(
      and(
        eq(statusApplications.organizationId, organizationId),
        inArray(statusApplications.state, [...OPEN_STATES]),
      ),
    )
    .limit(1);
  return row;
}

/** One application with the organization's summary and who decided it (the operator's view). */
async function queueItemById(ex: Executor, id: string, actorId: string): Promise<QueueItemView | undefined> {
  const [row] = await ex
    .select({ app: APP_FIELDS, org: ORG_SUMMARY })
    .from(statusApplications)
    .innerJoin(organizations, eq(organizations.id, statusApplications.organizationId))
    .where(eq(statusApplications.id, id));
  if (!row) return undefined;
  const [who, mine] = await Promise.all([deciders(ex, [row.app]), memberOrgIds(ex, actorId, [row.org.id])]);
  return {
    ...presentApplication(row.app),
    organization: row.org,
    decidedBy: who(row.app.decidedBy),
    mine: mine.size > 0,
  };
}

/**
 * The organization's status events, newest first. `withActors` (the operator's view) names who made
 * each change, looked up through accounts' `usersByIds`; members see no names.
 */
async function historyOf(ex: Executor, organizationId: string, withActors = false): Promise<EventView[]> {
  const rows = await ex
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.organizationId, organizationId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id));
  const who = withActors
    ? await deciders(
        ex,
        rows.map((h) => ({ decidedBy: h.actorId })),
      )
    : () => null;
  return rows.map((h) => ({
    id: h.id,
    event: h.event,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    reason: h.reason,
    at: h.at.toISOString(),
    by: who(h.actorId),
  }));
}

// ---------- rules ----------

type Closed = { key: string; status: 400 | 409 };

/**
 * Why the organization cannot apply for a status now, or null when it can: the region rule
 * (participant — Moscow only, partner — elsewhere and abroad), the status already held, an open
 * application. The first two are the applicant's choice (400), the last a state conflict (409).
 */
function closedReason(
  org: Pick<OrgRow, "regionCode" | "type" | "status" | "verifiedAt">,
  requested: Requested,
  open: AppRow | undefined,
): Closed | null {
  const rule = statusOpenTo(org.regionCode, org.type, requested);
  if (!rule.open) return { key: `status.closed.${rule.reason}`, status: 400 };
  if (org.status === requested) return { key: `status.closed.already-${requested}`, status: 400 };
  // Only an organization the operator verified from a document may apply (verification.service.ts).
  if (!org.verifiedAt) return { key: "status.closed.not-verified", status: 409 };
  if (open) return { key: "status.closed.open-application", status: 409 };
  return null;
}

function refuse(ctx: Ctx, closed: Closed): AppError {
  const detail = t(ctx.locale, closed.key);
  if (closed.key === "status.closed.not-verified") return new AppError(409, "organization-not-verified");
  if (closed.status === 409) return new AppError(409, "status-application-open", {}, [], { detail });
  return new AppError(400, "status-not-open", {}, [{ field: "requestedStatus", key: closed.key }], {
    detail,
  });
}

const transitionRefused = (ctx: Ctx, key: string, params: Record<string, string> = {}) =>
  new AppError(409, "status-transition", {}, [], { detail: t(ctx.locale, key, params) });

// ---------- writing helpers ----------

type HistoryEntry = {
  organizationId: string;
  applicationId?: string | null;
  event: string;
  fromStatus: OrgStatus | null;
  toStatus: OrgStatus | null;
  reason?: string | null;
  actorId: string | null;
};

/**
 * One event of the timeline. For application events (submitted, resubmitted, withdrawn, returned,
 * rejected, approved) `toStatus` is the status applied for; for suspended / resumed it is the status
 * held; for revoked it is "registered". clock_timestamp() keeps the order of events of one transaction.
 */
async function addHistory(ex: Executor, h: HistoryEntry) {
  await ex.insert(statusHistory).values({
    organizationId: h.organizationId,
    applicationId: h.applicationId ?? null,
    event: h.event,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    reason: h.reason ?? null,
    actorId: h.actorId,
    at: sql`clock_timestamp()`,
  });
}

/** Notifies the organization's members (but `except`, who did it) about its status. */
const notifyMembers = (
  ex: Executor,
  ctx: Ctx,
  organizationId: string,
  kind: string,
  data: Record<string, string | number | null>,
  except: string | null = null,
) =>
  notifyOrgMembers(ex, ctx.config.publicUrl, organizationId, {
    kind,
    data,
    except,
    link: `/organizations/${organizationId}/status`,
  });

/** The application's conversation between the organization and the operator (opened with the application). */
const applicationThread = (tx: Executor, org: { id: string; shortName: string }, applicationId: string) =>
  openConversation(tx, {
    subject: { kind: STATUS_APPLICATION_SUBJECT.kind, id: applicationId },
    parties: [{ organizationId: org.id }, { operator: true }],
    title: org.shortName,
  });

function appAudit(a: AppRow | { state: string; version: number; operatorComment: string | null }) {
  return { state: a.state, version: a.version, operatorComment: a.operatorComment };
}

/**
 * What every step of the applicant (submit, resubmit, withdraw) leaves behind: the timeline event, the
 * audit entry and the members' notification. Returns the number of mails queued.
 */
async function recordApplicantStep(
  tx: Executor,
  ctx: Ctx,
  actorId: string,
  org: OrgRow,
  app: { id: string; requestedStatus: OrgStatus },
  step: {
    event: "submitted" | "resubmitted" | "withdrawn";
    action: string;
    reason?: string | null;
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
  },
) {
  await addHistory(tx, {
    organizationId: org.id,
    applicationId: app.id,
    event: step.event,
    fromStatus: org.status,
    toStatus: app.requestedStatus,
    reason: step.reason ?? null,
    actorId,
  });
  await writeAudit(tx, auditCtx(ctx), {
    action: step.action,
    entity: "status_application",
    entityId: app.id,
    before: step.before,
    after: step.after,
  });
  // The step shows in the application's conversation with the operator (notified there by the queue).
  await applicationThread(tx, org, app.id);
  await postSystemMessage(tx, ctx.config.publicUrl, {
    subject: { kind: STATUS_APPLICATION_SUBJECT.kind, id: app.id },
    authorId: actorId,
    side: "a",
    event: `status.${step.event}`,
    body: step.reason ?? null,
    silent: true,
  });
  return notifyMembers(
    tx,
    ctx,
    org.id,
    KIND.application,
    { event: step.event, org: org.shortName, status: app.requestedStatus },
    actorId,
  );
}

// ---------- the organization's side ----------

function statusView(
  ctx: Ctx,
  org: OrgRow,
  open: AppRow | undefined,
  history: EventView[],
): z.infer<typeof StatusView> {
  const options = Object.fromEntries(
    REQUESTABLE.map((s) => {
      const closed = closedReason(org, s, open);
      return [s, { open: closed === null, reason: closed ? t(ctx.locale, closed.key) : null }];
    }),
  );
  return {
    status: org.status,
    since: org.statusSince.toISOString(),
    suspended: org.statusSuspendedAt !== null,
    reason: org.statusReason,
    openApplication: open ? presentApplication(open) : null,
    history,
    options,
  };
}

/** GET /organizations/:id/status — for members and staff; anyone else gets 404. */
export async function getStatus(ctx: Ctx, organizationId: string) {
  const { org } = await loadOrgFor(ctx.db, ctx.actor, organizationId, "org.status.read");
  const [open, history] = await Promise.all([
    openApplication(ctx.db, organizationId),
    historyOf(ctx.db, organizationId),
  ]);
  return statusView(ctx, org, open, history);
}

/** An owner or admin applies for participant or partner status. */
export async function apply(ctx: Ctx, organizationId: string, body: z.infer<typeof ApplyBody>) {
  const actor = requireActor(ctx);
  let done: { id: string; mails: number };
  try {
    done = await ctx.db.transaction(async (tx) => {
      // The row lock serializes applications of one organization; the unique index is the backstop.
      const { org } = await loadOrgFor(tx, actor, organizationId, "org.status.apply", { forUpdate: true });
      const closed = closedReason(org, body.requestedStatus, await openApplication(tx, organizationId));
      if (closed) throw refuse(ctx, closed);
      const [app] = await tx
        .insert(statusApplications)
        .values({
          organizationId,
          requestedStatus: body.requestedStatus,
          applicantComment: body.comment ?? null,
          submittedBy: actor.id,
        })
        .returning();
      const mails = await recordApplicantStep(tx, ctx, actor.id, org, app!, {
        event: "submitted",
        action: "status_application.submit",
        reason: body.comment ?? null,
        after: {
          organizationId,
          requestedStatus: app!.requestedStatus,
          state: app!.state,
          version: app!.version,
          applicantComment: app!.applicantComment,
        },
      });
      return { id: app!.id, mails };
    });
  } catch (err) {
    if (isUniqueViolation(err, "status_applications_open_key"))
      throw refuse(ctx, { key: "status.closed.open-application", status: 409 });
    throw err;
  }
  if (done.mails > 0) ctx.mailQueued();
  return presentApplication((await applicationById(ctx.db, done.id))!);
}

/**
 * The applicant fixes a returned application and sends it again: returned → pending.
 *
 * `submittedAt` is kept: the application keeps its place in the oldest-first queue (it has already
 * waited once, and being returned must not send the applicant to the back of the line), and its
 * waiting days show the age of the request since it was first filed. The resubmission itself is a
 * "resubmitted" event of the history, with its date and the applicant's comment; the decision of the
 * return (decidedAt, decidedBy) is cleared, the operator's comment is kept for the next reviewer.
 */
export async function resubmit(
  ctx: Ctx,
  organizationId: string,
  applicationId: string,
  body: z.infer<typeof ResubmitBody>,
) {
  const actor = requireActor(ctx);
  const mails = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, organizationId, "org.status.apply", { forUpdate: true });
    const before = await ownApplication(tx, organizationId, applicationId);
    if (before.state !== "returned") throw transitionRefused(ctx, "status.transition.resubmit");
    // The profile may have changed while the application was with the applicant: the region rule again.
    const rule = statusOpenTo(org.regionCode, org.type, before.requestedStatus as Requested);
    if (!rule.open) throw refuse(ctx, { key: `status.closed.${rule.reason}`, status: 400 });
    const [after] = await tx
      .update(statusApplications)
      .set({
        state: "pending",
        version: sql`${statusApplications.version} + 1`,
        applicantComment: body.comment ?? before.applicantComment,
        decidedAt: null,
        decidedBy: null,
      })
      .where(and(eq(statusApplications.id, applicationId), eq(statusApplications.state, "returned")))
      .returning();
    if (!after) throw transitionRefused(ctx, "status.transition.resubmit");
    return recordApplicantStep(tx, ctx, actor.id, org, after, {
      event: "resubmitted",
      action: "status_application.resubmit",
      reason: body.comment ?? null,
      before: { ...appAudit(before), applicantComment: before.applicantComment },
      after: { ...appAudit(after), applicantComment: after.applicantComment },
    });
  });
  if (mails > 0) ctx.mailQueued();
  return presentApplication((await applicationById(ctx.db, applicationId))!);
}

/** The applicant withdraws an open application: pending | returned → withdrawn. */
export async function withdraw(ctx: Ctx, organizationId: string, applicationId: string) {
  const actor = requireActor(ctx);
  const mails = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, organizationId, "org.status.apply");
    const before = await ownApplication(tx, organizationId, applicationId);
    // Conditional on the state: an operator deciding at the same moment wins or loses cleanly.
    const [after] = await tx
      .update(statusApplications)
      .set({
        state: "withdrawn",
        version: sql`${statusApplications.version} + 1`,
        decidedAt: sql`now()`,
        decidedBy: actor.id,
      })
      .where(
        and(eq(statusApplications.id, applicationId), inArray(statusApplications.state, [...OPEN_STATES])),
      )
      .returning();
    if (!after) throw transitionRefused(ctx, "status.transition.withdraw");
    return recordApplicantStep(tx, ctx, actor.id, org, after, {
      event: "withdrawn",
      action: "status_application.withdraw",
      before: appAudit(before),
      after: appAudit(after),
    });
  });
  if (mails > 0) ctx.mailQueued();
  return presentApplication((await applicationById(ctx.db, applicationId))!);
}

/** An application of this organization, or 404 (an id of another organization's looks missing). */
async function ownApplication(ex: Executor, organizationId: string, applicationId: string) {
  const app = await applicationById(ex, applicationId);
  if (!app || app.organizationId !== organizationId) throw notFound();
  return app;
}

// ---------- the operator's side ----------

function queueWhere(q: z.infer<typeof QueueQuery>): SQL | undefined {
  return and(
    eq(statusApplications.state, q.state),
    q.region ? eq(organizations.regionCode, q.region) : undefined,
    q.type ? eq(organizations.type, q.type) : undefined,
    q.requestedStatus ? eq(statusApplications.requestedStatus, q.requestedStatus) : undefined,
    q.minWaitingDays !== undefined ? sql`${waitingDays} >= ${q.minWaitingDays}` : undefined,
    q.q
      ? or(
          ilike(organizations.shortName, likePattern(q.q)),
          ilike(organizations.fullName, likePattern(q.q)),
          eq(organizations.inn, q.q),
        )
      : undefined,
  );
}

/** The operator's queue: oldest first, with filters and the waiting days of each application. */
export async function queue(ctx: Ctx, q: z.infer<typeof QueueQuery>) {
  const where = queueWhere(q);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ app: APP_FIELDS, org: ORG_SUMMARY })
      .from(statusApplications)
      .innerJoin(organizations, eq(organizations.id, statusApplications.organizationId))
      .where(where)
      .orderBy(asc(statusApplications.submittedAt), asc(statusApplications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(statusApplications)
      .innerJoin(organizations, eq(organizations.id, statusApplications.organizationId))
      .where(where),
  ]);
  const [who, mine] = await Promise.all([
    deciders(
      ctx.db,
      rows.map((r) => r.app),
    ),
    memberOrgIds(
      ctx.db,
      requireActor(ctx).id,
      rows.map((r) => r.org.id),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      ...presentApplication(r.app),
      organization: r.org,
      decidedBy: who(r.app.decidedBy),
      mine: mine.has(r.org.id),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One application for the operator, with the full profile and the organization's history. */
export async function queueItem(ctx: Ctx, applicationId: string): Promise<z.infer<typeof QueueItemDetail>> {
  const app = await applicationById(ctx.db, applicationId);
  if (!app) throw notFound();
  const [[org], history, who, mine] = await Promise.all([
    ctx.db.select(ORG_COLUMNS).from(organizations).where(eq(organizations.id, app.organizationId)),
    historyOf(ctx.db, app.organizationId, true),
    deciders(ctx.db, [app]),
    memberOrgIds(ctx.db, requireActor(ctx).id, [app.organizationId]),
  ]);
  if (!org) throw notFound();
  return {
    ...presentApplication(app),
    organization: presentOrganization(org, { full: true }),
    decidedBy: who(app.decidedBy),
    mine: mine.size > 0,
    history,
  };
}

const DECIDED = { approve: "approved", reject: "rejected", return: "returned" } as const;

function changedDetail(locale: Locale, current: QueueItemView) {
  const state = t(locale, `status.state.${current.state}`);
  return current.decidedBy
    ? t(locale, "status.changed.decided", { state, name: current.decidedBy.fullName })
    : t(locale, "status.changed.state", { state });
}

/**
 * The operator decides a pending application: approve, reject (reason required) or return for
 * changes (comment required). One conditional UPDATE on (id, state = pending, version): of two
 * concurrent decisions exactly one changes a row; the other gets 409 "application-changed" with the
 * application as it is now (`current`, including who decided it).
 */
export async function decide(ctx: Ctx, applicationId: string, body: z.infer<typeof DecisionBody>) {
  const actor = requireActor(ctx);
  if (body.decision === "reject" && !body.comment)
    throw badRequest([{ field: "comment", key: "field.status-reject-reason" }]);
  if (body.decision === "return" && !body.comment)
    throw badRequest([{ field: "comment", key: "field.status-return-comment" }]);
  const state = DECIDED[body.decision];
  const mails = await ctx.db.transaction(async (tx) => {
    const before = await applicationById(tx, applicationId);
    if (!before) throw notFound();
    // An operator does not decide on an organization they belong to.
    await assertNotOwnOrganization(tx, actor, [before.organizationId]);
    const [after] = await tx
      .update(statusApplications)
      .set({
        state,
        version: sql`${statusApplications.version} + 1`,
        operatorComment: body.comment ?? null,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
      })
      .where(
        and(
          eq(statusApplications.id, applicationId),
          eq(statusApplications.state, "pending"),
          eq(statusApplications.version, body.version),
        ),
      )
      .returning();
    if (!after) {
      const current = (await queueItemById(tx, applicationId, actor.id))!;
      throw new AppError(409, "application-changed", {}, [], {
        detail: changedDetail(ctx.locale, current),
        current,
      });
    }
    const [org] = await tx
      .select(ORG_COLUMNS)
      .from(organizations)
      .where(eq(organizations.id, after.organizationId))
      .for("update");
    if (!org) throw notFound();
    const requested = after.requestedStatus as Requested;
    let orgAfter = org;
    if (state === "approved") {
      // The profile may have changed since the application: the region rule is checked again.
      const rule = statusOpenTo(org.regionCode, org.type, requested);
      if (!rule.open) throw transitionRefused(ctx, `status.closed.${rule.reason}`);
      const [updated] = await tx
        .update(organizations)
        .set({
          status: requested,
          statusSince: sql`now()`,
          statusSuspendedAt: null,
          statusReason: null,
          updatedAt: sql`now()`,
        })
        .where(eq(organizations.id, org.id))
        .returning(ORG_COLUMNS);
      orgAfter = updated!;
    }
    await addHistory(tx, {
      organizationId: org.id,
      applicationId,
      event: state,
      fromStatus: org.status,
      toStatus: requested,
      reason: body.comment ?? null,
      actorId: actor.id,
    });
    // The decision and its comment (what to fix, the reason) appear in the application's conversation.
    await applicationThread(tx, org, applicationId);
    await postSystemMessage(tx, ctx.config.publicUrl, {
      subject: { kind: STATUS_APPLICATION_SUBJECT.kind, id: applicationId },
      authorId: actor.id,
      side: "b",
      event: `status.${state}`,
      body: body.comment ?? null,
      silent: true,
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "status_application.decide",
      entity: "status_application",
      entityId: applicationId,
      before: { ...appAudit(before), organizationStatus: org.status },
      after: { ...appAudit(after), decision: body.decision, organizationStatus: orgAfter.status },
    });
    return notifyMembers(tx, ctx, org.id, KIND.decided, {
      decision: body.decision,
      org: org.shortName,
      status: requested,
      reason: body.comment ?? null,
    });
  });
  if (mails > 0) ctx.mailQueued();
  return (await queueItemById(ctx.db, applicationId, actor.id))!;
}

type Change = "suspend" | "resume" | "revoke";
const CHANGE_EVENT = { suspend: "suspended", resume: "resumed", revoke: "revoked" } as const;

/**
 * The operator suspends, resumes or revokes an organization's status. Suspend: an active participant
 * or partner status; resume: a suspended one; revoke: participant or partner (suspended or not) →
 * registered, the reason kept in statusReason. Anything else is 409 "status-transition".
 */
async function changeStatus(ctx: Ctx, organizationId: string, change: Change, reason: string | null) {
  const actor = requireActor(ctx);
  const mails = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, organizationId, "operator.status.decide", {
      forUpdate: true,
    });
    await assertNotOwnOrganization(tx, actor, [organizationId]);
    const label = orgStatusLabel(org.status, ctx.locale);
    const suspended = org.statusSuspendedAt !== null;
    let set: PgUpdateSetSource<typeof organizations>;
    if (change === "suspend") {
      if (org.status === "registered")
        throw transitionRefused(ctx, "status.transition.suspend", { status: label });
      if (suspended) throw transitionRefused(ctx, "status.transition.suspended");
      set = { statusSuspendedAt: sql`now()`, statusReason: reason };
    } else if (change === "resume") {
      if (org.status === "registered" || !suspended) throw transitionRefused(ctx, "status.transition.resume");
      set = { statusSuspendedAt: null, statusReason: null };
    } else {
      if (org.status === "registered")
        throw transitionRefused(ctx, "status.transition.revoke", { status: label });
      set = { status: "registered", statusSince: sql`now()`, statusSuspendedAt: null, statusReason: reason };
    }
    const [after] = await tx
      .update(organizations)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(organizations.id, organizationId))
      .returning(ORG_COLUMNS);
    const event = CHANGE_EVENT[change];
    await addHistory(tx, {
      organizationId,
      event,
      fromStatus: org.status,
      toStatus: after!.status,
      reason,
      actorId: actor.id,
    });
    const snapshot = (o: OrgRow) => ({
      status: o.status,
      suspended: o.statusSuspendedAt !== null,
      statusReason: o.statusReason,
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: `organization.status.${change}`,
      entity: "organization",
      entityId: organizationId,
      before: snapshot(org),
      after: snapshot(after!),
    });
    return notifyMembers(tx, ctx, organizationId, KIND.changed, {
      event,
      org: org.shortName,
      status: org.status,
      reason,
    });
  });
  if (mails > 0) ctx.mailQueued();
  return getStatus(ctx, organizationId);
}

export const suspend = (ctx: Ctx, organizationId: string, body: z.infer<typeof ReasonBody>) =>
  changeStatus(ctx, organizationId, "suspend", body.reason);
export const resume = (ctx: Ctx, organizationId: string) => changeStatus(ctx, organizationId, "resume", null);
export const revoke = (ctx: Ctx, organizationId: string, body: z.infer<typeof ReasonBody>) =>
  changeStatus(ctx, organizationId, "revoke", body.reason);

// ---------- the member's cabinet ----------

/**
 * The operator's service level: an application is decided within this many working days of its
 * submission (Monday to Friday of the cluster's calendar; public holidays are not taken out).
 */
export const REVIEW_WORKING_DAYS = 10;

/**
 * The day a decision is due by: the REVIEW_WORKING_DAYS-th weekday after the day of submission in the
 * cluster's time zone, counted by the database's calendar.
 */
const reviewDueOn = sql<string>`(select d::date::text from generate_series(
  (${statusApplications.submittedAt} at time zone ${CLUSTER_TIME_ZONE}::text)::date::timestamp + interval '1 day',
  (${statusApplications.submittedAt} at time zone ${CLUSTER_TIME_ZONE}::text)::date::timestamp + make_interval(days => ${REVIEW_WORKING_DAYS * 3}::int),
  interval '1 day') as d where extract(isodow from d) < 6 order by d offset ${REVIEW_WORKING_DAYS - 1}::int limit 1)`;

/**
 * The latest application of each of the organizations (the member's cabinet: the caller passes the
 * organizations the user belongs to), with the day a pending one is due to be decided by.
 */
export async function latestApplications(ex: Executor, organizationIds: readonly string[]) {
  if (!organizationIds.length) return new Map<string, AppView & { dueOn: string | null }>();
  const rows = await ex
    .selectDistinctOn([statusApplications.organizationId], { app: APP_FIELDS, dueOn: reviewDueOn })
    .from(statusApplications)
    .where(inArray(statusApplications.organizationId, [...organizationIds]))
    .orderBy(
      statusApplications.organizationId,
      desc(statusApplications.submittedAt),
      desc(statusApplications.id),
    );
  return new Map(
    rows.map((r) => [
      r.app.organizationId,
      { ...presentApplication(r.app), dueOn: r.app.state === "pending" ? r.dueOn : null },
    ]),
  );
}
