import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../core/context.js";
import type { Database } from "../core/db.js";
import { membersDashboard } from "../modules/analytics/analytics.members.js";
import { resolveFilters } from "../modules/analytics/analytics.service.js";
import { statusApplicationsDashboard } from "../modules/analytics/analytics.statusApplications.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

const ctx = () => ({ db: database.db, locale: "ru" }) as unknown as Ctx;
type Row = Record<string, string | number | null>;

describe("the demo's year of history behind the operator's dashboards", () => {
  it("status applications are received and decided through the last 12 months, in days to weeks", async () => {
    const f = resolveFilters({});
    const tables = await statusApplicationsDashboard(ctx(), f);
    const flow = tables.find((x) => x.key === "flow")!.rows as Row[];
    const time = tables.find((x) => x.key === "decisionTime")!.rows as Row[];
    const monthsWith = (rows: Row[], col: string) => rows.filter((r) => Number(r[col]) > 0).length;
    expect(monthsWith(flow, "received")).toBeGreaterThanOrEqual(10);
    expect(monthsWith(flow, "decided")).toBeGreaterThanOrEqual(10);
    for (const r of time.filter((x) => x.medianDays !== null)) {
      expect(Number(r.medianDays)).toBeGreaterThan(0);
      expect(Number(r.p90Days)).toBeLessThanOrEqual(30);
    }
    const waiting = tables.find((x) => x.key === "waiting")!.rows as Row[];
    expect(waiting.reduce((s, r) => s + Number(r.waiting), 0)).toBeGreaterThan(0);
  });

  it("members by status: participants and partners grow over the year, every organization counted once", async () => {
    const tables = await membersDashboard(ctx(), resolveFilters({}));
    const months = tables.find((x) => x.key === "byMonth")!.rows as Row[];
    const first = months[0]!;
    const last = months.at(-1)!;
    expect(Number(last.participant) + Number(last.partner)).toBeGreaterThan(
      Number(first.participant) + Number(first.partner),
    );
    const [{ n }] = (await database.rawQuery<{ n: number }>(
      "select count(*)::int as n from organizations",
    )) as [{ n: number }];
    expect(last.total).toBe(n);
    const regions = tables.find((x) => x.key === "byRegion")!.rows as Row[];
    expect(regions.reduce((s, r) => s + Number(r.total), 0)).toBe(n);
    expect(regions[0]!.region).toBe("Москва");
  });
});
