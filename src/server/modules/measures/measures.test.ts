import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { moscowToday } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { addMember, createOrg } from "../organizations/organizations.fixtures.js";
import { activeOrganizations, organizations } from "../organizations/organizations.schema.js";
import { measures, measureVersions } from "./measures.schema.js";

let t: TestApp;
let guest: Client;
let operator: Client;
let operatorEn: Client;
let user: Client;
let moscowMember: Client;
let largeMember: Client;
const ids: Record<string, string> = {};

const day = (offset: number) => {
  const d = new Date(`${moscowToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

type MeasureRowInput = typeof measures.$inferInsert;
async function measure(key: string, m: Partial<MeasureRowInput> & Pick<MeasureRowInput, "titleRu">) {
  const [row] = await t.database.db
    .insert(measures)
    .values({
      status: "published",
      provider: "Департамент предпринимательства и инновационного развития города Москвы",
      providerKind: "city_body",
      level: "city",
      form: "grant",
      publishedAt: new Date(Date.now() - Object.keys(ids).length * 60_000),
      ...m,
    })
    .returning();
  ids[key] = row!.id;
  return row!;
}

type Card = {
  id: string;
  titleRu: string;
  openNow: boolean;
  rank: number | null;
  eligibility?: {
    verdict: string;
    criteria: { key: string; result: string; message: { ru: string; en: string }; field?: string }[];
  };
};
type SearchBody = {
  items: Card[];
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
  organization: { id: string } | null;
};

const search = async (c: Client, qs = "") => {
  const res = await c.get(`/api/measures${qs ? `?${qs}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchBody;
};
const titles = (b: SearchBody) => b.items.map((i) => i.titleRu);
const facet = (b: SearchBody, f: string) => Object.fromEntries(b.facets[f]!.map((x) => [x.value, x.count]));
const verdicts = (b: SearchBody) => Object.fromEntries(b.items.map((i) => [i.id, i.eligibility?.verdict]));

beforeAll(async () => {
  t = await testApp();
  guest = new Client(t.app);
  const [op, opEn, u, m1, m2] = await Promise.all([
    createUser(t.database, { role: "operator", fullName: "Оператор Ольга Олеговна" }),
    createUser(t.database, { role: "operator", locale: "en" }),
    createUser(t.database),
    createUser(t.database),
    createUser(t.database),
  ]);
  [operator, operatorEn, user, moscowMember, largeMember] = await Promise.all([
    signedIn(t, op),
    signedIn(t, opEn, "en"),
    signedIn(t, u),
    signedIn(t, m1),
    signedIn(t, m2),
  ]);

  // A Moscow SME (participant, IT) and a large manufacturer outside Moscow.
  const sme = await createOrg(t.database, {
    regionCode: "77",
    status: "participant",
    shortName: "Нейросеть-М",
  });
  await t.database.db
    .update(organizations)
    .set({ foundedOn: "2020-03-15", headcount: 40, revenueMln: 300, okvedSections: ["J"], tags: ["ai"] })
    .where(eq(organizations.id, sme.id));
  const large = await createOrg(t.database, { regionCode: "50", shortName: "Подмосковный завод" });
  await t.database.db
    .update(organizations)
    .set({ foundedOn: "1995-06-01", headcount: 1200, revenueMln: 9000, okvedSections: ["C"], tags: [] })
    .where(eq(organizations.id, large.id));
  await addMember(t.database, sme.id, m1.id, "owner");
  await addMember(t.database, large.id, m2.id, "owner");
  await t.database.db.insert(activeOrganizations).values([
    { userId: m1.id, organizationId: sme.id },
    { userId: m2.id, organizationId: large.id },
  ]);

  await measure("grant", {
    slug: "grant-innovation",
    titleRu: "Грант на разработку инновационных продуктов",
    descriptionRu: "Компенсация части затрат малых технологических компаний на создание новых продуктов.",
    amountMin: 1_000_000,
    amountMax: 5_000_000,
    closesOn: day(30),
    opensOn: day(-10),
    industries: ["J"],
    tags: ["ai"],
    applyUrl: "https://i.moscow/grants/apply",
    criteria: { regions: ["77"], smeCategories: ["micro", "small", "medium"] },
  });
  await measure("patent", {
    titleRu: "Субсидия на компенсацию затрат на патентование",
    descriptionRu: "Возмещение пошлин и услуг патентных поверенных.",
    form: "subsidy",
    amountMax: 1_500_000,
    permanent: true,
    tags: ["ai", "biotech"],
    criteria: { regions: ["77"], ageYears: { min: 1 } },
  });
  await measure("loan", {
    titleRu: "Льготный заём на модернизацию производства",
    descriptionRu: "Займы под 3% годовых на выпуск импортозамещающей продукции.",
    provider: "Фонд развития промышленности",
    providerKind: "development_institution",
    level: "federal",
    form: "preferential_loan",
    amountMin: 50_000_000,
    amountMax: 500_000_000,
    cofinancingShare: 20,
    closesOn: day(90),
    industries: ["C"],
    criteria: { okvedSections: ["C"], revenueMln: { min: 100 } },
  });
  await measure("guarantee", {
    titleRu: "Поручительство Корпорации МСП по кредитам",
    descriptionRu: "Независимая гарантия для субъектов малого и среднего предпринимательства.",
    provider: "Корпорация МСП",
    providerKind: "development_institution",
    level: "development_institution",
    form: "guarantee",
    amountMax: 200_000_000,
    closesOn: day(5),
    criteria: { smeCategories: ["micro", "small", "medium"], flags: ["no_tax_debt"] },
  });
  await measure("export", {
    titleRu: "Экспортная миссия в ОАЭ",
    descriptionRu: "Деловая миссия для экспортёров технологической продукции.",
    provider: "АНО «Московский экспортный центр», отделение поддержки",
    form: "export_support",
    opensOn: day(-60),
    closesOn: day(-1),
    criteria: {},
  });
  await measure("draft", {
    titleRu: "Секретный черновик гранта на инновации",
    status: "draft",
    publishedAt: null,
    slug: "secret-draft",
  });
  await measure("archived", {
    titleRu: "Архивная субсидия на инновации",
    form: "subsidy",
    status: "archived",
  });
});
afterAll(() => t.close());

describe("public search", () => {
  it("lists published measures only, with facets and no verdicts for a guest", async () => {
    const b = await search(guest);
    expect(b.total).toBe(5);
    expect(titles(b)).not.toContain("Секретный черновик гранта на инновации");
    expect(titles(b)).not.toContain("Архивная субсидия на инновации");
    expect(b.items.every((i) => i.eligibility === undefined)).toBe(true);
    expect(b.facets.eligibility).toBeUndefined();
    expect(b.organization).toBeNull();
    expect(facet(b, "level")).toEqual({ city: 3, federal: 1, development_institution: 1 });
    expect(facet(b, "openNow")).toEqual({ true: 4, false: 1 });
    expect(facet(b, "tag")).toEqual({ ai: 2, biotech: 1 });
    expect(facet(b, "amount")).toEqual({ "1m-10m": 2, gt100m: 2 });
    expect(facet(b, "provider")["Фонд развития промышленности"]).toBe(1);
  });

  it("filters by providers whose names have commas: one parameter is one provider, repeat it for several", async () => {
    const mec = "АНО «Московский экспортный центр», отделение поддержки";
    const one = await search(guest, new URLSearchParams({ provider: mec }).toString());
    expect(titles(one)).toEqual(["Экспортная миссия в ОАЭ"]);
    expect(facet(one, "provider")[mec]).toBe(1);
    const two = new URLSearchParams([
      ["provider", mec],
      ["provider", "Корпорация МСП"],
    ]);
    expect(titles(await search(guest, two.toString())).sort()).toEqual([
      "Поручительство Корпорации МСП по кредитам",
      "Экспортная миссия в ОАЭ",
    ]);
  });

  it("Russian morphology over title, description and provider; drafts never match", async () => {
    expect(titles(await search(guest, "q=гранты"))).toEqual(["Грант на разработку инновационных продуктов"]);
    expect(titles(await search(guest, "q=субсидии"))).toEqual([
      "Субсидия на компенсацию затрат на патентование",
    ]);
    // The title (weight A) outranks the provider (C: "…инновационного развития…").
    const inno = await search(guest, `q=${encodeURIComponent("инновационный")}`);
    expect(titles(inno)).toEqual([
      "Грант на разработку инновационных продуктов",
      "Субсидия на компенсацию затрат на патентование",
    ]);
    expect(inno.items[0]!.rank!).toBeGreaterThan(inno.items[1]!.rank!);
    // Provider (weight C) and description (B).
    expect(titles(await search(guest, `q=${encodeURIComponent("фонд промышленности")}`))).toEqual([
      "Льготный заём на модернизацию производства",
    ]);
    expect(titles(await search(guest, `q=${encodeURIComponent("пошлины")}`))).toEqual([
      "Субсидия на компенсацию затрат на патентование",
    ]);
  });

  it("tolerates typos in titles", async () => {
    expect(titles(await search(guest, `q=${encodeURIComponent("Паручительство")}`))).toEqual([
      "Поручительство Корпорации МСП по кредитам",
    ]);
    expect(titles(await search(guest, `q=${encodeURIComponent("экспартная миссия")}`))).toContain(
      "Экспортная миссия в ОАЭ",
    );
  });

  it("counts each facet with the other filters applied", async () => {
    const b = await search(guest, "level=city");
    expect(b.total).toBe(3);
    // The level facet ignores its own filter; the others follow it.
    expect(facet(b, "level")).toEqual({ city: 3, federal: 1, development_institution: 1 });
    expect(facet(b, "form")).toEqual({ grant: 1, subsidy: 1, export_support: 1 });
    const open = await search(guest, "level=city&openNow=true");
    expect(open.total).toBe(2);
    expect(facet(open, "openNow")).toEqual({ true: 2, false: 1 });
    expect(facet(open, "level")).toEqual({ city: 2, federal: 1, development_institution: 1 });
    expect(titles(await search(guest, "tag=biotech"))).toEqual([
      "Субсидия на компенсацию затрат на патентование",
    ]);
    expect(titles(await search(guest, "industry=C"))).toEqual(["Льготный заём на модернизацию производства"]);
    expect((await search(guest, "form=grant,subsidy")).total).toBe(2);
    const amount = await search(guest, "amountMin=100000000");
    expect(titles(amount).sort()).toEqual([
      "Льготный заём на модернизацию производства",
      "Поручительство Корпорации МСП по кредитам",
    ]);
    expect(facet(amount, "amount")).toEqual({ "1m-10m": 2, gt100m: 2 });
    expect(titles(await search(guest, "amountMax=2000000"))).toEqual([
      "Субсидия на компенсацию затрат на патентование",
    ]);
    // A bucket chosen in the amount facet lists exactly as many measures as it counted.
    const all = facet(await search(guest), "amount");
    expect((await search(guest, "amountMin=1000000&amountMax=10000000")).total).toBe(all["1m-10m"]);
    expect((await search(guest, "amountMin=100000000")).total).toBe(all.gt100m);
    const provider = await search(guest, `provider=${encodeURIComponent("Корпорация МСП")}`);
    expect(titles(provider)).toEqual(["Поручительство Корпорации МСП по кредитам"]);
  });

  it("sorts by deadline and amount, and pages", async () => {
    expect(titles(await search(guest, "sort=deadline"))).toEqual([
      "Поручительство Корпорации МСП по кредитам",
      "Грант на разработку инновационных продуктов",
      "Льготный заём на модернизацию производства",
      "Субсидия на компенсацию затрат на патентование",
      "Экспортная миссия в ОАЭ",
    ]);
    expect(titles(await search(guest, "sort=amount"))).toEqual([
      "Льготный заём на модернизацию производства",
      "Поручительство Корпорации МСП по кредитам",
      "Грант на разработку инновационных продуктов",
      "Субсидия на компенсацию затрат на патентование",
      "Экспортная миссия в ОАЭ",
    ]);
    const all = titles(await search(guest, "sort=amount&pageSize=100"));
    const p1 = await search(guest, "sort=amount&pageSize=2&page=1");
    const p3 = await search(guest, "sort=amount&pageSize=2&page=3");
    expect(p1.total).toBe(5);
    expect(titles(p1)).toEqual(all.slice(0, 2));
    expect(titles(p3)).toEqual(all.slice(4));
  });

  it("refuses bad queries with field errors in the request's language", async () => {
    const ru = expectProblem(await guest.get("/api/measures?sort=price&level=galaxy"), 400, "validation");
    expect(Object.keys(fieldErrors(ru)).sort()).toEqual(["level.0", "sort"]);
    const en = expectProblem(await new Client(t.app, "en").get("/api/measures?pageSize=1000"), 400);
    expect(fieldErrors(en).pageSize).toBe("At most 100");
  });
});

describe("verdicts for a member's organization", () => {
  it("a Moscow SME sees a verdict on every card, with reasons, and can filter by it", async () => {
    const b = await search(moscowMember);
    expect(b.organization).not.toBeNull();
    expect(verdicts(b)).toEqual({
      [ids.grant!]: "eligible",
      [ids.patent!]: "eligible",
      [ids.loan!]: "not_eligible",
      [ids.guarantee!]: "check",
      [ids.export!]: "eligible",
    });
    expect(facet(b, "eligibility")).toEqual({ eligible: 3, check: 1, not_eligible: 1 });
    const loan = b.items.find((i) => i.id === ids.loan)!;
    const okved = loan.eligibility!.criteria.find((c) => c.key === "okved")!;
    expect(okved.result).toBe("not_met");
    expect(okved.message.ru).toContain("мера для: C (Обрабатывающие производства)");
    const guarantee = b.items.find((i) => i.id === ids.guarantee)!;
    expect(guarantee.eligibility!.criteria.find((c) => c.result === "unknown")).toMatchObject({
      key: "flag.no_tax_debt",
      field: "flags.no_tax_debt",
    });

    const only = await search(moscowMember, "eligibility=eligible");
    expect(only.total).toBe(3);
    expect(only.items.every((i) => i.eligibility!.verdict === "eligible")).toBe(true);
    // The verdict facet ignores its own filter; the others follow it.
    expect(facet(only, "eligibility")).toEqual({ eligible: 3, check: 1, not_eligible: 1 });
    expect(facet(only, "level")).toEqual({ city: 3 });
    const cityEligible = await search(moscowMember, "eligibility=eligible,check&level=city&openNow=true");
    expect(titles(cityEligible).sort()).toEqual([
      "Грант на разработку инновационных продуктов",
      "Субсидия на компенсацию затрат на патентование",
    ]);
  });

  it("a large organization outside Moscow gets other verdicts", async () => {
    const b = await search(largeMember);
    expect(verdicts(b)).toEqual({
      [ids.grant!]: "not_eligible",
      [ids.patent!]: "not_eligible",
      [ids.loan!]: "eligible",
      [ids.guarantee!]: "not_eligible",
      [ids.export!]: "eligible",
    });
    const grant = b.items.find((i) => i.id === ids.grant)!;
    const region = grant.eligibility!.criteria.find((c) => c.key === "region")!;
    expect(region.message.ru).toBe("Регион регистрации: Московская область; мера для: Москва");
    expect(titles(await search(largeMember, "eligibility=eligible")).sort()).toEqual([
      "Льготный заём на модернизацию производства",
      "Экспортная миссия в ОАЭ",
    ]);
  });

  it("sort=verdict puts the measures that fit the member's organization first (the navigator's default for members)", async () => {
    const b = await search(moscowMember, "sort=verdict");
    const order = b.items.map((i) => i.eligibility!.verdict);
    expect(order).toEqual(["eligible", "eligible", "eligible", "check", "not_eligible"]);
    const large = await search(largeMember, "sort=verdict");
    expect(
      large.items
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    ).toEqual([ids.loan!, ids.export!].sort());
    // without an organization there is no verdict to order by: all five, no error
    expect((await search(guest, "sort=verdict")).total).toBe(5);
  });

  it("the eligibility filter means nothing without an organization", async () => {
    expect((await search(guest, "eligibility=eligible")).total).toBe(5);
    const b = await search(user, "eligibility=eligible");
    expect(b.total).toBe(5);
    expect(b.organization).toBeNull();
    expect(b.facets.eligibility).toBeUndefined();
  });
});

describe("the measure page", () => {
  it("shows a published measure by id or slug, with the member's breakdown, and counts views", async () => {
    const g = await guest.get(`/api/measures/${ids.grant}`);
    expect(g.statusCode).toBe(200);
    const gm = g.json().measure;
    expect(gm.eligibility).toBeUndefined();
    expect(gm.criteria).toEqual({ regions: ["77"], smeCategories: ["micro", "small", "medium"] });
    expect(gm.applyUrl).toBe("https://i.moscow/grants/apply");
    expect(gm).not.toHaveProperty("status");
    expect(gm).not.toHaveProperty("views");
    expect((await guest.get("/api/measures/grant-innovation")).json().measure.id).toBe(ids.grant);

    const m = (await moscowMember.get(`/api/measures/${ids.grant}`)).json();
    expect(m.measure.eligibility.verdict).toBe("eligible");
    expect(m.measure.eligibility.criteria.map((c: { key: string }) => c.key)).toEqual([
      "region",
      "smeCategory",
    ]);
    expect(m.organization.shortName).toBe("Нейросеть-М");

    await operator.get(`/api/measures/${ids.grant}`); // staff views are not counted
    const [row] = await t.database.db.select().from(measures).where(eq(measures.id, ids.grant!));
    expect(row!.views).toBe(3);
  });

  it("never shows a draft or an archived measure to the public; staff see them", async () => {
    for (const c of [guest, user, moscowMember]) {
      expectProblem(await c.get(`/api/measures/${ids.draft}`), 404);
      expectProblem(await c.get("/api/measures/secret-draft"), 404);
      expectProblem(await c.get(`/api/measures/${ids.archived}`), 404);
      expectProblem(await c.post(`/api/measures/${ids.draft}/apply-click`), 404);
    }
    expect((await operator.get(`/api/measures/${ids.draft}`)).statusCode).toBe(200);
    expectProblem(await guest.get("/api/measures/00000000-0000-4000-8000-000000000000"), 404);
  });

  it("counts apply clicks and returns where to apply", async () => {
    const res = await guest.post(`/api/measures/${ids.grant}/apply-click`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ applyUrl: "https://i.moscow/grants/apply" });
    await guest.post("/api/measures/grant-innovation/apply-click");
    const [row] = await t.database.db.select().from(measures).where(eq(measures.id, ids.grant!));
    expect(row!.applyClicks).toBe(2);
  });
});

describe("the guest questionnaire", () => {
  type CheckRes = { items: Card[]; total: number; verdicts: { value: string; count: number }[] };
  const check = async (body: unknown, c = guest) => {
    const res = await c.post("/api/measures/check", body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CheckRes;
  };

  it("gives a verdict with reasons for every published measure, eligible first", async () => {
    const b = await check({
      answers: {
        type: "legal_entity",
        region: "77",
        ageYears: 3,
        headcount: 40,
        revenueMln: 300,
        industry: "J",
        status: "participant",
      },
    });
    expect(b.total).toBe(5);
    expect(b.items.map((i) => i.id)).not.toContain(ids.draft);
    expect(Object.fromEntries(b.items.map((i) => [i.id, i.eligibility!.verdict]))).toEqual({
      [ids.grant!]: "eligible",
      [ids.patent!]: "eligible",
      [ids.loan!]: "not_eligible",
      [ids.guarantee!]: "check",
      [ids.export!]: "eligible",
    });
    expect(b.items.map((i) => i.eligibility!.verdict)).toEqual([
      "eligible",
      "eligible",
      "eligible",
      "check",
      "not_eligible",
    ]);
    expect(Object.fromEntries(b.verdicts.map((v) => [v.value, v.count]))).toEqual({
      eligible: 3,
      check: 1,
      not_eligible: 1,
    });
    const patent = b.items.find((i) => i.id === ids.patent)!;
    expect(patent.eligibility!.criteria.find((c) => c.key === "age")!.message.ru).toBe(
      "Организация зарегистрирована 3 года назад, мера требует не менее 1 года",
    );
  });

  it("unanswered questions make 'check', and young companies are told why not", async () => {
    const b = await check({ answers: { region: "77", ageYears: 0 }, eligibility: ["not_eligible"] });
    const patent = b.items.find((i) => i.id === ids.patent)!;
    expect(patent.eligibility!.verdict).toBe("not_eligible");
    expect(patent.eligibility!.criteria.find((c) => c.key === "age")!.message.en).toBe(
      "The organization was registered less than a month ago; the measure requires at least 1 year",
    );
    const all = await check({ answers: {} });
    expect(all.items.find((i) => i.id === ids.grant)!.eligibility!.verdict).toBe("check");
    expect(all.items.find((i) => i.id === ids.export)!.eligibility!.verdict).toBe("eligible");
  });

  it("refuses unknown questions and bad answers with field errors in ru and en", async () => {
    const ru = expectProblem(
      await guest.post("/api/measures/check", {
        answers: { ageYears: -1, region: "Москва", inn: "7700000000" },
      }),
      400,
      "validation",
    );
    const f = fieldErrors(ru);
    expect(f["answers.ageYears"]).toBe("Не меньше 0");
    expect(f["answers.inn"]).toBe("Неизвестное поле");
    expect(f["answers.region"]).toBeTruthy();
    const en = expectProblem(
      await new Client(t.app, "en").post("/api/measures/check", { answers: { headcount: "many" } }),
      400,
    );
    expect(fieldErrors(en)["answers.headcount"]).toBe("Wrong type of value");
  });
});

describe("operator editing", () => {
  const input = {
    titleRu: "Акселерационная программа для стартапов",
    provider: "Агентство инноваций Москвы",
    providerKind: "city_body",
    level: "city",
    form: "acceleration",
    amountMax: 3_000_000,
    permanent: true,
    tags: ["robotics"],
    criteria: { regions: ["77"], ageYears: { max: 3 } },
  };

  it("only operators and admins write; a user gets 403 and a guest 401", async () => {
    expectProblem(await guest.post("/api/operator/measures", input), 401);
    expectProblem(await user.post("/api/operator/measures", input), 403);
    expectProblem(await moscowMember.get("/api/operator/measures"), 403);
    expectProblem(
      await user.patch(`/api/operator/measures/${ids.grant}`, { version: 1, titleRu: "Взлом" }),
      403,
    );
    expectProblem(await user.post(`/api/operator/measures/${ids.draft}/publish`), 403);
    expectProblem(await guest.get(`/api/operator/measures/${ids.grant}/versions`), 401);
  });

  it("creates a draft, edits it with versions (409 on a stale one), publishes and archives it", async () => {
    const created = await operator.post("/api/operator/measures", input);
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ status: "draft", version: 1, titleRu: input.titleRu, views: 0 });
    // Invisible to the public until published.
    expect((await search(guest, "q=стартапов")).total).toBe(0);
    expectProblem(await guest.get(`/api/measures/${m.id}`), 404);

    const edited = await operator.patch(`/api/operator/measures/${m.id}`, {
      version: 1,
      amountMax: 4_000_000,
      criteria: { regions: ["77"], ageYears: { max: 5 } },
      titleRu: input.titleRu,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, amountMax: 4_000_000 });

    const stale = expectProblem(
      await operator.patch(`/api/operator/measures/${m.id}`, { version: 1, amountMax: 1 }),
      409,
      "conflict",
    );
    expect((stale.current as { version: number }).version).toBe(2);

    // Nothing changed: no new version.
    const same = await operator.patch(`/api/operator/measures/${m.id}`, { version: 2, amountMax: 4_000_000 });
    expect(same.json().version).toBe(2);

    const published = await operator.post(`/api/operator/measures/${m.id}/publish`, { version: 2 });
    expect(published.json()).toMatchObject({ status: "published", version: 3 });
    expect(published.json().publishedAt).toBeTruthy();
    expect(titles(await search(guest, "q=стартапов"))).toEqual([input.titleRu]);
    expect((await guest.get(`/api/measures/${m.id}`)).statusCode).toBe(200);

    const archived = await operator.post(`/api/operator/measures/${m.id}/archive`);
    expect(archived.json()).toMatchObject({ status: "archived", version: 4 });
    expect((await search(guest, "q=стартапов")).total).toBe(0);
    expectProblem(await operator.post(`/api/operator/measures/${m.id}/publish`, { version: 3 }), 409);

    const history = await operator.get(`/api/operator/measures/${m.id}/versions`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as {
      version: number;
      action: string;
      actor: { fullName: string };
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
    expect(items.map((v) => [v.version, v.action])).toEqual([
      [4, "archive"],
      [3, "publish"],
      [2, "update"],
      [1, "create"],
    ]);
    expect(items[2]!.changes).toEqual({
      amountMax: { before: 3_000_000, after: 4_000_000 },
      criteria: {
        before: { regions: ["77"], ageYears: { max: 3 } },
        after: { regions: ["77"], ageYears: { max: 5 } },
      },
    });
    expect(items[0]!.changes).toEqual({ status: { before: "published", after: "archived" } });
    expect(items[0]!.actor.fullName).toBe("Оператор Ольга Олеговна");
    expect(items[3]!.changes.titleRu).toEqual({ before: null, after: input.titleRu });

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "measure"), eq(auditLog.entityId, m.id)));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "measure.archive",
      "measure.create",
      "measure.publish",
      "measure.update",
    ]);
    const versionsRows = await t.database.db
      .select()
      .from(measureVersions)
      .where(eq(measureVersions.measureId, m.id));
    expect(versionsRows).toHaveLength(4);
  });

  it("lists every status for operators, with filters", async () => {
    const all = await operator.get("/api/operator/measures?pageSize=100");
    expect(all.statusCode).toBe(200);
    const statuses = new Set((all.json().items as { status: string }[]).map((i) => i.status));
    expect(statuses).toEqual(new Set(["draft", "published", "archived"]));
    const drafts = (await operator.get("/api/operator/measures?status=draft")).json();
    expect(drafts.items.every((i: { status: string }) => i.status === "draft")).toBe(true);
    expect(drafts.items.map((i: { id: string }) => i.id)).toContain(ids.draft);
    const q = (await operator.get(`/api/operator/measures?q=${encodeURIComponent("черновик")}`)).json();
    expect(q.items.map((i: { id: string }) => i.id)).toEqual([ids.draft]);
    const one = await operator.get(`/api/operator/measures/${ids.draft}`);
    expect(one.json()).toMatchObject({ status: "draft", version: 1 });
  });

  it("refuses bad input with field errors in ru and en, writing nothing", async () => {
    const before = await t.database.db.select().from(measures);
    const ru = expectProblem(
      await operator.post("/api/operator/measures", {
        ...input,
        titleRu: "",
        amountMin: 5_000_000,
        amountMax: 1_000_000,
        form: "lottery",
        criteria: { regions: ["77"], headcount: { min: 10, max: 5 }, colour: "red" },
      }),
      400,
      "validation",
    );
    const f = fieldErrors(ru);
    expect(f.titleRu).toBe("Обязательное поле");
    expect(f.form).toMatch(/^Выберите одно из значений/);
    expect(f["criteria.colour"]).toBe("Неизвестное поле");
    const en = expectProblem(
      await operatorEn.post("/api/operator/measures", {
        ...input,
        amountMin: 5_000_000,
        amountMax: 1_000_000,
      }),
      400,
    );
    expect(fieldErrors(en).amountMax).toBe("The upper bound cannot be less than the lower one");
    const region = expectProblem(
      await operatorEn.post("/api/operator/measures", { ...input, criteria: { regions: ["77", "99"] } }),
      400,
    );
    expect(fieldErrors(region)["criteria.regions.1"]).toMatch(/Russian region code/);
    // A patch is checked against the merged measure.
    const patch = expectProblem(
      await operator.patch(`/api/operator/measures/${ids.loan}`, { version: 1, amountMin: 900_000_000 }),
      400,
    );
    expect(fieldErrors(patch).amountMax).toBe("Верхняя граница не может быть меньше нижней");
    const slug = expectProblem(
      await operator.post("/api/operator/measures", { ...input, slug: "grant-innovation" }),
      400,
    );
    expect(fieldErrors(slug).slug).toBe("Такой адрес уже занят другой мерой");
    const reserved = expectProblem(
      await operator.post("/api/operator/measures", { ...input, slug: "favourites" }),
      400,
    );
    expect(fieldErrors(reserved).slug).toBe("Этот адрес занят разделом навигатора, выберите другой");
    // PostgreSQL has no year 0: a 400, not a database error.
    const year0 = expectProblem(
      await operator.post("/api/operator/measures", { ...input, permanent: false, opensOn: "0000-01-01" }),
      400,
    );
    expect(fieldErrors(year0).opensOn).toBe("Укажите дату в формате ГГГГ-ММ-ДД");
    expect(await t.database.db.select().from(measures)).toHaveLength(before.length);
  });
});
