import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn, makeOgrnip, type Rng } from "../../../shared/identifiers.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { profileOf } from "./organizations.fixtures.js";
import { activeOrganizations, memberships, organizations } from "./organizations.schema.js";

const t = testAppForFile();

/** A small seeded PRNG (mulberry32), so the identifiers are the same on every run. */
function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = seeded(20261123);
let foreignSeq = 0;

/** A flipped last digit: right length, wrong checksum. */
const breakCheck = (s: string) => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);

type Body = Record<string, unknown>;
const base = (extra: Body = {}): Body => ({
  fullName: "Общество с ограниченной ответственностью «Ромашка»",
  shortName: "ООО «Ромашка»",
  legalAddress: "125009, г. Москва, ул. Тверская, д. 1",
  ...extra,
});
const legal = (extra: Body = {}, type = "legal_entity"): Body =>
  base({
    type,
    inn: makeInn("legal", rng, { region: "77" }),
    ogrn: makeOgrn(rng, { region: "77" }),
    kpp: makeKpp("77", rng),
    regionCode: "77",
    ...extra,
  });
const individual = (extra: Body = {}): Body =>
  base({
    type: "individual_entrepreneur",
    fullName: "Индивидуальный предприниматель Иванов Иван Иванович",
    shortName: "ИП Иванов И. И.",
    inn: makeInn("individual", rng, { region: "50" }),
    ogrn: makeOgrnip(rng, { region: "50" }),
    regionCode: "50",
    ...extra,
  });
const foreign = (extra: Body = {}): Body =>
  base({
    type: "foreign",
    fullName: "Muster Technologies GmbH",
    shortName: "Muster GmbH",
    legalAddress: "Unter den Linden 1, 10117 Berlin",
    country: "DE",
    foreignRegNumber: `HRB ${100000 + ++foreignSeq}`,
    ...extra,
  });

const orgCount = async () => (await t.database.db.select({ n: count() }).from(organizations))[0]!.n;
const auditOf = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

async function userWithOrg(body: Body = legal(), role: "user" | "operator" = "user") {
  const user = await createUser(t.database, { role });
  const c = await signedIn(t, user);
  const res = await c.post("/api/organizations", body);
  expect(res.statusCode, res.body).toBe(201);
  return { user, c, org: res.json().organization as Body & { id: string; version: number } };
}

/** Adds a user to an organization directly (members are tested through the API in members.test). */
async function addMember(orgId: string, role: "admin" | "member" = "member") {
  const user = await createUser(t.database);
  await t.database.db.insert(memberships).values({ organizationId: orgId, userId: user.id, role });
  return { user, c: await signedIn(t, user) };
}

