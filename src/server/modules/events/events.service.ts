import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { clusterInstant, clusterLocal } from "../../../shared/clock.js";
import {
  type EventFormat,
  HOLDING_STATES,
  LIVE_STATES,
  type RegistrationState,
} from "../../../shared/events.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, rows, textArray } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { type Catalog, cachedJson, rankedMatches, searchTextAt } from "../../core/search.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf } from "../organizations/access.js";
import { organizations } from "../organizations/organizations.schema.js";
import type {
  EventBody,
  EventCard,
  EventsQuery,
  ListQuery,
  MyRegistration,
  OperatorEventsQuery,
  RegisterBody,
  UpdateEventBody,
} from "./events.contract.js";
import { Event as EventSchema, EventsPage as EventsPageSchema } from "./events.contract.js";
import { EVENT_NOTIFICATION_KINDS } from "./events.notifications.js";
import { eventCalendarFeeds, eventRegistrations, events } from "./events.schema.js";

/*
 * Events (src/shared/events.ts): the operator creates and edits them (each edit names the version it
 * saw: a stale one is 409 "event-changed" with the event as it is now), publishes and cancels them. A
 * signed-in person registers, maybe for one of their organizations (consenting or not to be named among
 * the participants). Every registration and cancellation locks the event's row, so places are counted
 * one writer at a time: the capacity is never exceeded, and a place freed by a cancellation goes to the
 * first waiting in the same transaction, who is told (notification and mail written with it). A
 * business mission's registration is an application, selected or declined by the operator (one
 * conditional update: of two racing decisions one wins, the other is 409).
 */

type Row = Omit<typeof events.$inferSelect, "search">;
type RegRow = typeof eventRegistrations.$inferSelect;
type View = z.infer<typeof EventSchema>;
type CardView = z.infer<typeof EventCard>;
type RegView = z.infer<typeof MyRegistration>;
type OrgRef = { id: string; shortName: string };

const { search: _search, ...COLUMNS } = getTableColumns(events);
export const EVENT_COLUMNS = COLUMNS;
export const EVENTS_CATALOG: Catalog = { name: "events" };
const HOLDING = [...HOLDING_STATES];
const LIVE = [...LIVE_STATES];

const local = (d: Date | null) => (d ? clusterLocal(d) : null);

// ---------- reading ----------

