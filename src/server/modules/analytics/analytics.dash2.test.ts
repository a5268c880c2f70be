// The challenges and pilots dashboard and the grants dashboard, read as the operator reads them: the
// funnel's counts and percents, the months, the programs' rubles, the filters and an empty period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthsBetween } from "../../../shared/analytics.js";
import { numberMonths } from "../../../shared/numbers.js";
import { moscowToday, now } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import type { Database } from "../../core/db.js";
import { testConfig, testDatabase } from "../../test/helpers.js";
import { challengeSubmissions, challenges } from "../challenges/challenges.schema.js";
import { grantApplications, grantEvents, grantPrograms } from "../grants/grants.schema.js";
import { createOrg } from "../organizations/organizations.fixtures.js";
import { pilotSites, pilots } from "../pilots/pilots.schema.js";
import { challengesDashboard } from "./analytics.challenges.js";
import type { AnalyticsFilters, AnalyticsTableInput } from "./analytics.contract.js";
import { grantsDashboard } from "./analytics.grants.js";

let database: Database;
const DAY = 86_400_000;
const thisMonth = () => moscowToday(now()).slice(0, 7);
/** The month `n` months before this one (YYYY-MM). */
const monthAgo = (n: number) => numberMonths(moscowToday(now()), n + 1)[0]!;
const at = (day: string) => new Date(`${day}T12:00:00+03:00`);

const ctx = (locale: "ru" | "en" = "ru") =>
  ({ db: database.db, config: testConfig(), actor: null, locale }) as unknown as Ctx;
const filters = (o: Partial<AnalyticsFilters> = {}): AnalyticsFilters => {
  const from = o.from ?? monthAgo(11);
  const to = o.to ?? thisMonth();
  return { from, to, months: monthsBetween(from, to), ...o };
};
const tableOf = (tables: AnalyticsTableInput[], key: string) => tables.find((x) => x.key === key)!;
/** The funnel's rows by their stage's label. */
const stages = (tables: AnalyticsTableInput[]) =>
  Object.fromEntries(tableOf(tables, "funnel").rows.map((r) => [r.stage as string, r]));
const monthRow = (tables: AnalyticsTableInput[], key: string, month: string) =>
  tableOf(tables, key).rows.find((r) => r.month === month)!;

const PROGRAM = "Компенсация затрат на оборудование";

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  const owner = await createOrg(database, { status: "partner", regionCode: "77" });
  const moscow = await createOrg(database, { status: "participant", regionCode: "77" });
  const oblast = await createOrg(database, { status: "participant", regionCode: "50" });

  // a challenge opened this month: two solutions shortlisted, one a winner whose pilot has started
  const [challenge] = await db
    .insert(challenges)
    .values({
      organizationId: owner.id,
      state: "results",
      titleRu: "Снижение потерь тепла в жилых домах",
      problemRu: "Теплосети теряют до 12% тепла.",
      expectedResultRu: "Пилот на 20 домах",
      rewardType: "paid_pilot",
      rewardAmount: 3_000_000,
      deadline: new Date(now().getTime() - DAY),
      criteria: [{ name: "Эффект", description: "Снижение потерь", weight: 100 }],
      openedAt: now(),
    })
    .returning();
  const submission = (organizationId: string, decision: "winner" | "not_selected") => ({
    challengeId: challenge!.id,
    organizationId,
    solution: "Датчики акустической эмиссии",
    trl: 6,
    ipStatus: "patented" as const,
    pilotPlan: "Три месяца на 20 домах",
    passed: 1,
    decision,
  });
  const [won] = await db
    .insert(challengeSubmissions)
    .values([submission(moscow.id, "winner"), submission(oblast.id, "not_selected")])
    .returning();
  const [site] = await db
    .insert(pilotSites)
    .values({ organizationId: owner.id, name: "Котельная № 5", type: "utilities", testable: "Теплосеть" })
    .returning();
  const today = moscowToday(now());
  await db.insert(pilots).values({
    siteId: site!.id,
    organizationId: moscow.id,
    state: "running",
    solution: "Датчики акустической эмиссии",
    trl: 6,
    expectedEffect: "Минус 5% потерь",
    team: "Пять инженеров",
    needs: "Доступ к теплосети",
    dateFrom: today,
    dateTo: today,
    agreedFrom: today,
    agreedTo: today,
    challengeSubmissionId: won!.id,
  });

  // grants (kopecks): Moscow's application approved for 1 500 000,50 ₽ and paid; the oblast's submitted
  const [program] = await db
    .insert(grantPrograms)
    .values({
      titleRu: PROGRAM,
      descriptionRu: "Оборудование для производства",
      legalBasisRu: "Порядок предоставления грантов",
      legalBasisNumber: "1-ПП",
      eligibility: {} as never,
      categories: [],
      maxPerApplicant: 5_000_000_00,
      budget: 50_000_000_00,
      opensAt: at(`${monthAgo(6)}-01`),
      closesAt: at(`${thisMonth()}-28`),
      checkDays: 10,
    })
    .returning();
  const application = (o: Partial<typeof grantApplications.$inferInsert>) => ({
    programId: program!.id,
    organizationId: moscow.id,
    titleRu: "Станок с ЧПУ",
    declarations: {},
    kpis: [],
    ...o,
  });
  const [paid, submitted] = await db
    .insert(grantApplications)
    .values([
      application({
        state: "paid",
        requested: 2_000_000_55,
        approved: 1_500_000_50,
        submittedAt: at(`${monthAgo(4)}-10`),
        paidOn: `${monthAgo(2)}-20`,
      }),
      application({
        organizationId: oblast.id,
        state: "submitted",
        requested: 100_000_00,
        submittedAt: at(`${monthAgo(4)}-11`),
      }),
      application({ state: "draft", requested: 70_000_00 }),
    ])
    .returning();
  await db.insert(grantEvents).values([
    // submitted four months ago, returned and resubmitted three months ago: the first day counts
    { applicationId: paid!.id, move: "submit", state: "submitted", at: at(`${monthAgo(4)}-10`) },
    { applicationId: paid!.id, move: "submit", state: "submitted", at: at(`${monthAgo(3)}-02`) },
    { applicationId: paid!.id, move: "approve", state: "approved", at: at(`${monthAgo(3)}-25`) },
    { applicationId: submitted!.id, move: "submit", state: "submitted", at: at(`${monthAgo(4)}-11`) },
  ]);
}, 120_000);
afterAll(() => database.close());

