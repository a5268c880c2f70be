import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { parseCsv, toCsv } from "./measures.io.service.js";
import { measures, measureVersions } from "./measures.schema.js";

let t: TestApp;
let guest: Client;
let operator: Client;
let user: Client;

const measure = (extra: Record<string, unknown> = {}) => ({
  titleRu: "Грант на пилотное тестирование",
  descriptionRu: "Компенсация затрат на пилотирование; формулы вроде =1+1 не исполняются.",
  provider: "Московский инновационный кластер",
  providerKind: "other",
  level: "city",
  form: "pilot_testing",
  amountMin: 100_000,
  amountMax: 2_000_000,
  requiredDocuments: ['Заявка "по форме"', "Смета; расчёт"],
  industries: ["J", "C"],
  tags: ["ai"],
  criteria: { regions: ["77"], ageYears: { min: 1 } },
  ...extra,
});

const total = async () => Number((await t.database.db.select({ n: count() }).from(measures))[0]!.n);

beforeAll(async () => {
  t = await testApp();
  guest = new Client(t.app);
  const [op, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [operator, user] = await Promise.all([signedIn(t, op), signedIn(t, u)]);
  const a = await operator.post(
    "/api/operator/measures",
    measure({ slug: "pilot", titleRu: "=cmd|' /C calc'!A0" }),
  );
  expect(a.statusCode, a.body).toBe(201);
  const b = await operator.post(
    "/api/operator/measures",
    measure({ slug: "loan", form: "preferential_loan", titleRu: "Льготный заём" }),
  );
  expect(b.statusCode, b.body).toBe(201);
});
afterAll(() => t.close());

describe("the CSV writer and reader", () => {
  it("round-trips quotes, separators, line breaks and defused formulas", () => {
    const rows = [{ a: 'x "y"; z', b: "line1\nline2", c: "=SUM(A1)", d: null, e: ["p", "q"], f: -5 }];
    const text = toCsv(rows, ["a", "b", "c", "d", "e", "f"]);
    expect(text.startsWith("\uFEFFa;b;c;d;e;f\r\n")).toBe(true);
    expect(text).toContain(`"x ""y""; z";"line1\nline2";'=SUM(A1);;"[""p"",""q""]";'-5`);
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c", "d", "e", "f"],
      ['x "y"; z', "line1\nline2", "'=SUM(A1)", "", '["p","q"]', "'-5"],
    ]);
  });
});

describe("the CSV writer and reader (csv-stringify / csv-parse)", () => {
  it("writes booleans as words, quotes lone line breaks and edge spaces, defuses headers", () => {
    const text = toCsv(
      [{ "=h": true, b: false, c: "a\rb", d: " x", e: "y ", f: 1.5 }],
      ["=h", "b", "c", "d", "e", "f"],
    );
    expect(text).toBe(`\uFEFF'=h;b;c;d;e;f\r\ntrue;false;"a\rb";" x";"y ";1.5\r\n`);
    expect(toCsv([], ["a", "b"])).toBe("\uFEFFa;b\r\n");
  });

  it("reads ',' files, mixed line ends, short and long rows; skips blank rows", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a;b\r\n1;2\n3\r4;5;6\r\n;\r\n\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3"],
      ["4", "5", "6"],
    ]);
    expect(parseCsv('a;b\nx"y;2')).toEqual([
      ["a", "b"],
      ['x"y', "2"],
    ]);
  });
});

describe("export", () => {
  it("JSON: every measure with every field", async () => {
    const res = await operator.get("/api/operator/measures/export?format=json");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json() as Record<string, unknown>[];
    expect(items).toHaveLength(2);
    const pilot = items.find((i) => i.slug === "pilot")!;
    expect(pilot).toMatchObject({
      status: "draft",
      version: 1,
      titleRu: "=cmd|' /C calc'!A0",
      amountMin: 100_000,
      industries: ["J", "C"],
      criteria: { regions: ["77"], ageYears: { min: 1 } },
      isDemo: false,
    });
    expect(Object.keys(pilot)).toEqual(
      expect.arrayContaining(["id", "descriptionRu", "applyUrl", "views", "createdAt"]),
    );
  });

  it("CSV: UTF-8 with BOM, ';'-separated, formulas escaped, criteria as a JSON cell", async () => {
    const res = await operator.get("/api/operator/measures/export?format=csv");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="measures-.*\.csv"/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.slice(0, 5)).toEqual(["id", "status", "version", "slug", "titleRu"]);
    expect(res.body.split("\r\n")[0]!.split(";").length).toBe(header!.length);
    const title = header!.indexOf("titleRu");
    const criteria = header!.indexOf("criteria");
    const pilot = rows.find((r) => r[header!.indexOf("slug")] === "pilot")!;
    expect(pilot[title]).toBe("'=cmd|' /C calc'!A0");
    expect(JSON.parse(pilot[criteria]!)).toEqual({ regions: ["77"], ageYears: { min: 1 } });
  });

  it("operators only: a user gets 403, a guest 401", async () => {
    expectProblem(await user.get("/api/operator/measures/export?format=csv"), 403);
    expectProblem(await guest.get("/api/operator/measures/export"), 401);
    expectProblem(await user.post("/api/operator/measures/import", [measure()]), 403);
    expectProblem(
      await guest.post("/api/operator/measures/import", "titleRu\nx", { "content-type": "text/csv" }),
      401,
    );
  });
});