export async function eventRow(ex: Executor, id: string, lock = false): Promise<Row> {
  const q = ex.select(COLUMNS).from(events).where(eq(events.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r;
}

/** Places taken and the waitlist's length of these events. */
async function countsOf(ex: Executor, ids: string[]) {
  const map = new Map<string, { taken: number; waitlist: number }>();
  if (!ids.length) return map;
  const list = await rows<{ id: string; taken: number; waitlist: number }>(
    ex,
    sql`select event_id as "id",
          (count(*) filter (where state in ('registered', 'selected')))::int as "taken",
          (count(*) filter (where state = 'waitlisted'))::int as "waitlist"
        from event_registrations where event_id = any(${textArray(ids)}::uuid[]) group by event_id`,
  );
  for (const c of list) map.set(c.id, { taken: Number(c.taken), waitlist: Number(c.waitlist) });
  return map;
}

async function orgsById(ex: Executor, ids: (string | null)[]): Promise<Map<string, OrgRef>> {
  const list = [...new Set(ids.filter((i): i is string => !!i))];
  if (!list.length) return new Map();
  const found = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(inArray(organizations.id, list));
  return new Map(found.map((o) => [o.id, o]));
}

function card(r: Row, organizer: OrgRef | null, counts?: { taken: number; waitlist: number }): CardView {
  return {
    id: r.id,
    kind: r.kind,
    format: r.format,
    state: r.state,
    titleRu: r.titleRu,
    startsAt: clusterLocal(r.startsAt),
    endsAt: clusterLocal(r.endsAt),
    venueRu: r.venueRu,
    organizer,
    capacity: r.capacity,
    taken: counts?.taken ?? 0,
    waitlist: counts?.waitlist ?? 0,
    audience: r.audience,
    country: r.country,
  };
}

async function cardsOf(ex: Executor, list: Row[]): Promise<CardView[]> {
  const counts = await countsOf(
    ex,
    list.map((r) => r.id),
  );
  const orgs = await orgsById(
    ex,
    list.map((r) => r.organizerId),
  );
  return list.map((r) => card(r, r.organizerId ? (orgs.get(r.organizerId) ?? null) : null, counts.get(r.id)));
}

/** The organizations taking part (holding places) whose registrants agreed to name them. */
async function participantsOf(ex: Executor, id: string): Promise<OrgRef[]> {
  return ex
    .selectDistinct({ id: organizations.id, shortName: organizations.shortName })
    .from(eventRegistrations)
    .innerJoin(organizations, eq(organizations.id, eventRegistrations.organizationId))
    .where(
      and(
        eq(eventRegistrations.eventId, id),
        eq(eventRegistrations.public, true),
        inArray(eventRegistrations.state, HOLDING),
      ),
    )
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

/** A registration's view; its place in the waitlist when waiting. */
async function regView(ex: Executor, g: RegRow): Promise<RegView> {
  let position: number | null = null;
  if (g.state === "waitlisted") {
    const [p] = await rows<{ n: number }>(
      ex,
      // Compared with the row's own stored time (microseconds), not the JavaScript Date's milliseconds.
      sql`select count(*)::int as n from event_registrations w join event_registrations me on me.id = ${g.id}
          where w.event_id = me.event_id and w.state = 'waitlisted' and (w.queued_at, w.id) <= (me.queued_at, me.id)`,
    );
    position = Number(p?.n ?? 1);
  }
  const org = g.organizationId ? (await orgsById(ex, [g.organizationId])).get(g.organizationId) : null;
  return {
    id: g.id,
    state: g.state,
    organization: org ?? null,
    public: g.public,
    exportProductRu: g.exportProductRu,
    targetCountry: g.targetCountry,
    attended: g.attended,
    waitlistPosition: position,
    createdAt: g.createdAt.toISOString(),
    version: g.version,
  };
}

/** The person's live registration for an event, or the latest one if none is live. */
async function myRegistration(ex: Executor, eventId: string, userId: string): Promise<RegRow | null> {
  const [g] = await ex
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
    .orderBy(
      sql`${eventRegistrations.state} in ('registered', 'waitlisted', 'applied', 'selected') desc`,
      desc(eventRegistrations.createdAt),
    )
    .limit(1);
  return g ?? null;
}

/** May see the registrations and mark attendance: an operator, or the organizer's owner or admin. */
async function mayMarkAttendance(ex: Executor, ctx: Ctx, r: Row): Promise<boolean> {
  if (!ctx.actor) return false;
  if (can(ctx.actor, "events.manage")) return true;
  if (!r.organizerId) return false;
  const access = await accessOf(ex, ctx.actor, r.organizerId);
  return access.role === "owner" || access.role === "admin";
}

export async function present(ex: Executor, ctx: Ctx, r: Row): Promise<View> {
  const [c] = await cardsOf(ex, [r]);
  const mine = ctx.actor ? await myRegistration(ex, r.id, ctx.actor.id) : null;
  const attendance = await mayMarkAttendance(ex, ctx, r);
  // The online link only for those holding a place, the organizer's managers and operators (a guest's
  // page, cached for every guest, never has it).
  const holds = !!mine && (HOLDING as string[]).includes(mine.state);
  return {
    ...c!,
    descriptionRu: r.descriptionRu,
    url: holds || attendance ? r.url : null,
    programme: r.programme,
    registrationOpensAt: local(r.registrationOpensAt),
    registrationClosesAt: local(r.registrationClosesAt),
    participants: await participantsOf(ex, r.id),
    version: r.version,
    me: {
      manage: can(ctx.actor, "events.manage"),
      attendance,
      registration: mine ? await regView(ex, mine) : null,
    },
  };
}

/** The row of an event the reader may see: a draft only for the operator (anyone else: 404). */
async function visibleRow(ex: Executor, ctx: Ctx, id: string, lock = false) {
  const r = await eventRow(ex, id, lock);
  if (r.state === "draft" && !can(ctx.actor, "events.manage")) throw notFound();
  return r;
}

/** An event's page (a signed-in reader sees their registration). */
export async function getEvent(ctx: Ctx, id: string): Promise<View> {
  return present(ctx.db, ctx, await visibleRow(ctx.db, ctx, id));
}

/** A guest's page, cached by the catalog's generation. */
export function publicEvent(ctx: Ctx, id: string): Promise<string> {
  return cachedJson(ctx.db, "events", `page:${id}`, EventSchema, async () =>
    present(ctx.db, ctx, await visibleRow(ctx.db, ctx, id)),
  );
}

/** The operator's view of an event: its invited organizations too. */
export async function operatorEvent(ctx: Ctx, id: string) {
  const r = await eventRow(ctx.db, id);
  return {
    ...(await present(ctx.db, ctx, r)),
    invited: r.invited,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

// ---------- the catalog ----------

const EVENT_TEXTS = {
  table: sql`events`,
  id: sql`id`,
  search: sql`search`,
  title: sql`title_ru`,
  where: sql`state <> 'draft'`,
  typoBelow: 20,
};

type FacetField = "kind" | "format" | "month";
const MONTH = sql`to_char(${events.startsAt} at time zone 'Europe/Moscow', 'YYYY-MM')`;

/**
 * The public catalog: published and cancelled events, the coming ones (not yet ended) soonest first or
 * the past ones latest first; Russian full text on the search engine; facets kind, format and month of
 * the start (Moscow), each counted under the other filters. Cached by the catalog's generation and the
 * minute (what is coming changes with the clock).
 */
export function searchEvents(ctx: Ctx, q: z.infer<typeof EventsQuery>): Promise<string> {
  const db = ctx.db;
  const now = new Date();
  const minute = now.toISOString().slice(0, 16);
  return cachedJson(db, "events", `${minute}:${JSON.stringify(q)}`, EventsPageSchema, async (gen) => {
    const where: SQL[] = [
      sql`${events.state} <> 'draft'`,
      q.tab === "past"
        ? sql`${events.endsAt} < ${now.toISOString()}::timestamptz`
        : sql`${events.endsAt} >= ${now.toISOString()}::timestamptz`,
    ];
    const facetWhere: Record<FacetField, SQL | null> = {
      kind: q.kind?.length ? inArray(events.kind, q.kind)! : null,
      format: q.format?.length ? inArray(events.format, q.format)! : null,
      month: q.month ? sql`${MONTH} = ${q.month}` : null,
    };
    const text = q.q?.trim();
    let rank: Map<string, number> | null = null;
    if (text) {
      const st = await searchTextAt(db, EVENTS_CATALOG, gen, text);
      const found = await rankedMatches(db, EVENTS_CATALOG, EVENT_TEXTS, text, st);
      rank = new Map(found.map((f) => [f.id, Number(f.rank ?? 0)]));
      where.push(inArray(events.id, [...rank.keys(), "00000000-0000-0000-0000-000000000000"]));
    }
    const all = [...where, ...Object.values(facetWhere).filter((c) => c !== null)];
    const cond = and(...all);
    const facets = await facetCounts(db, where, facetWhere);
    const base = db
      .select({ e: COLUMNS, count: sql<number>`(count(*) over ())::int` })
      .from(events)
      .where(cond);
    const ordered = rank
      ? base.orderBy(
          sql`array_position(${textArray([...rank.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id))}::uuid[], ${events.id})`,
        )
      : q.tab === "past"
        ? base.orderBy(desc(events.startsAt), asc(events.id))
        : base.orderBy(asc(events.startsAt), asc(events.id));
    const found = await ordered.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const total = found[0]?.count ?? (q.page === 1 ? 0 : (await countRows(db, events, cond))[0]!.n);
    return {
      items: await cardsOf(
        db,
        found.map((f) => f.e),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets,
    };
  });
}

async function facetCounts(db: Executor, where: SQL[], facetWhere: Record<FacetField, SQL | null>) {
  const fields: [FacetField, SQL][] = [
    ["kind", sql`${events.kind}::text`],
    ["format", sql`${events.format}::text`],
    ["month", MONTH],
  ];
  const out = [];
  for (const [field, value] of fields) {
    const others = (Object.keys(facetWhere) as FacetField[])
      .filter((k) => k !== field)
      .map((k) => facetWhere[k])
      .filter((c): c is SQL => c !== null);
    const list = await rows<{ value: string; count: number }>(
      db,
      sql`select v as "value", count(*)::int as "count"
          from (select ${value} as v from ${events} where ${and(...where, ...others)}) x
          group by v order by ${field === "month" ? sql`v` : sql`count(*) desc, v`}`,
    );
    out.push({ field, values: list.map((r) => ({ value: String(r.value), count: Number(r.count) })) });
  }
  return out;
}

/** The next published events (the home page's block). */
export async function nextEvents(ctx: Ctx, limit = 4): Promise<CardView[]> {
  const list = await ctx.db
    .select(COLUMNS)
    .from(events)
    .where(and(eq(events.state, "published"), sql`${events.endsAt} >= now()`))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return cardsOf(ctx.db, list);
}

/** Every event for the operator, drafts too, latest start first. */
export async function operatorEvents(ctx: Ctx, q: z.infer<typeof OperatorEventsQuery>) {
  const cond = q.state ? eq(events.state, q.state) : undefined;
  const list = await ctx.db
    .select(COLUMNS)
    .from(events)
    .where(cond)
    .orderBy(desc(events.startsAt), asc(events.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await countRows(ctx.db, events, cond);
  return { items: await cardsOf(ctx.db, list), total: n!.n, page: q.page, pageSize: q.pageSize };
}

// ---------- the operator's writes ----------

type Content = Omit<z.infer<typeof UpdateEventBody>, "version">;

function instantOf(value: string | null | undefined, field: string, fields: FieldError[]): Date | null {
  if (!value) return null;
  const at = clusterInstant(value);
  if (!at) fields.push({ field, key: "field.event.local-time" });
  return at;
}

const needsVenue = (f: EventFormat) => f !== "online";
const needsUrl = (f: EventFormat) => f !== "offline";

async function contentOf(ex: Executor, c: Content) {
  const fields: FieldError[] = [];
  const startsAt = instantOf(c.startsAt, "startsAt", fields);
  const endsAt = instantOf(c.endsAt, "endsAt", fields);
  const opens = instantOf(c.registrationOpensAt, "registrationOpensAt", fields);
  const closes = instantOf(c.registrationClosesAt, "registrationClosesAt", fields);
  if (startsAt && endsAt && endsAt <= startsAt)
    fields.push({ field: "endsAt", key: "field.event.ends-before" });
  if (opens && closes && closes <= opens)
    fields.push({ field: "registrationClosesAt", key: "field.event.window-order" });
  if (closes && endsAt && closes > endsAt)
    fields.push({ field: "registrationClosesAt", key: "field.event.window-after-end" });
  if (needsVenue(c.format) && !c.venueRu)
    fields.push({ field: "venueRu", key: "field.event.venue-required" });
  if (needsUrl(c.format) && !c.url) fields.push({ field: "url", key: "field.event.url-required" });
  if (c.kind === "mission" && !c.country)
    fields.push({ field: "country", key: "field.event.country-required" });
  c.programme.forEach((p, i) => {
    const at = instantOf(p.at, `programme.${i}.at`, fields);
    if (at && startsAt && endsAt && (at < startsAt || at > endsAt))
      fields.push({ field: `programme.${i}.at`, key: "field.event.programme-outside" });
  });
  const orgIds = [...new Set([...(c.organizerId ? [c.organizerId] : []), ...c.invited])];
  const known = await orgsById(ex, orgIds);
  if (c.organizerId && !known.has(c.organizerId))
    fields.push({ field: "organizerId", key: "field.event.organization-unknown" });
  c.invited.forEach((o, i) => {
    if (!known.has(o)) fields.push({ field: `invited.${i}`, key: "field.event.organization-unknown" });
  });
  if (c.audience === "invited" && !c.invited.length)
    fields.push({ field: "invited", key: "field.event.invited-required" });
  if (fields.length) throw badRequest(fields);
  return {
    kind: c.kind,
    format: c.format,
    titleRu: c.titleRu,
    descriptionRu: c.descriptionRu,
    startsAt: startsAt!,
    endsAt: endsAt!,
    venueRu: needsVenue(c.format) ? (c.venueRu ?? null) : null,
    url: needsUrl(c.format) ? (c.url ?? null) : null,
    organizerId: c.organizerId ?? null,
    programme: [...c.programme].sort((a, b) => a.at.localeCompare(b.at)),
    capacity: c.capacity ?? null,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    audience: c.audience,
    invited: [...new Set(c.invited)],
    country: c.country ?? null,
  };
}

const contentAudit = (
  r: Pick<Row, "titleRu" | "kind" | "format" | "startsAt" | "endsAt" | "capacity" | "audience">,
) => ({
  titleRu: r.titleRu,
  kind: r.kind,
  format: r.format,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  capacity: r.capacity,
  audience: r.audience,
});

/** The stale-version answer: 409 with the event as it is now. */
async function changed(ex: Executor, ctx: Ctx, id: string): Promise<never> {
  const current = await present(ex, ctx, await eventRow(ex, id));
  throw new AppError(409, "event-changed", {}, [], { current });
}

/** Creates a draft event (an operator). */
export async function createEvent(ctx: Ctx, body: z.infer<typeof EventBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const content = await contentOf(tx, body);
    const [r] = await tx
      .insert(events)
      .values({ ...content, authorId: actor.id })
      .returning(COLUMNS);
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.create",
      entity: "event",
      entityId: r!.id,
      after: contentAudit(r!),
    });
    return present(tx, ctx, r!);
  });
}

async function bump(
  tx: Executor,
  ctx: Ctx,
  r: Row,
  version: number,
  set: Partial<typeof events.$inferInsert>,
) {
  const [after] = await tx
    .update(events)
    .set({ ...set, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(events.id, r.id), eq(events.version, version)))
    .returning(COLUMNS);
  if (!after) return changed(tx, ctx, r.id);
  return after;
}

/** Edits an event (an operator); a stale version is 409 with the event as it is now. */
export async function updateEvent(ctx: Ctx, id: string, body: z.infer<typeof UpdateEventBody>) {
  let told = false;
  const view = await ctx.db.transaction(async (tx) => {
    const r = await eventRow(tx, id, true);
    if (r.version !== body.version) await changed(tx, ctx, id);
    if (r.state === "cancelled") throw new AppError(409, "event-transition");
    const after = await bump(tx, ctx, r, body.version, await contentOf(tx, body));
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.update",
      entity: "event",
      entityId: id,
      before: { ...contentAudit(r), version: r.version },
      after: { ...contentAudit(after), version: after.version },
    });
    // A capacity raised or removed: the places it frees go to the waiting, in order, each told.
    while ((await promote(tx, promoter(ctx), after)) !== null) told = true;
    return present(tx, ctx, after);
  });
  if (told) ctx.mailQueued();
  return view;
}

/** Publishes a draft (an operator): public in the catalog, open to registration in its window. */
export async function publishEvent(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await eventRow(tx, id, true);
    if (r.version !== version) await changed(tx, ctx, id);
    if (r.state !== "draft") throw new AppError(409, "event-transition");
    const after = await bump(tx, ctx, r, version, { state: "published", publishedAt: new Date() });
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.publish",
      entity: "event",
      entityId: id,
      before: { state: r.state },
      after: { state: after.state },
    });
    return present(tx, ctx, after);
  });
}

