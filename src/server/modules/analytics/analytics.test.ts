import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { moscowToday } from "../../core/clock.js";
import { messages } from "../../core/i18n.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { monthsBefore } from "./analytics.query.js";
import { DASHBOARD_QUERIES } from "./analytics.service.js";

const t = testAppForFile();
let op: Client;
let opEn: Client;
let member: Client;
let guest: Client;

beforeAll(async () => {
  const operator = await createUser(t.database, { role: "operator" });
  const operatorEn = await createUser(t.database, { role: "operator", locale: "en" });
  const team = await orgWithTeam(t);
  [op, opEn] = await Promise.all([signedIn(t, operator), signedIn(t, operatorEn, "en")]);
  member = team.ownerC;
  guest = new Client(t.app);
});

type Table = {
  key: string;
  title: string;
  columns: { key: string; kind: string; label: string }[];
  rows: Record<string, string | number | null>[];
  chart: unknown;
  filters: string[];
};
type Dash = { dashboard: string; from: string; to: string; tables: Table[] };

const thisMonth = () => moscowToday().slice(0, 7);

async function dash(c: Client, name: string, query = ""): Promise<Dash> {
  const res = await c.get(`/api/analytics/${name}${query ? `?${query}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const tableOf = (d: Dash, key: string) => d.tables.find((x) => x.key === key)!;
const lastRow = (d: Dash, key: string) => tableOf(d, key).rows.at(-1)!;
/** A column summed over the rows of a table. */
const sum = (d: Dash, key: string, col: string) =>
  tableOf(d, key).rows.reduce((s, r) => s + Number(r[col] ?? 0), 0);

describe("who reads the dashboards", () => {
  it("a guest is 401, a member 403, an operator gets the last 12 months by default, not cached", async () => {
    expectProblem(await guest.get("/api/analytics/members"), 401);
    expectProblem(await member.get("/api/analytics/members"), 403);
    expectProblem(await member.get("/api/analytics/members/export?format=xlsx"), 403);
    const res = await op.get("/api/analytics/members");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const d = res.json() as Dash;
    expect(d.to).toBe(thisMonth());
    expect(d.from).toBe(monthsBefore(thisMonth(), 11));
    expect(tableOf(d, "byMonth").rows.map((r) => r.month)).toHaveLength(12);
    expect(tableOf(d, "byMonth").columns.map((c) => c.label)).toContain("Участники");
    const en = await dash(opEn, "members");
    expect(tableOf(en, "byMonth").columns.map((c) => c.label)).toContain("Participants");
  });

  it("an unknown dashboard is refused as any bad parameter is (400 naming it)", async () => {
    const body = expectProblem(await op.get("/api/analytics/nothing"), 400);
    expect(Object.keys(fieldErrors(body))).toEqual(["dashboard"]);
  });

  it("every placeholder or real dashboard answers with the same shape", async () => {
    for (const name of Object.keys(DASHBOARD_QUERIES)) {
      const d = await dash(op, name);
      expect(d.dashboard).toBe(name);
      expect(Array.isArray(d.tables)).toBe(true);
    }
  });
});

describe("filters", () => {
  const cases: [string, string, Record<string, string>][] = [
    ["from=2026-05&to=2026-01", "to", { ru: "field.periodOrder", en: "field.periodOrder" }],
    ["from=2020-01&to=2026-01", "from", { ru: "field.periodTooLong", en: "field.periodTooLong" }],
    ["from=2026-13", "from", { ru: "field.month", en: "field.month" }],
    ["to=26-01", "to", { ru: "field.month", en: "field.month" }],
    // years the clock cannot place are refused, not a 500
    ["from=9999-01", "from", { ru: "field.month", en: "field.month" }],
    ["to=0000-12", "to", { ru: "field.month", en: "field.month" }],
    ["region=7a", "region", { ru: "field.region", en: "field.region" }],
  ];
  for (const [query, field, keys] of cases)
    it(`${query} is 400 with one error on ${field}, in Russian and English`, async () => {
      for (const [c, locale] of [
        [op, "ru"],
        [opEn, "en"],
      ] as const) {
        const body = expectProblem(await c.get(`/api/analytics/statusApplications?${query}`), 400);
        expect(body.errors).toHaveLength(1);
        expect(fieldErrors(body)).toEqual({ [field]: messages[locale][keys[locale]!] });
      }
    });

  it("two bad filters give one entry each; a lone `from` too far back is too long", async () => {
    const body = expectProblem(await op.get("/api/analytics/members?from=2026-00&region=777"), 400);
    expect(Object.keys(fieldErrors(body)).sort()).toEqual(["from", "region"]);
    const far = expectProblem(await opEn.get("/api/analytics/members?from=2001-01"), 400);
    expect(fieldErrors(far)).toEqual({ from: "The period is at most 36 months long" });
  });

  it("region and organization type narrow the counts", async () => {
    await createOrg(t.database, { regionCode: "54", type: "legal_entity" });
    await createOrg(t.database, { regionCode: "54", type: "university" });
    await createOrg(t.database, { regionCode: "55", type: "university" });
    const all = lastRow(await dash(op, "members"), "byMonth");
    const region = await dash(op, "members", "region=54");
    expect(lastRow(region, "byMonth")).toMatchObject({ registered: 2, total: 2 });
    expect(tableOf(region, "byRegion").rows).toEqual([
      expect.objectContaining({ region: "Новосибирская область", total: 2, registered: 2 }),
    ]);
    const typed = await dash(op, "members", "region=54&orgType=university");
    expect(lastRow(typed, "byMonth")).toMatchObject({ total: 1 });
    const universities = lastRow(await dash(op, "members", "orgType=university"), "byMonth");
    expect(universities.total).toBe(2);
    expect(Number(all.total)).toBeGreaterThan(Number(universities.total));
  });
});

describe("counting", () => {
  it("an application received and decided moves received, decided and the decision time", async () => {
    const q = `region=50&from=${monthsBefore(thisMonth(), 1)}`;
    const before = await dash(op, "statusApplications", q);
    expect(sum(before, "flow", "received")).toBe(0);

    const team = await orgWithTeam(t, { regionCode: "50", type: "legal_entity" });
    const applied = await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
      requestedStatus: "partner",
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const app = applied.json() as { id: string; version: number };
    const waiting = await dash(op, "statusApplications", q);
    expect(sum(waiting, "flow", "received")).toBe(1);
    expect(tableOf(waiting, "waiting").rows).toContainEqual(
      expect.objectContaining({ status: "Партнёр кластера", waiting: 1 }),
    );

    // Submitted two and a half days ago: the decision took 2.5 days.
    await t.database.rawQuery(
      `update status_history set at = now() - interval '60 hours' where application_id = $1`,
      [app.id],
    );
    const decided = await op.post(`/api/operator/status-applications/${app.id}/decision`, {
      decision: "approve",
      version: app.version,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await dash(op, "statusApplications", q);
    expect(sum(after, "flow", "received")).toBe(1);
    expect(lastRow(after, "flow")).toMatchObject({ month: thisMonth(), approved: 1, decided: 1 });
    expect(lastRow(after, "decisionTime")).toMatchObject({ decided: 1, medianDays: 2.5, p90Days: 2.5 });
    expect(tableOf(after, "waiting").rows).toContainEqual(
      expect.objectContaining({ status: "Партнёр кластера", waiting: 0, oldestDays: null }),
    );
  });

  it("an approval moves an organization from registered to participant; a suspension to suspended", async () => {
    const q = "region=77&orgType=research_institute";
    const team = await orgWithTeam(t, { regionCode: "77", type: "research_institute" });
    expect(lastRow(await dash(op, "members", q), "byMonth")).toMatchObject({
      registered: 1,
      participant: 0,
      total: 1,
    });
    const applied = await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
      requestedStatus: "participant",
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const app = applied.json() as { id: string; version: number };
    const res = await op.post(`/api/operator/status-applications/${app.id}/decision`, {
      decision: "approve",
      version: app.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await dash(op, "members", q);
    expect(lastRow(after, "byMonth")).toMatchObject({ registered: 0, participant: 1, total: 1 });
    expect(tableOf(after, "byRegion").rows[0]).toMatchObject({ region: "Москва", participant: 1 });
    // A month before this one the organization did not exist yet (it was created today).
    const earlier = tableOf(after, "byMonth").rows.at(-2)!;
    expect(earlier.total).toBe(0);

    const s = await op.post(`/api/operator/organizations/${team.org.id}/suspend`, {
      reason: "Проверка отчётности",
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(lastRow(await dash(op, "members", q), "byMonth")).toMatchObject({ participant: 0, suspended: 1 });
  });
});

describe("exports", () => {
  const original = DASHBOARD_QUERIES.events;
  const fake: typeof original = async () => [
    {
      key: "names",
      title: "Names: [a/b]",
      description: "",
      columns: [
        { key: "name", kind: "text", label: "Название" },
        { key: "n", kind: "count", label: "Число" },
        { key: "sum", kind: "money", label: "Сумма" },
        { key: "days", kind: "days", label: "Дней" },
      ],
      rows: [
        { name: '=HYPERLINK("http://x","y")', n: 3, sum: 1500000, days: 3.5 },
        { name: "Обычное", n: 0, sum: null, days: 12 },
      ],
      chart: null,
      filters: [],
    },
  ];

  it("CSV needs a table; a table not in the dashboard is 400", async () => {
    expect(
      fieldErrors(expectProblem(await op.get("/api/analytics/members/export?format=csv"), 400)),
    ).toHaveProperty("table");
    expect(
      fieldErrors(expectProblem(await op.get("/api/analytics/members/export?format=csv&table=nope"), 400)),
    ).toHaveProperty("table");
    expect(
      fieldErrors(expectProblem(await op.get("/api/analytics/members/export?format=pdf&table=byMonth"), 400)),
    ).toHaveProperty("format");
  });

  it("CSV: BOM, ';', a label row, formula-looking text defused, a decimal comma, a named file", async () => {
    DASHBOARD_QUERIES.events = fake;
    try {
      const res = await op.get("/api/analytics/events/export?format=csv&table=names&from=2026-01&to=2026-03");
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers["content-type"])).toMatch(/^text\/csv/);
      expect(String(res.headers["content-disposition"])).toBe(
        'attachment; filename="analytics-events-names-2026-01_2026-03.csv"',
      );
      expect(res.body.startsWith("\uFEFF")).toBe(true);
      const lines = res.body.slice(1).split("\r\n");
      expect(lines[0]).toBe("Название;Число;Сумма;Дней");
      // "3.5" would be the date 3 May in Excel with Russian settings
      expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")";3;1500000;3,5`);
      expect(lines[2]).toBe("Обычное;0;;12");
    } finally {
      DASHBOARD_QUERIES.events = original;
    }
  });

  it("CSV of a real table: its labels and a row per month", async () => {
    const res = await opEn.get("/api/analytics/members/export?format=csv&table=byMonth");
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Month;Registered;Participants;Partners;Status suspended;Total");
    expect(lines).toHaveLength(13);
    expect(lines.at(-1)!.startsWith(`${thisMonth()};`)).toBe(true);
  });

  it("XLSX: a sheet per table with bold frozen headers, numbers as number cells, text as text", async () => {
    const res = await op.get("/api/analytics/members/export?format=xlsx&region=54");
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers["content-disposition"])).toMatch(
      /analytics-members-\d{4}-\d{2}_\d{4}-\d{2}-54\.xlsx/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Организации по статусам", "Организации по регионам"]);
    const [byMonth, byRegion] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(byMonth.rowCount).toBe(13);
    expect(byMonth.getRow(1).font?.bold).toBe(true);
    expect(byMonth.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const last = byMonth.getRow(13);
    expect(last.getCell(1).value).toBe(thisMonth());
    expect(last.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(last.getCell(6).value).toBe(2);
    expect(last.getCell(6).numFmt).toBe("0");
    expect(byRegion.getRow(2).getCell(1).value).toBe("Новосибирская область");

    DASHBOARD_QUERIES.events = fake;
    try {
      const x = await op.get("/api/analytics/events/export?format=xlsx");
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = w.worksheets[0]!;
      expect(ws.name).toBe("Names   a b");
      expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://x","y")');
      expect(ws.getRow(2).getCell(3).value).toBe(1500000);
      expect(ws.getRow(2).getCell(3).numFmt).toBe("#,##0");
      expect(ws.getRow(3).getCell(3).value).toBe(null);
    } finally {
      DASHBOARD_QUERIES.events = original;
    }
  });
});
