import { eq } from "drizzle-orm";
import Fastify from "fastify";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { clusterLocal } from "../../../shared/clock.js";
import { generation } from "../../core/search.js";
import { pageMeta, registerSeo, withMeta } from "../../seo.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations } from "../organizations/organizations.schema.js";
import { eventsPersonalData } from "./events.personal.js";
import { eventRegistrations, events } from "./events.schema.js";
import { sendReminders } from "./events.service.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let host: Awaited<ReturnType<typeof orgWithTeam>>;

type Reg = {
  id: string;
  state: string;
  waitlistPosition: number | null;
  version: number;
  attended: boolean | null;
};
type EventView = {
  id: string;
  state: string;
  version: number;
  startsAt: string;
  endsAt: string;
  taken: number;
  waitlist: number;
  capacity: number | null;
  url: string | null;
  participants: { id: string; shortName: string }[];
  me: { manage: boolean; attendance: boolean; registration: Reg | null };
};
type Page = {
  items: { id: string; startsAt: string }[];
  total: number;
  facets: { field: string; values: { value: string; count: number }[] }[];
};

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body ? r.json() : undefined) as T;
}

const DAY = 24 * 3600_000;
/** A Moscow local time `days` from now (rounded to the minute). */
const inDays = (days: number) => clusterLocal(new Date(Date.now() + days * DAY));

const body = (o: Record<string, unknown> = {}) => ({
  kind: "forum",
  format: "offline",
  titleRu: "Московский урбанистический форум",
  descriptionRu: "Форум о развитии мегаполисов: городская среда, транспорт и технологии для жителей.",
  startsAt: inDays(10),
  endsAt: inDays(10.25),
  venueRu: "Москва, Парк «Зарядье»",
  programme: [],
  ...o,
});

/** A published event made by the operator. */
async function published(o: Record<string, unknown> = {}) {
  const e = await ok<EventView>(op.post("/api/operator/events", body(o)), 201);
  return ok<EventView>(op.post(`/api/operator/events/${e.id}/publish`, { version: e.version }));
}

async function people(n: number) {
  const us = await Promise.all(Array.from({ length: n }, () => createUser(t.database)));
  return Promise.all(us.map((u) => signedIn(t, u)));
}

beforeAll(async () => {
  const o = await createUser(t.database, { role: "operator" });
  op = await signedIn(t, o);
  guest = new Client(t.app);
  host = await orgWithTeam(t, { shortName: "ООО «Городские сервисы»", status: "participant" });
});

describe("events: the operator's side", () => {
  it("an operator creates a draft (hidden from the public), publishes it; edits are version-checked; others cannot", async () => {
    const e = await ok<EventView>(op.post("/api/operator/events", body()), 201);
    expect(e).toMatchObject({ state: "draft", version: 1, me: { manage: true } });
    expectProblem(await guest.get(`/api/events/${e.id}`), 404);
    expectProblem(await host.ownerC.get(`/api/events/${e.id}`), 404);
    expectProblem(await host.ownerC.post("/api/operator/events", body()), 403);
    expectProblem(await guest.post("/api/operator/events", body()), 401);
    const edited = await ok<EventView>(
      op.put(`/api/operator/events/${e.id}`, {
        ...body({ titleRu: "Форум «Открытые инновации»" }),
        version: 1,
      }),
    );
    expect(edited.version).toBe(2);
    const stale = expectProblem(
      await op.put(`/api/operator/events/${e.id}`, { ...body(), version: 1 }),
      409,
      "event-changed",
    );
    expect((stale.current as { version: number }).version).toBe(2);
    const p = await ok<EventView>(op.post(`/api/operator/events/${e.id}/publish`, { version: 2 }));
    expect(p.state).toBe("published");
    expect((await ok<EventView>(guest.get(`/api/events/${e.id}`))).state).toBe("published");
    expectProblem(
      await op.post(`/api/operator/events/${e.id}/publish`, { version: 3 }),
      409,
      "event-transition",
    );
  });

  it("validates in Russian and English: times in order, venue offline, link online, a mission's country", async () => {
    const bad = body({ startsAt: inDays(5), endsAt: inDays(4), venueRu: null, format: "hybrid" });
    const ru = fieldErrors(expectProblem(await op.post("/api/operator/events", bad), 400, "validation"));
    expect(ru.endsAt).toBe("Окончание должно быть позже начала");
    expect(ru.venueRu).toBe("Укажите место проведения");
    expect(ru.url).toBe("Укажите ссылку на трансляцию или подключение");
    const en = await signedIn(t, await createUser(t.database, { role: "operator", locale: "en" }), "en");
    const e2 = fieldErrors(
      expectProblem(await en.post("/api/operator/events", body({ kind: "mission" })), 400),
    );
    expect(e2.country).toBe("Enter the business mission's country");
    const e3 = fieldErrors(
      expectProblem(await en.post("/api/operator/events", body({ startsAt: "10.05.2027 10:00" })), 400),
    );
    expect(e3.startsAt).toBe("Enter a Moscow date and time as YYYY-MM-DDTHH:MM");
  });

  it("times are Moscow time in and out, stored as the right instants", async () => {
    const e = await published({ startsAt: "2027-03-10T10:00", endsAt: "2027-03-10T18:30" });
    expect(e).toMatchObject({ startsAt: "2027-03-10T10:00", endsAt: "2027-03-10T18:30" });
    const [row] = await t.database.db.select().from(events).where(eq(events.id, e.id));
    expect(row!.startsAt.toISOString()).toBe("2027-03-10T07:00:00.000Z");
  });
});

