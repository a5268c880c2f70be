import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let stranger: Client;
let lead: Awaited<ReturnType<typeof orgWithTeam>>;
let partner: Awaited<ReturnType<typeof orgWithTeam>>;
let third: Awaited<ReturnType<typeof orgWithTeam>>;

type Member = { organization: { id: string }; state: string; share: number; roleRu: string };
type Entry = { id: string; state: string; amount: number; version: number; document: unknown };
type ProjectView = {
  id: string;
  titleRu: string;
  version: number;
  joint: boolean;
  budget: number | null;
  members: Member[];
  entries: Entry[];
  totals: { investment: number; support: number };
  partners: { id: string }[];
  me: { manage: boolean; operate: boolean; invitations: { id: string }[] };
};
type Page = {
  items: { id: string; joint: boolean; totals: { investment: number } }[];
  total: number;
  facets: { field: string; values: { value: string; count: number }[] }[];
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const body = (leadOrganizationId: string, o: Record<string, unknown> = {}) => ({
  leadOrganizationId,
  leadRoleRu: "Разработчик",
  titleRu: "Цифровой двойник водоканала",
  descriptionRu: "Модель сети водоснабжения района для прогноза аварий и планирования ремонтов.",
  industries: ["E", "J"],
  tags: ["ai"],
  stage: "prototype",
  trl: 5,
  startOn: "2026-01-01",
  endOn: "2027-12-31",
  budget: 48_500_000,
  ...o,
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  lead = await orgWithTeam(t, { shortName: "ООО «Водные технологии»" });
  partner = await orgWithTeam(t, { shortName: "МГТУ-Тест" });
  third = await orgWithTeam(t, { shortName: "АО «Третий»" });
});

const created = (o: Record<string, unknown> = {}) =>
  ok<ProjectView>(lead.ownerC.post("/api/projects", body(lead.org.id, o)), 201);

describe("projects", () => {
  it("the lead's owner or admin and operators create and edit; a plain member, a stranger cannot (404); stale edits 409", async () => {
    const p = await created();
    expect(p).toMatchObject({ version: 1, joint: false, budget: 48_500_000, me: { manage: true } });
    expect(p.members).toEqual([expect.objectContaining({ state: "lead", share: 10_000 })]);
    await ok(op.post("/api/projects", body(lead.org.id)), 201);
    expectProblem(await lead.memberC.post("/api/projects", body(lead.org.id)), 404);
    expectProblem(await stranger.post("/api/projects", body(lead.org.id)), 404);
    expectProblem(await guest.post("/api/projects", body(lead.org.id)), 401);

    const { leadOrganizationId: _l, leadRoleRu: _r, ...content } = body(lead.org.id);
    const edited = await ok<ProjectView>(
      lead.adminC.patch(`/api/projects/${p.id}`, { ...content, budget: 50_000_000, version: 1 }),
    );
    expect(edited).toMatchObject({ budget: 50_000_000, version: 2 });
    expectProblem(await stranger.patch(`/api/projects/${p.id}`, { ...content, version: 2 }), 404);
    expectProblem(await lead.memberC.patch(`/api/projects/${p.id}`, { ...content, version: 2 }), 404);
    const stale = expectProblem(
      await lead.ownerC.patch(`/api/projects/${p.id}`, {
        ...content,
        titleRu: "Старое название",
        version: 1,
      }),
      409,
      "project-changed",
    );
    expect(stale.current).toMatchObject({ budget: 50_000_000, version: 2 });
    const bad = expectProblem(
      await lead.ownerC.patch(`/api/projects/${p.id}`, { ...content, startOn: "2028-01-01", version: 2 }),
      400,
    );
    expect(Object.keys(fieldErrors(bad))).toEqual(["endOn"]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "project"), eq(auditLog.entityId, p.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["project.create", "project.update"]);
    // money is whole rubles
    expectProblem(await lead.ownerC.post("/api/projects", body(lead.org.id, { budget: 10.5 })), 400);
  });

  it("the public page and catalog: Russian text and facets; a guest reads it", async () => {
    const p = await created({
      titleRu: "Беспилотная уборка дворов",
      industries: ["N"],
      stage: "pilot",
      trl: 7,
    });
    const page = await ok<ProjectView>(guest.get(`/api/projects/${p.id}`));
    expect(page).toMatchObject({ titleRu: "Беспилотная уборка дворов", me: { manage: false } });
    const found = await ok<Page>(guest.get("/api/projects?q=беспилотный уборка"));
    expect(found.items.map((i) => i.id)).toContain(p.id);
    const faceted = await ok<Page>(guest.get("/api/projects?stage=pilot&trl=7&industry=N"));
    expect(faceted.items.map((i) => i.id)).toEqual([p.id]);
    const stage = faceted.facets.find((f) => f.field === "stage")!;
    expect(stage.values).toEqual(expect.arrayContaining([{ value: "pilot", count: 1 }]));
    expectProblem(await guest.get("/api/projects/00000000-0000-4000-8000-000000000000"), 404);
  });

  it("the catalog's filters, counts and order follow each write at once; equal relevance, latest changed first", async () => {
    const mine = `/api/projects?organization=${lead.org.id}&q=гидравлический стенд&pageSize=100`;
    const a = await created({ titleRu: "Гидравлический стенд насосов", stage: "rnd", trl: 3 });
    const b = await created({ titleRu: "Гидравлический стенд насосов", stage: "rnd", trl: 3 });
    let page = await ok<Page>(guest.get(mine));
    expect(page.items.map((i) => i.id)).toEqual([b.id, a.id]);
    const counts = (p: Page, field: string) => p.facets.find((f) => f.field === field)!.values;
    expect(counts(page, "stage")).toEqual([{ value: "rnd", count: 2 }]);
    expect(counts(page, "region")).toEqual([{ value: "77", count: 2 }]);

    // An edit moves its project first and its stage's count; the stage filter leaves the stage facet whole.
    const { leadOrganizationId: _l, leadRoleRu: _r, ...content } = body(lead.org.id);
    await ok(
      lead.ownerC.patch(`/api/projects/${a.id}`, {
        ...content,
        titleRu: "Гидравлический стенд насосов",
        stage: "prototype",
        trl: 4,
        version: a.version,
      }),
    );
    page = await ok<Page>(guest.get(`${mine}&stage=rnd`));
    expect(page.items.map((i) => i.id)).toEqual([b.id]);
    expect(page.total).toBe(1);
    expect(counts(page, "stage")).toEqual([
      { value: "prototype", count: 1 },
      { value: "rnd", count: 1 },
    ]);
    expect(counts(page, "trl")).toEqual([{ value: "3", count: 1 }]);
    page = await ok<Page>(guest.get(mine));
    expect(page.items.map((i) => i.id)).toEqual([a.id, b.id]);

    // The lead's move to another region is counted by the next search.
    await t.database.db
      .update(organizations)
      .set({ regionCode: "50" })
      .where(eq(organizations.id, lead.org.id));
    page = await ok<Page>(guest.get(`${mine}&region=50`));
    expect(page.total).toBe(2);
    expect(counts(page, "region")).toEqual([{ value: "50", count: 2 }]);
    await t.database.db
      .update(organizations)
      .set({ regionCode: "77" })
      .where(eq(organizations.id, lead.org.id));
    expect((await ok<Page>(guest.get(`${mine}&region=50`))).total).toBe(0);
  });
});

describe("consortium", () => {
  it("shares must sum to 100%; a partner accepts in the platform; only the lead's and accepted shares are public", async () => {
    const p = await created();
    const put = (c: Client, members: unknown[], version: number) =>
      c.put(`/api/projects/${p.id}/consortium`, { members, version });
    const L = (share: number) => ({ organizationId: lead.org.id, roleRu: "Разработчик", share });
    const P = (share: number) => ({ organizationId: partner.org.id, roleRu: "Испытания", share });
    const T = (share: number) => ({ organizationId: third.org.id, roleRu: "Производство", share });

    const bad = expectProblem(await put(lead.ownerC, [L(7000), P(2000)], 1), 400);
    expect(fieldErrors(bad).members).toMatch(/100/);
    expectProblem(await put(partner.ownerC, [L(7000), P(3000)], 1), 404);
    expectProblem(await put(lead.memberC, [L(7000), P(3000)], 1), 404);
    expect(
      Object.keys(fieldErrors(expectProblem(await put(lead.ownerC, [P(5000), L(5000)], 1), 400))),
    ).toContain("members.0.organizationId");

    let v = await ok<ProjectView>(put(lead.ownerC, [L(6000), P(2500), T(1500)], 1));
    expect(v.members.map((m) => [m.state, m.share])).toEqual([
      ["lead", 6000],
      ["invited", 2500],
      ["invited", 1500],
    ]);
    expect(v.joint).toBe(false);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, partner.owner.id), eq(notifications.kind, "projects.invited")));
    expect(told).toHaveLength(1);

    // Publicly the lead holds the pending shares and no invitation shows.
    const pub = await ok<ProjectView>(guest.get(`/api/projects/${p.id}`));
    expect(pub.members.map((m) => [m.state, m.share])).toEqual([["lead", 10_000]]);

    // A plain member of the partner may not answer; the owner sees and accepts the invitation.
    const asMember = await ok<ProjectView>(partner.memberC.get(`/api/projects/${p.id}`));
    expect(asMember.me.invitations).toEqual([]);
    expectProblem(
      await partner.memberC.post(`/api/projects/${p.id}/invitations/${partner.org.id}`, {
        decision: "accept",
        version: v.version,
      }),
      404,
    );
    const asOwner = await ok<ProjectView>(partner.ownerC.get(`/api/projects/${p.id}`));
    expect(asOwner.me.invitations.map((i) => i.id)).toEqual([partner.org.id]);
    v = await ok<ProjectView>(
      partner.ownerC.post(`/api/projects/${p.id}/invitations/${partner.org.id}`, {
        decision: "accept",
        version: v.version,
      }),
    );
    expect(v.joint).toBe(true);
    expectProblem(
      await partner.ownerC.post(`/api/projects/${p.id}/invitations/${partner.org.id}`, {
        decision: "decline",
        version: v.version,
      }),
      409,
      "project-invitation-answered",
    );

    // The third declines: its share returns to the lead; the public shares sum to 100%.
    v = await ok<ProjectView>(
      third.adminC.post(`/api/projects/${p.id}/invitations/${third.org.id}`, {
        decision: "decline",
        version: v.version,
      }),
    );
    const after = await ok<ProjectView>(guest.get(`/api/projects/${p.id}`));
    expect(after.members.map((m) => [m.organization.id, m.state, m.share])).toEqual([
      [lead.org.id, "lead", 7500],
      [partner.org.id, "accepted", 2500],
    ]);
    expect(after.partners.map((x) => x.id)).toEqual([partner.org.id]);
    const joint = await ok<Page>(guest.get(`/api/projects?joint=true&organization=${partner.org.id}`));
    expect(joint.items.map((i) => i.id)).toEqual([p.id]);

    // Changing an accepted partner's share asks them again.
    v = await ok<ProjectView>(put(lead.adminC, [L(7000), P(3000)], v.version));
    expect(v.members.map((m) => m.state)).toEqual(["lead", "invited"]);
    expect(v.joint).toBe(false);
    // A stale consortium is 409 with the project now.
    expectProblem(await put(lead.ownerC, [L(10_000)], v.version - 1), 409, "project-changed");
  });

  it("at most five organizations", async () => {
    const p = await created();
    const others = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => orgWithTeam(t, { shortName: `Партнёр ${i}` })),
    );
    const members = [
      { organizationId: lead.org.id, roleRu: "Ведущий", share: 5000 },
      ...others.map((o) => ({ organizationId: o.org.id, roleRu: "Партнёр", share: 1000 })),
    ];
    const bad = expectProblem(
      await lead.ownerC.put(`/api/projects/${p.id}/consortium`, { members, version: 1 }),
      400,
    );
    expect(fieldErrors(bad).members).toBeDefined();
  });
});