/** Cancels a published event (an operator): it stays public, marked; everyone registered or waiting is told. */
export async function cancelEvent(ctx: Ctx, id: string, version: number) {
  const view = await ctx.db.transaction(async (tx) => {
    const r = await eventRow(tx, id, true);
    if (r.version !== version) await changed(tx, ctx, id);
    if (r.state !== "published") throw new AppError(409, "event-transition");
    const after = await bump(tx, ctx, r, version, { state: "cancelled" });
    const people = await tx
      .select({ userId: eventRegistrations.userId })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, id), inArray(eventRegistrations.state, LIVE)));
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.cancel",
      entity: "event",
      entityId: id,
      before: { state: r.state },
      after: { state: after.state, told: people.length },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: people.map((p) => p.userId),
        kind: EVENT_NOTIFICATION_KINDS.cancelled,
        data: { event: r.titleRu },
        link: `/events/${id}`,
      },
    ]);
    return present(tx, ctx, after);
  });
  ctx.mailQueued();
  return view;
}

// ---------- registration ----------

const takenOf = async (ex: Executor, eventId: string) =>
  (await countsOf(ex, [eventId])).get(eventId)?.taken ?? 0;

/** Whether an organization may register for the event under its audience (the organization's status, not suspended). */
async function admits(ex: Executor, r: Row, organizationId: string | null): Promise<boolean> {
  if (r.audience === "everyone") return true;
  if (!organizationId) return false;
  if (r.audience === "invited") return r.invited.includes(organizationId);
  const [o] = await ex
    .select({ status: organizations.status, suspendedAt: organizations.statusSuspendedAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  // A suspended status admits no more than none (as in grants and the IP registry).
  return (o?.status === "participant" || o?.status === "partner") && o.suspendedAt === null;
}

/**
 * Registers the reader for a published event in its window (by default until it starts), maybe for one
 * of their organizations. A place while any is free; else the waitlist. A mission takes an application
 * (the export product and the target country) for the operator to select or decline.
 */
export async function register(ctx: Ctx, id: string, body: z.infer<typeof RegisterBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await visibleRow(tx, ctx, id, true);
    const now = new Date();
    if (r.state !== "published") throw new AppError(409, "event-not-open");
    if (
      (r.registrationOpensAt && now < r.registrationOpensAt) ||
      now >= (r.registrationClosesAt ?? r.startsAt)
    )
      throw new AppError(409, "event-registration-closed");
    const fields: FieldError[] = [];
    if (r.kind === "mission") {
      if (!body.organizationId)
        fields.push({ field: "organizationId", key: "field.event.organization-required" });
      if (!body.exportProductRu)
        fields.push({ field: "exportProductRu", key: "field.event.export-product-required" });
      if (!body.targetCountry)
        fields.push({ field: "targetCountry", key: "field.event.target-country-required" });
    } else if (r.audience !== "everyone" && !body.organizationId)
      fields.push({ field: "organizationId", key: "field.event.organization-required" });
    if (fields.length) throw badRequest(fields);
    if (body.organizationId) {
      const access = await accessOf(tx, actor, body.organizationId);
      if (access.role === null)
        throw badRequest([{ field: "organizationId", key: "field.event.not-member" }]);
    }
    if (!(await admits(tx, r, body.organizationId ?? null))) throw new AppError(409, "event-audience");
    const [live] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, id),
          eq(eventRegistrations.userId, actor.id),
          inArray(eventRegistrations.state, LIVE),
        ),
      );
    if (live) throw new AppError(409, "event-registered");
    const state: RegistrationState =
      r.kind === "mission"
        ? "applied"
        : r.capacity === null || (await takenOf(tx, id)) < r.capacity
          ? "registered"
          : "waitlisted";
    const [g] = await tx
      .insert(eventRegistrations)
      .values({
        eventId: id,
        userId: actor.id,
        organizationId: body.organizationId ?? null,
        state,
        public: body.organizationId ? body.public : false,
        exportProductRu: r.kind === "mission" ? (body.exportProductRu ?? null) : null,
        targetCountry: r.kind === "mission" ? (body.targetCountry ?? null) : null,
        // The moment the place was asked for under the event's lock (now() is the transaction's start,
        // which a transaction that waited for the lock would have earlier than the one before it).
        queuedAt: sql`clock_timestamp()`,
      })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.register",
      entity: "event",
      entityId: id,
      after: { registration: g!.id, state, organizationId: g!.organizationId },
    });
    return regView(tx, g!);
  });
}