describe("import", () => {
  it("a good JSON file creates drafts and updates by slug, with versions", async () => {
    const before = await total();
    const res = await operator.post("/api/operator/measures/import", [
      measure({ slug: "new-one", titleRu: "Новая мера из файла" }),
      measure({ titleRu: "Мера без адреса" }),
      {
        ...measure({ slug: "loan", form: "preferential_loan", titleRu: "Льготный заём (обновлён)" }),
        id: "ignored",
        status: "published",
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(await total()).toBe(before + 2);
    const [loan] = await t.database.db.select().from(measures).where(eq(measures.slug, "loan"));
    expect(loan).toMatchObject({ titleRu: "Льготный заём (обновлён)", status: "draft", version: 2 });
    const v = await t.database.db
      .select()
      .from(measureVersions)
      .where(eq(measureVersions.measureId, loan!.id));
    expect(v.map((x) => x.action).sort()).toEqual(["create", "update"]);
    const [created] = await t.database.db.select().from(measures).where(eq(measures.slug, "new-one"));
    expect(created!.status).toBe("draft");
  });

  it("the exported CSV imports back (nothing changes), and a CSV file creates", async () => {
    const exported = (await operator.get("/api/operator/measures/export?format=csv")).body;
    const res = await operator.post("/api/operator/measures/import", exported, {
      "content-type": "text/csv",
    });
    expect(res.statusCode, res.body).toBe(200);
    const n = await total();
    // Rows without a slug are created again; those with one are unchanged.
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: n - 2 });
    const [pilot] = await t.database.db.select().from(measures).where(eq(measures.slug, "pilot"));
    expect(pilot!.titleRu).toBe("=cmd|' /C calc'!A0");

    const csv = `\uFEFFslug;titleRu;provider;level;form;amountMax;tags;criteria\r\ncsv-one;Грант из таблицы;Фонд;federal;grant;1 500 000;ai,biotech;"{""regions"":[""77""]}"\r\n`;
    const r2 = await operator.post("/api/operator/measures/import", csv, { "content-type": "text/csv" });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const [one] = await t.database.db.select().from(measures).where(eq(measures.slug, "csv-one"));
    expect(one).toMatchObject({
      amountMax: 1_500_000,
      tags: ["ai", "biotech"],
      criteria: { regions: ["77"] },
    });
  });

  it("a bad file (two bad rows) → 400 listing both rows and fields; nothing written", async () => {
    const before = await total();
    const res = await operator.post("/api/operator/measures/import", [
      measure({ slug: "fine-one", titleRu: "Хорошая строка" }),
      measure({ titleRu: "", form: "lottery" }),
      measure({ slug: "fine-two", titleRu: "Ещё хорошая" }),
      measure({ amountMin: 10, amountMax: 5, criteria: { regions: ["99"] } }),
    ]);
    const body = expectProblem(res, 400, "validation") as unknown as {
      rows: { row: number; errors: { field: string; message: { ru: string; en: string } }[] }[];
      errors: { field: string; message: string }[];
    };
    expect(body.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(body.rows[0]!.errors.map((e) => e.field).sort()).toEqual(["form", "titleRu"]);
    expect(body.rows[0]!.errors.find((e) => e.field === "titleRu")!.message).toEqual({
      ru: "Обязательное поле",
      en: "Required",
    });
    expect(body.rows[1]!.errors.map((e) => e.field)).toContain("amountMax");
    expect(body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["2.titleRu", "2.form", "4.amountMax"]),
    );
    expect(await total()).toBe(before);
    const [fine] = await t.database.db.select().from(measures).where(eq(measures.slug, "fine-one"));
    expect(fine).toBeUndefined();

    // The same in CSV, with a broken criteria cell.
    const csv = `titleRu;provider;level;form;criteria\nХорошая;Фонд;city;grant;{}\nПлохая;Фонд;city;grant;{not json\n;Фонд;moon;grant;\n`;
    const r2 = await operator.post("/api/operator/measures/import", csv, { "content-type": "text/csv" });
    const b2 = expectProblem(r2, 400, "validation") as unknown as typeof body;
    expect(b2.rows.map((r) => [r.row, r.errors.map((e) => e.field).sort()])).toEqual([
      [2, ["criteria"]],
      [3, ["level", "titleRu"]],
    ]);
    expect(await total()).toBe(before);
  });

  it("a malformed CSV file (a quote never closed) → 400 on the body; nothing written", async () => {
    const before = await total();
    const csv = `titleRu;provider;level;form\n"Незакрытая;Фонд;city;grant\n`;
    const res = await operator.post("/api/operator/measures/import", csv, { "content-type": "text/csv" });
    const body = expectProblem(res, 400, "validation");
    expect(body.errors!.map((e) => e.field)).toEqual(["body"]);
    expect(await total()).toBe(before);
  });
});
