import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { createUser, signedIn, startTestJobs, type TestApp, testApp } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, createOrg } from "../organizations/organizations.fixtures.js";
import { measures } from "./measures.schema.js";
import { measureNotices } from "./measures.subscriptions.schema.js";
import { measureNoticesJob, sendMeasureNotices } from "./measures.subscriptions.service.js";

// The "became eligible" fan-out on the real job queue: publishing sends one job in its transaction,
// the queue runs it, organizations go in batches, and a run repeated tells nobody twice.

let t: TestApp;
const members: string[] = [];
let both: string;

const eligibleNotices = async (userId: string) =>
  (
    await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, "measures.eligible")))
  ).length;

const measureBody = (titleRu: string) => ({
  titleRu,
  descriptionRu: "Компенсация затрат на участие в выставках за рубежом.",
  provider: "Московский экспортный центр",
  providerKind: "city_body",
  level: "city",
  form: "subsidy",
  amountMax: 1_000_000,
  criteria: { regions: ["77"] },
});

beforeAll(async () => {
  t = await testApp();
  await startTestJobs(t);
  // Five Moscow organizations with one member each; one more person belongs to two of them.
  const orgs = [];
  for (let i = 0; i < 5; i++) {
    const org = await createOrg(t.database, { regionCode: "77", shortName: `Экспорт-${i}` });
    const u = await createUser(t.database);
    await addMember(t.database, org.id, u.id, "owner");
    members.push(u.id);
    orgs.push(org);
  }
  const u = await createUser(t.database);
  both = u.id;
  await addMember(t.database, orgs[1]!.id, u.id, "member");
  await addMember(t.database, orgs[3]!.id, u.id, "member");
});
afterAll(() => t.close());

describe("became-eligible notices as a job", () => {
  it("publishing sends one job in its transaction; the queue delivers a notice to every member once", async () => {
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const created = await operator.post("/api/operator/measures", measureBody("Выставки за рубежом"));
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    // A publish that fails (a stale version) rolls back and sends nothing.
    expectProblem(await operator.post(`/api/operator/measures/${id}/publish`, { version: version + 5 }), 409);
    const published = await operator.post(`/api/operator/measures/${id}/publish`, { version });
    expect(published.statusCode, published.body).toBe(200);
    const boss = t.app.services.jobs.boss!;
    const sent = await boss.findJobs(measureNoticesJob.name);
    expect(sent.map((j) => j.singletonKey)).toEqual([`${id}:${published.json().version}`]);

    for (const u of [...members, both])
      await expect.poll(() => eligibleNotices(u), { timeout: 20_000, interval: 250 }).toBe(1);
  });

  it("goes through the organizations in batches and tells nobody twice when run again", async () => {
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const created = await operator.post("/api/operator/measures", measureBody("Сертификация продукции"));
    const { id } = created.json() as { id: string };
    // Published directly in the database, so only the calls below send its notices.
    const [m] = await t.database.db
      .update(measures)
      .set({ status: "published", version: 2 })
      .where(eq(measures.id, id))
      .returning();
    const change = {
      measure: { id, version: 2, slug: m!.slug, titleRu: m!.titleRu, criteria: m!.criteria },
      before: null,
    };
    const before = await Promise.all([...members, both].map(eligibleNotices));
    await sendMeasureNotices(t.database.db, t.config.publicUrl, change, 2);
    await sendMeasureNotices(t.database.db, t.config.publicUrl, change, 2);
    const after = await Promise.all([...members, both].map(eligibleNotices));
    expect(after).toEqual(before.map((n) => n + 1));
    const notices = await t.database.db.select().from(measureNotices).where(eq(measureNotices.measureId, id));
    expect(notices).toHaveLength(members.length + 1);
  });
});
