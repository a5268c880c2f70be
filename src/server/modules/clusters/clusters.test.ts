import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { projectEntries } from "../projects/projects.schema.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let stranger: Client;
type Team = Awaited<ReturnType<typeof orgWithTeam>>;
let lead: Team;
let alpha: Team;
let beta: Team;

type OrgRef = { id: string; shortName: string };
type ClusterView = {
  id: string;
  nameRu: string;
  version: number;
  lead: OrgRef | null;
  members: number;
  projects: number;
  namedMembers: OrgRef[];
  projectsList: { id: string }[];
  totals: { members: number; projects: number; joint: number; investment: number; support: number };
  me: {
    operate: boolean;
    lead: boolean;
    mayApply: OrgRef[];
    pending: { id: string }[];
    memberships: (OrgRef & { public: boolean })[];
    projects: { id: string; clusterId: string | null }[];
  };
};
type Application = { id: string; state: string; version: number; reasonRu: string | null };
type Page = {
  items: { id: string; cluster: { id: string } | null }[];
  total: number;
  facets: { field: string; values: { value: string; count: number; label?: string }[] }[];
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const body = (leadOrganizationId: string, o: Record<string, unknown> = {}) => ({
  nameRu: "Беспилотные системы",
  themeRu: "Беспилотные авиационные и наземные системы для городских задач: мониторинг и доставка.",
  industries: ["C", "H"],
  leadOrganizationId,
  ...o,
});

const project = (c: Client, leadOrganizationId: string, titleRu = "Дрон для инспекции кровель") =>
  ok<{ id: string; version: number }>(
    c.post("/api/projects", {
      leadOrganizationId,
      titleRu,
      descriptionRu: "Беспилотник с тепловизором для обследования кровель жилых домов района.",
      industries: ["C"],
      tags: [],
      stage: "prototype",
      trl: 5,
    }),
    201,
  );

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  lead = await orgWithTeam(t, { shortName: "АО «Аэроплатформа»" });
  alpha = await orgWithTeam(t, { shortName: "ООО «Альфа-Дроны»", regionCode: "50" });
  beta = await orgWithTeam(t, { shortName: "ООО «Бета-Навигация»" });
});

const created = (o: Record<string, unknown> = {}) =>
  ok<ClusterView>(op.post("/api/clusters", body(lead.org.id, o)), 201);

const applyAs = (team: Team, id: string, o: Record<string, unknown> = {}) =>
  ok<Application>(
    team.ownerC.post(`/api/clusters/${id}/applications`, {
      organizationId: team.org.id,
      motivationRu: "Делаем навигацию для беспилотников, ищем партнёров для пилотов.",
      public: true,
      ...o,
    }),
    201,
  );