describe("money entries", () => {
  it("declared by the lead, confirmed or rejected by the operator; only confirmed money is public", async () => {
    const p = await created();
    const entry = (o: Record<string, unknown> = {}) =>
      lead.ownerC.post(`/api/projects/${p.id}/entries`, {
        kind: "investment",
        investorRu: "Фонд «Технологии будущего»",
        investmentType: "venture_fund",
        amount: 12_000_000,
        receivedOn: "2026-05-14",
        sourceRu: "Договор инвестирования № 14/26",
        ...o,
      });
    const declared = await ok<Entry>(entry(), 201);
    expect(declared.state).toBe("declared");
    expectProblem(await partner.ownerC.post(`/api/projects/${p.id}/entries`, {}), 400);
    expectProblem(await entry({ investorRu: null }), 400);
    const support = await ok<Entry>(
      entry({
        kind: "support",
        investorRu: null,
        investmentType: null,
        supportRu: "Субсидия на оборудование",
        amount: 3_000_000,
      }),
      201,
    );
    const stranger404 = await stranger.post(`/api/projects/${p.id}/entries`, {
      kind: "support",
      supportRu: "x x x",
      amount: 1,
      receivedOn: "2026-01-01",
      sourceRu: "Решение",
    });
    expectProblem(stranger404, 404);

    // A declared entry never appears in public output.
    const pub = await ok<ProjectView>(guest.get(`/api/projects/${p.id}`));
    expect(pub.entries).toEqual([]);
    expect(pub.totals).toEqual({ investment: 0, support: 0 });
    expect(JSON.stringify(pub)).not.toContain("Технологии будущего");
    const mine = await ok<ProjectView>(lead.memberC.get(`/api/projects/${p.id}`));
    expect(mine.entries).toEqual([]);
    const managed = await ok<ProjectView>(lead.ownerC.get(`/api/projects/${p.id}`));
    expect(managed.entries.map((e) => e.state)).toEqual(["declared", "declared"]);

    // The operator's queue; confirming needs the document.
    const queue = await ok<{ items: { id: string }[] }>(op.get("/api/operator/project-entries?pageSize=100"));
    expect(queue.items.map((i) => i.id)).toEqual(expect.arrayContaining([declared.id, support.id]));
    expectProblem(await lead.ownerC.get("/api/operator/project-entries"), 403);
    expectProblem(
      await op.post(`/api/operator/project-entries/${declared.id}/decision`, {
        decision: "confirm",
        version: 1,
      }),
      400,
    );
    const u = multipartFile(PDF, "Договор.pdf", "application/pdf");
    expectProblem(
      await stranger.request("POST", `/api/project-entries/${declared.id}/document`, u.payload, u.headers),
      404,
    );
    const u2 = multipartFile(PDF, "Договор.pdf", "application/pdf");
    const withDoc = await ok<Entry>(
      lead.ownerC.request("POST", `/api/project-entries/${declared.id}/document`, u2.payload, u2.headers),
      201,
    );
    expect(withDoc.document).toMatchObject({ name: "Договор.pdf" });
    const fake = multipartFile(Buffer.from("MZ\x90\x00 not a pdf"), "Договор.pdf", "application/pdf");
    expect(
      (
        await lead.ownerC.request(
          "POST",
          `/api/project-entries/${declared.id}/document`,
          fake.payload,
          fake.headers,
        )
      ).statusCode,
    ).toBeGreaterThanOrEqual(400);
    expect((await stranger.get(`/api/project-entries/${declared.id}/document`)).statusCode).toBe(404);
    expect((await op.get(`/api/project-entries/${declared.id}/document`)).statusCode).toBe(200);

    const confirmed = await ok<Entry>(
      op.post(`/api/operator/project-entries/${declared.id}/decision`, {
        decision: "confirm",
        version: withDoc.version,
      }),
    );
    expect(confirmed.state).toBe("confirmed");
    expectProblem(
      await op.post(`/api/operator/project-entries/${declared.id}/decision`, {
        decision: "reject",
        reason: "Нет",
        version: withDoc.version,
      }),
      409,
      "project-entry-changed",
    );
    expectProblem(
      await op.post(`/api/operator/project-entries/${support.id}/decision`, {
        decision: "reject",
        version: 1,
      }),
      400,
    );
    await ok(
      op.post(`/api/operator/project-entries/${support.id}/decision`, {
        decision: "reject",
        reason: "Документ не относится к проекту",
        version: 1,
      }),
    );
    const after = await ok<ProjectView>(guest.get(`/api/projects/${p.id}`));
    expect(after.totals).toEqual({ investment: 12_000_000, support: 0 });
    expect(after.entries.map((e) => e.id)).toEqual([declared.id]);
    const catalog = await ok<Page>(guest.get(`/api/projects?organization=${lead.org.id}&pageSize=100`));
    expect(catalog.items.find((i) => i.id === p.id)?.totals.investment).toBe(12_000_000);
  });
});