describe("registering an organization", () => {
  const valid: [string, () => Body][] = [
    ["a legal entity (INN 10, OGRN, KPP)", () => legal()],
    ["an individual entrepreneur (INN 12, OGRNIP)", () => individual()],
    ["a foreign organization (country + registration number)", () => foreign()],
    ["a university", () => legal({ shortName: "МГУ" }, "university")],
    ["a research institute", () => legal({ shortName: "НИИ Прибор" }, "research_institute")],
    ["a corporation", () => legal({ shortName: "ПАО «Корпорация»" }, "corporation")],
  ];
  for (const [name, make] of valid) {
    it(`registers ${name}; the creator becomes its owner and it becomes the active one`, async () => {
      const body = make();
      const { user, c, org } = await userWithOrg(body);
      expect(org).toMatchObject({
        type: body.type,
        shortName: body.shortName,
        status: "registered",
        version: 1,
      });
      const me = (await c.get("/api/me/organizations")).json();
      expect(me.activeOrganizationId).toBe(org.id);
      expect(me.items).toEqual([expect.objectContaining({ role: "owner" })]);
      const view = (await c.get(`/api/organizations/${org.id}`)).json();
      expect(view.membership).toEqual({ role: "owner" });
      expect(view.can["org.update"]).toBe(true);
      expect(view.can["org.members.manage"]).toBe(true);
      const [audit] = await auditOf(org.id, "organization.create");
      expect(audit!.actorId).toBe(user.id);
      expect((audit!.after as Body).shortName).toBe(body.shortName);
    });
  }

  it("stores only the identifiers the type uses", async () => {
    const ip = await userWithOrg(individual({ kpp: "770101001" }));
    expect(ip.org).toMatchObject({ kpp: null, country: null, foreignRegNumber: null });
    const f = await userWithOrg(foreign({ regionCode: "77", inn: "7707083893" }));
    expect(f.org).toMatchObject({ regionCode: null, inn: null, ogrn: null, kpp: null, country: "DE" });
  });

  it("keeps the moment of consent when contacts are to be public, and none otherwise", async () => {
    const pub = await userWithOrg(legal({ contactEmail: "info@romashka.ru", contactsPublic: true }));
    const priv = await userWithOrg(legal({ contactEmail: "info@romashka.ru" }));
    const [a] = await t.database.db.select().from(organizations).where(eq(organizations.id, pub.org.id));
    const [b] = await t.database.db.select().from(organizations).where(eq(organizations.id, priv.org.id));
    expect(a!.contactsConsentAt).toBeInstanceOf(Date);
    expect(b!.contactsConsentAt).toBeNull();
  });

  it("computes the SME category from headcount and revenue", async () => {
    const { org } = await userWithOrg(legal({ headcount: 40, revenueMln: 300 }));
    expect(org.smeCategory).toBe("small");
  });
});

