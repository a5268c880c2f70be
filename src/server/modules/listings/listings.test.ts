import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { rows } from "../../core/db.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg, markVerified, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { listingsPersonalData } from "./listings.personal.js";

const t = testAppForFile();
let op: Client;
let op2: Client;
let guest: Client;
let stranger: Client;
let team: Awaited<ReturnType<typeof orgWithTeam>>;

type View = {
  id: string;
  state: string;
  version: number;
  titleRu: string;
  values: Record<string, unknown>;
  pending: { state: string; values: Record<string, unknown>; titleRu: string } | null;
  rejectReason: string | null;
  mine: boolean;
};

const premises = (o: Record<string, unknown> = {}) => ({
  premisesType: "production",
  area: { from: 200, to: 400 },
  priceUnit: "per_m2_month",
  price: 1300,
  region: "77",
  okrug: "yuao",
  address: "Москва, Варшавское шоссе, д. 1",
  amenities: ["crane", "parking"],
  cadastralNumber: "77:05:0001001:777",
  ...o,
});

const body = (orgId: string, o: Record<string, unknown> = {}) => ({
  organizationId: orgId,
  kind: "premises",
  titleRu: "Производственный цех с кран-балкой",
  descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
  values: premises(),
  ...o,
});

/** Creates, submits and (with an operator) approves a listing; returns it as it ends. */
async function listing(
  author: Client,
  orgId: string,
  o: Record<string, unknown> = {},
  upTo: "draft" | "moderation" | "published" = "published",
): Promise<View> {
  const res = await author.post("/api/listings", body(orgId, o));
  expect(res.statusCode, res.body).toBe(201);
  let v = res.json() as View;
  if (upTo === "draft") return v;
  const sub = await author.post(`/api/listings/${v.id}/submit`, { version: v.version });
  expect(sub.statusCode, sub.body).toBe(200);
  v = sub.json() as View;
  if (upTo === "moderation") return v;
  const ok = await op.post(`/api/operator/listings/${v.id}/decision`, {
    decision: "approve",
    version: v.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json() as View;
}

beforeAll(async () => {
  const [o1, o2, u] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { role: "operator" }),
    createUser(t.database),
  ]);
  [op, op2, stranger] = await Promise.all([signedIn(t, o1), signedIn(t, o2), signedIn(t, u)]);
  guest = new Client(t.app);
  team = await orgWithTeam(t);
});

