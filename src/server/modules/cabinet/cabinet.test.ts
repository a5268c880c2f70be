// The member's cabinet (GET /api/cabinet): what a new user, a member and an applicant see, and that
// nobody sees another person's organizations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../shared/dates.js";
import { moscowToday } from "../../core/clock.js";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { insertProgram } from "../grants/grants.fixtures.js";
import { grantApplications } from "../grants/grants.schema.js";
import { measures } from "../measures/measures.schema.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";

let t: TestApp;
let operator: Client;

beforeAll(async () => {
  t = await testApp();
  operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
});
afterAll(() => t.close());

type Step = { key: string; state: string; organizationId: string | null; missing?: string[] };
const cabinetOf = async (c: Client) => {
  const res = await c.get("/api/cabinet");
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["cache-control"]).toBe("no-store");
  return res.json();
};
const stepsOf = (body: { steps: Step[] }) => Object.fromEntries(body.steps.map((s) => [s.key, s.state]));

/** A signed-in user who owns a Moscow organization, chosen as the active one. */
async function member(o: Parameters<typeof createOrg>[1] = {}) {
  const user = await createUser(t.database, { fullName: "Орлова Вера Николаевна" });
  const org = await createOrg(t.database, { regionCode: "77", ...o });
  await addMember(t.database, org.id, user.id, "owner");
  const c = await signedIn(t, user);
  expect((await c.request("PUT", "/api/me/active-organization", { organizationId: org.id })).statusCode).toBe(
    200,
  );
  return { user, org, c };
}

