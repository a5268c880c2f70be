import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { LISTING_VALIDITY_DAYS, MAX_LISTING_SAVED_SEARCHES } from "../../../shared/listings.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { memberships } from "../organizations/organizations.schema.js";
import { runListingExpiry } from "./listings.expiry.js";
import { listingViews } from "./listings.follow.schema.js";
import { flushViews } from "./listings.follow.service.js";
import { listingsPersonalData } from "./listings.personal.js";
import { sendSearchNotices } from "./listings.saved.js";
import { listings } from "./listings.schema.js";

const t = testAppForFile();
const DAY = 24 * 3600 * 1000;
let op: Client;
let guest: Client;
let stranger: Client;
let strangerId: string;
let team: Awaited<ReturnType<typeof orgWithTeam>>;

type View = {
  id: string;
  state: string;
  version: number;
  expiresAt: string | null;
  views: number | null;
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
  ...o,
});

/** A listing created, submitted and approved (or left as a draft). */
async function listing(o: Record<string, unknown> = {}, upTo: "draft" | "published" = "published") {
  const res = await team.memberC.post("/api/listings", {
    organizationId: team.org.id,
    kind: "premises",
    titleRu: "Производственный цех с кран-балкой",
    descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
    values: premises(),
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  let v = res.json() as View;
  if (upTo === "draft") return v;
  v = (await team.memberC.post(`/api/listings/${v.id}/submit`, { version: v.version })).json() as View;
  const ok = await op.post(`/api/operator/listings/${v.id}/decision`, {
    decision: "approve",
    version: v.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json() as View;
}

const noticesOf = (userIds: string[], kind: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind)));

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  strangerId = u.id;
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  team = await orgWithTeam(t);
});

describe("favourites", () => {
  it("stars a published listing once however often, lists it, unstars it; drafts and guests are refused", async () => {
    const l = await listing({ titleRu: "Склад для избранного" });
    const draft = await listing({ titleRu: "Черновик склада" }, "draft");
    for (let i = 0; i < 2; i++)
      expect((await stranger.request("PUT", `/api/listings/${l.id}/favourite`)).statusCode).toBe(204);
    const list = (await stranger.get("/api/listings/favourites")).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual([l.id]);
    expectProblem(await stranger.request("PUT", `/api/listings/${draft.id}/favourite`), 404);
    expectProblem(await guest.request("PUT", `/api/listings/${l.id}/favourite`), 401);
    expectProblem(await guest.get("/api/listings/favourites"), 401);

    const exported = (await t.database.db.transaction((tx) =>
      listingsPersonalData.export(tx, strangerId),
    )) as {
      favourites: { listingId: string }[];
    };
    expect(exported.favourites.map((f) => f.listingId)).toEqual([l.id]);

    for (let i = 0; i < 2; i++)
      expect((await stranger.delete(`/api/listings/${l.id}/favourite`)).statusCode).toBe(204);
    expect(((await stranger.get("/api/listings/favourites")).json() as { items: unknown[] }).items).toEqual(
      [],
    );
  });

  it("leaves a withdrawn listing out of the list", async () => {
    const l = await listing({ titleRu: "Офис, который снимут" });
    await stranger.request("PUT", `/api/listings/${l.id}/favourite`);
    const closed = await team.memberC.post(`/api/listings/${l.id}/close`, { version: l.version });
    expect(closed.statusCode).toBe(200);
    const list = (await stranger.get("/api/listings/favourites")).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(l.id);
  });
});

describe("view counts", () => {
  it("counts each reader once a day, not the organization's members nor operators; only the author sees it", async () => {
    const l = await listing({ titleRu: "Лаборатория для просмотров" });
    const otherGuest = new Client(t.app);
    for (const c of [guest, guest, otherGuest, stranger, stranger, team.ownerC, team.memberC, op])
      expect((await c.get(`/api/listings/${l.id}`)).statusCode).toBe(200);
    const own = (await team.memberC.get(`/api/listings/${l.id}`)).json() as View;
    expect(own.views).toBe(3);
    expect(((await stranger.get(`/api/listings/${l.id}`)).json() as View).views).toBeNull();
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).views).toBeNull();

    // Written to the table in one batch; the count stays the same.
    await flushViews(t.database.db);
    const [row] = await t.database.db.select().from(listingViews).where(eq(listingViews.listingId, l.id));
    expect(row?.views).toBe(3);
    const mine = (await team.ownerC.get(`/api/organizations/${team.org.id}/listings`)).json() as {
      items: { id: string; views: number; expiresAt: string | null }[];
    };
    expect(mine.items.find((i) => i.id === l.id)?.views).toBe(3);
  });
});

