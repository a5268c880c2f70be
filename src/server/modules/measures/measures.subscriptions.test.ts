import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, mailsTo, signedIn, type TestApp, testApp } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg } from "../organizations/organizations.fixtures.js";
import { activeOrganizations, organizations } from "../organizations/organizations.schema.js";
import { measures } from "./measures.schema.js";
import { measureNotices } from "./measures.subscriptions.schema.js";
import { sendMeasureReminders } from "./measures.subscriptions.service.js";

let t: TestApp;
let guest: Client;
let operator: Client;
let subscriber: Client;
let other: Client;
let member: Client;
let subscriberId: string;
let otherId: string;
let memberId: string;
let memberEmail: string;

const measureBody = (extra: Record<string, unknown> = {}) => ({
  titleRu: "Грант на цифровизацию производства",
  descriptionRu: "Компенсация затрат на внедрение отечественного программного обеспечения.",
  provider: "Департамент предпринимательства и инновационного развития города Москвы",
  providerKind: "city_body",
  level: "city",
  form: "grant",
  amountMax: 5_000_000,
  criteria: { regions: ["77"] },
  ...extra,
});

const count = async (userId: string, kind: string) =>
  (
    await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
  ).length;

beforeAll(async () => {
  t = await testApp();
  guest = new Client(t.app);
  const [op, s, o, m] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database),
    createUser(t.database),
    createUser(t.database),
  ]);
  subscriberId = s.id;
  otherId = o.id;
  memberId = m.id;
  memberEmail = m.email;
  [operator, subscriber, other, member] = await Promise.all([
    signedIn(t, op),
    signedIn(t, s),
    signedIn(t, o),
    signedIn(t, m),
  ]);
  const moscow = await createOrg(t.database, { regionCode: "77", shortName: "Цифра-М" });
  await addMember(t.database, moscow.id, m.id, "owner");
  const elsewhere = await createOrg(t.database, { regionCode: "50", shortName: "Подмосковье" });
  await addMember(t.database, elsewhere.id, o.id, "owner");
});
afterAll(() => t.close());

describe("favourites", () => {
  it("marks, lists and unmarks published measures; drafts are not found; guests get 401", async () => {
    const [pub] = await t.database.db
      .insert(measures)
      .values({
        ...measureBody(),
        titleRu: "Льготный заём",
        status: "published",
        form: "preferential_loan",
      } as never)
      .returning();
    const [draft] = await t.database.db
      .insert(measures)
      .values({ ...measureBody(), titleRu: "Черновик" } as never)
      .returning();
    expect((await subscriber.request("PUT", `/api/measures/${pub!.id}/favourite`)).statusCode).toBe(204);
    expect((await subscriber.request("PUT", `/api/measures/${pub!.id}/favourite`)).statusCode).toBe(204);
    expectProblem(await subscriber.request("PUT", `/api/measures/${draft!.id}/favourite`), 404);
    expectProblem(await guest.request("PUT", `/api/measures/${pub!.id}/favourite`), 401);
    expectProblem(await guest.get("/api/measures/favourites"), 401);

    const list = await subscriber.get("/api/measures/favourites");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { titleRu: string }) => i.titleRu)).toEqual(["Льготный заём"]);
    expect((await other.get("/api/measures/favourites")).json().items).toEqual([]);

    expect((await subscriber.delete(`/api/measures/${pub!.id}/favourite`)).statusCode).toBe(204);
    expect((await subscriber.get("/api/measures/favourites")).json().items).toEqual([]);
  });
});