describe("a kind's declaration validates the values", () => {
  it("refuses missing required fields, values outside a vocabulary, unknown fields and a reversed range", async () => {
    const res = await team.memberC.post(
      "/api/listings",
      body(team.org.id, {
        values: {
          ...premises({ premisesType: "castle", area: { from: 50, to: 10 }, colour: "red" }),
          address: undefined,
        },
      }),
    );
    const errors = fieldErrors(expectProblem(res, 400, "validation"));
    expect(Object.keys(errors).sort()).toEqual(
      ["values.address", "values.area.to", "values.colour", "values.premisesType"].sort(),
    );
  });

  it("takes an okrug and a district in Moscow only: required there, dropped elsewhere", async () => {
    const noOkrug = await team.memberC.post(
      "/api/listings",
      body(team.org.id, { values: premises({ okrug: null }) }),
    );
    expect(fieldErrors(expectProblem(noOkrug, 400))["values.okrug"]).toBe("Обязательное поле");
    // A district of another okrug (Строгино is in the North-West, the premises in the South).
    const outside = await team.memberC.post(
      "/api/listings",
      body(team.org.id, { values: premises({ district: "strogino" }) }),
    );
    expect(fieldErrors(expectProblem(outside, 400))).toEqual({
      "values.district": "Этот район не входит в выбранный округ: выберите район из его списка",
    });
    const moscow = await team.memberC.post(
      "/api/listings",
      body(team.org.id, { values: premises({ district: "nagatinsky_zaton" }) }),
    );
    expect(moscow.statusCode, moscow.body).toBe(201);
    expect((moscow.json() as View).values).toMatchObject({ okrug: "yuao", district: "nagatinsky_zaton" });
    // A form that kept the okrug and the district after the region changed: both are dropped, even a bad one.
    const elsewhere = await team.memberC.post(
      "/api/listings",
      body(team.org.id, {
        values: premises({ region: "50", district: "nowhere", okrug: "nowhere" }),
      }),
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const values = (elsewhere.json() as View).values;
    expect(values).toMatchObject({ region: "50" });
    expect(values).not.toHaveProperty("okrug");
    expect(values).not.toHaveProperty("district");
  });

  it("lets only members write for their organization", async () => {
    expectProblem(await stranger.post("/api/listings", body(team.org.id)), 404);
    expectProblem(await guest.post("/api/listings", body(team.org.id)), 401);
  });
});

describe("private fields", () => {
  it("never reach another reader: not on the page, not in the catalog, not found by search", async () => {
    const l = await listing(team.memberC, team.org.id, { titleRu: "Цех для станков с кадастровым номером" });
    const mine = (await team.ownerC.get(`/api/listings/${l.id}`)).json() as View;
    expect(mine.values.cadastralNumber).toBe("77:05:0001001:777");
    expect((await op.get(`/api/listings/${l.id}`)).json()).toMatchObject({
      values: { cadastralNumber: "77:05:0001001:777" },
    });
    for (const c of [guest, stranger]) {
      const res = await c.get(`/api/listings/${l.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("77:05:0001001:777");
      expect((res.json() as View).values.price).toBe(1300);
      const found = await c.get("/api/listings?kind=premises");
      expect(found.body).toContain(l.id);
      expect(found.body).not.toContain("77:05:0001001:777");
    }
    const onPage = (await guest.get(`/api/organizations/${team.org.id}/published-listings`)).json() as {
      items: { id: string; values: Record<string, unknown> }[];
    };
    expect(onPage.items.map((i) => i.id)).toContain(l.id);
    expect(JSON.stringify(onPage)).not.toContain("77:05:0001001:777");
    const byPrivate = await guest.get(
      `/api/listings?kind=premises&q=${encodeURIComponent("77:05:0001001:777")}`,
    );
    expect(byPrivate.json()).toMatchObject({ total: 0 });
  });
});

describe("moderation", () => {
  it("takes a draft through moderation to publication, notifying the author and writing the audit", async () => {
    const draft = await listing(
      team.memberC,
      team.org.id,
      { titleRu: "Лаборатория для пробного цикла" },
      "draft",
    );
    expect(draft.state).toBe("draft");
    expectProblem(await guest.get(`/api/listings/${draft.id}`), 404);
    expectProblem(await stranger.get(`/api/listings/${draft.id}`), 404);
    const sub = (
      await team.memberC.post(`/api/listings/${draft.id}/submit`, { version: draft.version })
    ).json() as View;
    expect(sub.state).toBe("moderation");
    const queue = (await op.get("/api/operator/listings")).json() as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toContain(draft.id);
    expectProblem(await team.memberC.get("/api/operator/listings"), 403);

    const noReason = await op.post(`/api/operator/listings/${draft.id}/decision`, {
      decision: "reject",
      version: sub.version,
    });
    expect(fieldErrors(expectProblem(noReason, 400)).reason).toBeTruthy();
    const rejected = (
      await op.post(`/api/operator/listings/${draft.id}/decision`, {
        decision: "reject",
        reason: "Уточните площадь",
        version: sub.version,
      })
    ).json() as View;
    expect(rejected).toMatchObject({ state: "rejected", rejectReason: "Уточните площадь" });
    expectProblem(await guest.get(`/api/listings/${draft.id}`), 404);

    // The author fixes and resubmits; the operator approves.
    const fixed = (
      await team.memberC.patch(`/api/listings/${draft.id}`, {
        titleRu: "Лаборатория 80 м² для пробного цикла",
        descriptionRu: "Лабораторное помещение с вытяжными шкафами и подводом воды.",
        values: premises({ premisesType: "laboratory", area: { from: 80, to: 80 } }),
        version: rejected.version,
      })
    ).json() as View;
    expect(fixed.state).toBe("rejected");
    const again = (
      await team.memberC.post(`/api/listings/${draft.id}/submit`, { version: fixed.version })
    ).json() as View;
    const approved = await op.post(`/api/operator/listings/${draft.id}/decision`, {
      decision: "approve",
      version: again.version,
    });
    expect(approved.json()).toMatchObject({ state: "published" });
    expect((await guest.get(`/api/listings/${draft.id}`)).json()).toMatchObject({
      titleRu: "Лаборатория 80 м² для пробного цикла",
      state: "published",
      mine: false,
    });

    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, team.member.id), eq(notifications.link, `/listings/${draft.id}`)));
    expect(notes.map((n) => (n.data as { decision: string }).decision).sort()).toEqual(["approve", "reject"]);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "listing"), eq(auditLog.entityId, draft.id)));
    expect(audit.map((a) => a.action)).toEqual([
      "listing.create",
      "listing.submit",
      "listing.reject",
      "listing.update",
      "listing.submit",
      "listing.approve",
    ]);
  });

  it("tells the organization's managers, not a former member, of a decision on what that person wrote", async () => {
    const other = await orgWithTeam(t);
    await markVerified(t.database, other.org.id);
    const l = await listing(other.memberC, other.org.id, { titleRu: "Офис у метро Технопарк" }, "moderation");
    const left = await other.memberC.request(
      "DELETE",
      `/api/organizations/${other.org.id}/members/${other.member.id}`,
    );
    expect(left.statusCode, left.body).toBe(204);
    const decided = await op.post(`/api/operator/listings/${l.id}/decision`, {
      decision: "reject",
      version: l.version,
      reason: "Уточните площадь",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const told = await t.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.link, `/listings/${l.id}`));
    expect(told.map((n) => n.userId).sort()).toEqual([other.owner.id, other.admin.id].sort());
  });

  it("keeps the published version visible while an edit waits for moderation", async () => {
    const l = await listing(team.memberC, team.org.id, { titleRu: "Склад у МКАД" });
    const edited = await team.memberC.patch(`/api/listings/${l.id}`, {
      titleRu: "Склад у МКАД с пандусом",
      descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
      values: premises({ price: 1500 }),
      version: l.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const v = edited.json() as View;
    expect(v).toMatchObject({
      state: "published",
      titleRu: "Склад у МКАД",
      pending: { state: "moderation" },
    });
    expect(v.pending!.values.price).toBe(1500);
    // Others see the published content only.
    const seen = (await guest.get(`/api/listings/${l.id}`)).json() as View;
    expect(seen).toMatchObject({ titleRu: "Склад у МКАД", pending: null });
    expect(seen.values.price).toBe(1300);
    const queue = (await op.get("/api/operator/listings?pageSize=100")).json() as {
      items: {
        id: string;
        isChange: boolean;
        content: { titleRu: string; values: Record<string, unknown> };
        published: { titleRu: string; values: Record<string, unknown> } | null;
      }[];
    };
    // The operator gets both versions, the private fields included, to see what the change changes.
    const item = queue.items.find((i) => i.id === l.id);
    expect(item).toMatchObject({
      isChange: true,
      content: { titleRu: "Склад у МКАД с пандусом", values: { price: 1500 } },
      published: { titleRu: "Склад у МКАД", values: { price: 1300, cadastralNumber: "77:05:0001001:777" } },
    });
    // A new listing has nothing published to compare with.
    const fresh = await listing(team.memberC, team.org.id, { titleRu: "Офис в Зеленограде" }, "moderation");
    const again = (await op.get("/api/operator/listings?pageSize=100")).json() as typeof queue;
    expect(again.items.find((i) => i.id === fresh.id)).toMatchObject({ isChange: false, published: null });
    await op.post(`/api/operator/listings/${l.id}/decision`, { decision: "approve", version: v.version });
    const after = (await guest.get(`/api/listings/${l.id}`)).json() as View;
    expect(after).toMatchObject({ titleRu: "Склад у МКАД с пандусом", state: "published" });
    expect(after.values.price).toBe(1500);
  });

  it("lets one of two concurrent decisions win; the other gets 409 with the listing as it is", async () => {
    const l = await listing(team.memberC, team.org.id, { titleRu: "Офис для двух операторов" }, "moderation");
    const [a, b] = await Promise.all([
      op.post(`/api/operator/listings/${l.id}/decision`, { decision: "approve", version: l.version }),
      op2.post(`/api/operator/listings/${l.id}/decision`, {
        decision: "reject",
        reason: "Нет фотографий",
        version: l.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const problem = expectProblem(loser, 409, "listing-changed");
    expect((problem.current as View).state).toMatch(/published|rejected/);
    // Deciding again on what is decided: 409, nothing changes.
    const current = (await team.ownerC.get(`/api/listings/${l.id}`)).json() as View;
    expectProblem(
      await op.post(`/api/operator/listings/${l.id}/decision`, {
        decision: "approve",
        version: current.version,
      }),
      409,
      "listing-changed",
    );
    expect(((await team.ownerC.get(`/api/listings/${l.id}`)).json() as View).version).toBe(current.version);
  });

  it("refuses illegal moves with 409 and changes nothing", async () => {
    const l = await listing(team.memberC, team.org.id, { titleRu: "Офис на один месяц" }, "moderation");
    expectProblem(
      await team.memberC.post(`/api/listings/${l.id}/submit`, { version: l.version }),
      409,
      "listing-transition",
    );
    expectProblem(
      await team.memberC.post(`/api/listings/${l.id}/close`, { version: l.version }),
      409,
      "listing-transition",
    );
    expectProblem(
      await team.memberC.post(`/api/listings/${l.id}/submit`, { version: l.version - 1 }),
      409,
      "listing-changed",
    );
    // On moderation the author waits: an edit is refused, and so is one based on an old version.
    const edit = {
      titleRu: "Офис на два месяца",
      descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
      values: premises(),
    };
    expectProblem(
      await team.memberC.patch(`/api/listings/${l.id}`, { ...edit, version: l.version }),
      409,
      "listing-transition",
    );
    const stale = expectProblem(
      await team.memberC.patch(`/api/listings/${l.id}`, { ...edit, version: l.version - 1 }),
      409,
      "listing-changed",
    );
    expect((stale.current as View).titleRu).toBe("Офис на один месяц");
    expect(((await team.memberC.get(`/api/listings/${l.id}`)).json() as View).version).toBe(l.version);
    const closed = await listing(team.memberC, team.org.id, { titleRu: "Закрываемое объявление" });
    const c = await team.memberC.post(`/api/listings/${closed.id}/close`, { version: closed.version });
    expect(c.json()).toMatchObject({ state: "closed" });
    expectProblem(await guest.get(`/api/listings/${closed.id}`), 404);
  });

  it("approves and rejects in bulk, leaving what changed meanwhile", async () => {
    const a = await listing(team.memberC, team.org.id, { titleRu: "Пакетное первое" }, "moderation");
    const b = await listing(team.memberC, team.org.id, { titleRu: "Пакетное второе" }, "moderation");
    const res = await op.post("/api/operator/listings/decisions", {
      decision: "approve",
      items: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version + 5 },
      ],
    });
    expect(res.json()).toEqual({ decided: [a.id], conflicts: [b.id] });
  });

  it("lets only organizations the operator verified publish", async () => {
    const org = await createOrg(t.database, { verified: false });
    const user = await createUser(t.database);
    await addMember(t.database, org.id, user.id, "member");
    const c = await signedIn(t, user);
    const draft = await listing(c, org.id, {}, "draft");
    expectProblem(
      await c.post(`/api/listings/${draft.id}/submit`, { version: draft.version }),
      409,
      "organization-not-verified",
    );
    const mine = (await c.get(`/api/organizations/${org.id}/listings`)).json() as {
      items: { id: string; state: string }[];
    };
    expect(mine.items).toEqual([expect.objectContaining({ id: draft.id, state: "draft" })]);
    expectProblem(await stranger.get(`/api/organizations/${org.id}/listings`), 404);
  });
});

describe("the catalog", () => {
  it("searches text with typos and two facet filters, counting each facet under the other filters", async () => {
    const org = await createOrg(t.database);
    const user = await createUser(t.database);
    await addMember(t.database, org.id, user.id, "owner");
    const c = await signedIn(t, user);
    const mk = (titleRu: string, v: Record<string, unknown>) =>
      listing(c, org.id, { titleRu, values: { ...premises(), ...v } });
    await mk("Фрезерный участок в Зеленограде", { okrug: "zelao", amenities: ["crane"] });
    await mk("Фрезерный цех с парковкой", { okrug: "zelao", amenities: ["parking"] });
    await mk("Фрезерная мастерская", { okrug: "cao", amenities: ["crane"] });
    await mk("Склад без станков", { okrug: "zelao", amenities: ["crane"] });
    await listing(c, org.id, { titleRu: "Фрезерный черновик" }, "draft");

    type Page = {
      total: number;
      items: { titleRu: string }[];
      facets: { field: string; values: { value: string; count: number }[] }[];
    };
    const facet = (p: Page, f: string) =>
      Object.fromEntries(p.facets.find((x) => x.field === f)!.values.map((v) => [v.value, v.count]));
    // "фрезерны" with a typo: "Фрзерный".
    const p = (
      await guest.get("/api/listings?kind=premises&q=Фрзерный&okrug=zelao&amenities=crane")
    ).json() as Page;
    expect(p.items.map((i) => i.titleRu)).toEqual(["Фрезерный участок в Зеленограде"]);
    expect(p.total).toBe(1);
    // The okrug facet counts under the amenity filter only (and the text): zelao 1, cao 1.
    expect(facet(p, "okrug")).toEqual({ zelao: 1, cao: 1 });
    // The amenity facet counts under the okrug filter only: crane 1, parking 1.
    expect(facet(p, "amenities")).toMatchObject({ crane: 1, parking: 1 });
    expect(p.facets.map((f) => f.field)).toEqual(["premisesType", "region", "okrug", "amenities"]);

    const prefix = (await guest.get("/api/listings?kind=premises&q=фрезер&okrug=cao")).json() as Page;
    expect(prefix.items.map((i) => i.titleRu)).toEqual(["Фрезерная мастерская"]);
    const none = (await guest.get("/api/listings?kind=capability&q=Фрезерный")).json() as Page;
    expect(none.total).toBe(0);
  });
});

describe("the catalog's cache", () => {
  it("stays valid while drafts and pending changes are written, and turns over when what it shows changes", async () => {
    const org = await createOrg(t.database);
    const user = await createUser(t.database);
    await addMember(t.database, org.id, user.id, "owner");
    const c = await signedIn(t, user);
    const gen = async () => {
      const [r] = await rows<{ gen: number | string }>(
        t.database.db,
        sql`select gen from search_generations where catalog = 'listings'`,
      );
      return Number(r!.gen);
    };
    const published = await listing(c, org.id, { titleRu: "Лабораторный модуль под чистую зону" });
    const before = await gen();
    // A draft written again and again, and an edit of the published listing waiting for moderation.
    const draft = await listing(c, org.id, { titleRu: "Черновик кракозябраплощадка" }, "draft");
    let v = draft.version;
    for (const price of [1400, 1500, 1600]) {
      const res = await c.patch(`/api/listings/${draft.id}`, {
        titleRu: "Черновик кракозябраплощадка",
        descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
        values: premises({ price }),
        version: v,
      });
      expect(res.statusCode, res.body).toBe(200);
      v = (res.json() as View).version;
    }
    const edit = await c.patch(`/api/listings/${published.id}`, {
      titleRu: "Лабораторный модуль под чистую зону ISO 7",
      descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
      values: premises({ price: 2100 }),
      version: published.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await gen()).toBe(before);
    // A draft's words are offered to nobody as a correction.
    const words = await rows(
      t.database.db,
      sql`select word from search_lexicon where catalog = 'listings' and word = 'кракозябраплощадка'`,
    );
    expect(words).toEqual([]);
    // Approving the change changes what the catalog shows: the next search sees it.
    const approved = await op.post(`/api/operator/listings/${published.id}/decision`, {
      decision: "approve",
      version: (edit.json() as View).version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await gen()).toBeGreaterThan(before);
    const found = (await guest.get("/api/listings?kind=premises&q=лабораторный")).json() as {
      items: { titleRu: string }[];
    };
    expect(found.items.map((i) => i.titleRu)).toContain("Лабораторный модуль под чистую зону ISO 7");
  });
});

describe("a guest's listing page", () => {
  it("is served the same to every guest until what it shows changes: a new organization name shows, a closed listing is gone", async () => {
    const org = await createOrg(t.database);
    const user = await createUser(t.database);
    await addMember(t.database, org.id, user.id, "owner");
    const c = await signedIn(t, user);
    const l = await listing(c, org.id, { titleRu: "Офис у технопарка" });
    const page = async () => guest.get(`/api/listings/${l.id}`);
    const first = await page();
    expect(first.statusCode, first.body).toBe(200);
    expect((await page()).body).toBe(first.body);
    expect(first.json()).toMatchObject({ titleRu: "Офис у технопарка", mine: false, pending: null });
    expect(first.json().values.cadastralNumber).toBeUndefined();
    await t.database.db.execute(
      sql`update organizations set short_name = 'ООО «Новое имя»' where id = ${org.id}`,
    );
    expect((await page()).json().organization.shortName).toBe("ООО «Новое имя»");
    const closed = await c.post(`/api/listings/${l.id}/close`, { version: l.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await page()).statusCode).toBe(404);
    // Its own members still see it, whole.
    expect((await c.get(`/api/listings/${l.id}`)).json()).toMatchObject({ state: "closed", mine: true });
  });
});

describe("personal data", () => {
  it("exports the listings a person created, and only theirs", async () => {
    const mine = await listing(team.ownerC, team.org.id, { titleRu: "Объявление владельца" }, "draft");
    const data = (await listingsPersonalData.export(t.database.db, team.owner.id)) as {
      listings: { id: string; titleRu: string }[];
    };
    expect(data.listings.map((l) => l.id)).toEqual([mine.id]);
  });
});