describe("GET /api/cabinet", () => {
  it("is for signed-in users only", async () => {
    expectProblem(await new Client(t.app).get("/api/cabinet"), 401);
  });

  it("a new user without an organization: the e-mail is confirmed, the rest is to do, nothing else yet", async () => {
    const c = await signedIn(t, await createUser(t.database, { fullName: "Новиков Лев Андреевич" }));
    const body = await cabinetOf(c);
    expect(body.user).toMatchObject({ fullName: "Новиков Лев Андреевич", emailConfirmed: true });
    expect(body.steps.map((s: Step) => s.key)).toEqual([
      "confirm-email",
      "organization",
      "profile",
      "status",
    ]);
    expect(stepsOf(body)).toEqual({
      "confirm-email": "done",
      organization: "todo",
      profile: "todo",
      status: "todo",
    });
    expect(body.organizations).toEqual([]);
    expect(body.newMeasures).toMatchObject({ organization: null, total: 0, items: [] });
    expect(body.closingSoon.items).toEqual([]);
    expect(body.unread).toEqual({ notifications: 0, messages: 0 });
    expect(body.reviewWorkingDays).toBe(10);
  });

  it("a request to join waits for the organization's managers", async () => {
    const org = await createOrg(t.database, { shortName: "Квантовые сенсоры" });
    const c = await signedIn(t, await createUser(t.database));
    const res = await c.post(`/api/organizations/${org.id}/join-requests`, { message: "Работаю здесь" });
    expect(res.statusCode, res.body).toBe(201);
    const body = await cabinetOf(c);
    expect(stepsOf(body).organization).toBe("waiting");
    expect(body.pendingJoinRequests).toEqual([
      { id: expect.any(String), organization: { id: org.id, shortName: "Квантовые сенсоры" } },
    ]);
  });

  it("the profile step names the missing facts until they are filled in", async () => {
    const { org, c } = await member({ shortName: "Фотоника-Про" });
    let body = await cabinetOf(c);
    expect(stepsOf(body)).toMatchObject({ organization: "done", profile: "todo", status: "todo" });
    const profile = body.steps.find((s: Step) => s.key === "profile");
    expect(profile).toMatchObject({
      organizationId: org.id,
      missing: ["foundedOn", "headcount", "revenueMln", "okved"],
    });
    await t.database.rawQuery(
      `update organizations set founded_on = '2020-01-15', headcount = 12, revenue_mln = 40, okved_sections = '{J}' where id = $1`,
      [org.id],
    );
    body = await cabinetOf(c);
    expect(stepsOf(body).profile).toBe("done");
    expect(body.organizations).toEqual([
      expect.objectContaining({
        id: org.id,
        shortName: "Фотоника-Про",
        role: "owner",
        active: true,
        application: null,
      }),
    ]);
  });

  it("a pending application shows its state and the day it is due under the service level", async () => {
    const { org, c } = await member();
    const res = await c.post(`/api/organizations/${org.id}/status-applications`, {
      requestedStatus: "participant",
    });
    expect(res.statusCode, res.body).toBe(201);
    // Submitted on Friday 4 December 2026 (Moscow): ten working days later is Friday 18 December.
    await t.database.rawQuery(
      `update status_applications set submitted_at = '2026-12-04 10:00:00+03' where id = $1`,
      [res.json().id],
    );
    const body = await cabinetOf(c);
    expect(stepsOf(body).status).toBe("waiting");
    expect(body.organizations[0].application).toMatchObject({
      id: res.json().id,
      state: "pending",
      requestedStatus: "participant",
      dueOn: "2026-12-18",
    });

    // Returned by the operator: the applicant has to act, the due day is gone.
    const decided = await operator.post(`/api/operator/status-applications/${res.json().id}/decision`, {
      decision: "return",
      comment: "Приложите выписку из реестра",
      version: 1,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await cabinetOf(c);
    expect(stepsOf(after).status).toBe("todo");
    expect(after.organizations[0].application).toMatchObject({ state: "returned", dueOn: null });
    expect(after.unread.notifications).toBeGreaterThan(0);
  });

  it("lists measures that became eligible for the active organization and favourites closing soon", async () => {
    const { c } = await member({ shortName: "Нейролаб" });
    const created = await operator.post("/api/operator/measures", {
      titleRu: "Субсидия московским разработчикам",
      descriptionRu: "Компенсация части затрат на разработку программного обеспечения.",
      provider: "Департамент предпринимательства и инновационного развития города Москвы",
      providerKind: "city_body",
      level: "city",
      form: "subsidy",
      criteria: { regions: ["77"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await operator.post(`/api/operator/measures/${created.json().id}/publish`, {})).statusCode).toBe(
      200,
    );
    await t.runJobs(); // the notices job tells the members of the organizations it fits

    const today = moscowToday();
    const inDays = (n: number) => {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    const base = {
      descriptionRu: "Описание меры.",
      provider: "Фонд содействия инновациям",
      providerKind: "development_institution",
      level: "federal",
      form: "grant",
      status: "published",
      criteria: {},
    };
    const [soon, later] = await t.database.db
      .insert(measures)
      .values([
        { ...base, titleRu: "Грант закрывается через три дня", closesOn: inDays(3) },
        { ...base, titleRu: "Грант закрывается через месяц", closesOn: inDays(30) },
      ] as never)
      .returning();
    for (const m of [soon!, later!])
      expect((await c.request("PUT", `/api/measures/${m.id}/favourite`)).statusCode).toBe(204);

    const body = await cabinetOf(c);
    expect(body.newMeasures.organization.shortName).toBe("Нейролаб");
    expect(body.newMeasures.total).toBe(1);
    expect(body.newMeasures.items[0]).toMatchObject({
      id: created.json().id,
      titleRu: "Субсидия московским разработчикам",
      eligibility: { verdict: "eligible" },
    });
    expect(body.closingSoon).toMatchObject({ days: 7 });
    expect(body.closingSoon.items.map((m: { titleRu: string }) => m.titleRu)).toEqual([
      "Грант закрывается через три дня",
    ]);
    expect(body.unread.notifications).toBe(1);

    // However many favourites close soon, the cabinet shows the 20 closing first.
    const many = await t.database.db
      .insert(measures)
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          ...base,
          titleRu: `Грант ${i + 1}: закрывается через ${(i % 6) + 1} дн.`,
          closesOn: inDays((i % 6) + 1),
        })) as never,
      )
      .returning();
    for (const m of many)
      expect((await c.request("PUT", `/api/measures/${m.id}/favourite`)).statusCode).toBe(204);
    const closing = (await cabinetOf(c)).closingSoon.items as { closesOn: string }[];
    expect(closing).toHaveLength(20);
    expect(closing.map((m) => m.closesOn)).toEqual(closing.map((m) => m.closesOn).sort());
    expect(closing.at(-1)!.closesOn <= inDays(6)).toBe(true);

    // An organization outside Moscow was not told, and a measure that no longer fits drops out.
    const elsewhere = await member({ regionCode: "50" });
    expect((await cabinetOf(elsewhere.c)).newMeasures.total).toBe(0);
  });

  it("shows only the user's own organizations", async () => {
    const { org } = await member({ shortName: "Чужая организация" });
    const c = await signedIn(t, await createUser(t.database));
    const body = await cabinetOf(c);
    expect(JSON.stringify(body)).not.toContain(org.id);
  });
});

describe("the work waiting for an organization's managers", () => {
  type GrantReport = { id: string; year: number; dueOn: string; overdue: boolean; state: string };
  const reportsOf = async (c: Client) => (await cabinetOf(c)).grantReports as GrantReport[];

  it("a grant's yearly report due within 30 days or overdue, for the applicant's owner and admins only", async () => {
    const today = moscowToday();
    const team = await orgWithTeam(t, { shortName: "ООО «Гидромаш»", status: "participant" });
    const other = await member({ shortName: "ООО «Соседи»" });
    const p = await insertProgram(t.database, 100_000_000);
    // Paid 10 days ago: the report on a year already over is due 30 days after the payment (in 20
    // days); the report on a year ahead is due 1 April after it, too far to show.
    const year = Number(today.slice(0, 4));
    const [a] = await t.database.db
      .insert(grantApplications)
      .values({
        programId: p.id,
        organizationId: team.org.id,
        state: "agreement",
        titleRu: "Возмещение затрат на насосную станцию",
        declarations: {},
        kpis: [
          { year: year - 1, revenue: 50_000_000, jobs: 20, output: 30_000_000 },
          { year: year + 3, revenue: 70_000_000, jobs: 25, output: 40_000_000 },
        ],
        requested: 100_000_000,
        approved: 100_000_000,
      })
      .returning();
    const paid = await operator.post(`/api/grant-applications/${a!.id}/payment`, {
      paidOn: addDays(today, -10),
      version: a!.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);

    const expected = {
      year: year - 1,
      dueOn: addDays(today, 20),
      state: "due",
      overdue: false,
      application: { id: a!.id, titleRu: "Возмещение затрат на насосную станцию" },
      organization: { id: team.org.id, shortName: "ООО «Гидромаш»" },
    };
    expect(await reportsOf(team.ownerC)).toEqual([{ id: expect.any(String), ...expected }]);
    expect(await reportsOf(team.adminC)).toEqual([{ id: expect.any(String), ...expected }]);
    // a plain member cannot read the application: nothing of it; nor another organization, nor the operator
    expect(await reportsOf(team.memberC)).toEqual([]);
    expect(await reportsOf(other.c)).toEqual([]);
    expect(await reportsOf(operator)).toEqual([]);

    // Overdue: still shown, said so; submitted: gone.
    await t.database.rawQuery(
      "update grant_reports set due_on = $1 where application_id = $2 and year = $3",
      [addDays(today, -2), a!.id, year - 1],
    );
    const [overdue] = await reportsOf(team.ownerC);
    expect(overdue).toMatchObject({ dueOn: addDays(today, -2), overdue: true });
    const sent = await team.ownerC.post(`/api/grant-reports/${overdue!.id}/submit`, {
      revenue: 52_000_000,
      jobs: 21,
      output: 31_000_000,
      version: 1,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await reportsOf(team.ownerC)).toEqual([]);
  });

  it("a cluster's applications waiting for its lead: the count and the oldest, for the lead's owner and admins only", async () => {
    const lead = await orgWithTeam(t, { shortName: "АО «Кластер робототехники»" });
    const alpha = await orgWithTeam(t, { shortName: "ООО «Альфа-Роботы»" });
    const beta = await orgWithTeam(t, { shortName: "ООО «Бета-Приводы»" });
    const created = await operator.post("/api/clusters", {
      nameRu: "Робототехника и мехатроника",
      themeRu: "Промышленные роботы, приводы и системы управления для московских производств.",
      industries: ["C"],
      leadOrganizationId: lead.org.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const cluster = created.json() as { id: string; nameRu: string };
    const decisionsOf = async (c: Client) => (await cabinetOf(c)).clusterDecisions;
    expect(await decisionsOf(lead.ownerC)).toEqual([]);

    for (const team of [alpha, beta]) {
      const res = await team.ownerC.post(`/api/clusters/${cluster.id}/applications`, {
        organizationId: team.org.id,
        motivationRu: "Выпускаем приводы для роботов и ищем партнёров для пилотных внедрений.",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const expected = [
      {
        cluster: { id: cluster.id, nameRu: "Робототехника и мехатроника" },
        lead: { id: lead.org.id, shortName: "АО «Кластер робототехники»" },
        count: 2,
        oldest: { organization: "ООО «Альфа-Роботы»", since: expect.any(String) },
      },
    ];
    expect(await decisionsOf(lead.ownerC)).toEqual(expected);
    expect(await decisionsOf(lead.adminC)).toEqual(expected);
    // a plain member of the lead does not decide; the applicants and the operator see nothing here
    expect(await decisionsOf(lead.memberC)).toEqual([]);
    expect(await decisionsOf(alpha.ownerC)).toEqual([]);
    expect(await decisionsOf(operator)).toEqual([]);

    // Decided: the oldest is the next one; none left: gone.
    const pending = await lead.ownerC.get(`/api/clusters/${cluster.id}/applications`);
    const [first, second] = (pending.json() as { items: { id: string; version: number }[] }).items;
    const accept = (x: { id: string; version: number }) =>
      lead.ownerC.post(`/api/cluster-applications/${x.id}/decision`, {
        decision: "accept",
        version: x.version,
      });
    expect((await accept(first!)).statusCode).toBe(200);
    expect(await decisionsOf(lead.ownerC)).toMatchObject([
      { count: 1, oldest: { organization: "ООО «Бета-Приводы»" } },
    ]);
    expect((await accept(second!)).statusCode).toBe(200);
    expect(await decisionsOf(lead.ownerC)).toEqual([]);
  });
});
