import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { decidedState, decisionIssues } from "../../../shared/clusters.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, rows, textArray } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { industriesOf } from "../challenges/challenges.matching.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { projects } from "../projects/projects.schema.js";
import type {
  ApplicationsQuery,
  ApplyBody,
  Cluster,
  ClusterApplication,
  ClusterBody,
  ClusterCard,
  ClustersQuery,
  DecisionBody,
  UpdateClusterBody,
} from "./clusters.contract.js";
import { CLUSTER_NOTIFICATION_KINDS } from "./clusters.notifications.js";
import { clusterApplications, clusterMembers, clusters } from "./clusters.schema.js";

/*
 * Inter-industry clusters (src/shared/clusters.ts). The operator creates a cluster and appoints its lead
 * (an edit names the version it saw: stale is 409 "cluster-changed" with the cluster now). An
 * organization's owner or admin applies to join; the lead's owner or admin accepts or declines (with a
 * reason) by one conditional update on the application's id, version and state, so of two racing
 * decisions one wins and the other is 409 "cluster-application-decided". A member leaves, the lead removes
 * a member (its projects leave the cluster with it). A member's project is attached by the project's
 * lead's managers. Each use case is one transaction with its audit entry and notices.
 */

type Row = typeof clusters.$inferSelect;
type View = z.infer<typeof Cluster>;
type CardView = z.infer<typeof ClusterCard>;
type ApplicationView = z.infer<typeof ClusterApplication>;
type OrgRef = { id: string; shortName: string };

const COLUMNS = getTableColumns(clusters);

// ---------- reading ----------

