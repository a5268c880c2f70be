import { describe, expect, it } from "vitest";
import { monthsBetween } from "../../../shared/analytics.js";
import { clusterInstant } from "../../../shared/clock.js";
import { moscowToday } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { eventRegistrations, events } from "../events/events.schema.js";
import { listingResponseEvents, listingResponses } from "../listings/listings.responses.schema.js";
import { listings } from "../listings/listings.schema.js";
import { measures } from "../measures/measures.schema.js";
import { flushNavigatorSearches } from "../measures/measures.usage.js";
import { createOrg } from "../organizations/organizations.fixtures.js";
import type { AnalyticsFilters, AnalyticsTableInput } from "./analytics.contract.js";
import { eventsDashboard } from "./analytics.events.js";
import { exchangesDashboard } from "./analytics.exchanges.js";
import { navigatorDashboard } from "./analytics.navigator.js";

const t = testAppForFile();

const ctx = (locale: "ru" | "en" = "ru"): Ctx => ({
  db: t.database.db,
  config: t.config,
  actor: null,
  ip: null,
  userAgent: null,
  locale,
  storage: t.app.services.storage,
  mailQueued: () => {},
  jobs: t.app.services.jobs,
});

const period = (from: string, to: string, o: Partial<AnalyticsFilters> = {}): AnalyticsFilters => ({
  from,
  to,
  months: monthsBetween(from, to),
  ...o,
});