describe("validity", () => {
  it("runs 90 days from publication; the author prolongs it once by 90 days, audited", async () => {
    const before = Date.now();
    const l = await listing({ titleRu: "Цех, который продлят" });
    const expires = new Date(l.expiresAt!).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + LISTING_VALIDITY_DAYS * DAY - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + LISTING_VALIDITY_DAYS * DAY + 60_000);
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).expiresAt).toBeNull();

    expectProblem(await stranger.post(`/api/listings/${l.id}/prolong`, { version: l.version }), 404);
    const res = await team.memberC.post(`/api/listings/${l.id}/prolong`, { version: l.version });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as View;
    expect(new Date(p.expiresAt!).getTime() - expires).toBe(LISTING_VALIDITY_DAYS * DAY);
    // Already prolonged: refused until less than 90 days are left; a stale version is refused too.
    expectProblem(await team.memberC.post(`/api/listings/${l.id}/prolong`, { version: p.version }), 409);
    expectProblem(await team.memberC.post(`/api/listings/${l.id}/prolong`, { version: l.version }), 409);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, l.id), eq(auditLog.action, "listing.prolong")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(team.member.id);

    const draft = await listing({ titleRu: "Черновик без срока" }, "draft");
    expectProblem(
      await team.memberC.post(`/api/listings/${draft.id}/prolong`, { version: draft.version }),
      409,
    );
  });

  it("tells the author once a week before, closes it when it expires (audited as the system), and leaves the catalog", async () => {
    const l = await listing({ titleRu: "Ангар с истекающим сроком" });
    const expires = new Date(l.expiresAt!).getTime();
    const kind = "listings.expiry";
    const mine = async () =>
      (await noticesOf([team.member.id], kind)).filter((n) => n.link === `/listings/${l.id}`);

    await runListingExpiry(t.database.db, t.config.publicUrl, new Date(expires - 8 * DAY));
    expect(await mine()).toHaveLength(0);
    for (let i = 0; i < 2; i++)
      await runListingExpiry(t.database.db, t.config.publicUrl, new Date(expires - 6 * DAY));
    expect((await mine()).map((n) => (n.data as { phase: string }).phase)).toEqual(["soon"]);
    expect(((await guest.get(`/api/listings/${l.id}`)).json() as View).state).toBe("published");

    await runListingExpiry(t.database.db, t.config.publicUrl, new Date(expires + 1000));
    expect((await mine()).map((n) => (n.data as { phase: string }).phase).sort()).toEqual(["closed", "soon"]);
    expectProblem(await guest.get(`/api/listings/${l.id}`), 404);
    const found = await guest.get(`/api/listings?kind=premises&q=${encodeURIComponent("Ангар")}`);
    expect(found.body).not.toContain(l.id);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, l.id), eq(auditLog.action, "listing.expire")));
    expect(audit).toMatchObject({ actorId: null, after: { state: "closed" } });
  });

  it("gives listings written published without a validity (the seed) 90 days from publication, at least 30 from now", async () => {
    const write = (publishedAt: Date) =>
      t.database.db
        .insert(listings)
        .values({
          kind: "premises",
          organizationId: team.org.id,
          state: "published",
          titleRu: "Цех из демо-данных",
          descriptionRu: "Отапливаемый цех, высота потолков 8 метров.",
          values: premises(),
          publishedAt,
        })
        .returning();
    const [recent] = await write(new Date(Date.now() - 10 * DAY));
    expect(recent!.expiresAt!.getTime()).toBe(recent!.publishedAt!.getTime() + LISTING_VALIDITY_DAYS * DAY);
    const [old] = await write(new Date(Date.now() - 400 * DAY));
    expect(old!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  it("tells again after a prolongation, and the managers when the author has left", async () => {
    const l = await listing({ titleRu: "Помещение, автор которого ушёл" });
    const expires = new Date(l.expiresAt!).getTime();
    await runListingExpiry(t.database.db, t.config.publicUrl, new Date(expires - 6 * DAY));
    const p = (
      await team.memberC.post(`/api/listings/${l.id}/prolong`, { version: l.version })
    ).json() as View;
    await t.database.db
      .delete(memberships)
      .where(and(eq(memberships.organizationId, team.org.id), eq(memberships.userId, team.member.id)));
    await runListingExpiry(
      t.database.db,
      t.config.publicUrl,
      new Date(new Date(p.expiresAt!).getTime() - 6 * DAY),
    );
    const told = (await noticesOf([team.member.id, team.owner.id, team.admin.id], "listings.expiry")).filter(
      (n) => n.link === `/listings/${l.id}`,
    );
    expect(told.map((n) => n.userId).sort()).toEqual([team.member.id, team.owner.id, team.admin.id].sort());
    await t.database.db
      .insert(memberships)
      .values({ organizationId: team.org.id, userId: team.member.id, role: "member" });
  });
});

describe("saved searches", () => {
  it("notifies exactly the owners of matching searches, once, even when the job runs twice", async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => createUser(t.database)));
    const [byFacet, byText, otherFacet, otherKind] = await Promise.all(users.map((u) => signedIn(t, u)));
    const save = (c: Client, name: string, query: Record<string, unknown>) =>
      c.post("/api/listing-searches", { name, query });
    expect(
      (await save(byFacet!, "Производство", { kind: "premises", premisesType: ["production"] })).statusCode,
    ).toBe(201);
    expect((await save(byText!, "Краны", { kind: "premises", q: "кран-балка" })).statusCode).toBe(201);
    await save(byText!, "Цеха в центре", { kind: "premises", okrug: ["cao"] });
    await save(otherFacet!, "Склады", { kind: "premises", premisesType: ["warehouse"] });
    await save(otherFacet!, "Холодильники", { kind: "premises", q: "холодильная камера" });
    await save(otherKind!, "Станки", { kind: "capability" });
    // The listing's own organization is not told of its listing.
    await save(team.ownerC, "Наши цеха", { kind: "premises" });
    const list = (await byText!.get("/api/listing-searches")).json() as { items: { name: string }[] };
    expect(list.items.map((s) => s.name)).toEqual(["Краны", "Цеха в центре"]);

    await t.runJobs();
    const l = await listing({ titleRu: "Цех с кран-балкой в Нагатино" });
    await t.runJobs();
    await sendSearchNotices(t.database.db, t.config.publicUrl, l.id);
    const told = (await noticesOf([...users.map((u) => u.id), team.owner.id], "listings.match")).filter(
      (n) => n.link === `/listings/${l.id}`,
    );
    expect(told.map((n) => n.userId).sort()).toEqual([users[0]!.id, users[1]!.id].sort());

    // An approved change of a published listing tells nobody again.
    const edited = await team.memberC.patch(`/api/listings/${l.id}`, {
      titleRu: "Цех с кран-балкой в Нагатино, 400 м²",
      descriptionRu: "Отапливаемый цех, высота потолков 8 метров, ворота для грузовиков.",
      values: premises(),
      version: l.version,
    });
    const v = edited.json() as View;
    await op.post(`/api/operator/listings/${l.id}/decision`, { decision: "approve", version: v.version });
    await t.runJobs();
    expect(
      (
        await noticesOf(
          users.map((u) => u.id),
          "listings.match",
        )
      ).filter((n) => n.link === `/listings/${l.id}`),
    ).toHaveLength(2);
  });

  it("keeps at most 20 per user, deletes one's own only, and forgets them with the account", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    for (let i = 0; i < MAX_LISTING_SAVED_SEARCHES; i++)
      expect(
        (await c.post("/api/listing-searches", { name: `Поиск ${i}`, query: { kind: "premises" } }))
          .statusCode,
      ).toBe(201);
    const over = await c.post("/api/listing-searches", {
      name: "Лишний",
      query: { kind: "premises" },
    });
    expect(fieldErrors(expectProblem(over, 400)).name).toContain("20");
    const list = (await c.get("/api/listing-searches")).json() as { items: { id: string }[] };
    expectProblem(await stranger.delete(`/api/listing-searches/${list.items[0]!.id}`), 404);
    expect((await c.delete(`/api/listing-searches/${list.items[0]!.id}`)).statusCode).toBe(204);
    expect(
      (await c.post("/api/listing-searches", { name: "Снова", query: { kind: "premises" } })).statusCode,
    ).toBe(201);

    await t.database.db.transaction((tx) =>
      listingsPersonalData.erase(tx, u.id, { publicUrl: t.config.publicUrl }),
    );
    expect(((await c.get("/api/listing-searches")).json() as { items: unknown[] }).items).toEqual([]);
  });
});