async function clusterRow(ex: Executor, id: string, lock = false): Promise<Row> {
  const q = ex.select(COLUMNS).from(clusters).where(eq(clusters.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

const memberCount = sql<number>`(select count(*)::int from cluster_members cm where cm.cluster_id = ${clusters.id})`;
const projectCount = sql<number>`(select count(*)::int from projects p where p.cluster_id = ${clusters.id})`;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The public catalog: words of the name or the theme (each word must occur), industries; by name. */
export async function searchClusters(ctx: Ctx, q: z.infer<typeof ClustersQuery>) {
  const words = (q.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  const conds = words.map(
    (w) => sql`(${clusters.nameRu} ilike ${likePattern(w)} or ${clusters.themeRu} ilike ${likePattern(w)})`,
  );
  const textCond = conds.length ? and(...conds) : undefined;
  if (q.industry?.length) conds.push(sql`${clusters.industries} && ${textArray(q.industry)}`);
  const cond = conds.length ? and(...conds) : undefined;
  const industries = await rows<{ value: string; count: number }>(
    ctx.db,
    sql`select v as "value", count(*)::int as "count"
        from (select unnest(${clusters.industries}) as v from ${clusters} ${textCond ? sql`where ${textCond}` : sql``}) x
        group by v order by count(*) desc, v`,
  );
  const list = await ctx.db
    .select({
      c: COLUMNS,
      lead: { id: organizations.id, shortName: organizations.shortName },
      members: memberCount,
      projects: projectCount,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(clusters)
    .leftJoin(organizations, eq(organizations.id, clusters.leadOrganizationId))
    .where(cond)
    .orderBy(asc(clusters.nameRu), asc(clusters.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total = list[0]?.total ?? (q.page === 1 ? 0 : (await countRows(ctx.db, clusters, cond))[0]!.n);
  return {
    items: list.map((l) => card(l.c, l.lead, l.members, l.projects)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    facets: [
      {
        field: "industry" as const,
        values: industries.map((r) => ({ value: r.value, count: Number(r.count) })),
      },
    ],
  };
}

function card(r: Row, lead: OrgRef | null, members: number, projectsCount: number): CardView {
  return {
    id: r.id,
    nameRu: r.nameRu,
    themeRu: r.themeRu,
    industries: r.industries,
    lead: lead?.id ? lead : null,
    members: Number(members),
    projects: Number(projectsCount),
  };
}

/** The organizations the reader may act for: those where they are the owner or an admin. */
async function managedOrgs(ex: Executor, ctx: Ctx): Promise<OrgRef[]> {
  if (!ctx.actor) return [];
  return ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, ctx.actor.id), inArray(memberships.role, ["owner", "admin"])))
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

type Totals = View["totals"];

async function totalsOf(ex: Executor, id: string): Promise<Totals> {
  const [t] = await rows<{
    members: number;
    projects: number;
    joint: number;
    investment: string;
    support: string;
  }>(
    ex,
    sql`select
          (select count(*)::int from cluster_members where cluster_id = ${id}) as "members",
          (select count(*)::int from projects where cluster_id = ${id}) as "projects",
          (select count(*)::int from projects where cluster_id = ${id} and joint) as "joint",
          (select coalesce(sum(e.amount), 0)::text from project_entries e join projects p on p.id = e.project_id
            where p.cluster_id = ${id} and e.state = 'confirmed' and e.kind = 'investment') as "investment",
          (select coalesce(sum(e.amount), 0)::text from project_entries e join projects p on p.id = e.project_id
            where p.cluster_id = ${id} and e.state = 'confirmed' and e.kind = 'support') as "support"`,
  );
  return {
    members: Number(t!.members),
    projects: Number(t!.projects),
    joint: Number(t!.joint),
    investment: Number(t!.investment),
    support: Number(t!.support),
  };
}

/** A cluster as the reader sees it: named members only (the lead always), its projects, totals, `me`. */
async function present(ex: Executor, ctx: Ctx, r: Row): Promise<View> {
  const members = await ex
    .select({ id: organizations.id, shortName: organizations.shortName, public: clusterMembers.public })
    .from(clusterMembers)
    .innerJoin(organizations, eq(organizations.id, clusterMembers.organizationId))
    .where(eq(clusterMembers.clusterId, r.id))
    .orderBy(
      sql`${organizations.id} <> ${r.leadOrganizationId}`,
      asc(organizations.shortName),
      asc(organizations.id),
    );
  const lead = members.find((m) => m.id === r.leadOrganizationId) ?? null;
  const list = await ex
    .select({
      id: projects.id,
      titleRu: projects.titleRu,
      stage: projects.stage,
      trl: projects.trl,
      joint: projects.joint,
      lead: { id: organizations.id, shortName: organizations.shortName },
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .where(eq(projects.clusterId, r.id))
    .orderBy(desc(projects.updatedAt), asc(projects.id));
  const totals = await totalsOf(ex, r.id);
  const managed = await managedOrgs(ex, ctx);
  const managedIds = managed.map((m) => m.id);
  const memberOf = new Map(members.map((m) => [m.id, m]));
  const pending = managedIds.length
    ? await ex
        .select({
          id: clusterApplications.id,
          orgId: clusterApplications.organizationId,
          version: clusterApplications.version,
        })
        .from(clusterApplications)
        .where(
          and(
            eq(clusterApplications.clusterId, r.id),
            eq(clusterApplications.state, "pending"),
            inArray(clusterApplications.organizationId, managedIds),
          ),
        )
    : [];
  const pendingOrgs = new Set(pending.map((p) => p.orgId));
  const mine = managed.filter((m) => memberOf.has(m.id));
  const mineProjects = mine.length
    ? await ex
        .select({ id: projects.id, titleRu: projects.titleRu, clusterId: projects.clusterId })
        .from(projects)
        .where(
          inArray(
            projects.leadOrganizationId,
            mine.map((m) => m.id),
          ),
        )
        .orderBy(asc(projects.titleRu), asc(projects.id))
    : [];
  const byId = new Map(managed.map((m) => [m.id, m]));
  const leads = r.leadOrganizationId !== null && byId.has(r.leadOrganizationId);
  return {
    ...card(r, lead ? { id: lead.id, shortName: lead.shortName } : null, totals.members, totals.projects),
    namedMembers: members
      .filter((m) => m.public || m.id === r.leadOrganizationId)
      .map((m) => ({ id: m.id, shortName: m.shortName })),
    projectsList: list,
    totals,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    me: {
      operate: can(ctx.actor, "operator.clusters.manage"),
      lead: leads,
      mayApply: managed.filter((m) => !memberOf.has(m.id) && !pendingOrgs.has(m.id)),
      pending: pending.map((p) => ({ id: p.id, organization: byId.get(p.orgId)!, version: p.version })),
      memberships: mine.map((m) => ({ ...m, public: memberOf.get(m.id)!.public })),
      members: leads ? members : [],
      projects: mineProjects,
    },
  };
}

/** A cluster's page (public; `me` for a signed-in reader). */
export async function getCluster(ctx: Ctx, id: string): Promise<View> {
  return present(ctx.db, ctx, await clusterRow(ctx.db, id));
}

/** The clusters an organization belongs to, as its public page lists them: named members and leads. */
export async function organizationClusters(ctx: Ctx, organizationId: string) {
  const list = await ctx.db
    .select({ id: clusters.id, nameRu: clusters.nameRu, lead: clusters.leadOrganizationId })
    .from(clusterMembers)
    .innerJoin(clusters, eq(clusters.id, clusterMembers.clusterId))
    .where(
      and(
        eq(clusterMembers.organizationId, organizationId),
        sql`(${clusterMembers.public} or ${clusters.leadOrganizationId} = ${organizationId})`,
      ),
    )
    .orderBy(asc(clusters.nameRu));
  return { items: list.map((c) => ({ id: c.id, nameRu: c.nameRu, lead: c.lead === organizationId })) };
}

// ---------- the operator: clusters and their leads ----------

async function changed(ex: Executor, ctx: Ctx, id: string): Promise<never> {
  const current = await present(ex, ctx, await clusterRow(ex, id));
  throw new AppError(409, "cluster-changed", {}, [], { current });
}

async function assertOrganization(ex: Executor, id: string) {
  const [o] = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  if (!o) throw badRequest([{ field: "leadOrganizationId", key: "field.cluster.lead-unknown" }]);
  return o;
}

/**
 * The lead is a member of its cluster, named while it leads (`m.public || lead`). A member appointed keeps
 * its own consent, so that when another lead is appointed it is named only if it agreed to be.
 */
async function enrolLead(ex: Executor, clusterId: string, organizationId: string) {
  await ex.insert(clusterMembers).values({ clusterId, organizationId, public: true }).onConflictDoNothing();
}

async function tellAppointed(ex: Executor, ctx: Ctx, r: Row, organizationId: string) {
  await notifyAll(ex, ctx.config.publicUrl, [
    {
      userIds: await managerIds(ex, organizationId),
      kind: CLUSTER_NOTIFICATION_KINDS.appointed,
      data: { cluster: r.nameRu },
      link: `/clusters/${r.id}`,
    },
  ]);
}

const contentAudit = (r: Pick<Row, "nameRu" | "industries" | "leadOrganizationId">) => ({
  nameRu: r.nameRu,
  industries: r.industries,
  leadOrganizationId: r.leadOrganizationId,
});

/** Creates a cluster with its lead (an operator). */
export async function createCluster(ctx: Ctx, body: z.infer<typeof ClusterBody>): Promise<View> {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    await assertOrganization(tx, body.leadOrganizationId);
    const [r] = await tx
      .insert(clusters)
      .values({
        nameRu: body.nameRu,
        themeRu: body.themeRu,
        industries: industriesOf(body.industries),
        leadOrganizationId: body.leadOrganizationId,
        createdBy: actor.id,
      })
      .returning(COLUMNS);
    await enrolLead(tx, r!.id, body.leadOrganizationId);
    await writeAudit(tx, auditCtx(ctx), {
      action: "cluster.create",
      entity: "cluster",
      entityId: r!.id,
      after: contentAudit(r!),
    });
    await tellAppointed(tx, ctx, r!, body.leadOrganizationId);
    return present(tx, ctx, r!);
  });
  ctx.mailQueued();
  return view;
}

/** Edits a cluster and (re)appoints its lead (an operator); a stale version is 409 with the cluster now. */
export async function updateCluster(ctx: Ctx, id: string, body: z.infer<typeof UpdateClusterBody>) {
  const view = await ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    if (r.version !== body.version) await changed(tx, ctx, id);
    await assertOrganization(tx, body.leadOrganizationId);
    const [after] = await tx
      .update(clusters)
      .set({
        nameRu: body.nameRu,
        themeRu: body.themeRu,
        industries: industriesOf(body.industries),
        leadOrganizationId: body.leadOrganizationId,
        version: sql`${clusters.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(clusters.id, id), eq(clusters.version, body.version)))
      .returning(COLUMNS);
    if (!after) return changed(tx, ctx, id);
    const newLead = r.leadOrganizationId !== body.leadOrganizationId;
    if (newLead) await enrolLead(tx, id, body.leadOrganizationId);
    await writeAudit(tx, auditCtx(ctx), {
      action: newLead ? "cluster.appoint_lead" : "cluster.update",
      entity: "cluster",
      entityId: id,
      before: { ...contentAudit(r), version: r.version },
      after: { ...contentAudit(after), version: after.version },
    });
    if (newLead) await tellAppointed(tx, ctx, after, body.leadOrganizationId);
    return present(tx, ctx, after);
  });
  ctx.mailQueued();
  return view;
}

// ---------- applications ----------

const applicationSelection = {
  a: getTableColumns(clusterApplications),
  clusterName: clusters.nameRu,
  orgName: organizations.shortName,
};

function applicationQuery(ex: Executor, where: SQL) {
  return ex
    .select(applicationSelection)
    .from(clusterApplications)
    .innerJoin(clusters, eq(clusters.id, clusterApplications.clusterId))
    .innerJoin(organizations, eq(organizations.id, clusterApplications.organizationId))
    .where(where);
}

type Selected = Awaited<ReturnType<typeof applicationQuery>>[number];

const applicationView = (s: Selected): ApplicationView => ({
  id: s.a.id,
  cluster: { id: s.a.clusterId, nameRu: s.clusterName },
  organization: { id: s.a.organizationId, shortName: s.orgName },
  state: s.a.state,
  motivationRu: s.a.motivationRu,
  public: s.a.public,
  reasonRu: s.a.reasonRu,
  createdAt: s.a.createdAt.toISOString(),
  decidedAt: s.a.decidedAt?.toISOString() ?? null,
  version: s.a.version,
});

async function applicationOf(ex: Executor, id: string): Promise<ApplicationView> {
  const [s] = await applicationQuery(ex, eq(clusterApplications.id, id));
  if (!s) throw notFound();
  return applicationView(s);
}

const isMemberOf = async (ex: Executor, clusterId: string, organizationId: string) =>
  (
    await ex
      .select({ id: clusterMembers.organizationId })
      .from(clusterMembers)
      .where(and(eq(clusterMembers.clusterId, clusterId), eq(clusterMembers.organizationId, organizationId)))
  ).length > 0;

/** Applies for an organization (its owner or admin; anyone else 404); the lead's managers are told. */
export async function apply(ctx: Ctx, id: string, body: z.infer<typeof ApplyBody>) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    const access = await accessOf(tx, ctx.actor, body.organizationId);
    if (!can(ctx.actor, "clusters.member", access))
      throw refusal(404, body.organizationId, "clusters.member");
    if (await isMemberOf(tx, id, body.organizationId)) throw new AppError(409, "cluster-member-exists");
    const [a] = await tx
      .insert(clusterApplications)
      .values({
        clusterId: id,
        organizationId: body.organizationId,
        motivationRu: body.motivationRu,
        public: body.public,
        authorId: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: clusterApplications.id });
    if (!a) throw new AppError(409, "cluster-application-pending");
    await writeAudit(tx, auditCtx(ctx), {
      action: "cluster_application.create",
      entity: "cluster_application",
      entityId: a.id,
      after: { clusterId: id, organizationId: body.organizationId, public: body.public },
    });
    const applicant = await applicationOf(tx, a.id);
    if (r.leadOrganizationId)
      await notifyAll(tx, ctx.config.publicUrl, [
        {
          userIds: (await managerIds(tx, r.leadOrganizationId)).filter((u) => u !== actor.id),
          kind: CLUSTER_NOTIFICATION_KINDS.applied,
          data: { cluster: r.nameRu, organization: applicant.organization.shortName },
          link: `/clusters/${id}/applications`,
        },
      ]);
    return applicant;
  });
  ctx.mailQueued();
  return view;
}

/** The cluster locked for its lead's managers (anyone else 404). */
async function ledCluster(ex: Executor, ctx: Ctx, id: string, lock = false): Promise<Row> {
  const r = await clusterRow(ex, id, lock);
  const access = r.leadOrganizationId ? await accessOf(ex, ctx.actor, r.leadOrganizationId) : { role: null };
  if (!r.leadOrganizationId || !can(ctx.actor, "clusters.lead", access))
    throw refusal(404, r.leadOrganizationId ?? id, "clusters.lead");
  return r;
}

/** The applications to a cluster in one state (pending by default), the oldest first: its lead's managers. */
export async function listApplications(ctx: Ctx, id: string, q: z.infer<typeof ApplicationsQuery>) {
  await ledCluster(ctx.db, ctx, id);
  const cond = and(eq(clusterApplications.clusterId, id), eq(clusterApplications.state, q.state))!;
  const list = await applicationQuery(ctx.db, cond)
    .orderBy(
      q.state === "pending" ? asc(clusterApplications.createdAt) : desc(clusterApplications.updatedAt),
      asc(clusterApplications.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await countRows(ctx.db, clusterApplications, cond);
  return { items: list.map(applicationView), total: Number(n?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/**
 * The clusters these organizations lead with applications waiting for the lead's decision: how many and
 * the one waiting longest, the longest-waiting cluster first — the cabinet of the leads' managers (the
 * callers pass only the organizations the reader manages, who decide: "clusters.lead").
 */
export async function decisionsWaiting(ex: Executor, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const rows = await ex
    .select({
      id: clusters.id,
      nameRu: clusters.nameRu,
      lead: { id: organizations.id, shortName: organizations.shortName },
      count: sql<number>`count(*)::int`,
      since: sql`min(${clusterApplications.createdAt})`.mapWith(clusterApplications.createdAt),
      oldest: sql<string>`(array_agg(applicant.short_name order by ${clusterApplications.createdAt}, ${clusterApplications.id}))[1]`,
    })
    .from(clusterApplications)
    .innerJoin(clusters, eq(clusters.id, clusterApplications.clusterId))
    .innerJoin(organizations, eq(organizations.id, clusters.leadOrganizationId))
    .innerJoin(sql`organizations applicant`, sql`applicant.id = ${clusterApplications.organizationId}`)
    .where(
      and(inArray(clusters.leadOrganizationId, organizationIds), eq(clusterApplications.state, "pending")),
    )
    .groupBy(clusters.id, clusters.nameRu, organizations.id, organizations.shortName)
    .orderBy(sql`min(${clusterApplications.createdAt})`, asc(clusters.id));
  return rows.map((r) => ({
    cluster: { id: r.id, nameRu: r.nameRu },
    lead: r.lead,
    count: Number(r.count),
    oldest: { organization: r.oldest, since: r.since.toISOString() },
  }));
}

/**
 * The lead's owner or admin accepts or declines (a decline names its reason). One conditional update on
 * the application's id, version and pending state: a concurrent or stale decision is 409
 * "cluster-application-decided" with the application now. Accepting makes the organization a member.
 */
export async function decide(ctx: Ctx, applicationId: string, body: z.infer<typeof DecisionBody>) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const before = await applicationOf(tx, applicationId);
    const r = await ledCluster(tx, ctx, before.cluster.id);
    if (decisionIssues(body.decision, body.reasonRu).length)
      throw badRequest([{ field: "reasonRu", key: "field.cluster.reason-required" }]);
    const state = decidedState(body.decision);
    const [done] = await tx
      .update(clusterApplications)
      .set({
        state,
        reasonRu: body.decision === "decline" ? body.reasonRu! : null,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`${clusterApplications.version} + 1`,
      })
      .where(
        and(
          eq(clusterApplications.id, applicationId),
          eq(clusterApplications.version, body.version),
          eq(clusterApplications.state, "pending"),
        ),
      )
      .returning({ id: clusterApplications.id, public: clusterApplications.public });
    if (!done)
      throw new AppError(409, "cluster-application-decided", {}, [], {
        current: await applicationOf(tx, applicationId),
      });
    if (state === "accepted")
      await tx
        .insert(clusterMembers)
        .values({ clusterId: r.id, organizationId: before.organization.id, public: done.public })
        .onConflictDoNothing();
    await writeAudit(tx, auditCtx(ctx), {
      action: `cluster_application.${body.decision}`,
      entity: "cluster_application",
      entityId: applicationId,
      before: { state: before.state, version: before.version },
      after: { state, reasonRu: body.reasonRu ?? null, version: before.version + 1 },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, before.organization.id)).filter((u) => u !== actor.id),
        kind: CLUSTER_NOTIFICATION_KINDS.decided,
        data: { cluster: r.nameRu, decision: body.decision, reason: body.reasonRu ?? "" },
        link: `/clusters/${r.id}`,
      },
    ]);
    return applicationOf(tx, applicationId);
  });
  ctx.mailQueued();
  return view;
}

/** The applicant's owner or admin withdraws a pending application (409 once decided). */
export async function withdraw(ctx: Ctx, applicationId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const before = await applicationOf(tx, applicationId);
    const access = await accessOf(tx, ctx.actor, before.organization.id);
    if (!can(ctx.actor, "clusters.member", access))
      throw refusal(404, before.organization.id, "clusters.member");
    const [done] = await tx
      .update(clusterApplications)
      .set({ state: "withdrawn", updatedAt: sql`now()`, version: sql`${clusterApplications.version} + 1` })
      .where(
        and(
          eq(clusterApplications.id, applicationId),
          eq(clusterApplications.version, version),
          eq(clusterApplications.state, "pending"),
        ),
      )
      .returning({ id: clusterApplications.id });
    if (!done)
      throw new AppError(409, "cluster-application-decided", {}, [], {
        current: await applicationOf(tx, applicationId),
      });
    await writeAudit(tx, auditCtx(ctx), {
      action: "cluster_application.withdraw",
      entity: "cluster_application",
      entityId: applicationId,
      before: { state: before.state, version: before.version },
      after: { state: "withdrawn", version: before.version + 1 },
    });
    return applicationOf(tx, applicationId);
  });
}

// ---------- members and projects ----------

/**
 * A member leaves (its owner or admin) or the lead removes it (the lead's owner or admin); anyone else
 * 404. The lead stays (409 "cluster-lead-stays": the operator appoints another lead first). The member's
 * projects leave the cluster with it; a removed member's managers are told.
 */
export async function removeMember(ctx: Ctx, id: string, organizationId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    const own = await accessOf(tx, ctx.actor, organizationId);
    const leave = can(ctx.actor, "clusters.member", own);
    const lead = r.leadOrganizationId ? await accessOf(tx, ctx.actor, r.leadOrganizationId) : { role: null };
    const remove = !leave && r.leadOrganizationId !== null && can(ctx.actor, "clusters.lead", lead);
    if ((!leave && !remove) || !(await isMemberOf(tx, id, organizationId)))
      throw refusal(404, organizationId, "clusters.member");
    if (organizationId === r.leadOrganizationId) throw new AppError(409, "cluster-lead-stays");
    await tx
      .delete(clusterMembers)
      .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.organizationId, organizationId)));
    const detached = await tx
      .update(projects)
      .set({ clusterId: null, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(projects.clusterId, id), eq(projects.leadOrganizationId, organizationId)))
      .returning({ id: projects.id });
    await writeAudit(tx, auditCtx(ctx), {
      action: leave ? "cluster.leave" : "cluster.remove_member",
      entity: "cluster",
      entityId: id,
      before: { organizationId, member: true },
      after: { organizationId, member: false, detachedProjects: detached.map((d) => d.id) },
    });
    if (remove)
      await notifyAll(tx, ctx.config.publicUrl, [
        {
          userIds: (await managerIds(tx, organizationId)).filter((u) => u !== actor.id),
          kind: CLUSTER_NOTIFICATION_KINDS.removed,
          data: { cluster: r.nameRu },
          link: `/clusters/${id}`,
        },
      ]);
  });
  ctx.mailQueued();
}

/** A member's owner or admin sets whether the organization is named on the cluster's public page. */
export async function setVisibility(ctx: Ctx, id: string, organizationId: string, visible: boolean) {
  return ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    const access = await accessOf(tx, ctx.actor, organizationId);
    if (!can(ctx.actor, "clusters.member", access) || !(await isMemberOf(tx, id, organizationId)))
      throw refusal(404, organizationId, "clusters.member");
    if (organizationId === r.leadOrganizationId) throw new AppError(409, "cluster-lead-stays");
    await tx
      .update(clusterMembers)
      .set({ public: visible })
      .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.organizationId, organizationId)));
    // a project attached to the cluster names its lead as a member: withdrawing the consent detaches them
    if (!visible) {
      const attached = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.clusterId, id), eq(projects.leadOrganizationId, organizationId)))
        .for("update");
      for (const p of attached) await setProjectCluster(tx, ctx, p.id, id, null);
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "cluster.member_visibility",
      entity: "cluster",
      entityId: id,
      after: { organizationId, public: visible },
    });
    return present(tx, ctx, r);
  });
}

/** The project locked for its lead's owner or admin (anyone else 404). */
async function ownProject(tx: Executor, ctx: Ctx, projectId: string) {
  const [p] = await tx
    .select({
      id: projects.id,
      leadOrganizationId: projects.leadOrganizationId,
      clusterId: projects.clusterId,
      version: projects.version,
    })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for("update");
  if (!p) throw notFound();
  const access = await accessOf(tx, ctx.actor, p.leadOrganizationId);
  if (!can(ctx.actor, "clusters.member", access)) throw refusal(404, p.leadOrganizationId, "clusters.member");
  return p;
}

async function setProjectCluster(
  tx: Executor,
  ctx: Ctx,
  projectId: string,
  from: string | null,
  to: string | null,
) {
  await tx
    .update(projects)
    .set({ clusterId: to, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, projectId));
  await writeAudit(tx, auditCtx(ctx), {
    action: to ? "project.cluster_attach" : "project.cluster_detach",
    entity: "project",
    entityId: projectId,
    before: { clusterId: from },
    after: { clusterId: to },
  });
}

/**
 * Attaches a project to the cluster (its lead's owner or admin; the lead organization must be a member:
 * 409 "cluster-not-member", and named — a project's page and the catalog's cluster filter show it in the
 * cluster: 409 "cluster-member-not-named"). A project belongs to one cluster at most: attaching moves it.
 * The cluster's row is locked, as a member's removal locks it, so a removal cannot slip in between.
 */
export async function attachProject(ctx: Ctx, id: string, projectId: string) {
  return ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    const p = await ownProject(tx, ctx, projectId);
    const [m] = await tx
      .select({ public: clusterMembers.public })
      .from(clusterMembers)
      .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.organizationId, p.leadOrganizationId)));
    if (!m) throw new AppError(409, "cluster-not-member");
    if (!m.public && p.leadOrganizationId !== r.leadOrganizationId)
      throw new AppError(409, "cluster-member-not-named");
    if (p.clusterId !== id) await setProjectCluster(tx, ctx, projectId, p.clusterId, id);
    return present(tx, ctx, r);
  });
}

/** Detaches a project from the cluster (its lead's owner or admin); one not in the cluster is 404. */
export async function detachProject(ctx: Ctx, id: string, projectId: string) {
  return ctx.db.transaction(async (tx) => {
    const r = await clusterRow(tx, id, true);
    const p = await ownProject(tx, ctx, projectId);
    if (p.clusterId !== id) throw notFound();
    await setProjectCluster(tx, ctx, projectId, id, null);
    return present(tx, ctx, r);
  });
}