const table = (tables: AnalyticsTableInput[], key: string) => {
  const found = tables.find((x) => x.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
};
const row = (tb: AnalyticsTableInput, key: string, value: string) => tb.rows.find((r) => r[key] === value);

/** A Moscow local time as a moment. */
const at = (local: string) => clusterInstant(local)!;

describe("the navigator dashboard", () => {
  it("counts a measure's views and apply clicks in the month, its click-through, and searches; staff views are not counted", async () => {
    const [m] = await t.database.db
      .insert(measures)
      .values({
        status: "published",
        titleRu: "Грант на пилотное внедрение",
        titleEn: "Pilot deployment grant",
        provider: "Фонд",
        level: "city",
        form: "grant",
        publishedAt: new Date(),
      })
      .returning();
    const guest = new Client(t.app);
    const operator = await signedIn(t, await createUser(t.database, { role: "operator" }));
    expect((await guest.get(`/api/measures/${m!.id}`)).statusCode).toBe(200);
    expect((await guest.get(`/api/measures/${m!.id}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/measures/${m!.id}`)).statusCode).toBe(200);
    expect((await guest.post(`/api/measures/${m!.id}/apply-click`, {})).statusCode).toBe(200);
    // A text search twice (the second answered from the cache), a plain listing and a staff search.
    for (const path of ["/api/measures?q=грант", "/api/measures?q=грант", "/api/measures"])
      expect((await guest.get(path)).statusCode).toBe(200);
    expect((await operator.get("/api/measures?form=grant")).statusCode).toBe(200);

    await flushNavigatorSearches(t.database.db);
    const month = moscowToday().slice(0, 7);
    const tables = await navigatorDashboard(ctx("en"), period(month, month));
    const monthly = table(tables, "navigatorMonthly");
    expect(monthly.rows).toEqual([{ month, searches: 2, views: 2, applyClicks: 1 }]);
    expect(monthly.filters).toEqual([]);
    expect(row(table(tables, "navigatorMeasures"), "measure", "Pilot deployment grant")).toEqual({
      measure: "Pilot deployment grant",
      views: 2,
      applyClicks: 1,
      ctr: 50,
    });
    expect(monthly.columns.map((c) => c.label)).toEqual(["Month", "Searches", "Views", "Apply clicks"]);

    // Another period does not see them.
    const before = await navigatorDashboard(ctx(), period("2020-01", "2020-02"));
    expect(table(before, "navigatorMonthly").rows).toEqual([
      { month: "2020-01", searches: 0, views: 0, applyClicks: 0 },
      { month: "2020-02", searches: 0, views: 0, applyClicks: 0 },
    ]);
    expect(table(before, "navigatorMeasures").rows).toEqual([]);
  });
});

describe("the exchanges dashboard", () => {
  it("counts a listing, its response and the accepted deal in their months and kind; the region filter leaves out another region's listing", async () => {
    const moscow = await createOrg(t.database, { regionCode: "77" });
    const oblast = await createOrg(t.database, { regionCode: "50" });
    const maker = await createOrg(t.database, { regionCode: "77" });
    const [rfq] = await t.database.db
      .insert(listings)
      .values([
        {
          kind: "rfq",
          organizationId: moscow.id,
          state: "published",
          titleRu: "Фрезеровка корпусов",
          descriptionRu: "Партия 500 шт.",
          publishedAt: at("2025-03-10T12:00"),
        },
        {
          kind: "premises",
          organizationId: oblast.id,
          state: "published",
          titleRu: "Цех в Подольске",
          descriptionRu: "800 м²",
          publishedAt: at("2025-03-31T23:30"), // still March in Moscow
        },
      ])
      .returning();
    const [response] = await t.database.db
      .insert(listingResponses)
      .values({
        listingId: rfq!.id,
        organizationId: maker.id,
        type: "quote",
        state: "accepted",
        createdAt: at("2025-04-02T10:00"),
      })
      .returning();
    await t.database.db.insert(listingResponseEvents).values([
      {
        responseId: response!.id,
        event: "created",
        toState: "submitted",
        side: "responder",
        createdAt: at("2025-04-02T10:00"),
      },
      {
        responseId: response!.id,
        event: "accept",
        fromState: "submitted",
        toState: "accepted",
        side: "owner",
        createdAt: at("2025-05-01T00:30"),
      },
    ]);

    const all = await exchangesDashboard(ctx(), period("2025-03", "2025-05"));
    expect(table(all, "exchangesMonthly").rows).toEqual([
      { month: "2025-03", published: 2, responses: 0, deals: 0 },
      { month: "2025-04", published: 0, responses: 1, deals: 0 },
      { month: "2025-05", published: 0, responses: 0, deals: 1 },
    ]);
    const byKind = table(all, "exchangesKinds");
    expect(row(byKind, "kind", "Заказы на производство")).toEqual({
      kind: "Заказы на производство",
      published: 1,
      responses: 1,
      deals: 1,
      dealRate: 100,
    });
    expect(row(byKind, "kind", "Помещения")).toMatchObject({ published: 1, responses: 0, deals: 0 });
    expect(byKind.chart).toMatchObject({ kind: "bar", x: "kind" });
    expect(
      table(all, "exchangesMonthKind").rows.filter(
        (r) => r.month === "2025-04" && r.kind === "Заказы на производство",
      ),
    ).toEqual([{ month: "2025-04", kind: "Заказы на производство", published: 0, responses: 1, deals: 0 }]);

    const inMoscow = await exchangesDashboard(ctx(), period("2025-03", "2025-05", { region: "77" }));
    expect(row(table(inMoscow, "exchangesKinds"), "kind", "Помещения")).toMatchObject({ published: 0 });
    expect(table(inMoscow, "exchangesMonthly").rows[0]).toEqual({
      month: "2025-03",
      published: 1,
      responses: 0,
      deals: 0,
    });
    expect(table(inMoscow, "exchangesMonthly").filters).toEqual(["region", "orgType"]);
  });
});

describe("the events dashboard", () => {
  it("shows an event with 3 registrations, 2 attended: 2 attendees and a 33.3 % no-show; the waitlist apart", async () => {
    const moscow = await createOrg(t.database, { regionCode: "77" });
    const oblast = await createOrg(t.database, { regionCode: "50" });
    const [forum] = await t.database.db
      .insert(events)
      .values({
        kind: "forum",
        format: "hybrid",
        state: "published",
        titleRu: "Форум робототехники",
        descriptionRu: "Роботы в промышленности.",
        startsAt: at("2025-06-18T10:00"),
        endsAt: at("2025-06-18T18:00"),
        capacity: 3,
        publishedAt: at("2025-05-01T10:00"),
      })
      .returning();
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(t.database)));
    await t.database.db.insert(eventRegistrations).values([
      {
        eventId: forum!.id,
        userId: people[0]!.id,
        organizationId: moscow.id,
        state: "registered",
        attended: true,
      },
      {
        eventId: forum!.id,
        userId: people[1]!.id,
        organizationId: oblast.id,
        state: "registered",
        attended: true,
      },
      { eventId: forum!.id, userId: people[2]!.id, organizationId: moscow.id, state: "registered" },
      { eventId: forum!.id, userId: people[3]!.id, state: "waitlisted" },
    ]);

    const tables = await eventsDashboard(ctx("en"), period("2025-06", "2025-06"));
    expect(table(tables, "eventsMonthly").rows).toEqual([
      { month: "2025-06", held: 1, registrations: 3, attended: 2, noShow: 33.3, waitlisted: 1 },
    ]);
    expect(table(tables, "eventsList").rows).toEqual([
      {
        title: "Форум робототехники",
        kind: "Forum",
        format: "In person and online",
        date: "2025-06-18",
        capacity: 3,
        registered: 3,
        attended: 2,
      },
    ]);

    // The region filter keeps the Moscow organizations' registrations; the event is still counted.
    const inMoscow = await eventsDashboard(ctx(), period("2025-06", "2025-06", { region: "77" }));
    expect(table(inMoscow, "eventsMonthly").rows).toEqual([
      { month: "2025-06", held: 1, registrations: 2, attended: 1, noShow: 50, waitlisted: 0 },
    ]);
  });
});
