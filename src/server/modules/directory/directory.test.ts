import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../../../shared/identifiers.js";
import type { OrgStatus, OrgType } from "../../../shared/organizations.js";
import { rows } from "../../core/db.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, testAppForFile } from "../../test/helpers.js";
import { users } from "../accounts/accounts.schema.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { DirectoryQuery } from "./directory.contract.js";
import {
  DIRECTORY_LIMITS,
  type DirectoryPlan,
  directoryPlan,
  directoryStatements,
  FACETS,
} from "./directory.service.js";

const t = testAppForFile();
let guest: Client;

beforeAll(async () => {
  guest = new Client(t.app);
});

const rng = () => Math.random();

type OrgInput = {
  shortName: string;
  fullName?: string;
  description?: string;
  type?: OrgType;
  region?: string | null;
  country?: string;
  status?: OrgStatus;
  size?: [number, number] | null;
  okved?: string[];
  tags?: string[];
  contactsPublic?: boolean;
  suspended?: boolean;
  createdAt?: Date;
  declaredFlags?: Record<string, boolean>;
};

async function org(o: OrgInput) {
  const type = o.type ?? "legal_entity";
  const region = o.region === undefined ? (type === "foreign" ? null : "77") : o.region;
  const ids =
    type === "foreign"
      ? { country: o.country ?? "CN", foreignRegNumber: randomBytes(6).toString("hex") }
      : {
          inn: makeInn("legal", rng, { region: region ?? "77" }),
          ogrn: makeOgrn(rng, { region: region ?? "77" }),
          kpp: makeKpp(region ?? "77", rng),
        };
  const [row] = await t.database.db
    .insert(organizations)
    .values({
      type,
      ...ids,
      regionCode: region,
      shortName: o.shortName,
      fullName: o.fullName ?? `Общество с ограниченной ответственностью «${o.shortName}»`,
      legalAddress: "г. Москва, ул. Тверская, д. 7",
      descriptionRu: o.description ?? "",
      headcount: o.size === null ? null : (o.size?.[0] ?? 5),
      revenueMln: o.size === null ? null : (o.size?.[1] ?? 10),
      okvedSections: o.okved ?? ["J"],
      okvedMain: "62.01",
      tags: o.tags ?? [],
      contactEmail: "info@example.ru",
      contactPhone: "+7 495 123-45-67",
      contactsPublic: o.contactsPublic ?? false,
      // Published contacts are shown once the contact person agreed (finding 1 of issue 8).
      contactPersonId: o.contactsPublic ? randomUUID() : null,
      contactsConsentAt: o.contactsPublic ? new Date() : null,
      status: o.status ?? "registered",
      statusSuspendedAt: o.suspended ? new Date() : null,
      statusReason: o.suspended ? "Проверка отчётности" : null,
      createdAt: o.createdAt ?? new Date(),
      declaredFlags: o.declaredFlags ?? {},
      declaredFlagsAt: o.declaredFlags ? new Date() : null,
    })
    .returning();
  return row!;
}

type Item = Record<string, unknown> & { id: string; shortName: string; rank: number | null };
type Page = {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, { value: string; count: number }[]>;
  approximate: { total: boolean; facets: string[] };
};

