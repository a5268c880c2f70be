import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { insertProgram } from "./grants.fixtures.js";
import { sendGrantReportReminders } from "./grants.reports.service.js";
import { grantApplications } from "./grants.schema.js";

const t = testAppForFile();
let op: Client;
let stranger: Client;
let applicant: Awaited<ReturnType<typeof orgWithTeam>>;
let programId: string;

type Report = {
  id: string;
  year: number;
  dueOn: string;
  state: string;
  plan: { revenue: number; jobs: number; output: number } | null;
  actual: { revenue: number; jobs: number; output: number } | null;
  reason: string | null;
  version: number;
};
type Reports = {
  state: string;
  version: number;
  paid: number | null;
  refund: number | null;
  refundReason: string | null;
  reports: Report[];
  me: { submit: boolean; decide: boolean };
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const PAID = 3_000_000 * 100;
const KPIS = [
  { year: 2026, revenue: 100_000_000, jobs: 30, output: 60_000_000 },
  { year: 2027, revenue: 120_000_000, jobs: 35, output: 80_000_000 },
];

/** An application with a signed agreement, paid through the API (which schedules its reports). */
async function paidGrant() {
  const [a] = await t.database.db
    .insert(grantApplications)
    .values({
      programId,
      organizationId: applicant.org.id,
      state: "agreement",
      titleRu: "Возмещение затрат на линию розлива",
      declarations: {},
      kpis: KPIS,
      requested: PAID,
      approved: PAID,
    })
    .returning();
  await ok(
    op.post(`/api/grant-applications/${a!.id}/payment`, { paidOn: "2026-12-04", version: a!.version }),
  );
  return a!.id;
}

const reportsOf = (c: Client, id: string) => ok<Reports>(c.get(`/api/grant-applications/${id}/reports`));
const figures = { revenue: 95_000_000, jobs: 31, output: 58_000_000 };
const submit = (r: Report, o: Record<string, unknown> = {}) =>
  applicant.ownerC.post(`/api/grant-reports/${r.id}/submit`, { ...figures, version: r.version, ...o });
const decide = (r: Report, body: Record<string, unknown>) =>
  op.post(`/api/grant-reports/${r.id}/decision`, { version: r.version, ...body });

async function noticesOf(userId: string, kind: string) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.length;
}

/** Both reports submitted and accepted: ready to close or to require a refund. */
async function allAccepted(id: string) {
  let v = await reportsOf(op, id);
  for (const r of v.reports.filter((x) => x.state !== "accepted")) {
    v = await ok<Reports>(submit(r));
    const s = v.reports.find((x) => x.id === r.id)!;
    v = await ok<Reports>(decide(s, { decision: "accept" }));
  }
  return v;
}

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  applicant = await orgWithTeam(t, { shortName: "ООО «Аквалайн»", status: "participant" });
  programId = (await insertProgram(t.database, PAID)).id;
});

