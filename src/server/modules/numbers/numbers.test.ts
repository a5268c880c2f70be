import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { numberMonths } from "../../../shared/numbers.js";
import { moscowToday, now } from "../../core/clock.js";
import { Client, testAppForFile } from "../../test/helpers.js";
import { challengeAwards, challengeSubmissions, challenges } from "../challenges/challenges.schema.js";
import { grantApplications, grantEvents, grantPrograms } from "../grants/grants.schema.js";
import { createOrg } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import { pilotSites, pilots } from "../pilots/pilots.schema.js";
import { projectEntries, projects } from "../projects/projects.schema.js";
import type { ClusterNumbers } from "./numbers.contract.js";

const t = testAppForFile();
let guest: Client;

const DAY = 86_400_000;
const months = () => numberMonths(moscowToday(now()));
/** The day `n` months before this month's 15th (YYYY-MM-DD). */
const monthsAgo = (n: number) => {
  const m = numberMonths(moscowToday(now()), n + 1)[0]!;
  return `${m}-15`;
};
const at = (day: string) => new Date(`${day}T12:00:00+03:00`);

async function numbers(): Promise<ClusterNumbers> {
  const res = await guest.get("/api/public/numbers");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClusterNumbers;
}
const series = (n: ClusterNumbers, key: string) => n.series.find((s) => s.key === key)!.values;
const last = (values: number[]) => values.at(-1);

let projectId: string;
let declaredId: string;
let approvedGrantId: string;

