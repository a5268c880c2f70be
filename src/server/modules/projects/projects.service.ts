import { and, asc, desc, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  countedShares,
  datesInOrder,
  isJoint,
  type MemberState,
  SHARE_WHOLE,
  shareIssues,
} from "../../../shared/projects.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, rows } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import {
  type Bitset,
  catalogIndex,
  type IndexDefinition,
  indexedMatches,
  indexedPage,
} from "../../core/search.index.js";
import { type Catalog, cachedJson, generation } from "../../core/search.js";
import { industriesOf, tagsOf, topicsText } from "../challenges/challenges.matching.js";
import { clusters } from "../clusters/clusters.schema.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import type {
  ConsortiumBody,
  CreateProjectBody,
  InvitationDecisionBody,
  MineQuery,
  Project,
  ProjectCard,
  ProjectsQuery,
  UpdateProjectBody,
} from "./projects.contract.js";
import { Project as ProjectSchema, ProjectsPage as ProjectsPageSchema } from "./projects.contract.js";
import { entriesOf, totalsOf } from "./projects.entries.service.js";
import { PROJECT_NOTIFICATION_KINDS } from "./projects.notifications.js";
import { projectMembers, projects } from "./projects.schema.js";

/*
 * Innovative projects and their consortia (src/shared/projects.ts). A project is created for a lead
 * organization by its owner or admin (or an operator on its behalf) and is public at once: its page and
 * the catalog on the search engine. The same people edit it and set its consortium: the partners with a
 * role and a share each (the shares rule of src/shared/projects.ts); a new partner is invited, and its
 * owner or admin accepts or declines in the platform (a declined share returns to the lead).
 *
 * Every change bumps the project's `version`; an edit names the version it saw, so a stale edit is 409
 * "project-changed" with the project as it is now. Each use case is one transaction with its audit
 * entry and notices.
 */

export type Row = Omit<typeof projects.$inferSelect, "search">;
type View = z.infer<typeof Project>;
type CardView = z.infer<typeof ProjectCard>;
type OrgRef = { id: string; shortName: string };
type ClusterRef = { id: string | null; nameRu: string | null } | null;
export type Reader = View["me"];

const { search: _search, ...COLUMNS } = getTableColumns(projects);
export const PROJECT_COLUMNS = COLUMNS;
export const PROJECTS_CATALOG: Catalog = { name: "projects" };
export const GUEST: Reader = { manage: false, operate: false, invitations: [] };

// ---------- reading ----------