describe("clusters", () => {
  it("only an operator creates and edits; stale edits 409; a new lead is told and named", async () => {
    expectProblem(await lead.ownerC.post("/api/clusters", body(lead.org.id)), 403);
    expectProblem(await stranger.post("/api/clusters", body(lead.org.id)), 403);
    expectProblem(await guest.post("/api/clusters", body(lead.org.id)), 401);
    const bad = expectProblem(
      await op.post("/api/clusters", body("00000000-0000-4000-8000-000000000000")),
      400,
    );
    expect(Object.keys(fieldErrors(bad))).toEqual(["leadOrganizationId"]);
    const c = await created();
    expect(c).toMatchObject({ version: 1, lead: { id: lead.org.id }, members: 1, me: { operate: true } });
    const asLead = await ok<ClusterView>(lead.ownerC.get(`/api/clusters/${c.id}`));
    expect(asLead.me).toMatchObject({ operate: false, lead: true });

    expectProblem(
      await lead.ownerC.patch(`/api/clusters/${c.id}`, { ...body(alpha.org.id), version: 1 }),
      403,
    );
    const edited = await ok<ClusterView>(
      op.patch(`/api/clusters/${c.id}`, { ...body(alpha.org.id), version: 1 }),
    );
    expect(edited).toMatchObject({ version: 2, lead: { id: alpha.org.id }, members: 2 });
    const stale = expectProblem(
      await op.patch(`/api/clusters/${c.id}`, { ...body(beta.org.id), version: 1 }),
      409,
      "cluster-changed",
    );
    expect(stale.current).toMatchObject({ version: 2, lead: { id: alpha.org.id } });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alpha.owner.id), eq(notifications.kind, "clusters.appointed")));
    expect(told).toHaveLength(1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cluster"), eq(auditLog.entityId, c.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["cluster.appoint_lead", "cluster.create"]);

    const found = await ok<{ items: { id: string }[] }>(guest.get("/api/clusters?q=беспилотные"));
    expect(found.items.map((i) => i.id)).toContain(c.id);
    const none = await ok<{ total: number }>(guest.get("/api/clusters?q=фармацевтика"));
    expect(none.total).toBe(0);
    const byIndustry = await ok<{
      items: { id: string }[];
      facets: { field: string; values: { value: string; count: number }[] }[];
    }>(guest.get("/api/clusters?industry=H"));
    expect(byIndustry.items.map((i) => i.id)).toContain(c.id);
    expect(byIndustry.facets[0]!.values).toEqual(expect.arrayContaining([{ value: "C", count: 1 }]));
    expect((await ok<{ total: number }>(guest.get("/api/clusters?industry=Q"))).total).toBe(0);
  });

  it("apply, accept, decline with a reason; the applicant is told; a non-consenting member is never named", async () => {
    const c = await created({ nameRu: "Кластер заявок" });
    // a plain member or a stranger may not apply for the organization
    expectProblem(
      await alpha.memberC.post(`/api/clusters/${c.id}/applications`, {
        organizationId: alpha.org.id,
        motivationRu: "Хотим участвовать в проектах кластера.",
      }),
      404,
    );
    const a = await applyAs(alpha, c.id, { public: false });
    expectProblem(
      await alpha.ownerC.post(`/api/clusters/${c.id}/applications`, {
        organizationId: alpha.org.id,
        motivationRu: "Повторная заявка организации.",
      }),
      409,
      "cluster-application-pending",
    );
    // the applicant withdraws and applies again
    const first = await applyAs(beta, c.id);
    const asBeta = await ok<ClusterView>(beta.ownerC.get(`/api/clusters/${c.id}`));
    expect(asBeta.me.pending.map((p) => p.id)).toEqual([first.id]);
    expectProblem(
      await alpha.ownerC.post(`/api/cluster-applications/${first.id}/withdrawal`, { version: 1 }),
      404,
    );
    expect(
      (
        await ok<Application>(
          beta.adminC.post(`/api/cluster-applications/${first.id}/withdrawal`, { version: 1 }),
        )
      ).state,
    ).toBe("withdrawn");
    const b = await applyAs(beta, c.id);
    // only the lead's managers read the applications and decide
    expectProblem(await alpha.ownerC.get(`/api/clusters/${c.id}/applications`), 404);
    expectProblem(await lead.memberC.get(`/api/clusters/${c.id}/applications`), 404);
    const pending = await ok<{ items: { id: string }[] }>(
      lead.adminC.get(`/api/clusters/${c.id}/applications`),
    );
    expect(pending.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expectProblem(
      await alpha.ownerC.post(`/api/cluster-applications/${a.id}/decision`, {
        decision: "accept",
        version: 1,
      }),
      404,
    );
    const accepted = await ok<Application>(
      lead.ownerC.post(`/api/cluster-applications/${a.id}/decision`, { decision: "accept", version: 1 }),
    );
    expect(accepted.state).toBe("accepted");
    const noReason = expectProblem(
      await lead.ownerC.post(`/api/cluster-applications/${b.id}/decision`, {
        decision: "decline",
        version: 1,
      }),
      400,
    );
    expect(Object.keys(fieldErrors(noReason))).toEqual(["reasonRu"]);
    const declined = await ok<Application>(
      lead.ownerC.post(`/api/cluster-applications/${b.id}/decision`, {
        decision: "decline",
        reasonRu: "Профиль не совпадает с тематикой кластера",
        version: 1,
      }),
    );
    expect(declined).toMatchObject({
      state: "declined",
      reasonRu: "Профиль не совпадает с тематикой кластера",
    });
    const kinds = await t.database.db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.kind, "clusters.decided"));
    expect(kinds.map((k) => k.userId)).toEqual(expect.arrayContaining([alpha.owner.id, beta.owner.id]));
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entity, "cluster_application"));
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(["cluster_application.accept", "cluster_application.decline"]),
    );

    // alpha is a member but did not agree to be named: counted, never named
    const pub = await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`));
    expect(pub.totals.members).toBe(2);
    expect(pub.namedMembers.map((m) => m.id)).toEqual([lead.org.id]);
    expect(JSON.stringify(pub)).not.toContain(alpha.org.id);
    expect(JSON.stringify(await ok(stranger.get(`/api/clusters/${c.id}`)))).not.toContain(alpha.org.id);
    const asLead = await ok<{ me: { members: { id: string; public: boolean }[] } }>(
      lead.ownerC.get(`/api/clusters/${c.id}`),
    );
    expect(asLead.me.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: alpha.org.id, public: false })]),
    );
    const asAlpha = await ok<ClusterView>(alpha.ownerC.get(`/api/clusters/${c.id}`));
    expect(asAlpha.me.memberships).toEqual([expect.objectContaining({ id: alpha.org.id, public: false })]);
    await ok(alpha.ownerC.patch(`/api/clusters/${c.id}/members/${alpha.org.id}`, { public: true }));
    const named = await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`));
    expect(named.namedMembers.map((m) => m.id)).toEqual([lead.org.id, alpha.org.id]);
    const orgClusters = await ok<{ items: { id: string }[] }>(
      guest.get(`/api/organizations/${alpha.org.id}/clusters`),
    );
    expect(orgClusters.items.map((i) => i.id)).toContain(c.id);
  });

  it("a member not named never shows through a project, and an appointed lead keeps its own consent", async () => {
    const c = await created({ nameRu: "Кластер согласий" });
    const p = await project(alpha.ownerC, alpha.org.id, "Датчик протечек для жилых домов");
    const a = await applyAs(alpha, c.id, { public: false });
    await ok(
      lead.ownerC.post(`/api/cluster-applications/${a.id}/decision`, { decision: "accept", version: 1 }),
    );
    // a project attached would name alpha as a member on the project's page and in the catalog's filter
    expectProblem(
      await alpha.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }),
      409,
      "cluster-member-not-named",
    );
    await ok(alpha.ownerC.patch(`/api/clusters/${c.id}/members/${alpha.org.id}`, { public: true }));
    await ok(alpha.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }));
    expect(
      (await ok<{ cluster: { id: string } | null }>(guest.get(`/api/projects/${p.id}`))).cluster?.id,
    ).toBe(c.id);
    // withdrawing the consent takes the project out of the cluster
    await ok(alpha.ownerC.patch(`/api/clusters/${c.id}/members/${alpha.org.id}`, { public: false }));
    expect((await ok<{ cluster: unknown }>(guest.get(`/api/projects/${p.id}`))).cluster).toBeNull();
    const pub = await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`));
    expect(pub.totals).toMatchObject({ members: 2, projects: 0 });
    expect(JSON.stringify(pub)).not.toContain(alpha.org.id);

    // alpha leads for a while, then another lead is appointed: alpha is not named, as it chose
    const v1 = await ok<ClusterView>(
      op.patch(`/api/clusters/${c.id}`, { ...body(alpha.org.id), version: 1 }),
    );
    expect(v1.namedMembers.map((m) => m.id)).toContain(alpha.org.id);
    await ok(op.patch(`/api/clusters/${c.id}`, { ...body(lead.org.id), version: v1.version }));
    expect(JSON.stringify(await ok(guest.get(`/api/clusters/${c.id}`)))).not.toContain(alpha.org.id);
  });

  it("two racing decisions on one application: one wins, the other is 409", async () => {
    const c = await created({ nameRu: "Кластер гонки" });
    const a = await applyAs(alpha, c.id);
    const results = await Promise.all([
      lead.ownerC.post(`/api/cluster-applications/${a.id}/decision`, { decision: "accept", version: 1 }),
      lead.adminC.post(`/api/cluster-applications/${a.id}/decision`, {
        decision: "decline",
        reasonRu: "Нет проектов в тематике",
        version: 1,
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = results.find((r) => r.statusCode === 409)!;
    expect(expectProblem(lost, 409, "cluster-application-decided").current).toBeTruthy();
    const members = (await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`))).totals.members;
    expect(members).toBe(results[0]!.statusCode === 200 ? 2 : 1);
  });

  it("members leave, the lead removes; the lead stays; only members' projects attach", async () => {
    const c = await created({ nameRu: "Кластер участников" });
    const p = await project(alpha.ownerC, alpha.org.id);
    // not a member yet
    expectProblem(
      await alpha.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }),
      409,
      "cluster-not-member",
    );
    const a = await applyAs(alpha, c.id);
    await ok(
      lead.ownerC.post(`/api/cluster-applications/${a.id}/decision`, { decision: "accept", version: 1 }),
    );
    // another organization's managers may not attach alpha's project; alpha's plain member neither
    expectProblem(await lead.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }), 404);
    expectProblem(await alpha.memberC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }), 404);
    const attached = await ok<ClusterView>(
      alpha.adminC.post(`/api/clusters/${c.id}/projects`, { projectId: p.id }),
    );
    expect(attached.projectsList.map((x) => x.id)).toEqual([p.id]);
    expect(attached.me.projects).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: p.id, clusterId: c.id })]),
    );
    const shown = await ok<{ cluster: { id: string } | null }>(guest.get(`/api/projects/${p.id}`));
    expect(shown.cluster?.id).toBe(c.id);

    // the lead stays; a stranger may not remove; the lead removes alpha, whose project leaves too
    expectProblem(
      await lead.ownerC.delete(`/api/clusters/${c.id}/members/${lead.org.id}`),
      409,
      "cluster-lead-stays",
    );
    expectProblem(await stranger.delete(`/api/clusters/${c.id}/members/${alpha.org.id}`), 404);
    expect((await lead.adminC.delete(`/api/clusters/${c.id}/members/${alpha.org.id}`)).statusCode).toBe(204);
    const after = await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`));
    expect(after.totals).toMatchObject({ members: 1, projects: 0 });
    const removed = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, alpha.owner.id), eq(notifications.kind, "clusters.removed")));
    expect(removed).toHaveLength(1);

    // beta joins and leaves on its own
    const b = await applyAs(beta, c.id);
    await ok(
      lead.ownerC.post(`/api/cluster-applications/${b.id}/decision`, { decision: "accept", version: 1 }),
    );
    expectProblem(
      await beta.ownerC.post(`/api/clusters/${c.id}/applications`, {
        organizationId: beta.org.id,
        motivationRu: "Ещё одна заявка организации.",
      }),
      409,
      "cluster-member-exists",
    );
    expectProblem(await beta.memberC.delete(`/api/clusters/${c.id}/members/${beta.org.id}`), 404);
    expect((await beta.ownerC.delete(`/api/clusters/${c.id}/members/${beta.org.id}`)).statusCode).toBe(204);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "cluster"), eq(auditLog.entityId, c.id)));
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(["cluster.remove_member", "cluster.leave"]),
    );
  });

  it("totals count only confirmed money; the catalog's cluster and region facets count under the other filters", async () => {
    const c = await created({ nameRu: "Кластер итогов" });
    const a = await applyAs(alpha, c.id);
    await ok(
      lead.ownerC.post(`/api/cluster-applications/${a.id}/decision`, { decision: "accept", version: 1 }),
    );
    const p1 = await project(lead.ownerC, lead.org.id, "Платформа управления полётами");
    const p2 = await project(alpha.ownerC, alpha.org.id, "Навигация без спутников");
    await ok(lead.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p1.id }));
    await ok(alpha.ownerC.post(`/api/clusters/${c.id}/projects`, { projectId: p2.id }));
    const entry = (
      projectId: string,
      kind: "investment" | "support",
      amount: number,
      state: "confirmed" | "declared",
    ) => ({
      projectId,
      kind,
      amount,
      state,
      receivedOn: "2026-03-01",
      sourceRu: "Договор № 1",
      ...(kind === "investment"
        ? { investorRu: "Фонд", investmentType: "equity" as const }
        : { supportRu: "Субсидия" }),
    });
    await t.database.db
      .insert(projectEntries)
      .values([
        entry(p1.id, "investment", 10_000_000, "confirmed"),
        entry(p1.id, "investment", 99_000_000, "declared"),
        entry(p2.id, "support", 3_000_000, "confirmed"),
        entry(p2.id, "support", 7_000_000, "declared"),
      ]);
    const pub = await ok<ClusterView>(guest.get(`/api/clusters/${c.id}`));
    expect(pub.totals).toEqual({
      members: 2,
      projects: 2,
      joint: 0,
      investment: 10_000_000,
      support: 3_000_000,
    });

    const facets = await ok<Page>(guest.get(`/api/projects?cluster=${c.id}`));
    expect(facets.items.map((i) => i.id).sort()).toEqual([p1.id, p2.id].sort());
    expect(facets.items[0]!.cluster?.id).toBe(c.id);
    const region = facets.facets.find((f) => f.field === "region")!;
    expect(region.values).toEqual(
      expect.arrayContaining([
        { value: "77", count: 1 },
        { value: "50", count: 1 },
      ]),
    );
    // the cluster facet is counted under the region filter, not its own
    const moscow = await ok<Page>(guest.get(`/api/projects?cluster=${c.id}&region=77`));
    expect(moscow.items.map((i) => i.id)).toEqual([p1.id]);
    const cluster = moscow.facets.find((f) => f.field === "cluster")!;
    expect(cluster.values).toEqual(
      expect.arrayContaining([{ value: c.id, count: 1, label: "Кластер итогов" }]),
    );
    const regionUnder = moscow.facets.find((f) => f.field === "region")!;
    expect(regionUnder.values).toEqual(
      expect.arrayContaining([
        { value: "77", count: 1 },
        { value: "50", count: 1 },
      ]),
    );
    expectProblem(await guest.get("/api/projects?region=Moscow"), 400);
  });
});