beforeAll(async () => {
  guest = new Client(t.app);
  const db = t.database.db;
  const participant = await createOrg(t.database, { status: "participant", regionCode: "77" });
  const partner = await createOrg(t.database, { status: "partner", regionCode: "50" });
  await createOrg(t.database, { regionCode: "77" });
  await createOrg(t.database, { type: "foreign" });
  const suspended = await createOrg(t.database, { status: "participant", regionCode: "78" });
  await db
    .update(organizations)
    .set({ statusSuspendedAt: new Date() })
    .where(eq(organizations.id, suspended.id));
  // one participant since 3 months ago, one long before the series begin
  await db
    .update(organizations)
    .set({ statusSince: at(monthsAgo(3)) })
    .where(eq(organizations.id, participant.id));
  const old = await createOrg(t.database, { status: "participant", regionCode: "77" });
  await db
    .update(organizations)
    .set({ statusSince: at(monthsAgo(40)) })
    .where(eq(organizations.id, old.id));

  const project = (o: Partial<typeof projects.$inferInsert> = {}) => ({
    leadOrganizationId: participant.id,
    titleRu: "Цифровой двойник водоканала",
    descriptionRu: "Модель сети водоснабжения района для прогноза аварий.",
    stage: "prototype" as const,
    trl: 5,
    ...o,
  });
  const [p] = await db
    .insert(projects)
    .values([project(), project({ joint: true, createdAt: at(monthsAgo(2)) })])
    .returning();
  projectId = p!.id;
  const entry = (o: Partial<typeof projectEntries.$inferInsert>) => ({
    projectId,
    kind: "investment" as const,
    investmentType: "equity" as const,
    investorRu: "Фонд «Технопарк»",
    amount: 1_000_000,
    receivedOn: monthsAgo(1),
    sourceRu: "Договор инвестирования",
    ...o,
  });
  const rows = await db
    .insert(projectEntries)
    .values([
      entry({ state: "confirmed" }),
      entry({ state: "confirmed", investmentType: "loan", amount: 250_000, receivedOn: monthsAgo(30) }),
      entry({ state: "declared", amount: 7_000_000 }),
      entry({ state: "rejected", amount: 9_000_000 }),
      entry({
        kind: "support",
        investmentType: null,
        supportRu: "Грант Фонда «Сколково»",
        state: "confirmed",
        amount: 300_000,
      }),
      entry({
        kind: "support",
        investmentType: null,
        supportRu: "Субсидия",
        state: "declared",
        amount: 800_000,
      }),
    ])
    .returning();
  declaredId = rows[2]!.id;

  const challenge = (o: Partial<typeof challenges.$inferInsert>): typeof challenges.$inferInsert => ({
    organizationId: partner.id,
    titleRu: "Снижение потерь тепла в жилых домах",
    problemRu: "Теплосети теряют до 12% тепла на участках от ЦТП до вводов в дома.",
    expectedResultRu: "Пилот на 20 домах",
    rewardType: "prize" as const,
    deadline: new Date(now().getTime() + 10 * DAY),
    criteria: [{ name: "Эффект", description: "Снижение потерь", weight: 100 }],
    ...o,
  });
  const [, , , , done] = await db
    .insert(challenges)
    .values([
      challenge({ state: "draft" }),
      challenge({ state: "moderation" }),
      challenge({ state: "accepting", openedAt: at(monthsAgo(0)) }),
      challenge({ state: "accepting", visibility: "nda", openedAt: at(monthsAgo(0)) }),
      challenge({ state: "results", openedAt: at(monthsAgo(5)) }),
    ])
    .returning();
  const [sub] = await db
    .insert(challengeSubmissions)
    .values({
      challengeId: done!.id,
      organizationId: participant.id,
      solution: "Датчики акустической эмиссии на трубопроводах",
      trl: 6,
      ipStatus: "patented",
      pilotPlan: "Три месяца на 20 домах",
    })
    .returning();
  await db.insert(challengeAwards).values({
    submissionId: sub!.id,
    challengeId: done!.id,
    kind: "prize",
    amount: 2_000_000,
    awardedOn: monthsAgo(1),
  });

  const [site] = await db
    .insert(pilotSites)
    .values({
      organizationId: partner.id,
      name: "Городская поликлиника № 3",
      type: "hospital",
      testable: "Приёмное отделение",
    })
    .returning();
  const pilot = (o: Partial<typeof pilots.$inferInsert>) => ({
    siteId: site!.id,
    organizationId: participant.id,
    solution: "Сортировка пациентов",
    trl: 6,
    expectedEffect: "Минус 20% времени ожидания",
    team: "Пять инженеров",
    needs: "Доступ в приёмное отделение",
    dateFrom: monthsAgo(3),
    dateTo: monthsAgo(1),
    ...o,
  });
  await db
    .insert(pilots)
    .values([
      pilot({ state: "completed", success: true, completedAt: at(monthsAgo(1)) }),
      pilot({ state: "running" }),
      pilot({ state: "submitted" }),
    ]);

  // grants (kopecks): one approved two months ago, one paid last month, one refused, one at the commission
  const [program] = await db
    .insert(grantPrograms)
    .values({
      titleRu: "Компенсация затрат на оборудование",
      descriptionRu: "Оборудование для производства",
      legalBasisRu: "Порядок предоставления грантов",
      legalBasisNumber: "1-ПП",
      eligibility: {} as never,
      categories: [],
      maxPerApplicant: 5_000_000_00,
      budget: 50_000_000_00,
      opensAt: at(monthsAgo(6)),
      closesAt: at(monthsAgo(0)),
      checkDays: 10,
    })
    .returning();
  const application = (o: Partial<typeof grantApplications.$inferInsert>) => ({
    programId: program!.id,
    organizationId: participant.id,
    titleRu: "Станок с ЧПУ",
    declarations: {},
    kpis: [],
    requested: 2_000_000_00,
    ...o,
  });
  const grants = await db
    .insert(grantApplications)
    .values([
      application({ state: "approved", approved: 1_500_000_50 }),
      application({ state: "paid", approved: 1_000_000_00, paidOn: monthsAgo(1) }),
      application({ state: "refused" }),
      application({ state: "commission", approved: 900_000_00 }),
    ])
    .returning();
  approvedGrantId = grants[0]!.id;
  await db.insert(grantEvents).values([
    { applicationId: grants[0]!.id, move: "approve", state: "approved", at: at(monthsAgo(2)) },
    { applicationId: grants[1]!.id, move: "approve", state: "approved", at: at(monthsAgo(3)) },
  ]);
});