describe("identifier and profile validation", () => {
  const inn10 = () => makeInn("legal", rng, { region: "77" });
  const cases: [string, () => Body, string, string, string][] = [
    [
      "an INN of 9 digits",
      () => legal({ inn: "770708389" }),
      "inn",
      "ИНН должен состоять из 10 цифр",
      "The INN must consist of 10 digits",
    ],
    [
      "a 12-digit INN for a legal entity",
      () => legal({ inn: makeInn("individual", rng) }),
      "inn",
      "ИНН должен состоять из 10 цифр",
      "The INN must consist of 10 digits",
    ],
    [
      "an INN with a letter",
      () => legal({ inn: "77070838a3" }),
      "inn",
      "ИНН должен состоять из 10 цифр",
      "The INN must consist of 10 digits",
    ],
    [
      "an INN with a wrong check digit",
      () => legal({ inn: breakCheck(inn10()) }),
      "inn",
      "Контрольная сумма ИНН не сходится",
      "The INN check digits do not match",
    ],
    ["a missing INN", () => legal({ inn: undefined }), "inn", "Укажите ИНН", "Enter the INN"],
    [
      "a 10-digit INN for an entrepreneur",
      () => individual({ inn: inn10() }),
      "inn",
      "ИНН должен состоять из 12 цифр",
      "The INN must consist of 12 digits",
    ],
    [
      "an entrepreneur's INN with a wrong check digit",
      () => individual({ inn: breakCheck(makeInn("individual", rng)) }),
      "inn",
      "Контрольная сумма ИНН не сходится",
      "The INN check digits do not match",
    ],
    [
      "an OGRN of 12 digits",
      () => legal({ ogrn: "102770013219" }),
      "ogrn",
      "ОГРН должен состоять из 13 цифр",
      "The OGRN must consist of 13 digits",
    ],
    [
      "an OGRN with a wrong check digit",
      () => legal({ ogrn: breakCheck(makeOgrn(rng)) }),
      "ogrn",
      "Контрольная сумма ОГРН не сходится",
      "The OGRN check digit does not match",
    ],
    ["a missing OGRN", () => legal({ ogrn: null }), "ogrn", "Укажите ОГРН", "Enter the OGRN"],
    [
      "an OGRN instead of an OGRNIP",
      () => individual({ ogrn: makeOgrn(rng) }),
      "ogrn",
      "ОГРНИП должен состоять из 15 цифр",
      "The OGRNIP must consist of 15 digits",
    ],
    [
      "an OGRNIP with a wrong check digit",
      () => individual({ ogrn: breakCheck(makeOgrnip(rng)) }),
      "ogrn",
      "Контрольная сумма ОГРНИП не сходится",
      "The OGRNIP check digit does not match",
    ],
    [
      "a KPP of 8 characters",
      () => legal({ kpp: "77010100" }),
      "kpp",
      "КПП состоит из 9 символов",
      "The KPP has 9 characters",
    ],
    [
      "a KPP with lower-case letters",
      () => legal({ kpp: "7701ab001" }),
      "kpp",
      "КПП состоит из 9 символов",
      "The KPP has 9 characters",
    ],
    ["a missing KPP", () => legal({ kpp: "" }), "kpp", "Укажите КПП", "Enter the KPP"],
    [
      "a foreign organization without a country",
      () => foreign({ country: null }),
      "country",
      "Укажите страну",
      "Enter the country",
    ],
    [
      "a foreign organization from Russia",
      () => foreign({ country: "RU" }),
      "country",
      "Российская организация",
      "A Russian organization",
    ],
    [
      "a foreign organization without a registration number",
      () => foreign({ foreignRegNumber: " " }),
      "foreignRegNumber",
      "Укажите регистрационный номер",
      "Enter the organization's registration number",
    ],
    [
      "a country that is not a code",
      () => foreign({ country: "Germany" }),
      "country",
      "двухбуквенный код страны",
      "two-letter country code",
    ],
    [
      "a Russian organization without a region",
      () => legal({ regionCode: undefined }),
      "regionCode",
      "Укажите регион",
      "Enter the region",
    ],
    [
      "an unknown region code",
      () => legal({ regionCode: "00" }),
      "regionCode",
      "Выберите регион",
      "Choose a region",
    ],
    [
      "a founding date in the future",
      () => legal({ foundedOn: `${new Date().getFullYear() + 1}-01-01` }),
      "foundedOn",
      "Дата основания не может быть в будущем",
      "The founding date cannot be in the future",
    ],
    [
      "an OKVED code of class 00",
      () => legal({ okvedMain: "00.11" }),
      "okvedMain",
      "Укажите код ОКВЭД2",
      "Enter an OKVED2 code",
    ],
    [
      "a phone with letters",
      () => legal({ contactPhone: "call me" }),
      "contactPhone",
      "Укажите телефон",
      "Enter a phone number",
    ],
  ];

  for (const [name, make, field, ru, en] of cases) {
    it(`refuses ${name} with a field error on ${field} in ru and en, writing nothing`, async () => {
      const before = await orgCount();
      for (const [lang, text] of [
        ["ru", ru],
        ["en", en],
      ] as const) {
        // The language of a signed-in user's answers is their own setting.
        const c = await signedIn(t, await createUser(t.database, { locale: lang }), lang);
        const body = make();
        for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
        const p = expectProblem(await c.post("/api/organizations", body), 400, "validation");
        expect(fieldErrors(p)[field], JSON.stringify(p.errors)).toContain(text);
      }
      expect(await orgCount()).toBe(before);
    });
  }
});

