// The demo member and the demo operator open a cabinet and a desk with something in them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../core/context.js";
import type { Database } from "../core/db.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { getDesk } from "../modules/cabinet/cabinet.desk.service.js";
import { getCabinet } from "../modules/cabinet/cabinet.service.js";
import { testConfig, testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
}, 600_000);
afterAll(() => database.close());

async function ctxOf(email: string): Promise<Ctx> {
  const [u] = await database.db.select().from(users).where(eq(users.email, email));
  return {
    db: database.db,
    config: testConfig(),
    actor: { id: u!.id, email: u!.email, role: u!.role },
    locale: "ru",
  } as unknown as Ctx;
}

describe("the demo cabinet and desk", () => {
  it("the demo member has measures that newly fit, favourites closing soon and an organization to take further", async () => {
    const cabinet = await getCabinet(await ctxOf("user@innocluster.demo"));
    expect(cabinet.organizations.length).toBeGreaterThanOrEqual(2);
    expect(cabinet.newMeasures.organization?.shortName).toBe("ООО «Нейросенсорика»");
    expect(cabinet.newMeasures.total).toBe(3);
    expect(cabinet.newMeasures.items.every((m) => m.eligibility?.verdict === "eligible")).toBe(true);
    expect(cabinet.closingSoon.items.length).toBeGreaterThan(0);
    expect(cabinet.steps.find((s) => s.key === "organization")?.state).toBe("done");
  });

  it("the demo operator's desk has waiting status applications and the pending erasure", async () => {
    const desk = await getDesk(await ctxOf("operator@innocluster.demo"));
    const count = (key: string) => desk.queues.find((q) => q.key === key)?.count ?? 0;
    expect(count("status")).toBeGreaterThan(0);
    expect(desk.queues.find((q) => q.key === "status")?.oldest?.title).toBeTruthy();
    expect(count("erasures")).toBe(1);
    // Six new demo listings (three of them an order, a technology and a technology request) and one
    // change of a published one.
    expect(count("listings")).toBe(7);
    expect(desk.queues.find((q) => q.key === "listings")?.oldest?.title).toBeTruthy();
  });
});