/** Who promotes: the audit's actor and the public URL the notice's mail links to. */
export type Promoter = { audit: { actorId: string | null; ip: string | null }; publicUrl: string };
const promoter = (ctx: Ctx): Promoter => ({ audit: auditCtx(ctx), publicUrl: ctx.config.publicUrl });

/** Promotes the first waiting, if a place is free: told in the same transaction (the event locked). */
export async function promote(tx: Executor, by: Promoter, r: Row): Promise<string | null> {
  if (r.kind === "mission" || r.state !== "published") return null;
  if (r.capacity !== null && (await takenOf(tx, r.id)) >= r.capacity) return null;
  const [first] = await tx
    .select({ id: eventRegistrations.id, userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, r.id), eq(eventRegistrations.state, "waitlisted")))
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id))
    .limit(1);
  if (!first) return null;
  await tx
    .update(eventRegistrations)
    .set({ state: "registered", version: sql`${eventRegistrations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(eventRegistrations.id, first.id));
  await writeAudit(tx, by.audit, {
    action: "event.promote",
    entity: "event",
    entityId: r.id,
    after: { registration: first.id, state: "registered" },
  });
  await notifyAll(tx, by.publicUrl, [
    {
      userIds: [first.userId],
      kind: EVENT_NOTIFICATION_KINDS.promoted,
      data: { event: r.titleRu },
      link: `/events/${r.id}`,
    },
  ]);
  return first.userId;
}

/** Cancels the reader's live registration; a freed place goes to the first waiting, who is told. */
export async function cancelRegistration(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  let told = false;
  await ctx.db.transaction(async (tx) => {
    const r = await visibleRow(tx, ctx, id, true);
    const [g] = await tx
      .update(eventRegistrations)
      .set({ state: "cancelled", version: sql`${eventRegistrations.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(eventRegistrations.eventId, id),
          eq(eventRegistrations.userId, actor.id),
          inArray(eventRegistrations.state, LIVE),
        ),
      )
      .returning({ id: eventRegistrations.id });
    if (!g) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.unregister",
      entity: "event",
      entityId: id,
      after: { registration: g.id, state: "cancelled" },
    });
    told = (await promote(tx, promoter(ctx), r)) !== null;
  });
  if (told) ctx.mailQueued();
}