export async function projectRow(ex: Executor, id: string, lock = false): Promise<Row> {
  const q = ex.select(COLUMNS).from(projects).where(eq(projects.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

export type MemberRow = {
  organizationId: string;
  shortName: string;
  state: MemberState;
  roleRu: string;
  share: number;
  decidedAt: Date | null;
};

/** A project's members, the lead first, then the partners in the order they were invited. */
export async function membersOf(ex: Executor, projectId: string): Promise<MemberRow[]> {
  return ex
    .select({
      organizationId: projectMembers.organizationId,
      shortName: organizations.shortName,
      state: projectMembers.state,
      roleRu: projectMembers.roleRu,
      share: projectMembers.share,
      decidedAt: projectMembers.decidedAt,
    })
    .from(projectMembers)
    .innerJoin(organizations, eq(organizations.id, projectMembers.organizationId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(sql`${projectMembers.state} <> 'lead'`, asc(projectMembers.createdAt), asc(organizations.id));
}

export async function orgRef(ex: Executor, id: string): Promise<OrgRef> {
  const [o] = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  return o ?? { id, shortName: "" };
}

/** The reader's standing: may manage it; operates the money queue; invitations they may answer. */
export async function readerOf(ex: Executor, ctx: Ctx, r: Row, members: MemberRow[]): Promise<Reader> {
  if (!ctx.actor) return GUEST;
  const access = await accessOf(ex, ctx.actor, r.leadOrganizationId);
  const invited = members.filter((m) => m.state === "invited");
  const mine = invited.length
    ? await ex
        .select({ id: memberships.organizationId })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, ctx.actor.id),
            inArray(
              memberships.organizationId,
              invited.map((m) => m.organizationId),
            ),
            inArray(memberships.role, ["owner", "admin"]),
          ),
        )
    : [];
  const ids = new Set(mine.map((m) => m.id));
  return {
    manage: can(ctx.actor, "projects.manage", access),
    operate: can(ctx.actor, "operator.projects.decide"),
    invitations: invited
      .filter((m) => ids.has(m.organizationId))
      .map((m) => ({ id: m.organizationId, shortName: m.shortName })),
  };
}

const memberView = (m: MemberRow) => ({
  organization: { id: m.organizationId, shortName: m.shortName },
  state: m.state,
  roleRu: m.roleRu,
  share: m.share,
  decidedAt: m.decidedAt?.toISOString() ?? null,
});

function card(
  r: Row,
  lead: OrgRef,
  partners: OrgRef[],
  totals: CardView["totals"],
  cluster: ClusterRef,
): CardView {
  return {
    id: r.id,
    titleRu: r.titleRu,
    lead,
    industries: r.industries,
    tags: r.tags,
    stage: r.stage,
    trl: r.trl,
    startOn: r.startOn,
    endOn: r.endOn,
    budget: r.budget,
    joint: r.joint,
    partners,
    totals,
    cluster: cluster?.id ? { id: cluster.id, nameRu: cluster.nameRu ?? "" } : null,
  };
}

/** The project's cluster (its page). */
async function clusterRef(ex: Executor, id: string | null): Promise<ClusterRef> {
  if (!id) return null;
  const [c] = await ex
    .select({ id: clusters.id, nameRu: clusters.nameRu })
    .from(clusters)
    .where(eq(clusters.id, id));
  return c ?? null;
}

const CLUSTER_REF = { id: clusters.id, nameRu: clusters.nameRu };

/**
 * A project as the reader sees it. The public sees the lead and the accepted partners with the counted
 * shares, and the confirmed money only; those who manage it and operators see every invitation and
 * entry; an invited organization's managers see the consortium as it stands.
 */
export async function present(ex: Executor, r: Row, me: Reader, members?: MemberRow[]): Promise<View> {
  const list = members ?? (await membersOf(ex, r.id));
  const full = me.manage || me.operate || me.invitations.length > 0;
  const shown = full ? list : countedShares(list);
  const lead = list.find((m) => m.state === "lead");
  return {
    ...card(
      r,
      lead ? { id: lead.organizationId, shortName: lead.shortName } : await orgRef(ex, r.leadOrganizationId),
      list
        .filter((m) => m.state === "accepted")
        .map((m) => ({ id: m.organizationId, shortName: m.shortName })),
      await totalsOf(ex, r.id),
      await clusterRef(ex, r.clusterId),
    ),
    descriptionRu: r.descriptionRu,
    members: shown.map(memberView),
    entries: await entriesOf(ex, r.id, me.manage || me.operate ? "all" : "confirmed"),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    me,
  };
}

/** A project's page for a signed-in reader (every project is public). */
export async function getProject(ctx: Ctx, id: string): Promise<View> {
  const r = await projectRow(ctx.db, id);
  const members = await membersOf(ctx.db, id);
  return present(ctx.db, r, await readerOf(ctx.db, ctx, r, members), members);
}

/** A guest's page, cached by the catalog's generation. */
export function publicProject(ctx: Ctx, id: string): Promise<string> {
  return cachedJson(ctx.db, "projects", `page:${id}`, ProjectSchema, async () => {
    const r = await projectRow(ctx.db, id);
    return present(ctx.db, r, GUEST);
  });
}

// ---------- the catalog ----------

const PROJECT_TEXTS = {
  table: sql`projects`,
  id: sql`id`,
  search: sql`search`,
  title: sql`title_ru`,
  where: sql`true`,
  typoBelow: 20,
};

export const PROJECT_FACETS = ["industry", "stage", "trl", "joint", "cluster", "region"] as const;
type FacetField = (typeof PROJECT_FACETS)[number];

type IndexRow = {
  id: string;
  industries: string[];
  stage: string;
  trl: number;
  joint: boolean;
  clusterId: string | null;
  clusterName: string | null;
  /** The lead organization's region. */
  region: string | null;
  /** The lead and the accepted partners (the `organization` filter). */
  organizations: string[];
  newest: number;
};

/**
 * Every project's facet values, the organizations it is listed for (the lead and accepted partners),
 * its cluster's name and its place in the catalog's order (latest changed first), as the catalog's
 * in-memory index (core/search.index.ts) reads them at a generation.
 */
export const PROJECTS_INDEX: IndexDefinition<IndexRow, FacetField | "organization", "newest"> = {
  catalog: "projects",
  load: (ex) =>
    rows<IndexRow>(
      ex,
      sql`select p.id, p.industries, p.stage::text as "stage", p.trl, p.joint, p.cluster_id as "clusterId",
          c.name_ru as "clusterName", o.region_code as "region",
          array(select p.lead_organization_id::text union
            select pm.organization_id::text from project_members pm
            where pm.project_id = p.id and pm.state = 'accepted') as "organizations",
          (row_number() over (order by p.updated_at desc, p.id asc))::int as "newest"
        from projects p join organizations o on o.id = p.lead_organization_id
          left join clusters c on c.id = p.cluster_id`,
    ),
  id: (r) => r.id,
  facets: {
    industry: (r) => r.industries,
    stage: (r) => r.stage,
    trl: (r) => String(r.trl),
    joint: (r) => String(r.joint),
    cluster: (r) => r.clusterId,
    region: (r) => r.region,
    organization: (r) => r.organizations,
  },
  orders: { newest: (r) => r.newest },
};

/** Clusters' names by id, per index (a rename moves the generation, so a new index). */
const clusterNames = new WeakMap<object, Map<string, string>>();

/**
 * The public catalog: Russian full text on the search engine (corrections, then similar titles), facets
 * industry, stage, TRL, joint or not, cluster and the lead's region (each counted under the other
 * filters), an organization's projects (lead or accepted partner); the latest changed first (by
 * relevance with a text, ties latest changed first). Answers cached by the catalog's generation, which
 * every write to projects, members, money entries, a lead's name or region and a cluster's name moves.
 * Filters, totals, facet counts and the page's order come from the catalog's in-memory index at that
 * generation (exact: rebuilt from the table when a newer generation is read); SQL gives only a text's
 * matches (kept per text and generation) and the page's cards (kept per project and generation).
 */
export function searchProjects(ctx: Ctx, q: z.infer<typeof ProjectsQuery>): Promise<string> {
  const db = ctx.db;
  return cachedJson(db, "projects", JSON.stringify(q), ProjectsPageSchema, async (gen) => {
    const index = await catalogIndex(db, PROJECTS_INDEX, gen, (ex) => generation(ex, "projects"));
    const chosen: Record<FacetField | "organization", readonly string[] | undefined> = {
      industry: q.industry,
      stage: q.stage,
      trl: q.trl?.map(String),
      joint: q.joint ? [q.joint] : undefined,
      cluster: q.cluster,
      region: q.region,
      organization: q.organization ? [q.organization] : undefined,
    };
    const filters = new Map<FacetField | "organization", Bitset>();
    for (const [f, values] of Object.entries(chosen) as [FacetField | "organization", string[] | undefined][])
      if (values?.length) filters.set(f, index.anyOf(f, values));
    const text = q.q?.trim();
    const match = text
      ? await indexedMatches(db, index, PROJECTS_CATALOG, PROJECT_TEXTS, text, (r) => r.newest)
      : null;
    const { total, result, facets } = index.facetCounts(PROJECT_FACETS, match?.set ?? null, filters);
    const items = await indexedPage(
      db,
      "projects",
      index,
      match?.order ?? index.order("newest"),
      result,
      q,
      (missing) => cardsOf(db, missing),
    );
    let names = clusterNames.get(index);
    if (!names) {
      names = new Map(index.rows.flatMap((r) => (r.clusterId ? [[r.clusterId, r.clusterName ?? ""]] : [])));
      clusterNames.set(index, names);
    }
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets: PROJECT_FACETS.map((field) => ({
        field,
        // Most projects first, then by value (code point order, as `collate "C"`).
        values: [...(facets.get(field) ?? new Map<string, number>())]
          .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
          .map(([value, count]) =>
            field === "cluster" ? { value, count, label: names.get(value) ?? "" } : { value, count },
          ),
      })),
    };
  });
}

/** The catalog's cards of these projects (the lead, cluster, accepted partners and confirmed totals). */
async function cardsOf(ex: Executor, ids: string[]): Promise<Map<string, CardView>> {
  const [found, partners, totals] = await Promise.all([
    ex
      .select({
        p: COLUMNS,
        lead: { id: organizations.id, shortName: organizations.shortName },
        cluster: CLUSTER_REF,
      })
      .from(projects)
      .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
      .leftJoin(clusters, eq(clusters.id, projects.clusterId))
      .where(inArray(projects.id, ids)),
    partnersOf(ex, ids),
    totalsOfMany(ex, ids),
  ]);
  return new Map(
    found.map((f) => [
      f.p.id,
      card(
        f.p,
        f.lead,
        partners.get(f.p.id) ?? [],
        totals.get(f.p.id) ?? { investment: 0, support: 0 },
        f.cluster,
      ),
    ]),
  );
}

/** The accepted partners of these projects. */
async function partnersOf(ex: Executor, ids: string[]): Promise<Map<string, OrgRef[]>> {
  const map = new Map<string, OrgRef[]>();
  if (!ids.length) return map;
  const list = await ex
    .select({ projectId: projectMembers.projectId, id: organizations.id, shortName: organizations.shortName })
    .from(projectMembers)
    .innerJoin(organizations, eq(organizations.id, projectMembers.organizationId))
    .where(and(inArray(projectMembers.projectId, ids), eq(projectMembers.state, "accepted")))
    .orderBy(asc(projectMembers.createdAt), asc(organizations.id));
  for (const p of list)
    map.set(p.projectId, [...(map.get(p.projectId) ?? []), { id: p.id, shortName: p.shortName }]);
  return map;
}

/** Confirmed money of these projects (the catalog's cards). */
async function totalsOfMany(ex: Executor, ids: string[]) {
  const map = new Map<string, { investment: number; support: number }>();
  if (!ids.length) return map;
  const list = await rows<{ id: string; investment: string; support: string }>(
    ex,
    sql`select project_id as "id",
          coalesce(sum(amount) filter (where kind = 'investment'), 0)::text as "investment",
          coalesce(sum(amount) filter (where kind = 'support'), 0)::text as "support"
        from project_entries where state = 'confirmed' and project_id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) group by project_id`,
  );
  for (const t of list) map.set(t.id, { investment: Number(t.investment), support: Number(t.support) });
  return map;
}

/** The projects of the reader's organizations (led, or invited to and accepted), latest changed first. */
export async function myProjects(ctx: Ctx, q: z.infer<typeof MineQuery>) {
  const actor = requireActor(ctx);
  const mine = sql`${projectMembers.organizationId} in (select organization_id from memberships where user_id = ${actor.id})`;
  const cond = and(sql`${mine}`, ne(projectMembers.state, "declined"))!;
  const list = await ctx.db
    .select({
      p: COLUMNS,
      state: projectMembers.state,
      lead: { id: organizations.id, shortName: organizations.shortName },
      cluster: CLUSTER_REF,
      count: sql<number>`(count(*) over ())::int`,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .leftJoin(clusters, eq(clusters.id, projects.clusterId))
    .where(cond)
    .orderBy(desc(projects.updatedAt), asc(projects.id), asc(projectMembers.organizationId))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const ids = list.map((l) => l.p.id);
  const partners = await partnersOf(ctx.db, ids);
  const totals = await totalsOfMany(ctx.db, ids);
  const total = list[0]?.count ?? (q.page === 1 ? 0 : (await countRows(ctx.db, projectMembers, cond))[0]!.n);
  return {
    items: list.map((l) => ({
      ...card(
        l.p,
        l.lead,
        partners.get(l.p.id) ?? [],
        totals.get(l.p.id) ?? { investment: 0, support: 0 },
        l.cluster,
      ),
      state: l.state,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ---------- writing ----------

/** The stale-version answer: 409 with the project as it is now. */
export async function changed(ex: Executor, ctx: Ctx, id: string): Promise<never> {
  const r = await projectRow(ex, id);
  const members = await membersOf(ex, id);
  const current = await present(ex, r, await readerOf(ex, ctx, r, members), members);
  throw new AppError(409, "project-changed", {}, [], { current });
}

/** The project locked for a change by one who may manage it (anyone else: 404). */
export async function managedProject(tx: Executor, ctx: Ctx, id: string): Promise<Row> {
  const r = await projectRow(tx, id, true);
  const access = await accessOf(tx, ctx.actor, r.leadOrganizationId);
  if (!can(ctx.actor, "projects.manage", access)) throw refusal(404, r.leadOrganizationId, "projects.manage");
  return r;
}

type Content = Omit<z.infer<typeof UpdateProjectBody>, "version">;

function contentOf(c: Content) {
  const fields: FieldError[] = [];
  if (!datesInOrder(c.startOn, c.endOn)) fields.push({ field: "endOn", key: "field.project.dates-order" });
  if (fields.length) throw badRequest(fields);
  const industries = industriesOf(c.industries);
  const tags = tagsOf(c.tags);
  return {
    titleRu: c.titleRu,
    descriptionRu: c.descriptionRu,
    industries,
    tags,
    stage: c.stage,
    trl: c.trl,
    startOn: c.startOn ?? null,
    endOn: c.endOn ?? null,
    budget: c.budget ?? null,
    searchText: topicsText(industries, tags),
  };
}

const contentAudit = (c: Pick<Row, "titleRu" | "stage" | "trl" | "budget" | "startOn" | "endOn">) => ({
  titleRu: c.titleRu,
  stage: c.stage,
  trl: c.trl,
  budget: c.budget,
  startOn: c.startOn,
  endOn: c.endOn,
});

async function withReader(tx: Executor, ctx: Ctx, r: Row) {
  const members = await membersOf(tx, r.id);
  return present(tx, r, await readerOf(tx, ctx, r, members), members);
}

/** Creates a project for a lead organization (its owner or admin, or an operator on its behalf). */
export async function createProject(ctx: Ctx, body: z.infer<typeof CreateProjectBody>): Promise<View> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await accessOf(tx, ctx.actor, body.leadOrganizationId);
    if (!can(ctx.actor, "projects.manage", access))
      throw refusal(404, body.leadOrganizationId, "projects.manage");
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, body.leadOrganizationId));
    if (!org) throw notFound();
    const content = contentOf(body);
    const [r] = await tx
      .insert(projects)
      .values({ leadOrganizationId: body.leadOrganizationId, authorId: actor.id, ...content })
      .returning(COLUMNS);
    await tx.insert(projectMembers).values({
      projectId: r!.id,
      organizationId: body.leadOrganizationId,
      state: "lead",
      roleRu: body.leadRoleRu ?? "",
      share: SHARE_WHOLE,
      invitedBy: actor.id,
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "project.create",
      entity: "project",
      entityId: r!.id,
      after: { leadOrganizationId: body.leadOrganizationId, ...contentAudit(r!) },
    });
    return withReader(tx, ctx, r!);
  });
}

/** One conditional UPDATE at the version seen: a concurrent change makes it 409 with the project now. */
async function bump(
  tx: Executor,
  ctx: Ctx,
  r: Row,
  version: number,
  set: Partial<typeof projects.$inferInsert>,
) {
  const [after] = await tx
    .update(projects)
    .set({ ...set, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, r.id), eq(projects.version, version)))
    .returning(COLUMNS);
  if (!after) return changed(tx, ctx, r.id);
  return after;
}

/** Edits a project (its managers); a stale version is 409 with the project as it is now. */
export async function updateProject(ctx: Ctx, id: string, body: z.infer<typeof UpdateProjectBody>) {
  return ctx.db.transaction(async (tx) => {
    const r = await managedProject(tx, ctx, id);
    if (r.version !== body.version) await changed(tx, ctx, id);
    const after = await bump(tx, ctx, r, body.version, contentOf(body));
    await writeAudit(tx, auditCtx(ctx), {
      action: "project.update",
      entity: "project",
      entityId: id,
      before: { ...contentAudit(r), version: r.version },
      after: { ...contentAudit(after), version: after.version },
    });
    return withReader(tx, ctx, after);
  });
}

/** The consortium's audit picture: each organization's state, role and share. */
const consortiumAudit = (list: { organizationId: string; state: string; roleRu: string; share: number }[]) =>
  list.map((m) => ({ org: m.organizationId, state: m.state, role: m.roleRu, share: m.share }));

/**
 * Sets the consortium (the lead's managers): the lead first, then the partners with a role and a share.
 * A new partner is invited (its owner and admins are told); a partner left out is removed; an accepted
 * partner whose role or share changes is asked again (back to invited); a declined one listed again is
 * invited again. The shares of all but declined partners must sum to 100% (src/shared/projects.ts).
 */
export async function setConsortium(ctx: Ctx, id: string, body: z.infer<typeof ConsortiumBody>) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const r = await managedProject(tx, ctx, id);
    if (r.version !== body.version) await changed(tx, ctx, id);
    const before = await membersOf(tx, id);
    const byOrg = new Map(before.map((m) => [m.organizationId, m]));
    const [first, ...rest] = body.members;
    const fields: FieldError[] = [];
    if (first!.organizationId !== r.leadOrganizationId)
      fields.push({ field: "members.0.organizationId", key: "field.project.lead-first" });
    const next = body.members.map((m, i) => {
      const old = byOrg.get(m.organizationId);
      const state: MemberState =
        i === 0
          ? "lead"
          : old && old.state === "accepted" && old.share === m.share && old.roleRu === m.roleRu
            ? "accepted"
            : "invited";
      return { ...m, state };
    });
    fields.push(
      ...shareIssues(next).map((i) => ({
        field: i.path,
        key: i.key,
        ...(i.params ? { params: i.params } : {}),
      })),
    );
    const unknown = rest.length
      ? new Set(rest.map((m) => m.organizationId).filter((o) => !byOrg.has(o)))
      : new Set<string>();
    if (unknown.size) {
      const found = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(inArray(organizations.id, [...unknown]));
      for (const f of found) unknown.delete(f.id);
      rest.forEach((m, i) => {
        if (unknown.has(m.organizationId))
          fields.push({
            field: `members.${i + 1}.organizationId`,
            key: "field.project.organization-unknown",
          });
      });
    }
    if (fields.length) throw badRequest(fields);
    const keep = new Set(next.map((m) => m.organizationId));
    const removed = before.filter((m) => !keep.has(m.organizationId) && m.state !== "declined");
    if (removed.length || before.some((m) => !keep.has(m.organizationId)))
      await tx.delete(projectMembers).where(
        and(
          eq(projectMembers.projectId, id),
          sql`${projectMembers.organizationId} not in (${sql.join(
            [...keep].map((o) => sql`${o}::uuid`),
            sql`, `,
          )})`,
        ),
      );
    const invited: string[] = [];
    for (const [position, m] of next.entries()) {
      const old = byOrg.get(m.organizationId);
      if (!old) {
        await tx.insert(projectMembers).values({
          projectId: id,
          organizationId: m.organizationId,
          state: m.state,
          roleRu: m.roleRu,
          share: m.share,
          invitedBy: actor.id,
          // the order the lead listed them: one transaction's now() is the same for every row, and
          // clock_timestamp() may repeat on a coarse clock (PGlite), so a microsecond per place in the list
          createdAt: sql`now() + ${position} * interval '1 microsecond'`,
        });
        if (m.state === "invited") invited.push(m.organizationId);
        continue;
      }
      if (old.state === m.state && old.share === m.share && old.roleRu === m.roleRu) continue;
      await tx
        .update(projectMembers)
        .set({
          state: m.state,
          roleRu: m.roleRu,
          share: m.share,
          ...(m.state === "invited" ? { invitedBy: actor.id, decidedBy: null, decidedAt: null } : {}),
          updatedAt: sql`now()`,
        })
        .where(and(eq(projectMembers.projectId, id), eq(projectMembers.organizationId, m.organizationId)));
      if (m.state === "invited") invited.push(m.organizationId);
    }
    const after = await bump(tx, ctx, r, body.version, { joint: isJoint(next) });
    await writeAudit(tx, auditCtx(ctx), {
      action: "project.consortium",
      entity: "project",
      entityId: id,
      before: { members: consortiumAudit(before), version: r.version },
      after: { members: consortiumAudit(next), version: after.version },
    });
    const notices = [];
    for (const orgId of invited)
      notices.push({
        userIds: (await managerIds(tx, orgId)).filter((u) => u !== actor.id),
        kind: PROJECT_NOTIFICATION_KINDS.invited,
        data: { project: r.titleRu, lead: (await orgRef(tx, r.leadOrganizationId)).shortName },
        link: `/projects/${id}`,
      });
    for (const m of removed.filter((x) => x.state !== "lead"))
      notices.push({
        userIds: (await managerIds(tx, m.organizationId)).filter((u) => u !== actor.id),
        kind: PROJECT_NOTIFICATION_KINDS.removed,
        data: { project: r.titleRu },
        link: `/projects/${id}`,
      });
    await notifyAll(tx, ctx.config.publicUrl, notices);
    return withReader(tx, ctx, after);
  });
  ctx.mailQueued();
  return view;
}