describe("one organization per INN", () => {
  it("answers a taken INN with 409 naming the organization, so the user can ask to join or claim it", async () => {
    const body = legal();
    const first = await userWithOrg(body);
    for (const lang of ["ru", "en"] as const) {
      const c = await signedIn(t, await createUser(t.database, { locale: lang }), lang);
      const p = expectProblem(
        await c.post("/api/organizations", legal({ inn: body.inn, shortName: "Другая" })),
        409,
        "inn-taken",
      );
      expect(p.organizationId).toBe(first.org.id);
      expect(p.shortName).toBe(body.shortName);
      expect(p.title).toContain(String(body.shortName));
      expect(p.title).toMatch(
        lang === "ru" ? /попросите владельца добавить вас/ : /ask its owner to add you/,
      );
      expect(p.title).toMatch(lang === "ru" ? /подайте заявление/ : /file a claim/);
      expect(Object.keys(fieldErrors(p))).toEqual(["inn"]);
    }
  });

  it("answers a taken country + registration number of a foreign organization the same way", async () => {
    const body = foreign();
    const first = await userWithOrg(body);
    const c = await signedIn(t, await createUser(t.database));
    const p = expectProblem(
      await c.post("/api/organizations", foreign({ foreignRegNumber: body.foreignRegNumber })),
      409,
      "inn-taken",
    );
    expect(p.organizationId).toBe(first.org.id);
    // The same number in another country is another organization.
    const ok = await c.post(
      "/api/organizations",
      foreign({ country: "AT", foreignRegNumber: body.foreignRegNumber }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it("lets exactly one of two simultaneous registrations of an INN in; the other gets the same 409", async () => {
    const body = legal();
    const [a, b] = await Promise.all([
      createUser(t.database).then((u) => signedIn(t, u)),
      createUser(t.database).then((u) => signedIn(t, u)),
    ]);
    const results = await Promise.all([
      a.post("/api/organizations", body),
      b.post("/api/organizations", { ...body, shortName: "Двойник" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.statusCode === 409)!;
    const won = results.find((r) => r.statusCode === 201)!;
    expect(expectProblem(lost, 409, "inn-taken").organizationId).toBe(won.json().organization.id);
    const rows = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.inn, body.inn as string));
    expect(rows).toHaveLength(1);
  });
});

describe("city bodies", () => {
  it("are refused to a user with a clear message and registered by an operator", async () => {
    const c = await signedIn(t, await createUser(t.database));
    const before = await orgCount();
    const p = expectProblem(
      await c.post("/api/organizations", legal({ shortName: "Департамент" }, "city_body")),
      403,
      "city-body-operator-only",
    );
    expect(p.title).toMatch(/только оператор/);
    expect(await orgCount()).toBe(before);
    const { org } = await userWithOrg(legal({ shortName: "Департамент" }, "city_body"), "operator");
    expect(org.type).toBe("city_body");
  });
});

describe("reading and editing a profile", () => {
  it("shows the profile to members and staff, 404 to other users and 401 to guests", async () => {
    const { org } = await userWithOrg();
    const member = await addMember(org.id);
    expect((await member.c.get(`/api/organizations/${org.id}`)).json().membership).toEqual({
      role: "member",
    });
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const view = (await operator.get(`/api/organizations/${org.id}`)).json();
    expect(view.membership).toBeNull();
    expect(view.organization.kpp).toBe(org.kpp);
    const stranger = await signedIn(t, await createUser(t.database));
    expectProblem(await stranger.get(`/api/organizations/${org.id}`), 404, "not-found");
    expectProblem(await stranger.get("/api/organizations/00000000-0000-4000-8000-000000000000"), 404);
    expectProblem(await new Client(t.app).get(`/api/organizations/${org.id}`), 401);
  });

  it("lets the owner and an admin edit, bumps the version and audits only the changed fields", async () => {
    const { org, c } = await userWithOrg();
    const edit = { ...profileOf(org), shortName: "ООО «Ромашка-2»", tags: ["ai"], version: org.version };
    const res = await c.patch(`/api/organizations/${org.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().organization;
    expect(after).toMatchObject({ shortName: "ООО «Ромашка-2»", tags: ["ai"], version: 2 });
    const [audit] = await auditOf(org.id, "organization.update");
    expect(audit!.before).toEqual({ shortName: "ООО «Ромашка»", tags: [], version: 1 });
    expect(audit!.after).toEqual({ shortName: "ООО «Ромашка-2»", tags: ["ai"], version: 2 });

    const admin = await addMember(org.id, "admin");
    const res2 = await admin.c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(after),
      website: "https://romashka.ru",
      version: 2,
    });
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json().organization.website).toBe("https://romashka.ru");
  });

  it("refuses edits by a member (403), a non-member (404) and an operator (403)", async () => {
    const { org } = await userWithOrg();
    const edit = { ...profileOf(org), shortName: "Захват", version: 1 };
    const member = await addMember(org.id);
    expectProblem(await member.c.patch(`/api/organizations/${org.id}`, edit), 403, "forbidden");
    const stranger = await signedIn(t, await createUser(t.database));
    expectProblem(await stranger.patch(`/api/organizations/${org.id}`, edit), 404);
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    expectProblem(await operator.patch(`/api/organizations/${org.id}`, edit), 403);
    expectProblem(await new Client(t.app).patch(`/api/organizations/${org.id}`, edit), 401);
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row!.shortName).toBe(org.shortName);
  });

  it("answers an edit based on an old version with 409 and the current profile", async () => {
    const { org, c } = await userWithOrg();
    const admin = await addMember(org.id, "admin");
    expect(
      (await c.patch(`/api/organizations/${org.id}`, { ...profileOf(org), shortName: "Первая", version: 1 }))
        .statusCode,
    ).toBe(200);
    const p = expectProblem(
      await admin.c.patch(`/api/organizations/${org.id}`, {
        ...profileOf(org),
        shortName: "Вторая",
        version: 1,
      }),
      409,
      "conflict",
    );
    expect((p.current as Body).shortName).toBe("Первая");
    expect((p.current as Body).version).toBe(2);
  });

  it("validates an edit like a registration and refuses an INN taken by another organization", async () => {
    const a = await userWithOrg();
    const { org, c } = await userWithOrg();
    const bad = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(org),
      inn: breakCheck(String(org.inn)),
      version: 1,
    });
    expect(fieldErrors(expectProblem(bad, 400, "validation")).inn).toMatch(/Контрольная сумма ИНН/);
    const taken = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(org),
      inn: a.org.inn,
      version: 1,
    });
    expect(expectProblem(taken, 409, "inn-taken").organizationId).toBe(a.org.id);
  });

  it("keeps the identifiers and region of a participant as the operator checked them", async () => {
    const { org, c } = await userWithOrg();
    await t.database.db
      .update(organizations)
      .set({ status: "participant" })
      .where(eq(organizations.id, org.id));
    const res = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(org),
      inn: makeInn("legal", rng, { region: "77" }),
      regionCode: "50",
      version: 1,
    });
    const errors = fieldErrors(expectProblem(res, 400, "validation"));
    expect(errors.inn).toMatch(/Реквизиты нельзя изменить/);
    expect(errors.regionCode).toMatch(/Регион нельзя изменить/);
    const ok = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(org),
      descriptionRu: "Новое описание",
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("renews the consent moment when public contacts change and drops it when they become private", async () => {
    const { org, c } = await userWithOrg(legal({ contactEmail: "a@romashka.ru", contactsPublic: true }));
    const consentOf = async () =>
      (await t.database.db.select().from(organizations).where(eq(organizations.id, org.id)))[0]!
        .contactsConsentAt;
    const first = await consentOf();
    await new Promise((r) => setTimeout(r, 5));
    const res = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(org),
      contactEmail: "b@romashka.ru",
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await consentOf())!.getTime()).toBeGreaterThan(first!.getTime());
    await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(res.json().organization),
      contactsPublic: false,
      version: 2,
    });
    expect(await consentOf()).toBeNull();
  });
});

describe("declared flags for support measures", () => {
  const rowOf = async (id: string) =>
    (await t.database.db.select().from(organizations).where(eq(organizations.id, id)))[0]!;
  const patchFlags = (c: Client, org: Body, version: number, declaredFlags: unknown) =>
    c.patch(`/api/organizations/${org.id}`, { ...profileOf(org), declaredFlags, version });

  it("may be stated at registration; without them nothing is stated", async () => {
    const { org } = await userWithOrg(legal({ declaredFlags: { exporter: true, no_tax_debt: false } }));
    expect(org.declaredFlags).toEqual({ exporter: true, no_tax_debt: false });
    expect(typeof org.declaredFlagsAt).toBe("string");
    const plain = await userWithOrg();
    expect(plain.org.declaredFlags).toEqual({});
    expect(plain.org.declaredFlagsAt).toBeNull();
    // null at registration states nothing
    const withNull = await userWithOrg(legal({ declaredFlags: { exporter: null } }));
    expect(withNull.org.declaredFlags).toEqual({});
    expect(withNull.org.declaredFlagsAt).toBeNull();
  });

  it("are set by an edit, audited, timestamped; null withdraws one and the others stay", async () => {
    const { org, c, user } = await userWithOrg();
    const res = await patchFlags(c, org, 1, { exporter: true, innovation_activity: false });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().organization;
    expect(after.declaredFlags).toEqual({ exporter: true, innovation_activity: false });
    expect(after.version).toBe(2);
    const first = await rowOf(org.id);
    expect(first.declaredFlagsAt).toBeInstanceOf(Date);
    expect(after.declaredFlagsAt).toBe(first.declaredFlagsAt!.toISOString());
    const [audit] = await auditOf(org.id, "organization.update");
    expect(audit!.actorId).toBe(user.id);
    expect(audit!.before).toEqual({ declaredFlags: {}, version: 1 });
    expect(audit!.after).toEqual({
      declaredFlags: { exporter: true, innovation_activity: false },
      version: 2,
    });

    await new Promise((r) => setTimeout(r, 5));
    const withdrawn = await patchFlags(c, after, 2, { exporter: null });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().organization.declaredFlags).toEqual({ innovation_activity: false });
    const second = await rowOf(org.id);
    expect(second.declaredFlags).toEqual({ innovation_activity: false });
    expect(second.declaredFlagsAt!.getTime()).toBeGreaterThan(first.declaredFlagsAt!.getTime());
    expect(second.version).toBe(3);

    // The same statements again change nothing: no new version, no new date, no audit entry.
    const same = await patchFlags(c, withdrawn.json().organization, 3, {
      innovation_activity: false,
      exporter: null,
    });
    expect(same.statusCode, same.body).toBe(200);
    const third = await rowOf(org.id);
    expect(third.version).toBe(3);
    expect(third.declaredFlagsAt!.getTime()).toBe(second.declaredFlagsAt!.getTime());
    expect(await auditOf(org.id, "organization.update")).toHaveLength(2);

    // An edit without declaredFlags keeps them.
    const other = await c.patch(`/api/organizations/${org.id}`, {
      ...profileOf(withdrawn.json().organization),
      website: "https://romashka.ru",
      version: 3,
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().organization.declaredFlags).toEqual({ innovation_activity: false });
    expect((await rowOf(org.id)).declaredFlagsAt!.getTime()).toBe(second.declaredFlagsAt!.getTime());
  });

  it("refuses an unknown flag or a value that is not true/false/null with a field error in ru and en, changing nothing", async () => {
    for (const [lang, text] of [
      ["ru", "Неизвестное сведение для мер поддержки «offshore»"],
      ["en", "Unknown support-measure fact “offshore”"],
    ] as const) {
      const user = await createUser(t.database, { locale: lang });
      const c = await signedIn(t, user, lang);
      const res = await c.post("/api/organizations", legal({ declaredFlags: { exporter: true } }));
      const org = res.json().organization as Body & { id: string };
      const bad = await patchFlags(c, org, 1, { exporter: false, offshore: true });
      const errors = fieldErrors(expectProblem(bad, 400, "validation"));
      expect(errors["declaredFlags.offshore"], JSON.stringify(errors)).toContain(text);
      expect(errors["declaredFlags.offshore"]).toContain("innovation_activity");
      const notBool = await patchFlags(c, org, 1, { exporter: "yes" });
      expect(Object.keys(fieldErrors(expectProblem(notBool, 400, "validation")))).toEqual([
        "declaredFlags.exporter",
      ]);
      expectProblem(await patchFlags(c, org, 1, ["exporter"]), 400, "validation");
      const row = await rowOf(org.id);
      expect(row.declaredFlags).toEqual({ exporter: true });
      expect(row.version).toBe(1);
      expect(await auditOf(org.id, "organization.update")).toHaveLength(0);
      // registration refuses it too
      const before = await orgCount();
      const refused = await c.post("/api/organizations", legal({ declaredFlags: { offshore: true } }));
      expect(fieldErrors(expectProblem(refused, 400, "validation"))["declaredFlags.offshore"]).toContain(
        text,
      );
      expect(await orgCount()).toBe(before);
    }
  });

  it("answers an edit based on an old version with 409 and the current flags, keeping them", async () => {
    const { org, c } = await userWithOrg();
    const admin = await addMember(org.id, "admin");
    expect((await patchFlags(admin.c, org, 1, { no_tax_debt: true })).statusCode).toBe(200);
    const p = expectProblem(
      await patchFlags(c, org, 1, { no_tax_debt: false, exporter: true }),
      409,
      "conflict",
    );
    expect((p.current as Body).declaredFlags).toEqual({ no_tax_debt: true });
    expect((p.current as Body).version).toBe(2);
    expect((await rowOf(org.id)).declaredFlags).toEqual({ no_tax_debt: true });
  });

  it("are edited by whoever edits the profile, even after the operator granted a status", async () => {
    const { org } = await userWithOrg();
    const member = await addMember(org.id);
    expectProblem(await patchFlags(member.c, org, 1, { exporter: true }), 403, "forbidden");
    const stranger = await signedIn(t, await createUser(t.database));
    expectProblem(await patchFlags(stranger, org, 1, { exporter: true }), 404);
    expect((await rowOf(org.id)).declaredFlags).toEqual({});
    // Members read them; the admin edits them while the identifiers are frozen by the status.
    expect((await member.c.get(`/api/organizations/${org.id}`)).json().organization.declaredFlags).toEqual(
      {},
    );
    await t.database.db
      .update(organizations)
      .set({ status: "participant" })
      .where(eq(organizations.id, org.id));
    const admin = await addMember(org.id, "admin");
    const res = await patchFlags(admin.c, org, 1, { skolkovo_resident: true, it_accredited: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await member.c.get(`/api/organizations/${org.id}`)).json().organization.declaredFlags).toEqual({
      skolkovo_resident: true,
      it_accredited: false,
    });
    // Operators see them with the full profile.
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const view = (await operator.get(`/api/organizations/${org.id}`)).json();
    expect(view.organization.declaredFlags).toEqual({ skolkovo_resident: true, it_accredited: false });
  });
});

describe("privacy", () => {
  const PRIVATE = [
    "kpp",
    "legalAddress",
    "headcount",
    "revenueMln",
    "statusReason",
    "version",
    "contactsPublic",
    "declaredFlags",
    "declaredFlagsAt",
  ];

  it("never gives a guest a private field or a member's e-mail", async () => {
    const { org, c, user } = await userWithOrg(
      legal({
        headcount: 12,
        revenueMln: 50,
        contactEmail: "secret@romashka.ru",
        contactPhone: "+7 495 000-00-00",
        declaredFlags: { no_tax_debt: false, exporter: true },
      }),
    );
    const invited = "invitee-privacy@example.ru";
    await c.post(`/api/organizations/${org.id}/invitations`, { email: invited });
    const guest = new Client(t.app);
    const responses = [
      await guest.get(`/api/organizations/${org.id}`),
      await guest.get(`/api/organizations/${org.id}/members`),
      await guest.get(`/api/organizations/${org.id}/invitations`),
      await guest.get(`/api/organizations/${org.id}/join-requests`),
      await guest.get(`/api/organizations/${org.id}/logo`),
      await guest.get("/api/me/organizations"),
      await guest.get("/api/me/join-requests"),
      await guest.post(`/api/organizations/${org.id}/join-requests`, {}),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const text = res.body;
      for (const secret of [String(org.kpp), String(org.legalAddress), "secret@romashka.ru", user.email]) {
        expect(text).not.toContain(secret);
      }
      for (const key of PRIVATE) expect(text).not.toContain(`"${key}"`);
    }
  });

  it("never shows the declared flags in the public directory, to guests or to other users", async () => {
    const shortName = `ООО «Заявитель ${Date.now() % 100000}»`;
    const { org, c } = await userWithOrg(
      legal({ shortName, declaredFlags: { no_tax_debt: false, skolkovo_resident: true } }),
    );
    const stranger = await signedIn(t, await createUser(t.database));
    for (const viewer of [new Client(t.app), stranger, c]) {
      for (const url of [
        `/api/directory/${org.id}`,
        `/api/directory?q=${encodeURIComponent(shortName)}`,
        "/api/me/organizations",
      ]) {
        const res = await viewer.get(url);
        if (res.statusCode >= 400) continue; // a guest has no "my organizations"
        for (const secret of ["declaredFlags", "declaredFlagsAt", "no_tax_debt", "skolkovo_resident"]) {
          expect(res.body, url).not.toContain(secret);
        }
      }
    }
    const page = (await new Client(t.app).get(`/api/directory/${org.id}`)).json();
    expect(page.organization.shortName).toBe(shortName);
    const found = (await new Client(t.app).get(`/api/directory?q=${encodeURIComponent(shortName)}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(org.id);
  });

  it("shows contacts in the public view only with consent", async () => {
    const { presentOrganization } = await import("./organizations.service.js");
    const { org } = await userWithOrg(legal({ contactEmail: "x@romashka.ru" }));
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, org.id));
    const pub = presentOrganization(row!, { full: false });
    expect(pub.contactEmail).toBeNull();
    for (const key of PRIVATE) expect(pub).not.toHaveProperty(key);
    // A manager's wish alone publishes nothing: the contact person must have agreed (issue 8, finding 1).
    expect(presentOrganization({ ...row!, contactsPublic: true }, { full: false }).contactEmail).toBeNull();
    const agreed = { ...row!, contactsPublic: true, contactsConsentAt: new Date() };
    expect(presentOrganization(agreed, { full: false }).contactEmail).toBe("x@romashka.ru");
    expect(presentOrganization(row!, { full: true }).contactEmail).toBe("x@romashka.ru");
  });
});

describe("active organization", () => {
  it("switches between one's organizations only and is cleared on leaving", async () => {
    const { user, c, org: a } = await userWithOrg();
    const b = (await c.post("/api/organizations", legal({ shortName: "Вторая" }))).json().organization;
    expect((await c.get("/api/me/organizations")).json().activeOrganizationId).toBe(b.id);
    const res = await c.request("PUT", "/api/me/active-organization", { organizationId: a.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().activeOrganizationId).toBe(a.id);
    expect(res.json().items).toHaveLength(2);
    // The public view in the list: no private fields.
    expect(res.json().items[0].organization).not.toHaveProperty("kpp");
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.active_organization")));
    expect(audit?.after).toEqual({ organizationId: a.id });

    const foreignOrg = (await userWithOrg()).org;
    expectProblem(
      await c.request("PUT", "/api/me/active-organization", { organizationId: foreignOrg.id }),
      404,
    );
    // A member who leaves the active organization has none active any more.
    const member = await addMember(a.id);
    await member.c.request("PUT", "/api/me/active-organization", { organizationId: a.id });
    expect((await member.c.delete(`/api/organizations/${a.id}/members/${member.user.id}`)).statusCode).toBe(
      204,
    );
    expect((await member.c.get("/api/me/organizations")).json()).toEqual({
      items: [],
      activeOrganizationId: null,
    });
    const rows = await t.database.db
      .select()
      .from(activeOrganizations)
      .where(eq(activeOrganizations.userId, member.user.id));
    expect(rows).toHaveLength(0);
  });
});