describe("the challenges and pilots dashboard", () => {
  it("a challenge with two solutions, one a winner whose pilot started: the funnel's counts and 50 %", async () => {
    const tables = await challengesDashboard(ctx(), filters());
    expect(tables.map((x) => x.key)).toEqual(["funnel", "months", "pilots"]);
    const funnel = stages(tables);
    expect(funnel["Опубликовано запросов"]).toMatchObject({ count: 1, percent: null });
    expect(funnel["Получено решений"]).toMatchObject({ count: 2, percent: null });
    expect(funnel["Прошли отбор (шорт-лист)"]).toMatchObject({ count: 2, percent: 100 });
    expect(funnel.Победители).toMatchObject({ count: 1, percent: 50 });
    expect(funnel["Пилоты начаты"]).toMatchObject({ count: 1, percent: 100 });
    expect(funnel["Пилоты завершены"]).toMatchObject({ count: 0, percent: 0 });
    expect(tableOf(tables, "funnel").chart).toMatchObject({ kind: "bar", x: "stage", series: ["count"] });

    // the same counts in this month's row, zeros in the others (twelve months)
    expect(tableOf(tables, "months").rows).toHaveLength(12);
    expect(monthRow(tables, "months", thisMonth())).toMatchObject({
      published: 1,
      submissions: 2,
      shortlisted: 2,
      winners: 1,
      pilotsStarted: 1,
      pilotsCompleted: 0,
    });
    expect(monthRow(tables, "months", monthAgo(1))).toMatchObject({ published: 0, submissions: 0 });
    expect(tableOf(tables, "months").chart?.kind).toBe("line");
    expect(monthRow(tables, "pilots", thisMonth())).toMatchObject({
      applications: 1,
      started: 1,
      completed: 0,
    });
  });

  it("the region filter counts the solutions of that region's organizations and challenges of its owners", async () => {
    const funnel = stages(await challengesDashboard(ctx(), filters({ region: "50" })));
    expect(funnel["Опубликовано запросов"]?.count).toBe(0);
    expect(funnel["Получено решений"]?.count).toBe(1);
    expect(funnel.Победители).toMatchObject({ count: 0, percent: 0 });
    expect(funnel["Пилоты начаты"]).toMatchObject({ count: 0, percent: null });
  });

  it("speaks English to an English reader", async () => {
    const tables = await challengesDashboard(ctx("en"), filters());
    expect(tableOf(tables, "funnel").title).toBe("Challenges and pilots funnel");
    expect(tableOf(tables, "funnel").columns.map((c) => c.label)).toEqual([
      "Stage",
      "Count",
      "% of previous stage",
    ]);
    expect(stages(tables).Winners).toMatchObject({ count: 1, percent: 50 });
  });

  it("an empty period gives zeros, not errors", async () => {
    const tables = await challengesDashboard(ctx(), filters({ from: "2020-01", to: "2020-03" }));
    expect(tableOf(tables, "funnel").rows.every((r) => r.count === 0)).toBe(true);
    expect(tableOf(tables, "months").rows.map((r) => r.month)).toEqual(["2020-01", "2020-02", "2020-03"]);
    expect(tableOf(tables, "months").rows.every((r) => r.submissions === 0 && r.published === 0)).toBe(true);
    expect(tableOf(tables, "pilots").rows.every((r) => r.applications === 0)).toBe(true);
  });
});

