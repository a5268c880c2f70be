import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../core/db.js";
import { JobQueue } from "../core/jobs.js";
import { openStorage } from "../core/storage.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { memberships } from "../modules/organizations/organizations.schema.js";
import { privacyModule } from "../modules/privacy/privacy.module.js";
import { dataExports, erasureRequests } from "../modules/privacy/privacy.schema.js";
import { testConfig, testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";
import { SEEDED_ERASURE_DAYS_AGO } from "./privacy.js";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo personal data", () => {
  it("has one account waiting for its erasure, asked some days ago, blocked, and owning nothing", async () => {
    const pending = await database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.state, "pending"));
    expect(pending).toHaveLength(1);
    const [req] = pending;
    const daysAgo = (Date.now() - req!.requestedAt.getTime()) / (24 * 3600_000);
    expect(Math.round(daysAgo)).toBe(SEEDED_ERASURE_DAYS_AGO);
    const [u] = await database.db.select().from(users).where(eq(users.id, req!.userId));
    expect(u?.deletionRequestedAt).not.toBeNull();
    const owned = await database.db.select().from(memberships).where(eq(memberships.userId, req!.userId));
    expect(owned.filter((m) => m.role === "owner")).toEqual([]);
  });

  it("has the demo user's export, ready once the server has started", async () => {
    const storage = openStorage({
      kind: "disk",
      location: path.join(os.tmpdir(), `ic-seed-privacy-${process.pid}`),
    });
    // The start sends the export's job again; the queue (held here) then prepares it.
    const services = { db: database.db, config: testConfig(), storage };
    const jobs = new JobQueue(privacyModule.queued!);
    await privacyModule.onStart!({ ...services, jobs });
    expect(jobs.held).toHaveLength(1);
    await jobs.runHeld(services);
    const [demo] = await database.db.select().from(users).where(eq(users.email, "user@innocluster.demo"));
    const [exp] = await database.db.select().from(dataExports).where(eq(dataExports.userId, demo!.id));
    expect(exp).toMatchObject({ state: "ready" });
    expect(exp!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });
});
