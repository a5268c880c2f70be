import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { measures } from "../modules/measures/measures.schema.js";
import { notifications } from "../modules/notifications/notifications.schema.js";
import { addMember, createOrg } from "../modules/organizations/organizations.fixtures.js";
import { type Client, createUser, signedIn, testAppForFile } from "../test/helpers.js";
import { DEMO_JOB_ERROR, seedFailedJob } from "./jobs.js";

// The demo's failed job: on /admin/jobs as the admin of a freshly seeded demo sees it, and a retry
// really does the work it failed to do.

const t = testAppForFile();
let admin: Client;
let member: string;

beforeAll(async () => {
  const org = await createOrg(t.database, { regionCode: "77", shortName: "Экспорт-демо" });
  member = (await createUser(t.database)).id;
  await addMember(t.database, org.id, member, "owner");
  const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
  const created = await operator.post("/api/operator/measures", {
    titleRu: "Выставки за рубежом",
    descriptionRu: "Компенсация затрат на участие в выставках за рубежом.",
    provider: "Московский экспортный центр",
    providerKind: "city_body",
    level: "city",
    form: "subsidy",
    criteria: { regions: ["77"] },
  });
  const { id } = created.json() as { id: string };
  // Published and marked as demo data directly, as the seed leaves it: no notices job of its own.
  await t.database.db.update(measures).set({ status: "published", isDemo: true }).where(eq(measures.id, id));
  const s = t.app.services;
  await s.jobs.start({
    database: t.database,
    config: t.config,
    storage: s.storage,
    scheduled: [],
    mailQueued: () => {},
    log: { info: () => {}, error: () => {} },
    pollingIntervalSeconds: 0.5,
    prepare: async (boss) => void (await seedFailedJob(boss, t.database.db)),
  });
  admin = await signedIn(t, await createUser(t.database, { role: "admin" }));
});

const eligibleNotices = async () =>
  (
    await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member), eq(notifications.kind, "measures.eligible")))
  ).length;

describe("the demo's failed job", () => {
  it("is on /admin/jobs with its error after four attempts, and a retry sends the notices it failed to send", async () => {
    const res = await admin.get("/api/admin/jobs");
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as {
      queues: { name: string; failed: number }[];
      failures: { id: string; queue: string; error: string; attempts: number; failedAt: string }[];
    };
    expect(o.queues.find((q) => q.name === "measures.notices")?.failed).toBe(1);
    expect(o.failures).toHaveLength(1);
    const [f] = o.failures;
    expect(f).toMatchObject({ queue: "measures.notices", error: DEMO_JOB_ERROR, attempts: 4 });
    expect(new Date(f!.failedAt).getTime()).toBeLessThan(Date.now());
    expect(await eligibleNotices()).toBe(0);

    const retried = await admin.post(`/api/admin/jobs/measures.notices/${f!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(204);
    await expect.poll(eligibleNotices, { timeout: 20_000, interval: 250 }).toBe(1);
  });
});
