import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { moscowToday } from "../../core/clock.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { measures, measureUsageDaily, navigatorSearchesDaily } from "./measures.schema.js";
import { flushNavigatorSearches } from "./measures.usage.js";

const t = testAppForFile();

describe("the navigator's daily use", () => {
  it("adds views and apply clicks (not staff's) to the measure's row of the Moscow day, and searches to the day's count", async () => {
    const [m] = await t.database.db
      .insert(measures)
      .values({
        status: "published",
        titleRu: "Субсидия на сертификацию",
        provider: "Фонд",
        level: "city",
        form: "subsidy",
        publishedAt: new Date(),
      })
      .returning();
    const guest = new Client(t.app);
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    for (const c of [guest, guest, operator])
      expect((await c.get(`/api/measures/${m!.id}`)).statusCode).toBe(200);
    expect((await guest.post(`/api/measures/${m!.id}/apply-click`, {})).statusCode).toBe(200);
    // an operator checking the link is counted on the measure's running total only, not in the day's use
    expect((await operator.post(`/api/measures/${m!.id}/apply-click`, {})).statusCode).toBe(200);

    const usage = await t.database.db
      .select()
      .from(measureUsageDaily)
      .where(eq(measureUsageDaily.measureId, m!.id));
    expect(usage).toEqual([{ measureId: m!.id, day: moscowToday(), views: 2, applyClicks: 1 }]);
    const [counted] = await t.database.db.select().from(measures).where(eq(measures.id, m!.id));
    expect([counted!.views, counted!.applyClicks]).toEqual([2, 2]);

    // Searches: a text and a filter count (the repeat, answered from the cache, too); a plain listing,
    // a second page and staff's searches do not.
    for (const path of [
      "/api/measures?q=сертификация",
      "/api/measures?q=сертификация",
      "/api/measures?form=subsidy",
      "/api/measures",
      "/api/measures?q=сертификация&page=2",
    ])
      expect((await guest.get(path)).statusCode).toBe(200);
    expect((await operator.get("/api/measures?q=сертификация")).statusCode).toBe(200);
    await flushNavigatorSearches(t.database.db);
    const searches = await t.database.db.select().from(navigatorSearchesDaily);
    expect(searches).toEqual([{ day: moscowToday(), searches: 3 }]);
  });
});
