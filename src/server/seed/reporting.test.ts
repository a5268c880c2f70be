import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureIssues, type KpiFigures, missingFigures } from "../../shared/kpiReports.js";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";
import { DEMO_USER_MEMBER_OF } from "./organizations.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo KPI reports", () => {
  it("last year's campaign due in 12 days: a report per participant in every state, submitted ones complete and valid", async () => {
    const [c] = await rows<{ year: number; days: number; n: number }>(
      database.db,
      sql`select year, round(extract(epoch from due_at - now()) / 86400)::int as days,
            (select count(*)::int from organizations where status = 'participant') as n
          from kpi_campaigns`,
    );
    expect(c!.year).toBe(new Date().getUTCFullYear() - 1);
    expect(c!.days).toBeGreaterThanOrEqual(11);
    expect(c!.days).toBeLessThanOrEqual(13);
    const reports = await rows<KpiFigures & { state: string; org: string; reason: string | null }>(
      database.db,
      sql`select r.state::text as state, o.short_name as org, r.return_reason as reason,
            r.revenue::float8 as revenue, r.headcount, r.rnd_spending::float8 as "rndSpending",
            r.export_revenue::float8 as "exportRevenue", r.patents_filed as "patentsFiled"
          from kpi_reports r join organizations o on o.id = r.organization_id`,
    );
    expect(reports.length).toBe(c!.n);
    const by = (s: string) => reports.filter((r) => r.state === s);
    expect(by("returned").length).toBe(2);
    expect(by("returned").every((r) => r.reason)).toBe(true);
    for (const s of ["not_started", "draft", "submitted", "accepted"])
      expect(by(s).length).toBeGreaterThan(0);
    expect(by("submitted").length + by("accepted").length).toBeGreaterThan(reports.length / 2);
    for (const r of [...by("submitted"), ...by("accepted"), ...by("returned")]) {
      expect(missingFigures(r)).toEqual([]);
      expect(figureIssues(r)).toEqual([]);
    }
    expect(reports.find((r) => r.org === DEMO_USER_MEMBER_OF)?.state).toBe("draft");
  });
});