describe("yearly reports", () => {
  it("the payment schedules a report per KPI year, due 1 April of the next year, with the plan; others get 404", async () => {
    const id = await paidGrant();
    const v = await reportsOf(applicant.ownerC, id);
    expect(v).toMatchObject({ state: "paid", paid: PAID, me: { submit: true, decide: false } });
    expect(v.reports.map((r) => [r.year, r.dueOn, r.state])).toEqual([
      [2026, "2027-04-01", "due"],
      [2027, "2028-04-01", "due"],
    ]);
    expect(v.reports[0]!.plan).toEqual({ revenue: 100_000_000, jobs: 30, output: 60_000_000 });
    expect((await reportsOf(op, id)).me).toEqual({ submit: false, decide: true });
    expectProblem(await stranger.get(`/api/grant-applications/${id}/reports`), 404);
    expectProblem(await applicant.memberC.get(`/api/grant-applications/${id}/reports`), 404);
  });

  it("the applicant submits actual figures (non-negative integers); the operator returns with a reason, then accepts", async () => {
    const id = await paidGrant();
    const [r] = (await reportsOf(applicant.ownerC, id)).reports;
    const bad = expectProblem(await submit(r!, { revenue: -1, jobs: 2.5 }), 400);
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["jobs", "revenue"]);
    // an operator is not the applicant; a member is not its manager
    expectProblem(await op.post(`/api/grant-reports/${r!.id}/submit`, { ...figures, version: 1 }), 404);
    expectProblem(
      await applicant.memberC.post(`/api/grant-reports/${r!.id}/submit`, { ...figures, version: 1 }),
      404,
    );
    // the operator cannot decide a report not yet submitted
    expectProblem(await decide(r!, { decision: "accept" }), 409, "grant-report-changed");

    const s = await ok<Reports>(submit(r!));
    expect(s.state).toBe("reporting");
    expect(s.reports[0]).toMatchObject({ state: "submitted", actual: figures });
    expect(await noticesOf(applicant.owner.id, "grants.report_submitted")).toBe(0);

    const noReason = expectProblem(await decide(s.reports[0]!, { decision: "return" }), 400);
    expect(fieldErrors(noReason).reason).toBeTruthy();
    const back = await ok<Reports>(
      decide(s.reports[0]!, {
        decision: "return",
        reason: "Выручка не совпадает с отчётом о финансовых результатах",
      }),
    );
    expect(back.reports[0]).toMatchObject({ state: "returned", reason: expect.stringContaining("Выручка") });
    expect(await noticesOf(applicant.owner.id, "grants.report_decided")).toBe(1);
    // a stale version is 409 with the reports as they are now
    const stale = expectProblem(await submit(r!), 409, "grant-report-changed");
    expect((stale as unknown as { current: Reports }).current.reports[0]!.state).toBe("returned");

    const again = await ok<Reports>(submit(back.reports[0]!, { revenue: 101_000_000 }));
    const accepted = await ok<Reports>(decide(again.reports[0]!, { decision: "accept" }));
    expect(accepted.reports[0]).toMatchObject({ state: "accepted", reason: null });
    expect(accepted.reports[0]!.actual!.revenue).toBe(101_000_000);

    const app = await ok<{ events: { move: string }[] }>(
      applicant.ownerC.get(`/api/grant-applications/${id}`),
    );
    expect(app.events.map((e) => e.move).slice(-5)).toEqual([
      "pay",
      "report",
      "report_return",
      "report",
      "report_accept",
    ]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r!.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "grant.report_accept",
      "grant.report_return",
      "grant.report_submit",
      "grant.report_submit",
    ]);
  });

  it("two operators racing to decide one report: one wins, the other 409", async () => {
    const id = await paidGrant();
    const [r] = (await reportsOf(op, id)).reports;
    const s = (await ok<Reports>(submit(r!))).reports[0]!;
    const res = await Promise.all([
      decide(s, { decision: "accept" }),
      decide(s, { decision: "return", reason: "Не приложена бухгалтерская отчётность" }),
    ]);
    expect(res.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    expectProblem(res.find((x) => x.statusCode === 409)!, 409, "grant-report-changed");
  });

  it("closing needs every report accepted; then the grant is closed and can move no further", async () => {
    const id = await paidGrant();
    // paid, no report yet: closing is not a move from here
    expectProblem(
      await op.post(`/api/grant-applications/${id}/close`, { version: (await reportsOf(op, id)).version }),
      409,
      "grant-application-changed",
    );
    const [r] = (await reportsOf(op, id)).reports;
    const s = await ok<Reports>(submit(r!));
    await ok(decide(s.reports[0]!, { decision: "accept" }));
    const v = await reportsOf(op, id);
    expectProblem(
      await op.post(`/api/grant-applications/${id}/close`, { version: v.version }),
      409,
      "grant-reports-open",
    );
    const all = await allAccepted(id);
    expectProblem(
      await applicant.ownerC.post(`/api/grant-applications/${id}/close`, { version: all.version }),
      403,
    );
    const closed = await ok<Reports>(
      op.post(`/api/grant-applications/${id}/close`, { version: all.version }),
    );
    expect(closed.state).toBe("closed");
    expect(await noticesOf(applicant.owner.id, "grants.decided")).toBeGreaterThan(0);
    expectProblem(
      await op.post(`/api/grant-applications/${id}/refund`, {
        amount: 100,
        reason: "Показатели не достигнуты",
        version: closed.version,
      }),
      409,
      "grant-application-changed",
    );
  });

  it("a refund required when the KPIs were missed: at most the amount paid, with the reason", async () => {
    const id = await paidGrant();
    const all = await allAccepted(id);
    const body = {
      reason: "Создано 31 рабочее место из 35, выручка ниже плана на 21%",
      version: all.version,
    };
    const over = expectProblem(
      await op.post(`/api/grant-applications/${id}/refund`, { ...body, amount: PAID + 1 }),
      400,
    );
    expect(fieldErrors(over).amount).toBeTruthy();
    const done = await ok<Reports>(
      op.post(`/api/grant-applications/${id}/refund`, { ...body, amount: 450_000 * 100 }),
    );
    expect(done).toMatchObject({
      state: "refund_required",
      refund: 450_000 * 100,
      refundReason: body.reason,
    });
  });
});

describe("the reminders job", () => {
  it("30 and 7 days before each due day, once per report and due day, to the applicant's managers", async () => {
    const id = await paidGrant();
    const run = (day: string) =>
      sendGrantReportReminders(t.database.db, t.config.publicUrl, new Date(`${day}T09:00:00+03:00`));
    const base = await noticesOf(applicant.owner.id, "grants.report_reminder");
    expect(await run("2027-02-20")).toEqual({ d30: 0, d7: 0 });
    const first = await run("2027-03-05");
    expect(first.d30).toBeGreaterThanOrEqual(1);
    expect(await run("2027-03-05")).toEqual({ d30: 0, d7: 0 });
    expect(await run("2027-03-06")).toEqual({ d30: 0, d7: 0 });
    expect((await run("2027-03-27")).d7).toBeGreaterThanOrEqual(1);
    expect(await run("2027-03-28")).toEqual({ d30: 0, d7: 0 });
    // a submitted report is not reminded
    const [r] = (await reportsOf(applicant.ownerC, id)).reports;
    await ok(submit(r!));
    const told = await noticesOf(applicant.owner.id, "grants.report_reminder");
    expect(told).toBeGreaterThan(base);
    expect(await noticesOf(applicant.member.id, "grants.report_reminder")).toBe(0);
    const latest = (await applicant.ownerC.get("/api/notifications")).json() as {
      items: { kind: string; title: string; link: string | null }[];
    };
    expect(latest.items.find((n) => n.kind === "grants.report_reminder")).toMatchObject({
      title: expect.stringContaining("01.04.2027"),
      link: expect.stringMatching(/^\/grants\/applications\//),
    });
  });
});