/**
 * The invited organization's owner or admin accepts or declines (anyone else: 404). A declined share
 * returns to the lead; an answered invitation is 409 "project-invitation-answered". The lead's managers
 * are told.
 */
export async function answerInvitation(
  ctx: Ctx,
  id: string,
  organizationId: string,
  body: z.infer<typeof InvitationDecisionBody>,
) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const r = await projectRow(tx, id, true);
    const access = await accessOf(tx, ctx.actor, organizationId);
    const [m] = await tx
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, id), eq(projectMembers.organizationId, organizationId)))
      .for("update");
    if (!m || m.state === "lead" || !can(ctx.actor, "projects.answer", access))
      throw refusal(404, organizationId, "projects.answer");
    if (r.version !== body.version) await changed(tx, ctx, id);
    if (m.state !== "invited") throw new AppError(409, "project-invitation-answered");
    const accept = body.decision === "accept";
    await tx
      .update(projectMembers)
      .set({
        state: accept ? "accepted" : "declined",
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(projectMembers.projectId, id), eq(projectMembers.organizationId, organizationId)));
    if (!accept)
      await tx
        .update(projectMembers)
        .set({ share: sql`${projectMembers.share} + ${m.share}`, updatedAt: sql`now()` })
        .where(and(eq(projectMembers.projectId, id), eq(projectMembers.state, "lead")));
    const members = await membersOf(tx, id);
    const after = await bump(tx, ctx, r, body.version, { joint: isJoint(members) });
    await writeAudit(tx, auditCtx(ctx), {
      action: accept ? "project.invitation_accept" : "project.invitation_decline",
      entity: "project",
      entityId: id,
      before: { org: organizationId, state: m.state, share: m.share, version: r.version },
      after: { members: consortiumAudit(members), version: after.version },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, r.leadOrganizationId)).filter((u) => u !== actor.id),
        kind: PROJECT_NOTIFICATION_KINDS.answered,
        data: {
          project: r.titleRu,
          partner: (await orgRef(tx, organizationId)).shortName,
          decision: body.decision,
        },
        link: `/projects/${id}`,
      },
    ]);
    return withReader(tx, ctx, after);
  });
  ctx.mailQueued();
  return view;
}