describe("the cluster in numbers", () => {
  it("counts only confirmed money, active statuses and published challenges, for a guest", async () => {
    const n = await numbers();
    expect(n.organizations).toEqual({
      total: 6,
      byStatus: { participant: 2, partner: 1, none: 3 },
      regions: [
        { region: "77", name: "Москва", count: 3 },
        { region: "50", name: "Московская область", count: 1 },
        { region: "78", name: "Санкт-Петербург", count: 1 },
      ],
      otherRegions: 1,
    });
    expect(n.projects).toEqual({ total: 2, joint: 1 });
    expect(n.investment.total).toBe(1_250_000);
    expect(n.investment.entries).toBe(2);
    expect(n.investment.byType).toContainEqual({ type: "equity", amount: 1_000_000, entries: 1 });
    expect(n.investment.byType).toContainEqual({ type: "loan", amount: 250_000, entries: 1 });
    expect(n.investment.byType).toContainEqual({ type: "venture_fund", amount: 0, entries: 0 });
    expect(n.support).toEqual({ total: 300_000, entries: 1 });
    expect(n.pilots).toEqual({ completed: 1, running: 1 });
    expect(n.challenges).toEqual({ published: 3, withResults: 1, awarded: 2_000_000, awards: 1 });
    // approved: the commission's decisions (a paid grant was approved too), never a refusal or one waiting;
    // kopecks summed, then whole rubles
    expect(n.grants).toEqual({ approved: 2_500_001, approvedCount: 2, paid: 1_000_000, paidCount: 1 });
  });

  it("gives 24 months of series ending this month, cumulative participants from before the window", async () => {
    const n = await numbers();
    expect(n.months).toEqual(months());
    expect(n.months).toHaveLength(24);
    for (const s of n.series) expect(s.values).toHaveLength(24);
    const idx = (ago: number) => 23 - ago;
    expect(series(n, "participants")[idx(3)]).toBe(1);
    expect(series(n, "participants").reduce((a, b) => a + b)).toBe(1);
    // the participant of 40 months ago is in every month's total; the suspended one in none
    expect(series(n, "participantsTotal")[0]).toBe(1);
    expect(last(series(n, "participantsTotal"))).toBe(2);
    expect(series(n, "projects")[idx(2)]).toBe(1);
    expect(last(series(n, "projects"))).toBe(1);
    expect(series(n, "jointProjects")[idx(2)]).toBe(1);
    // the loan received 30 months ago is in the total, not in the window; declared money is nowhere
    expect(series(n, "investment")[idx(1)]).toBe(1_000_000);
    expect(series(n, "investment").reduce((a, b) => a + b)).toBe(1_000_000);
    expect(series(n, "support")[idx(1)]).toBe(300_000);
    expect(series(n, "pilotsCompleted")[idx(1)]).toBe(1);
    expect(series(n, "grantsApproved")[idx(2)]).toBe(1_500_001);
    expect(series(n, "grantsApproved")[idx(3)]).toBe(1_000_000);
    expect(series(n, "grantsPaid")[idx(1)]).toBe(1_000_000);
    expect(series(n, "grantsPaid").reduce((a, b) => a + b)).toBe(1_000_000);
    expect(last(series(n, "challengesPublished"))).toBe(2);
    expect(series(n, "challengesPublished")[idx(5)]).toBe(1);
    expect(n.series.find((s) => s.key === "investment")?.unit).toBe("rub");
  });

  it("names the regions in the reader's language", async () => {
    const res = await new Client(t.app, "en").get("/api/public/numbers");
    expect((res.json() as ClusterNumbers).organizations.regions[0]).toEqual({
      region: "77",
      name: "Moscow",
      count: 3,
    });
    expect((await numbers()).organizations.regions[0]?.name).toBe("Москва");
  });

  it("follows a confirmation at once (the answer is kept per generation of what it reads)", async () => {
    const before = await numbers();
    await t.database.db
      .update(projectEntries)
      .set({ state: "confirmed", decidedAt: sql`now()` })
      .where(eq(projectEntries.id, declaredId));
    const after = await numbers();
    expect(after.investment.total).toBe(before.investment.total + 7_000_000);
    await t.database.db.update(pilots).set({ state: "running" }).where(eq(pilots.state, "submitted"));
    expect((await numbers()).pilots.running).toBe(2);
    await t.database.db
      .update(grantApplications)
      .set({ state: "paid", paidOn: monthsAgo(0) })
      .where(eq(grantApplications.id, approvedGrantId));
    expect((await numbers()).grants.paid).toBe(2_500_001);
  });
});