async function search(query: string): Promise<Page> {
  const res = await guest.get(`/api/directory?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}
const names = (p: Page) => p.items.map((i) => i.shortName);
const facet = (p: Page, f: string) => Object.fromEntries(p.facets[f]!.map((x) => [x.value, x.count]));

const PUBLIC_KEYS = [
  "id",
  "type",
  "inn",
  "ogrn",
  "country",
  "regionCode",
  "fullName",
  "shortName",
  "foundedOn",
  "website",
  "descriptionRu",
  "descriptionEn",
  "smeCategory",
  "okvedSections",
  "okvedMain",
  "tags",
  "status",
  "statusSince",
  "statusSuspended",
  "verified",
  "logoUrl",
  "contactEmail",
  "contactPhone",
  "createdAt",
].sort();
const PRIVATE_KEYS = [
  "kpp",
  "legalAddress",
  "headcount",
  "revenueMln",
  "statusReason",
  "version",
  "contactsPublic",
  "contactPersonId",
  "contactsConsentAt",
  "foreignRegNumber",
  "updatedAt",
  "email",
  "declaredFlags",
  "declaredFlagsAt",
];

describe("search", () => {
  it("understands Russian morphology: «инновационные» finds «инновационный»", async () => {
    await org({
      shortName: "ООО «Квазилинк»",
      description: "Инновационный сервис для городских поликлиник.",
    });
    const p = await search(`q=${encodeURIComponent("инновационные")}`);
    expect(names(p)).toContain("ООО «Квазилинк»");
    expect(p.approximate).toEqual({ total: false, facets: [] });
  });

  it("tolerates typos in names: «Газпрм» finds «Газпром»", async () => {
    await org({
      shortName: "ПАО «Газпром»",
      fullName: "Публичное акционерное общество «Газпром»",
      type: "corporation",
    });
    const p = await search(`q=${encodeURIComponent("Газпрм")}`);
    expect(names(p)).toEqual(["ПАО «Газпром»"]);
    expect(p.total).toBe(1);
  });

  it("finds an organization by its INN, OGRN or KPP typed in full (spaces allowed), and nothing else", async () => {
    const o = await org({ shortName: "ООО «Реквизит»", description: "Поиск по реквизитам" });
    await org({ shortName: "ООО «Соседи по описанию»", description: `Упоминает ИНН ${o.inn}` });
    for (const id of [o.inn!, o.ogrn!, `${o.inn!.slice(0, 4)} ${o.inn!.slice(4)}`]) {
      const p = await search(`q=${encodeURIComponent(id)}`);
      expect(names(p), id).toEqual(["ООО «Реквизит»"]);
      expect(p.total).toBe(1);
    }
    expect(names(await search(`q=${o.kpp}`))).toContain("ООО «Реквизит»");
    // A part of an identifier is not an identifier: it is searched as text, like any word.
    expect(names(await search(`q=${o.inn!.slice(0, 6)}`))).toEqual(["ООО «Соседи по описанию»"]);
  });

  it("finds technoparks by name and robotics by «роботы»", async () => {
    await org({
      shortName: "Технопарк «Строгино»",
      description: "Площадка для технологических компаний: офисы и лаборатории.",
    });
    await org({ shortName: "ООО «Манипул»", description: "Робототехника для складов и заводов." });
    expect(names(await search(`q=${encodeURIComponent("технопарк")}`))).toContain("Технопарк «Строгино»");
    expect(names(await search(`q=${encodeURIComponent("роботы")}`))).toContain("ООО «Манипул»");
  });

  it("finds nothing for a word nobody uses", async () => {
    const p = await search(`q=${encodeURIComponent("абырвалг")}`);
    expect(p.items).toEqual([]);
    expect(p.total).toBe(0);
  });

  it("ranks a name match above a description match", async () => {
    await org({ shortName: "ООО «Ворсинка»", description: "Поставки ткани фирмы «Гиперион»." });
    await org({ shortName: "ООО «Гиперион»", description: "Ткани." });
    const p = await search(`q=${encodeURIComponent("Гиперион")}`);
    expect(names(p)).toEqual(["ООО «Гиперион»", "ООО «Ворсинка»"]);
    expect(p.items[0]!.rank).toBeGreaterThan(p.items[1]!.rank!);
  });
});

describe("facets and filters", () => {
  // Five organizations sharing the word «квазар».
  beforeAll(async () => {
    const d = "Разработка квазар-сенсоров.";
    await org({
      shortName: "Квазар-1",
      description: d,
      region: "77",
      status: "participant",
      size: [5, 10],
      okved: ["J"],
      tags: ["ai"],
    });
    await org({
      shortName: "Квазар-2",
      description: d,
      region: "77",
      size: [50, 300],
      okved: ["C", "M"],
      tags: ["robotics"],
    });
    await org({
      shortName: "Квазар-3",
      description: d,
      region: "54",
      type: "university",
      status: "partner",
      size: [1000, 5000],
      okved: ["P"],
      tags: ["ai", "edtech"],
    });
    await org({
      shortName: "Квазар-4",
      description: d,
      region: "54",
      size: [3, 1],
      okved: ["J"],
      tags: ["robotics"],
    });
    await org({
      shortName: "Квазар-5",
      description: d,
      type: "foreign",
      status: "partner",
      size: null,
      okved: ["C"],
      tags: ["ai"],
    });
  });
  const q = `q=${encodeURIComponent("квазар")}`;

  it("counts every facet over all matches", async () => {
    const p = await search(q);
    expect(p.total).toBe(5);
    expect(facet(p, "region")).toEqual({ "77": 2, "54": 2 });
    expect(facet(p, "status")).toEqual({ registered: 2, participant: 1, partner: 2 });
    expect(facet(p, "type")).toEqual({ legal_entity: 3, university: 1, foreign: 1 });
    expect(facet(p, "sme")).toEqual({ micro: 2, small: 1, large: 1 });
    expect(facet(p, "okved")).toEqual({ J: 2, C: 2, M: 1, P: 1 });
    expect(facet(p, "tag")).toEqual({ ai: 3, robotics: 2, edtech: 1 });
    // Largest first.
    expect(p.facets.tag!.map((x) => x.value)).toEqual(["ai", "robotics", "edtech"]);
  });

  it("counts each facet with the other filters applied but not its own", async () => {
    const p = await search(`${q}&region=77&tag=ai`);
    expect(names(p)).toEqual(["Квазар-1"]);
    expect(p.total).toBe(1);
    // Region: the tag filter applies (1, 3, 5), the region filter does not.
    expect(facet(p, "region")).toEqual({ "77": 1, "54": 1 });
    // Tag: the region filter applies (1, 2).
    expect(facet(p, "tag")).toEqual({ ai: 1, robotics: 1 });
    // The rest: both filters.
    expect(facet(p, "status")).toEqual({ participant: 1 });
    expect(facet(p, "type")).toEqual({ legal_entity: 1 });
    expect(facet(p, "sme")).toEqual({ micro: 1 });
    expect(facet(p, "okved")).toEqual({ J: 1 });
  });

  it("combines filters: values of one facet are alternatives, facets narrow each other", async () => {
    const p = await search(`${q}&sme=micro,small&okved=J&sort=name`);
    expect(names(p)).toEqual(["Квазар-1", "Квазар-4"]);
    const both = await search(`${q}&status=partner&type=foreign,university&sort=name`);
    expect(names(both)).toEqual(["Квазар-3", "Квазар-5"]);
    expect(facet(both, "type")).toEqual({ university: 1, foreign: 1 });
    // Repeated parameters work as well as commas.
    const repeated = await search(`${q}&region=54&region=77&sort=name`);
    expect(names(repeated)).toEqual(["Квазар-1", "Квазар-2", "Квазар-3", "Квазар-4"]);
  });

  it("keeps a selected value listed with 0 when nothing matches it", async () => {
    const p = await search(`${q}&region=01`);
    expect(p.total).toBe(0);
    expect(facet(p, "region")).toEqual({ "77": 2, "54": 2, "01": 0 });
  });

  it("filters without a query", async () => {
    const p = await search("status=participant&tag=ai");
    expect(names(p)).toContain("Квазар-1");
    expect(p.items.every((i) => i.status === "participant" && (i.tags as string[]).includes("ai"))).toBe(
      true,
    );
  });
});

describe("sorts and pages", () => {
  const word = "хризопраз";
  beforeAll(async () => {
    const day = 86_400_000;
    const base = Date.now() - 100 * day;
    const list = ["Яблоко", "альфа", "Бета", "ёлка", "Ель", "Гамма"];
    for (const [i, n] of list.entries())
      await org({ shortName: n, description: `Слово ${word}.`, createdAt: new Date(base + i * day) });
  });
  const q = `q=${encodeURIComponent(word)}`;

  it("sorts by name alphabetically (ё as е, case ignored)", async () => {
    expect(names(await search(`${q}&sort=name`))).toEqual([
      "альфа",
      "Бета",
      "Гамма",
      "ёлка",
      "Ель",
      "Яблоко",
    ]);
  });

  it("sorts by newest first", async () => {
    expect(names(await search(`${q}&sort=newest`))).toEqual([
      "Гамма",
      "Ель",
      "ёлка",
      "Бета",
      "альфа",
      "Яблоко",
    ]);
  });

  it("sorts by relevance with the rank given, equal ranks newest first", async () => {
    const p = await search(q);
    expect(p.items.every((i) => typeof i.rank === "number" && i.rank === p.items[0]!.rank)).toBe(true);
    expect(names(p)).toEqual(["Гамма", "Ель", "ёлка", "Бета", "альфа", "Яблоко"]);
    const byName = await search(`${q}&sort=name`);
    expect(byName.items.every((i) => i.rank === null)).toBe(true);
  });

  it("pages through the results", async () => {
    const p1 = await search(`${q}&sort=name&pageSize=4`);
    const p2 = await search(`${q}&sort=name&pageSize=4&page=2`);
    const p3 = await search(`${q}&sort=name&pageSize=4&page=3`);
    expect(names(p1)).toEqual(["альфа", "Бета", "Гамма", "ёлка"]);
    expect(names(p2)).toEqual(["Ель", "Яблоко"]);
    expect(p3.items).toEqual([]);
    expect([p1.total, p2.total, p3.total]).toEqual([6, 6, 6]);
    expect([p2.page, p2.pageSize]).toEqual([2, 4]);
  });

  it("ranks the candidates and continues newest first past them, each match once", async () => {
    const word2 = "ортодромия";
    const n = DIRECTORY_LIMITS.rankNewest + DIRECTORY_LIMITS.rankNames + 30;
    const day = 86_400_000;
    const values = Array.from({ length: n }, (_, i) => ({
      type: "foreign" as const,
      country: "BY",
      foreignRegNumber: `BY-${word2}-${i}`,
      shortName: `Организация ${i}`,
      fullName: `Организация ${i}`,
      legalAddress: "Минск",
      descriptionRu: `Слово ${word2}.`,
      createdAt: new Date(Date.now() - (i + 1) * day),
    }));
    // One old organization with the word in its name: a name match is ranked first all the same.
    values.push({
      ...values[0]!,
      foreignRegNumber: "BY-name",
      shortName: `Компания «${word2}»`,
      createdAt: new Date(0),
    });
    await t.database.db.insert(organizations).values(values);
    const seen: string[] = [];
    const pages = Math.ceil((n + 1) / 50);
    for (let page = 1; page <= pages; page++) {
      const p = await search(`q=${word2}&pageSize=50&page=${page}`);
      expect(p.total).toBe(n + 1);
      seen.push(...names(p));
      if (page === 1) expect(p.items[0]!.shortName).toBe(`Компания «${word2}»`);
      if (page === pages) expect(p.items.at(-1)!.rank).toBeNull();
    }
    expect(seen).toHaveLength(n + 1);
    expect(new Set(seen).size).toBe(n + 1);
    // Past the ranked candidates, the oldest come last.
    expect(seen.at(-1)).toBe(`Организация ${n - 1}`);
  });
});

describe("what a guest sees", () => {
  it("never a private field, contacts only when public", async () => {
    const hidden = await org({
      shortName: "ООО «Тихий омут»",
      description: "Слово бергамот.",
      contactsPublic: false,
      size: [10, 20],
      declaredFlags: { no_tax_debt: true, exporter: false },
    });
    const shown = await org({
      shortName: "ООО «Открытые двери»",
      description: "Слово бергамот.",
      contactsPublic: true,
    });
    const p = await search("q=бергамот");
    expect(p.items).toHaveLength(2);
    for (const item of p.items) {
      expect(Object.keys(item).sort()).toEqual([...PUBLIC_KEYS, "rank"].sort());
      for (const k of PRIVATE_KEYS) expect(item).not.toHaveProperty(k);
    }
    const byId = Object.fromEntries(p.items.map((i) => [i.id, i]));
    expect(byId[hidden.id]!.contactEmail).toBeNull();
    expect(byId[hidden.id]!.contactPhone).toBeNull();
    expect(byId[shown.id]!.contactEmail).toBe("info@example.ru");

    const page = await guest.get(`/api/directory/${hidden.id}`);
    expect(page.statusCode).toBe(200);
    const body = page.json() as { organization: Record<string, unknown>; members: unknown[] };
    expect(Object.keys(body).sort()).toEqual(["members", "organization"]);
    expect(Object.keys(body.organization).sort()).toEqual(PUBLIC_KEYS);
    expect(body.organization.contactEmail).toBeNull();
    expect(JSON.stringify(body)).not.toContain("Тверская");
    expect(JSON.stringify(body)).not.toContain("no_tax_debt");
    expect(JSON.stringify(p)).not.toContain("no_tax_debt");
  });

  it("shows a suspended status as suspended, with its date", async () => {
    const o = await org({
      shortName: "ООО «Пауза»",
      description: "Слово кардамон.",
      status: "participant",
      suspended: true,
    });
    const p = await search("q=кардамон");
    expect(p.items[0]).toMatchObject({ status: "participant", statusSuspended: true });
    const page = (await guest.get(`/api/directory/${o.id}`)).json() as {
      organization: Record<string, unknown>;
    };
    expect(page.organization).toMatchObject({ status: "participant", statusSuspended: true });
    expect(page.organization.statusSince).toBe(o.statusSince.toISOString());
    expect(page.organization).not.toHaveProperty("statusReason");
  });

  it("lists only the members who agreed to be shown, never their e-mail", async () => {
    const o = await org({ shortName: "ООО «Команда»" });
    const shown = await createUser(t.database, { fullName: "Орлова Вера Николаевна" });
    const quiet = await createUser(t.database, { fullName: "Скрытов Тихон Ильич" });
    const blocked = await createUser(t.database, { fullName: "Блокин Пётр Ильич" });
    await t.database.db.update(users).set({ blockedAt: new Date() }).where(eq(users.id, blocked.id));
    await t.database.db.insert(memberships).values([
      {
        organizationId: o.id,
        userId: shown.id,
        role: "owner",
        showPublicly: true,
        position: "Генеральный директор",
      },
      {
        organizationId: o.id,
        userId: quiet.id,
        role: "admin",
        showPublicly: false,
        position: "Финансовый директор",
      },
      { organizationId: o.id, userId: blocked.id, role: "member", showPublicly: true },
    ]);
    const res = await guest.get(`/api/directory/${o.id}`);
    const body = res.json() as { members: Record<string, unknown>[] };
    expect(body.members).toEqual([
      { fullName: "Орлова Вера Николаевна", position: "Генеральный директор", role: "owner" },
    ]);
    expect(res.body).not.toContain(shown.email);
    expect(res.body).not.toContain("Скрытов");
    expect(res.body).not.toContain("Блокин");
  });

  it("answers 404 for an unknown organization and 400 for a malformed id", async () => {
    expectProblem(await guest.get(`/api/directory/${crypto.randomUUID()}`), 404, "not-found");
    const bad = expectProblem(await guest.get("/api/directory/not-a-uuid"), 400, "validation");
    expect(Object.keys(fieldErrors(bad))).toEqual(["id"]);
  });
});

describe("bad queries", () => {
  it.each([
    ["region=7", "region"],
    ["status=famous", "status"],
    ["type=company", "type"],
    ["sme=huge", "sme"],
    ["okved=Z", "okved"],
    ["tag=magic", "tag"],
    ["sort=best", "sort"],
    ["page=0", "page"],
    ["pageSize=500", "pageSize"],
    [`q=${"a".repeat(201)}`, "q"],
  ])("%s → 400 with a field error", async (query, field) => {
    const body = expectProblem(await guest.get(`/api/directory?${query}`), 400, "validation");
    const fields = Object.keys(fieldErrors(body));
    expect(fields.some((f) => f === field || f.startsWith(`${field}.`))).toBe(true);
    expect(body.errors!.every((e) => e.message.length > 0)).toBe(true);
  });

  it("refuses an unknown parameter and answers in English when asked", async () => {
    const en = new Client(t.app, "en");
    const body = expectProblem(await en.get("/api/directory?colour=red"), 400, "validation");
    expect(body.errors!.length).toBeGreaterThan(0);
  });
});

describe("counting modes", () => {
  const parse = (s: string) => DirectoryQuery.parse(Object.fromEntries(new URLSearchParams(s)));

  it("counts exactly while the planner expects few rows, samples large sets when cheaper", () => {
    const q = parse("q=x&region=77");
    const few = directoryPlan(
      q,
      new Map([
        ["text", 50],
        ["result", 20],
        ["facet:region", 50],
        ["all", 35_000],
      ]),
    );
    expect(few.typo).toBe(true);
    expect(few.total).toBe("exact");
    expect(Object.values(few.facets).every((m) => m === "exact")).toBe(true);
    const many = directoryPlan(
      q,
      new Map([
        ["text", 20_000],
        ["result", 9_000],
        ["facet:region", 20_000],
        ["all", 35_000],
      ]),
    );
    expect(many.typo).toBe(false);
    expect(many.total).toBe("sample");
    expect(many.facets.region).toBe("sample");
    expect(many.samplePercent).toBeGreaterThan(0);
    expect(many.samplePercent).toBeLessThan(100);
  });

  it("the sampled statement gives the exact counts when it samples every page", async () => {
    // Everything sampled at 100%: the estimates must equal the exact counts.
    const q = parse(`q=${encodeURIComponent("квазар")}&region=77&tag=ai`);
    const [{ n }] = (await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from organizations`,
    )) as [{ n: number }];
    const exact: DirectoryPlan = {
      typo: false,
      total: "exact",
      facets: Object.fromEntries(FACETS.map((f) => [f, "exact"])) as DirectoryPlan["facets"],
      samplePercent: 100,
      tableRows: Number(n),
    };
    const sampled: DirectoryPlan = {
      ...exact,
      total: "sample",
      facets: Object.fromEntries(FACETS.map((f) => [f, "sample"])) as DirectoryPlan["facets"],
    };
    const run = async (plan: DirectoryPlan) => {
      const list = await rows<{ f: string; v: string | null; n: number }>(
        t.database.db,
        directoryStatements(q, plan).facets,
      );
      return list
        .filter((r) => r.f !== "rows")
        .map((r) => `${r.f}:${r.v}:${r.n}`)
        .sort();
    };
    const a = await run(exact);
    expect(a).toContain("total:null:1");
    expect(await run(sampled)).toEqual(a);
  });
});