describe("events: registration", () => {
  it("capacity is never exceeded under concurrent registrations; the rest wait in order", async () => {
    const e = await published({ capacity: 5 });
    const cs = await people(20);
    const answers = await Promise.all(
      cs.map((c) => ok<Reg>(c.post(`/api/events/${e.id}/registrations`, {}), 201)),
    );
    expect(answers.filter((a) => a.state === "registered")).toHaveLength(5);
    expect(answers.filter((a) => a.state === "waitlisted")).toHaveLength(15);
    const view = await ok<EventView>(guest.get(`/api/events/${e.id}`));
    expect(view).toMatchObject({ taken: 5, waitlist: 15, capacity: 5 });
    const positions = answers.filter((a) => a.state === "waitlisted").map((a) => a.waitlistPosition);
    expect(new Set(positions).size).toBe(15);
    expectProblem(await cs[0]!.post(`/api/events/${e.id}/registrations`, {}), 409, "event-registered");
  });

  it("freed places go to the first waiting under concurrent cancellations, who are told", async () => {
    const e = await published({ capacity: 4 });
    const cs = await people(10);
    const regs: Reg[] = [];
    for (const c of cs) regs.push(await ok<Reg>(c.post(`/api/events/${e.id}/registrations`, {}), 201));
    expect(regs.map((r) => r.state)).toEqual([
      ...Array(4).fill("registered"),
      ...Array(6).fill("waitlisted"),
    ]);
    // Three holders cancel at once: the first three waiting (cs[4..6]) get the places, no more.
    await Promise.all(cs.slice(0, 3).map((c) => ok(c.delete(`/api/events/${e.id}/registrations/mine`), 204)));
    const states = await Promise.all(
      cs.map(async (c) => (await ok<EventView>(c.get(`/api/events/${e.id}`))).me.registration?.state),
    );
    expect(states).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "registered",
      "registered",
      "registered",
      "registered",
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);
    const rows = await t.database.db
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, e.id));
    expect(rows.filter((r) => r.state === "registered")).toHaveLength(4);
    const me7 = await ok<EventView>(cs[7]!.get(`/api/events/${e.id}`));
    expect(me7.me.registration?.waitlistPosition).toBe(1);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "events.promoted"));
    expect(told.filter((n) => n.link === `/events/${e.id}`)).toHaveLength(3);
    // Cancelling twice: nothing live any more.
    expectProblem(await cs[0]!.delete(`/api/events/${e.id}/registrations/mine`), 404);
  });

  it("registration windows: not yet open, closed, and closed at the start by default", async () => {
    const early = await published({ registrationOpensAt: inDays(2), registrationClosesAt: inDays(5) });
    const [c] = await people(1);
    expectProblem(
      await c!.post(`/api/events/${early.id}/registrations`, {}),
      409,
      "event-registration-closed",
    );
    const closed = await published({ registrationOpensAt: inDays(-3), registrationClosesAt: inDays(-1) });
    expectProblem(
      await c!.post(`/api/events/${closed.id}/registrations`, {}),
      409,
      "event-registration-closed",
    );
    const started = await published({ startsAt: inDays(-0.01), endsAt: inDays(0.2) });
    expectProblem(
      await c!.post(`/api/events/${started.id}/registrations`, {}),
      409,
      "event-registration-closed",
    );
    const open = await published({ registrationOpensAt: inDays(-1), registrationClosesAt: inDays(5) });
    await ok(c!.post(`/api/events/${open.id}/registrations`, {}), 201);
    expectProblem(await guest.post(`/api/events/${open.id}/registrations`, {}), 401);
  });

  it("who may register: participants' members only, invited organizations only", async () => {
    const plain = await orgWithTeam(t, { status: "registered" });
    const forParticipants = await published({ audience: "participants" });
    const f = fieldErrors(
      expectProblem(await plain.ownerC.post(`/api/events/${forParticipants.id}/registrations`, {}), 400),
    );
    expect(f.organizationId).toBe("Выберите организацию, от которой вы регистрируетесь");
    expectProblem(
      await plain.ownerC.post(`/api/events/${forParticipants.id}/registrations`, {
        organizationId: plain.org.id,
      }),
      409,
      "event-audience",
    );
    // Another's organization is refused as not the person's.
    expect(
      fieldErrors(
        expectProblem(
          await plain.ownerC.post(`/api/events/${forParticipants.id}/registrations`, {
            organizationId: host.org.id,
          }),
          400,
        ),
      ).organizationId,
    ).toBe("Вы не состоите в этой организации");
    await ok(
      host.memberC.post(`/api/events/${forParticipants.id}/registrations`, { organizationId: host.org.id }),
      201,
    );
    const invited = await published({ audience: "invited", invited: [plain.org.id] });
    expectProblem(
      await host.ownerC.post(`/api/events/${invited.id}/registrations`, { organizationId: host.org.id }),
      409,
      "event-audience",
    );
    await ok(
      plain.memberC.post(`/api/events/${invited.id}/registrations`, { organizationId: plain.org.id }),
      201,
    );
  });

  it("participating organizations are named only with consent; a cancelled event tells everyone", async () => {
    const named = await orgWithTeam(t, { shortName: "АО «Согласная»" });
    const silent = await orgWithTeam(t, { shortName: "АО «Скромная»" });
    const e = await published();
    await ok(
      named.ownerC.post(`/api/events/${e.id}/registrations`, { organizationId: named.org.id, public: true }),
      201,
    );
    await ok(silent.ownerC.post(`/api/events/${e.id}/registrations`, { organizationId: silent.org.id }), 201);
    const view = await ok<EventView>(guest.get(`/api/events/${e.id}`));
    expect(view.participants.map((p) => p.shortName)).toEqual(["АО «Согласная»"]);
    const cancelled = await ok<EventView>(
      op.post(`/api/operator/events/${e.id}/cancel`, { version: e.version }),
    );
    expect(cancelled.state).toBe("cancelled");
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/events/${e.id}`));
    expect(
      told
        .filter((n) => n.kind === "events.cancelled")
        .map((n) => n.userId)
        .sort(),
    ).toEqual([named.owner.id, silent.owner.id].sort());
    expectProblem(await named.adminC.post(`/api/events/${e.id}/registrations`, {}), 409, "event-not-open");
  });

  it("attendance: the organizer's owner or admin and operators mark it; a plain member and strangers get 404", async () => {
    const e = await published({ organizerId: host.org.id });
    const [c] = await people(1);
    const reg = await ok<Reg>(c!.post(`/api/events/${e.id}/registrations`, {}), 201);
    expectProblem(
      await host.memberC.post(`/api/event-registrations/${reg.id}/attendance`, { attended: true }),
      404,
    );
    expectProblem(await c!.post(`/api/event-registrations/${reg.id}/attendance`, { attended: true }), 404);
    expectProblem(await c!.get(`/api/events/${e.id}/registrations`), 404);
    const marked = await ok<Reg>(
      host.ownerC.post(`/api/event-registrations/${reg.id}/attendance`, { attended: true }),
    );
    expect(marked.attended).toBe(true);
    const list = await ok<{ items: { id: string; attended: boolean }[] }>(
      op.get(`/api/events/${e.id}/registrations`),
    );
    expect(list.items).toEqual([expect.objectContaining({ id: reg.id, attended: true })]);
    expectProblem(
      await op.post(`/api/event-registrations/00000000-0000-4000-8000-000000000000/attendance`, {
        attended: true,
      }),
      404,
    );
  });
});

describe("events: business missions", () => {
  it("an application with the export product and target country; racing decisions: one wins, the other 409", async () => {
    const exporter = await orgWithTeam(t, { status: "participant" });
    const m = await published({ kind: "mission", country: "AE", venueRu: "ОАЭ, Дубай", capacity: 10 });
    const missing = fieldErrors(
      expectProblem(
        await exporter.ownerC.post(`/api/events/${m.id}/registrations`, { organizationId: exporter.org.id }),
        400,
      ),
    );
    expect(Object.keys(missing).sort()).toEqual(["exportProductRu", "targetCountry"]);
    const app = await ok<Reg>(
      exporter.ownerC.post(`/api/events/${m.id}/registrations`, {
        organizationId: exporter.org.id,
        exportProductRu: "Датчики качества воздуха",
        targetCountry: "AE",
      }),
      201,
    );
    expect(app.state).toBe("applied");
    const op2 = await signedIn(t, await createUser(t.database, { role: "operator" }));
    const [a, b] = await Promise.all([
      op.post(`/api/operator/event-registrations/${app.id}/decision`, {
        decision: "select",
        version: app.version,
      }),
      op2.post(`/api/operator/event-registrations/${app.id}/decision`, {
        decision: "decline",
        version: app.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expectProblem([a, b].find((x) => x.statusCode === 409)!, 409, "event-registration-changed");
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "events.decided"));
    expect(told.filter((n) => n.userId === exporter.owner.id)).toHaveLength(1);
  });
});

describe("events: catalog, calendars, reminders", () => {
  it("the catalog: coming soonest first, past tab, filters by kind, format and month, Russian search", async () => {
    await published({
      titleRu: "Выставка робототехники для промышленности",
      kind: "exhibition",
      startsAt: "2027-05-12T10:00",
      endsAt: "2027-05-12T18:00",
    });
    await published({
      titleRu: "Онлайн-конференция о беспилотниках",
      kind: "conference",
      format: "online",
      venueRu: null,
      url: "https://example.ru/live",
      startsAt: "2027-04-02T11:00",
      endsAt: "2027-04-02T13:00",
    });
    const past = await published({
      titleRu: "Прошедший форум технологий",
      startsAt: inDays(-5),
      endsAt: inDays(-4.9),
    });
    // An event in the past cannot be registered for, but can be published (dates are the operator's).
    expect(past.state).toBe("published");
    const coming = await ok<Page>(guest.get("/api/events?pageSize=100"));
    const starts = coming.items.map((i) => i.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(coming.items.some((i) => i.id === past.id)).toBe(false);
    const pastTab = await ok<Page>(guest.get("/api/events?tab=past"));
    expect(pastTab.items.map((i) => i.id)).toContain(past.id);
    const byKind = await ok<Page>(guest.get("/api/events?kind=exhibition"));
    expect(byKind.items).toHaveLength(1);
    const online = await ok<Page>(guest.get("/api/events?format=online&month=2027-04"));
    expect(online.items).toHaveLength(1);
    const found = await ok<Page>(guest.get(`/api/events?q=${encodeURIComponent("робототехника")}`));
    expect(found.items).toHaveLength(1);
    const month = (await ok<Page>(guest.get("/api/events"))).facets.find((f) => f.field === "month")!;
    expect(month.values.map((v) => v.value)).toContain("2027-05");
    expectProblem(await guest.get("/api/events?month=2027-13"), 400);
  });

  it("an .ics per event parses back with the Moscow zone and the right UTC instants", async () => {
    const e = await published({
      startsAt: "2027-03-10T10:00",
      endsAt: "2027-03-10T18:30",
      programme: [{ at: "2027-03-10T10:00", titleRu: "Открытие" }],
    });
    const res = await guest.get(`/api/events/${e.id}/calendar`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["content-type"])).toMatch(/^text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const tz = comp.getFirstSubcomponent("vtimezone");
    expect(tz?.getFirstPropertyValue("tzid")).toBe("Europe/Moscow");
    const ve = new ICAL.Event(comp.getFirstSubcomponent("vevent")!);
    expect(ve.summary).toBe("Московский урбанистический форум");
    // The wall time is Moscow's, through the calendar's own VTIMEZONE; the instants are UTC+3's.
    expect(ve.startDate.zone?.tzid).toBe("Europe/Moscow");
    expect(ve.startDate.toString()).toBe("2027-03-10T10:00:00");
    expect(ve.startDate.toJSDate().toISOString()).toBe("2027-03-10T07:00:00.000Z");
    expect(ve.endDate.toJSDate().toISOString()).toBe("2027-03-10T15:30:00.000Z");
    expect(ve.description).toContain("10:00 Открытие");
    const draft = await ok<EventView>(op.post("/api/operator/events", body()), 201);
    expectProblem(await guest.get(`/api/events/${draft.id}/calendar`), 404);
  });

  it("a personal calendar feed lists the events holding a place; revoked or replaced, the old URL is 404", async () => {
    const [c] = await people(1);
    const a = await published({ titleRu: "Форум городских технологий" });
    const b = await published({ titleRu: "Форум с листом ожидания", capacity: 1 });
    const [other] = await people(1);
    await ok(other!.post(`/api/events/${b.id}/registrations`, {}), 201);
    await ok(c!.post(`/api/events/${a.id}/registrations`, {}), 201);
    expect((await ok<Reg>(c!.post(`/api/events/${b.id}/registrations`, {}), 201)).state).toBe("waitlisted");
    const feed = await ok<{ url: string }>(c!.post("/api/calendar-feed"), 201);
    const path = new URL(feed.url).pathname;
    const res = await guest.get(path);
    expect(res.statusCode).toBe(200);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    expect(comp.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"))).toEqual([
      "Форум городских технологий",
    ]);
    expect((await ok<{ active: boolean; url: null }>(c!.get("/api/calendar-feed"))).active).toBe(true);
    const again = await ok<{ url: string }>(c!.post("/api/calendar-feed"), 201);
    expectProblem(await guest.get(path), 404);
    await ok(c!.delete("/api/calendar-feed"), 204);
    expectProblem(await guest.get(new URL(again.url).pathname), 404);
  });

  it("reminders a day and an hour before, each once", async () => {
    const e = await published({ startsAt: inDays(0.5), endsAt: inDays(0.6) });
    const [c] = await people(1);
    await ok(c!.post(`/api/events/${e.id}/registrations`, {}), 201);
    await sendReminders(t.database.db, t.config.publicUrl);
    await sendReminders(t.database.db, t.config.publicUrl);
    await sendReminders(t.database.db, t.config.publicUrl, new Date(Date.now() + 0.47 * DAY));
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "events.reminder"));
    const mine = told.filter((n) => n.link === `/events/${e.id}`);
    expect(mine.map((n) => (n.data as { when: string }).when).sort()).toEqual(["day", "hour"]);
  });

  it("my registrations list the reader's events with their state", async () => {
    const [c] = await people(1);
    const e = await published({ titleRu: "Конгресс медицинских технологий" });
    await ok(c!.post(`/api/events/${e.id}/registrations`, {}), 201);
    const mine = await ok<{ items: { event: { id: string }; registration: { state: string } }[] }>(
      c!.get("/api/event-registrations/mine"),
    );
    expect(mine.items).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ id: e.id }),
        registration: expect.objectContaining({ state: "registered" }),
      }),
    ]);
    expectProblem(await guest.get("/api/event-registrations/mine"), 401);
  });
});

describe("events: places freed otherwise than by a cancellation, who sees the link", () => {
  const promotedFor = async (eventId: string) =>
    (
      await t.database.db.select().from(notifications).where(eq(notifications.kind, "events.promoted"))
    ).filter((n) => n.link === `/events/${eventId}`);
  const stateOf = async (c: Client, eventId: string) =>
    (await ok<EventView>(c.get(`/api/events/${eventId}`))).me.registration?.state;

  it("raising the capacity or removing the limit gives the new places to the waiting, in order, who are told", async () => {
    const e = await published({ capacity: 1 });
    const cs = await people(4);
    for (const c of cs) await ok(c.post(`/api/events/${e.id}/registrations`, {}), 201);
    const raised = await ok<EventView>(
      op.put(`/api/operator/events/${e.id}`, { ...body({ capacity: 2 }), version: e.version }),
    );
    expect(raised).toMatchObject({ taken: 2, waitlist: 2 });
    expect(await stateOf(cs[1]!, e.id)).toBe("registered");
    expect(await stateOf(cs[2]!, e.id)).toBe("waitlisted");
    // A newcomer after the raise waits behind them.
    const [late] = await people(1);
    expect((await ok<Reg>(late!.post(`/api/events/${e.id}/registrations`, {}), 201)).state).toBe(
      "waitlisted",
    );
    const unlimited = await ok<EventView>(
      op.put(`/api/operator/events/${e.id}`, { ...body({ capacity: null }), version: raised.version }),
    );
    expect(unlimited).toMatchObject({ taken: 5, waitlist: 0 });
    expect((await promotedFor(e.id)).length).toBe(4);
  });

  it("an erased account's place goes to the first waiting, who is told", async () => {
    const e = await published({ capacity: 1 });
    const holder = await createUser(t.database);
    const holderC = await signedIn(t, holder);
    const [first, second] = await people(2);
    await ok(holderC.post(`/api/events/${e.id}/registrations`, {}), 201);
    await ok(first!.post(`/api/events/${e.id}/registrations`, {}), 201);
    await ok(second!.post(`/api/events/${e.id}/registrations`, {}), 201);
    await t.database.db.transaction((tx) =>
      eventsPersonalData.erase(tx, holder.id, { publicUrl: t.config.publicUrl }),
    );
    expect(await stateOf(first!, e.id)).toBe("registered");
    expect(await stateOf(second!, e.id)).toBe("waitlisted");
    expect(await promotedFor(e.id)).toHaveLength(1);
  });

  it("a programme item's impossible time is a field error, not stored without a time", async () => {
    const res = await op.post(
      "/api/operator/events",
      body({
        startsAt: "2027-03-10T10:00",
        endsAt: "2027-03-10T18:00",
        programme: [{ at: "2027-02-30T10:00", titleRu: "Открытие" }],
      }),
    );
    expect(fieldErrors(expectProblem(res, 400, "validation"))["programme.0.at"]).toBe(
      "Укажите дату и время по Москве в формате ГГГГ-ММ-ДДTЧЧ:ММ",
    );
  });

  it("a suspended participant may not register for a participants-only event", async () => {
    const suspended = await orgWithTeam(t, { status: "participant" });
    await t.database.db
      .update(organizations)
      .set({ statusSuspendedAt: new Date() })
      .where(eq(organizations.id, suspended.org.id));
    const e = await published({ audience: "participants" });
    expectProblem(
      await suspended.ownerC.post(`/api/events/${e.id}/registrations`, { organizationId: suspended.org.id }),
      409,
      "event-audience",
    );
  });

  it("the online link only for place holders, the organizer's managers and operators; not in the public .ics", async () => {
    const url = "https://example.ru/closed-call";
    const e = await published({
      format: "online",
      venueRu: null,
      url,
      capacity: 1,
      audience: "participants",
      organizerId: host.org.id,
    });
    expect((await ok<EventView>(guest.get(`/api/events/${e.id}`))).url).toBeNull();
    const [stranger] = await people(1);
    expect((await ok<EventView>(stranger!.get(`/api/events/${e.id}`))).url).toBeNull();
    expect((await ok<EventView>(op.get(`/api/events/${e.id}`))).url).toBe(url);
    expect((await ok<EventView>(host.adminC.get(`/api/events/${e.id}`))).url).toBe(url);
    const member = await orgWithTeam(t, { status: "participant" });
    await ok(member.ownerC.post(`/api/events/${e.id}/registrations`, { organizationId: member.org.id }), 201);
    expect((await ok<EventView>(member.ownerC.get(`/api/events/${e.id}`))).url).toBe(url);
    // Waiting is not holding a place.
    await ok(
      member.memberC.post(`/api/events/${e.id}/registrations`, { organizationId: member.org.id }),
      201,
    );
    expect((await ok<EventView>(member.memberC.get(`/api/events/${e.id}`))).url).toBeNull();
    expect((await ok<EventView>(guest.get(`/api/events/${e.id}`))).url).toBeNull();
    const ics = await guest.get(`/api/events/${e.id}/calendar`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toContain("closed-call");
    const feed = await ok<{ url: string }>(member.ownerC.post("/api/calendar-feed"), 201);
    expect((await guest.get(new URL(feed.url).pathname)).body).toContain("closed-call");
  });

  it("the reminders job with nothing due writes nothing: the guests' cache generation stays", async () => {
    await sendReminders(t.database.db, t.config.publicUrl, new Date(Date.now() + 400 * DAY));
    const before = await generation(t.database.db, "events");
    await sendReminders(t.database.db, t.config.publicUrl, new Date(Date.now() + 400 * DAY));
    expect(await generation(t.database.db, "events")).toBe(before);
  });
});

describe("events: search engines", () => {
  it("a public event's page has its title, description, canonical address and Open Graph tags; a draft has none", async () => {
    const e = await published({
      titleRu: "Форум «Технологии для города» <2026>",
      descriptionRu:
        "Открытый форум: городские технологии, пилоты на площадках Москвы и встречи с заказчиками.",
    });
    const html = withMeta(
      "<head><title>x</title></head>",
      await pageMeta(t.database.db, "https://innocluster.example", `/events/${e.id}`),
    );
    expect(html).toContain("<title>Форум «Технологии для города» &lt;2026&gt;");
    expect(html).toContain(`<link rel="canonical" href="https://innocluster.example/events/${e.id}" />`);
    expect(html).toContain('<meta property="og:title" content="Форум «Технологии для города» &lt;2026&gt;');
    expect(html).toContain(
      '<meta property="og:description" content="Открытый форум: городские технологии, пилоты на площадках Москвы и встречи с заказчиками." />',
    );
    expect(html).toContain(`<meta property="og:url" content="https://innocluster.example/events/${e.id}" />`);
    const catalog = await pageMeta(t.database.db, "https://innocluster.example", "/events", "en");
    expect(catalog).toMatchObject({
      title: "Events — Innocluster",
      canonical: "https://innocluster.example/events",
    });

    const draft = await ok<EventView>(
      op.post("/api/operator/events", body({ titleRu: "Черновик форума" })),
      201,
    );
    const hidden = withMeta(
      "<head><title>x</title></head>",
      await pageMeta(t.database.db, "https://innocluster.example", `/events/${draft.id}`),
    );
    expect(hidden).not.toContain("Черновик форума");
    expect(hidden).toContain('<meta name="robots" content="noindex" />');
  });

  it("the sitemap lists the public events, never a draft", async () => {
    const e = await published({ titleRu: "Выставка «Инновации в медицине»" });
    const draft = await ok<EventView>(op.post("/api/operator/events", body()), 201);
    const seo = Fastify();
    await registerSeo(seo, { db: t.database.db, publicUrl: "https://innocluster.example" });
    try {
      expect((await seo.inject("/sitemap.xml")).body).toContain(
        "<loc>https://innocluster.example/sitemaps/events.xml</loc>",
      );
      const res = await seo.inject("/sitemaps/events.xml");
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(new RegExp(`<loc>https://innocluster.example/events/${e.id}</loc><lastmod>`));
      expect(res.body).not.toContain(draft.id);
    } finally {
      await seo.close();
    }
  });
});