/** The registration locked, and its event, for one who may mark attendance or decide (anyone else: 404). */
async function registrationFor(tx: Executor, ctx: Ctx, registrationId: string, operatorOnly: boolean) {
  const [g] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId));
  if (!g) throw notFound();
  const r = await eventRow(tx, g.eventId, true);
  const allowed = operatorOnly ? can(ctx.actor, "events.manage") : await mayMarkAttendance(tx, ctx, r);
  if (!allowed) throw notFound();
  return { g, r };
}

/**
 * The operator selects or declines a mission's application; one conditional update on its id, version
 * and state, so of two racing decisions one wins and the other is 409. Selecting past the capacity is 409.
 */
export async function decide(
  ctx: Ctx,
  registrationId: string,
  body: { decision: "select" | "decline"; version: number },
) {
  const actor = requireActor(ctx);
  const view = await ctx.db.transaction(async (tx) => {
    const { g, r } = await registrationFor(tx, ctx, registrationId, true);
    if (g.state !== "applied" || g.version !== body.version)
      throw new AppError(409, "event-registration-changed");
    if (body.decision === "select" && r.capacity !== null && (await takenOf(tx, r.id)) >= r.capacity)
      throw new AppError(409, "event-full");
    const state = body.decision === "select" ? "selected" : "declined";
    const [after] = await tx
      .update(eventRegistrations)
      .set({
        state,
        decidedBy: actor.id,
        decidedAt: new Date(),
        version: sql`${eventRegistrations.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(eventRegistrations.id, g.id),
          eq(eventRegistrations.version, body.version),
          eq(eventRegistrations.state, "applied"),
        ),
      )
      .returning();
    if (!after) throw new AppError(409, "event-registration-changed");
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.decide",
      entity: "event",
      entityId: r.id,
      before: { registration: g.id, state: g.state },
      after: { registration: g.id, state },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: [g.userId],
        kind: EVENT_NOTIFICATION_KINDS.decided,
        data: { event: r.titleRu, decision: body.decision },
        link: `/events/${r.id}`,
      },
    ]);
    return regView(tx, after);
  });
  ctx.mailQueued();
  return view;
}

/** Marks whether a person holding a place came (an operator or the organizer's owner or admin). */
export async function markAttendance(ctx: Ctx, registrationId: string, attended: boolean) {
  return ctx.db.transaction(async (tx) => {
    const { g, r } = await registrationFor(tx, ctx, registrationId, false);
    if (!(HOLDING as string[]).includes(g.state)) throw new AppError(409, "event-registration-changed");
    const [after] = await tx
      .update(eventRegistrations)
      .set({ attended, updatedAt: sql`now()` })
      .where(eq(eventRegistrations.id, g.id))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "event.attendance",
      entity: "event",
      entityId: r.id,
      after: { registration: g.id, attended },
    });
    return regView(tx, after!);
  });
}

/** An event's registrations (an operator or the organizer's owner or admin): places, then the waitlist. */
export async function registrants(ctx: Ctx, id: string, q: z.infer<typeof ListQuery>) {
  const r = await eventRow(ctx.db, id);
  if (!(await mayMarkAttendance(ctx.db, ctx, r))) throw notFound();
  const cond = eq(eventRegistrations.eventId, id);
  const list = await ctx.db
    .select()
    .from(eventRegistrations)
    .where(cond)
    .orderBy(
      sql`array_position(array['selected','registered','applied','waitlisted','declined','cancelled']::text[], ${eventRegistrations.state}::text)`,
      asc(eventRegistrations.queuedAt),
      asc(eventRegistrations.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await countRows(ctx.db, eventRegistrations, cond);
  const people = await usersByIds(
    ctx.db,
    list.map((g) => g.userId),
  );
  const items = [];
  for (const g of list) {
    const p = people.get(g.userId);
    items.push({
      ...(await regView(ctx.db, g)),
      user: { id: g.userId, fullName: p?.fullName ?? "", email: p?.email ?? "" },
    });
  }
  return { items, total: n!.n, page: q.page, pageSize: q.pageSize };
}

/** The reader's registrations (every state), the coming events first, soonest first. */
export async function myRegistrations(ctx: Ctx, q: z.infer<typeof ListQuery>) {
  const actor = requireActor(ctx);
  const cond = eq(eventRegistrations.userId, actor.id);
  const list = await ctx.db
    .select({ g: eventRegistrations, e: COLUMNS })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(cond)
    .orderBy(
      sql`${events.endsAt} < now()`,
      sql`case when ${events.endsAt} < now() then null else ${events.startsAt} end`,
      desc(events.startsAt),
      desc(eventRegistrations.createdAt),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await countRows(ctx.db, eventRegistrations, cond);
  const cards = await cardsOf(
    ctx.db,
    list.map((l) => l.e),
  );
  const items = [];
  for (const [i, l] of list.entries())
    items.push({ event: cards[i]!, registration: await regView(ctx.db, l.g) });
  return { items, total: n!.n, page: q.page, pageSize: q.pageSize };
}

// ---------- calendars ----------

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const feedUrl = (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/api/calendar/${token}.ics`;

/** Whether the reader has a calendar feed (its URL is shown only when made). */
export async function calendarFeed(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [f] = await ctx.db.select().from(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, actor.id));
  return { url: null, active: !!f };
}

/** Makes the reader's calendar feed URL, replacing (and so revoking) any earlier one. */
export async function makeCalendarFeed(ctx: Ctx) {
  const actor = requireActor(ctx);
  const token = randomBytes(24).toString("base64url");
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(eventCalendarFeeds)
      .values({ userId: actor.id, tokenHash: hashToken(token) })
      .onConflictDoUpdate({
        target: eventCalendarFeeds.userId,
        set: { tokenHash: hashToken(token), createdAt: sql`now()` },
      });
    await writeAudit(tx, auditCtx(ctx), { action: "event.feed.make", entity: "user", entityId: actor.id });
  });
  return { url: feedUrl(ctx, token), active: true };
}

/** Revokes the reader's calendar feed URL. */
export async function revokeCalendarFeed(ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, actor.id));
    await writeAudit(tx, auditCtx(ctx), { action: "event.feed.revoke", entity: "user", entityId: actor.id });
  });
}

