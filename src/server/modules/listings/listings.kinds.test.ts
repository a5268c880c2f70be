// The exchanges' kinds beyond capabilities and premises — production orders (rfq), technologies and
// patents, technology requests — through the API: each kind's own rules answer field errors in the
// reader's language, numbers are kept in one canonical form, and the catalog counts their facets and
// finds them by Russian word forms.
import { beforeAll, describe, expect, it } from "vitest";
import { moscowToday } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";

const t = testAppForFile();
let op: Client;
let team: Awaited<ReturnType<typeof orgWithTeam>>;

type View = { id: string; version: number; values: Record<string, unknown> };
type Page = {
  total: number;
  items: { titleRu: string }[];
  facets: { field: string; values: { value: string; count: number }[] }[];
};

const DAY = 24 * 3600_000;
const day = (days: number) => moscowToday(new Date(Date.now() + days * DAY));

const rfq = (o: Record<string, unknown> = {}) => ({
  process: "cnc_milling",
  materials: ["aluminium"],
  quantity: 500,
  budget: 1_750_000,
  deadline: day(30),
  ...o,
});
const technology = (o: Record<string, unknown> = {}) => ({
  objectType: "invention",
  registrationNumber: "RU 2812345 C1",
  rightHolder: "ООО «Чистая вода»",
  ipcSections: ["C"],
  trl: "6",
  dealTypes: ["exclusive_licence"],
  price: 4_500_000,
  ...o,
});
const technologyRequest = (o: Record<string, unknown> = {}) => ({
  purpose: "Перерабатывать отходы стеклопластика в сырьё для собственных изделий.",
  ipcSections: ["B"],
  minTrl: "6",
  ...o,
});

const body = (kind: string, values: Record<string, unknown>, titleRu = "Объявление для проверки правил") => ({
  organizationId: team.org.id,
  kind,
  titleRu,
  descriptionRu: "Описание объявления, достаточно длинное для проверки.",
  values,
});

/** The field errors of a create refused with 400, by the language of the client. */
async function refused(c: Client, kind: string, values: Record<string, unknown>) {
  return fieldErrors(expectProblem(await c.post("/api/listings", body(kind, values)), 400, "validation"));
}

async function created(kind: string, values: Record<string, unknown>, titleRu?: string) {
  const res = await team.memberC.post("/api/listings", body(kind, values, titleRu));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as View;
}

/** Creates, submits and approves a listing of another organization's (published in the catalog). */
async function published(
  c: Client,
  orgId: string,
  kind: string,
  titleRu: string,
  values: Record<string, unknown>,
) {
  const res = await c.post("/api/listings", { ...body(kind, values, titleRu), organizationId: orgId });
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json() as View;
  const sub = (await c.post(`/api/listings/${v.id}/submit`, { version: v.version })).json() as View;
  const ok = await op.post(`/api/operator/listings/${v.id}/decision`, {
    decision: "approve",
    version: sub.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
}

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  team = await orgWithTeam(t);
});

describe("a technology's registration number", () => {
  it.each([
    ["invention", "RU 2 812 345 C1", "RU 2812345 C1"],
    ["invention", "2812345", "RU 2812345"],
    ["utility_model", "228 765", "RU 228765"],
    ["industrial_design", "RU 141234 S", "RU 141234 S"],
    ["software", "2024 612 345", "2024612345"],
    ["database", "2024620123", "2024620123"],
  ])("of a %s is accepted as %j and kept as %j", async (objectType, registrationNumber, kept) => {
    const v = await created("technology", technology({ objectType, registrationNumber }));
    expect(v.values.registrationNumber).toBe(kept);
  });

  it.each([
    [
      "invention",
      "281234",
      "Номер патента на изобретение — 7 цифр",
      "An invention patent's number has 7 digits",
    ],
    ["utility_model", "2287650", "полезную модель — 6 цифр", "A utility model patent's number has 6 digits"],
    ["industrial_design", "RU 141234 U1", "промышленный образец — 6 цифр", "An industrial design patent's"],
    ["software", "2024622345", "год регистрации, 61", "the year of registration, 61"],
    [
      "software",
      `${Number(moscowToday().slice(0, 4)) + 1}612345`,
      "год регистрации, 61",
      "the year of registration, 61",
    ],
    ["database", "2024612345", "год регистрации, 62", "the year of registration, 62"],
    ["know_how", "2812345", "Ноу-хау не регистрируют", "Know-how is not registered"],
    ["invention", null, "Укажите номер патента", "Give the number of the patent"],
  ])("of a %s is refused: %j", async (objectType, registrationNumber, ru, en) => {
    const values = technology({ objectType, registrationNumber });
    expect((await refused(team.memberC, "technology", values))["values.registrationNumber"]).toContain(ru);
    expect((await refused(team.adminC, "technology", values))["values.registrationNumber"]).toContain(en);
  });

  it("is not asked of know-how", async () => {
    const v = await created("technology", technology({ objectType: "know_how", registrationNumber: null }));
    expect(v.values).not.toHaveProperty("registrationNumber");
  });
});