describe("saved searches", () => {
  it("creates, lists and deletes one's own; validates the query; others' are not found", async () => {
    const res = await other.post("/api/measures/subscriptions", {
      name: "Субсидии",
      query: { form: "subsidy", openNow: "true" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().query).toEqual({ form: ["subsidy"], openNow: true });
    const bad = await other.post("/api/measures/subscriptions", { name: "x", query: { form: "bogus" } });
    expectProblem(bad, 400, "validation");
    expectProblem(await guest.post("/api/measures/subscriptions", { name: "x", query: {} }), 401);
    const mine = await other.get("/api/measures/subscriptions");
    expect(mine.json().items.map((s: { name: string }) => s.name)).toEqual(["Субсидии"]);
    expect((await subscriber.get("/api/measures/subscriptions")).json().items).toEqual([]);
    expectProblem(await subscriber.delete(`/api/measures/subscriptions/${res.json().id}`), 404);
    const extra = await other.post("/api/measures/subscriptions", { name: "Временный", query: {} });
    expect((await other.delete(`/api/measures/subscriptions/${extra.json().id}`)).statusCode).toBe(204);
    expect((await other.get("/api/measures/subscriptions")).json().items).toHaveLength(1);
  });
});

describe("notices when a measure is published or changed", () => {
  it("a matching saved search fires exactly once per change; eligibility notices when it becomes eligible", async () => {
    const sub = await subscriber.post("/api/measures/subscriptions", {
      name: "Гранты для IT",
      query: { q: "гранты", form: ["grant"], level: "city" },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    // A text that does not match, and the other user's "subsidy" search from above.
    await subscriber.post("/api/measures/subscriptions", { name: "Патенты", query: { q: "патентование" } });

    const created = await operator.post("/api/operator/measures", measureBody());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(await count(subscriberId, "measures.match")).toBe(0); // a draft tells no one

    let res = await operator.post(`/api/operator/measures/${id}/publish`, {});
    await t.runJobs(); // the notices job the change sent
    expect(res.statusCode, res.body).toBe(200);
    let version = res.json().version as number;
    expect(await count(subscriberId, "measures.match")).toBe(1);
    expect(await count(otherId, "measures.match")).toBe(0);
    expect(await count(memberId, "measures.eligible")).toBe(1);
    expect(await count(otherId, "measures.eligible")).toBe(0); // its organization is not in Moscow
    // Both go to the daily digest by default: in-app now, no mail at once; the settings say so.
    expect(await mailsTo(t.database, memberEmail)).toHaveLength(0);
    const prefs = (await member.get("/api/notifications/preferences")).json() as {
      items: { kind: string; channel: string; defaultChannel: string }[];
    };
    expect(prefs.items.find((i) => i.kind === "measures.eligible")).toMatchObject({
      channel: "digest",
      defaultChannel: "digest",
    });

    // A change of the published measure: once more for the saved search; still eligible → no new notice.
    res = await operator.patch(`/api/operator/measures/${id}`, { version, amountMax: 6_000_000 });
    await t.runJobs(); // the notices job the change sent
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    expect(await count(subscriberId, "measures.match")).toBe(2);
    expect(await count(memberId, "measures.eligible")).toBe(1);

    // No change, and publishing again, change nothing and tell no one.
    res = await operator.patch(`/api/operator/measures/${id}`, { version, amountMax: 6_000_000 });
    await t.runJobs(); // the notices job the change sent
    expect(res.json().version).toBe(version);
    res = await operator.post(`/api/operator/measures/${id}/publish`, {});
    await t.runJobs(); // the notices job the change sent
    expect(res.json().version).toBe(version);
    expect(await count(subscriberId, "measures.match")).toBe(2);

    // Not eligible for the Moscow organization any more, then eligible again: a new notice.
    res = await operator.patch(`/api/operator/measures/${id}`, { version, criteria: { regions: ["50"] } });
    await t.runJobs(); // the notices job the change sent
    version = res.json().version;
    expect(await count(memberId, "measures.eligible")).toBe(1);
    expect(await count(otherId, "measures.eligible")).toBe(1);
    // Meanwhile the member chose "at once" for this kind: the new notice comes by e-mail too.
    const chosen = await member.request("PUT", "/api/notifications/preferences", {
      items: [{ kind: "measures.eligible", channel: "email" }],
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    res = await operator.patch(`/api/operator/measures/${id}`, { version, criteria: { regions: ["77"] } });
    await t.runJobs(); // the notices job the change sent
    version = res.json().version;
    expect(await count(memberId, "measures.eligible")).toBe(2);
    const mails = await mailsTo(t.database, memberEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("Грант на цифровизацию производства");
    expect(await count(subscriberId, "measures.match")).toBe(4);

    // Each user at most once per measure version.
    const notices = await t.database.db.select().from(measureNotices).where(eq(measureNotices.measureId, id));
    const keys = notices.map((n) => `${n.userId}:${n.version}`);
    expect(new Set(keys).size).toBe(keys.length);

    // A change of a draft or an archived measure tells no one.
    res = await operator.post(`/api/operator/measures/${id}/archive`, {});
    await t.runJobs(); // the notices job the change sent
    version = res.json().version;
    res = await operator.patch(`/api/operator/measures/${id}`, { version, amountMax: 7_000_000 });
    await t.runJobs(); // the notices job the change sent
    expect(res.statusCode).toBe(200);
    expect(await count(subscriberId, "measures.match")).toBe(4);
  });
});

describe("saved searches with the verdict filter", () => {
  it("match by the verdict for each subscriber's active organization", async () => {
    const [moscow] = await t.database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.shortName, "Цифра-М"));
    const [elsewhere] = await t.database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.shortName, "Подмосковье"));
    await t.database.db.insert(activeOrganizations).values([
      { userId: memberId, organizationId: moscow!.id },
      { userId: otherId, organizationId: elsewhere!.id },
    ]);
    // Both want consulting measures they still have to check.
    for (const c of [member, other])
      expect(
        (
          await c.post("/api/measures/subscriptions", {
            name: "Консультации: проверить",
            query: { form: ["consulting"], eligibility: ["check"] },
          })
        ).statusCode,
      ).toBe(201);
    const before = {
      member: await count(memberId, "measures.match"),
      other: await count(otherId, "measures.match"),
    };
    // Moscow only, and a headcount neither organization has stated: "check" for the Moscow one,
    // "not eligible" for the other.
    const created = await operator.post(
      "/api/operator/measures",
      measureBody({
        form: "consulting",
        titleRu: "Консультации по экспорту",
        criteria: { regions: ["77"], headcount: { min: 10 } },
      }),
    );
    const res = await operator.post(`/api/operator/measures/${created.json().id}/publish`, {});
    await t.runJobs(); // the notices job the change sent
    expect(res.statusCode, res.body).toBe(200);
    expect(await count(memberId, "measures.match")).toBe(before.member + 1);
    expect(await count(otherId, "measures.match")).toBe(before.other);
  });
});

describe("reminders", () => {
  it("once per user, measure and closing date, for favourites closing within 7 days", async () => {
    const now = new Date("2030-03-01T09:00:00Z");
    const [soon] = await t.database.db
      .insert(measures)
      .values({
        ...measureBody(),
        titleRu: "Скоро закрывается",
        status: "published",
        closesOn: "2030-03-05",
      } as never)
      .returning();
    const [later] = await t.database.db
      .insert(measures)
      .values({
        ...measureBody(),
        titleRu: "Ещё не скоро",
        status: "published",
        closesOn: "2030-03-20",
      } as never)
      .returning();
    for (const m of [soon!, later!])
      expect((await member.request("PUT", `/api/measures/${m.id}/favourite`)).statusCode).toBe(204);

    expect(await sendMeasureReminders(t.database.db, t.config.publicUrl, now)).toBe(1);
    expect(await count(memberId, "measures.reminder")).toBe(1);
    expect(await sendMeasureReminders(t.database.db, t.config.publicUrl, now)).toBe(0);
    expect(await count(memberId, "measures.reminder")).toBe(1);
    // A moved deadline reminds again.
    await t.database.db.update(measures).set({ closesOn: "2030-03-06" }).where(eq(measures.id, soon!.id));
    expect(await sendMeasureReminders(t.database.db, t.config.publicUrl, now)).toBe(1);
    expect(await count(memberId, "measures.reminder")).toBe(2);
    // A week later the other one is due.
    expect(
      await sendMeasureReminders(t.database.db, t.config.publicUrl, new Date("2030-03-14T09:00:00Z")),
    ).toBe(1);
  });
});

describe("saved searches match what the navigator lists", () => {
  it("a saved search is told of a published measure exactly when the navigator's search lists it", async () => {
    const queries: Record<string, unknown>[] = [
      { q: "цифровизация" },
      { q: "цифравизация производства" }, // a typo: the navigator's typo tolerance decides
      { q: "экспорт" },
      { level: ["city"], form: ["grant"], amountMin: 1_000_000, amountMax: 10_000_000 },
      { level: ["federal"] },
      { industry: ["C"] },
      { provider: ["Департамент предпринимательства и инновационного развития города Москвы"] },
      { amountMin: 10_000_000 },
    ];
    const users = await Promise.all(queries.map(() => createUser(t.database)));
    const clients = await Promise.all(users.map((u) => signedIn(t, u)));
    for (const [i, query] of queries.entries()) {
      const res = await clients[i]!.post("/api/measures/subscriptions", { name: `Поиск ${i}`, query });
      expect(res.statusCode, res.body).toBe(201);
    }
    const created = await operator.post(
      "/api/operator/measures",
      measureBody({ titleRu: "Грант на цифровизацию станкостроения", industries: ["C"], criteria: {} }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const published = await operator.post(`/api/operator/measures/${id}/publish`, {});
    await t.runJobs(); // the notices job the change sent
    expect(published.statusCode, published.body).toBe(200);

    const told: boolean[] = [];
    const listed: boolean[] = [];
    for (const [i, query] of queries.entries()) {
      told.push((await count(users[i]!.id, "measures.match")) === 1);
      const params = new URLSearchParams({ pageSize: "100" });
      for (const [k, v] of Object.entries(query))
        for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
      const page = await clients[i]!.get(`/api/measures?${params}`);
      expect(page.statusCode, page.body).toBe(200);
      listed.push(page.json().items.some((m: { id: string }) => m.id === id));
    }
    expect(told).toEqual(listed);
    expect(told).toContain(true);
    expect(told).toContain(false);
  });
});