/** An event for a calendar file: published or cancelled (a draft: 404). */
export async function eventForCalendar(ctx: Ctx, id: string): Promise<Row> {
  const r = await eventRow(ctx.db, id);
  if (r.state === "draft") throw notFound();
  return r;
}

/** The events a feed's owner holds a place in (its token unknown or revoked: 404). */
export async function feedEvents(ctx: Ctx, token: string): Promise<Row[]> {
  const [f] = await ctx.db
    .select({ userId: eventCalendarFeeds.userId })
    .from(eventCalendarFeeds)
    .where(eq(eventCalendarFeeds.tokenHash, hashToken(token)));
  if (!f) throw notFound();
  return ctx.db
    .select(COLUMNS)
    .from(events)
    .where(
      and(
        sql`${events.state} <> 'draft'`,
        sql`exists (select 1 from event_registrations g where g.event_id = ${events.id}
          and g.user_id = ${f.userId} and g.state in ('registered', 'selected'))`,
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(1000);
}

// ---------- reminders ----------

/**
 * The reminders a day and an hour before: every place holder of a published event starting within the
 * next 24 hours (or hour) who was not reminded yet is told once (the `reminded_*` column marks it in the
 * same transaction; none due, nothing is written). Returns how many mails were queued.
 */
export async function sendReminders(db: Executor, publicUrl: string, now = new Date()): Promise<number> {
  let mails = 0;
  for (const [when, minutes, column] of [
    ["day", 24 * 60, "reminded_day"],
    ["hour", 60, "reminded_hour"],
  ] as const) {
    const dueWhere = sql`e.id = g.event_id and e.state = 'published' and g.state in ('registered', 'selected')
              and g.${sql.raw(column)} is null
              and e.starts_at > ${now.toISOString()}::timestamptz
              and e.starts_at <= ${now.toISOString()}::timestamptz + make_interval(mins => ${minutes})
              ${when === "day" ? sql`and e.starts_at > ${now.toISOString()}::timestamptz + interval '1 hour'` : sql``}`;
    // Looked for first: an update touching no row would still fire the statement triggers that move the
    // catalog's generation (migration 0049), flushing the guests' caches every 5 minutes.
    const [any] = await rows<{ one: number }>(
      db,
      sql`select 1 as one from event_registrations g join events e on ${dueWhere} limit 1`,
    );
    if (!any) continue;
    mails += await db.transaction(async (tx) => {
      const due = await rows<{ id: string; user_id: string; event_id: string; title_ru: string }>(
        tx,
        sql`update event_registrations g set ${sql.raw(column)} = now()
            from events e
            where ${dueWhere}
            returning g.id, g.user_id, e.id as event_id, e.title_ru`,
      );
      const byEvent = new Map<string, { title: string; users: string[] }>();
      for (const d of due) {
        const e = byEvent.get(d.event_id) ?? { title: d.title_ru, users: [] };
        e.users.push(d.user_id);
        byEvent.set(d.event_id, e);
      }
      return notifyAll(
        tx,
        publicUrl,
        [...byEvent.entries()].map(([id, e]) => ({
          userIds: e.users,
          kind: EVENT_NOTIFICATION_KINDS.reminder,
          data: { event: e.title, when },
          link: `/events/${id}`,
        })),
      );
    });
  }
  return mails;
}