describe("a technology's other rules", () => {
  it("takes IPC symbols separated by commas and keeps them in one form", async () => {
    const v = await created("technology", technology({ ipcClasses: "c02f1/62; C02F 1/28" }));
    expect(v.values.ipcClasses).toBe("C02F 1/62, C02F 1/28");
    const values = technology({ ipcClasses: "C02F, водоочистка" });
    expect((await refused(team.memberC, "technology", values))["values.ipcClasses"]).toBe(
      "Укажите индексы МПК через запятую, например G06F 16/00, A61B 5/00",
    );
    expect((await refused(team.adminC, "technology", values))["values.ipcClasses"]).toBe(
      "Give IPC symbols separated by commas, e.g. G06F 16/00, A61B 5/00",
    );
  });

  it("needs a price or “by agreement”, not both", async () => {
    const neither = technology({ price: null });
    expect((await refused(team.memberC, "technology", neither))["values.price"]).toBe(
      "Укажите цену или отметьте «Цена по договорённости»",
    );
    expect((await refused(team.adminC, "technology", neither))["values.price"]).toBe(
      "Give a price or tick “Price by agreement”",
    );
    const both = technology({ priceByAgreement: true });
    expect((await refused(team.memberC, "technology", both))["values.priceByAgreement"]).toContain(
      "снимите отметку «по договорённости»",
    );
    expect((await refused(team.adminC, "technology", both))["values.priceByAgreement"]).toContain(
      "untick “by agreement”",
    );
    const byAgreement = await created("technology", technology({ price: null, priceByAgreement: true }));
    expect(byAgreement.values).toMatchObject({ priceByAgreement: true });
    expect(byAgreement.values).not.toHaveProperty("price");
    // A yes/no left out is "no".
    expect((await created("technology", technology())).values.priceByAgreement).toBe(false);
  });
});

describe("a production order's rules", () => {
  it("refuses a deadline in the past, in the cluster's calendar", async () => {
    const past = rfq({ deadline: day(-1) });
    expect((await refused(team.memberC, "rfq", past))["values.deadline"]).toBe(
      "Срок не может быть в прошлом",
    );
    expect((await refused(team.adminC, "rfq", past))["values.deadline"]).toBe(
      "The deadline cannot be in the past",
    );
    await created("rfq", rfq({ deadline: moscowToday() }));
  });

  it("needs the region when only manufacturers from it will do", async () => {
    const noRegion = rfq({ regionRequired: true });
    expect((await refused(team.memberC, "rfq", noRegion))["values.region"]).toBe(
      "Укажите регион: исполнители нужны только из него",
    );
    expect((await refused(team.adminC, "rfq", noRegion))["values.region"]).toBe(
      "Choose the region the manufacturers must be from",
    );
    const v = await created("rfq", rfq({ regionRequired: true, region: "77" }));
    expect(v.values).toMatchObject({ region: "77", regionRequired: true, ndaRequired: false });
  });

  it("takes only declared values: a whole quantity of at least one, a known process", async () => {
    const errors = await refused(
      team.memberC,
      "rfq",
      rfq({ quantity: 0.5, process: "alchemy", deadline: null }),
    );
    expect(Object.keys(errors).sort()).toEqual(["values.deadline", "values.process", "values.quantity"]);
  });
});