describe("the grants dashboard", () => {
  it("an application approved and paid shows in its months and program, kopecks become whole rubles exactly", async () => {
    const tables = await grantsDashboard(ctx(), filters());
    const funnel = stages(tables);
    // kopecks summed first: 2 000 000,55 + 100 000,00 = 2 100 000,55 ₽ → 2 100 001 ₽
    expect(funnel.Подано).toMatchObject({ count: 2, now: 1, percent: null, requested: 2_100_001 });
    expect(funnel["Принято к экспертизе"]).toMatchObject({ count: 1, percent: 50 });
    expect(funnel.Одобрено).toMatchObject({
      count: 1,
      percent: 100,
      approved: 1_500_001,
      paid: 1_500_001,
    });
    expect(funnel.Отказано).toMatchObject({ count: 0, percent: 0 });
    expect(funnel.Выплачено).toMatchObject({ count: 1, now: 1, paid: 1_500_001 });
    expect(funnel["Черновики (не поданы)"]).toMatchObject({ count: 1, percent: null, requested: 70_000 });

    // submitted in its first submission's month (not the resubmission's), approved and paid in theirs
    expect(monthRow(tables, "months", monthAgo(4))).toEqual({
      month: monthAgo(4),
      submitted: 2,
      approved: 0,
      paid: 0,
    });
    expect(monthRow(tables, "months", monthAgo(3))).toMatchObject({ submitted: 0, approved: 1_500_001 });
    expect(monthRow(tables, "months", monthAgo(2))).toMatchObject({ approved: 0, paid: 1_500_001 });

    // the program: 50 000 000 ₽ less 1 500 000,50 ₽ committed = 48 499 999,50 ₽ → 48 500 000 ₽
    expect(tableOf(tables, "programs").rows).toEqual([
      {
        program: PROGRAM,
        applications: 2,
        requested: 2_100_001,
        approved: 1_500_001,
        paid: 1_500_001,
        budget: 50_000_000,
        budgetLeft: 48_500_000,
      },
    ]);
  });

  it("the region filter leaves out another region's applicant (the budget left stays the program's)", async () => {
    const tables = await grantsDashboard(ctx(), filters({ region: "50" }));
    expect(stages(tables).Подано).toMatchObject({ count: 1, requested: 100_000 });
    expect(stages(tables).Одобрено).toMatchObject({ count: 0, approved: 0 });
    expect(monthRow(tables, "months", monthAgo(3))).toMatchObject({ approved: 0 });
    expect(monthRow(tables, "months", monthAgo(2))).toMatchObject({ paid: 0 });
    expect(tableOf(tables, "programs").rows[0]).toMatchObject({
      applications: 1,
      approved: 0,
      budgetLeft: 48_500_000,
    });
    const other = await grantsDashboard(ctx(), filters({ region: "78" }));
    expect(stages(other).Подано).toMatchObject({ count: 0, requested: 0 });
  });

  it("an empty period gives zeros and no programs, not errors", async () => {
    const tables = await grantsDashboard(ctx("en"), filters({ from: "2020-01", to: "2020-02" }));
    expect(tableOf(tables, "funnel").title).toBe("Grants funnel");
    expect(tableOf(tables, "funnel").rows.every((r) => r.count === 0 && r.requested === 0)).toBe(true);
    expect(tableOf(tables, "months").rows).toEqual([
      { month: "2020-01", submitted: 0, approved: 0, paid: 0 },
      { month: "2020-02", submitted: 0, approved: 0, paid: 0 },
    ]);
    expect(tableOf(tables, "programs").rows).toEqual([]);
  });
});