describe("the catalogs of the new kinds", () => {
  let org: { id: string };
  let c: Client;
  beforeAll(async () => {
    org = await createOrg(t.database);
    const owner = await createUser(t.database);
    await addMember(t.database, org.id, owner.id, "owner");
    c = await signedIn(t, owner);
    await published(
      c,
      org.id,
      "technology",
      "Способ очистки сточных вод гальванических производств",
      technology(),
    );
    await published(
      c,
      org.id,
      "technology",
      "Программа контроля сварных швов",
      technology({
        objectType: "software",
        registrationNumber: "2024612345",
        ipcSections: ["G"],
        tags: ["ai", "big-data"],
        trl: "8",
        dealTypes: ["non_exclusive_licence"],
      }),
    );
    await published(
      c,
      org.id,
      "technology",
      "Сорбент для очистки воды от нефтепродуктов",
      technology({ registrationNumber: "2798765", trl: "5", dealTypes: ["sale", "exclusive_licence"] }),
    );
    await published(c, org.id, "rfq", "Корпуса из алюминия для датчиков", rfq({ ndaRequired: true }));
    await published(
      c,
      org.id,
      "rfq",
      "Крышки из алюминия для датчиков",
      rfq({ materials: ["aluminium", "steel"] }),
    );
    await published(
      c,
      org.id,
      "technology_request",
      "Ищем технологию переработки стеклопластика",
      technologyRequest(),
    );
  });

  const facet = (p: Page, f: string) =>
    Object.fromEntries(p.facets.find((x) => x.field === f)!.values.map((v) => [v.value, v.count]));

  it("count a technology's facets, each under the other filters", async () => {
    const all = (await c.get("/api/listings?kind=technology")).json() as Page;
    expect(all.total).toBe(3);
    expect(all.facets.map((f) => f.field)).toEqual(["objectType", "ipcSections", "tags", "trl", "dealTypes"]);
    expect(facet(all, "objectType")).toEqual({ invention: 2, software: 1 });
    // The platform's technology tags, as organizations have them: a facet, and their labels are searched.
    expect(facet(all, "tags")).toEqual({ ai: 1, "big-data": 1 });
    const tagged = (await c.get("/api/listings?kind=technology&tags=ai,quantum")).json() as Page;
    expect(tagged.items.map((i) => i.titleRu)).toEqual(["Программа контроля сварных швов"]);
    const byLabel = (
      await c.get(`/api/listings?kind=technology&q=${encodeURIComponent("большие данные")}`)
    ).json() as Page;
    expect(byLabel.items.map((i) => i.titleRu)).toEqual(["Программа контроля сварных швов"]);
    expect(facet(all, "dealTypes")).toEqual({ exclusive_licence: 2, non_exclusive_licence: 1, sale: 1 });
    const inventions = (
      await c.get("/api/listings?kind=technology&objectType=invention&trl=5")
    ).json() as Page;
    expect(inventions.items.map((i) => i.titleRu)).toEqual(["Сорбент для очистки воды от нефтепродуктов"]);
    // objectType counts under the trl filter only, trl under objectType only.
    expect(facet(inventions, "objectType")).toEqual({ invention: 1 });
    expect(facet(inventions, "trl")).toEqual({ "5": 1, "6": 1 });
  });

  it("count a yes/no facet of production orders", async () => {
    const p = (await c.get("/api/listings?kind=rfq&q=алюминий")).json() as Page;
    expect(p.total).toBe(2);
    expect(p.facets.map((f) => f.field)).toEqual(["process", "materials", "region", "ndaRequired"]);
    expect(facet(p, "ndaRequired")).toEqual({ true: 1, false: 1 });
    expect(facet(p, "materials")).toEqual({ aluminium: 2, steel: 1 });
    const nda = (await c.get("/api/listings?kind=rfq&ndaRequired=true")).json() as Page;
    expect(nda.items.map((i) => i.titleRu)).toEqual(["Корпуса из алюминия для датчиков"]);
  });

  it("find a technology by a Russian word form and by its vocabulary's labels", async () => {
    const search = async (kind: string, q: string) =>
      ((await c.get(`/api/listings?kind=${kind}&q=${encodeURIComponent(q)}`)).json() as Page).items
        .map((i) => i.titleRu)
        .sort();
    // "очистке" finds "очистки" (stems), in the titles of two offers.
    expect(await search("technology", "очистке")).toEqual([
      "Сорбент для очистки воды от нефтепродуктов",
      "Способ очистки сточных вод гальванических производств",
    ]);
    // The IPC section's label "Химия; металлургия" is searched: "металлургии".
    expect(await search("technology", "металлургии")).toHaveLength(2);
    // The right holder (a text field) too; a request is in its own catalog.
    expect(await search("technology", "Чистая вода")).toHaveLength(3);
    expect(await search("technology_request", "стеклопластика")).toEqual([
      "Ищем технологию переработки стеклопластика",
    ]);
    expect(await search("technology", "стеклопластика")).toEqual([]);
  });
});
