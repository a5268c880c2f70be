// Favourites, saved searches and what they send: notices when a published measure is published or
// changed (a saved search matches it, or it becomes eligible for a member's organization), and
// reminders of closing windows of favourite measures.
//
// How a saved search is matched against one measure: the navigator's search statement itself
// (`runSearch`, measures.search.ts) restricted to that measure, once per distinct query (and, for a
// query that filters by verdict, per subscriber's active organization, read in one statement) — so a
// saved search lists exactly what the navigator would show. The organizations for which a measure became eligible
// come from one statement of the organizations module (`membersOfNewlyEligible`: the criteria as SQL
// over the profiles), whatever the number of organizations.

import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { addDays } from "../../../shared/dates.js";
import { type Criteria, type EligibilityProfile, evaluate } from "../../../shared/eligibility.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Db, type Executor, rows } from "../../core/db.js";
import { badRequest, notFound } from "../../core/errors.js";
import type { QueuedJob } from "../../core/jobs.js";
import { notify, notifyAll } from "../notifications/notifications.service.js";
import { membersOfNewlyEligible } from "../organizations/organizations.eligibility.js";
import {
  activeOrganizationFacts,
  activeOrganizationFactsOf,
} from "../organizations/organizations.service.js";
import { SearchQuery } from "./measures.contract.js";
import { MEASURE_NOTIFICATION } from "./measures.notifications.js";
import { MEASURE_COLUMNS, measures } from "./measures.schema.js";
import { runSearch } from "./measures.search.js";
import { type MeasureRow, orgProfile, presentCard, searchSpec } from "./measures.service.js";
import {
  measureFavourites,
  measureNotices,
  measureRemindersSent,
  measureSubscriptions,
} from "./measures.subscriptions.schema.js";

/** A saved search: the navigator's query without sorting and paging. */
export const SavedQuery = SearchQuery.omit({ sort: true, page: true, pageSize: true });
type Query = z.infer<typeof SavedQuery>;
const MAX_SUBSCRIPTIONS = 50;

// ---------- favourites ----------

async function publishedMeasure(ex: Executor, id: string) {
  const [m] = await ex
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.id, id), eq(measures.status, "published")));
  if (!m) throw notFound();
  return m;
}

export async function addFavourite(ctx: Ctx, measureId: string) {
  const actor = requireActor(ctx);
  await publishedMeasure(ctx.db, measureId);
  await ctx.db.insert(measureFavourites).values({ userId: actor.id, measureId }).onConflictDoNothing();
}

export async function removeFavourite(ctx: Ctx, measureId: string) {
  const actor = requireActor(ctx);
  await ctx.db
    .delete(measureFavourites)
    .where(and(eq(measureFavourites.userId, actor.id), eq(measureFavourites.measureId, measureId)));
}

/** The user's favourite measures that are published, most recently saved first. */
export async function listFavourites(ctx: Ctx) {
  const actor = requireActor(ctx);
  const today = moscowToday();
  const cols = MEASURE_COLUMNS;
  const rows = await ctx.db
    .select({ m: cols })
    .from(measureFavourites)
    .innerJoin(measures, eq(measures.id, measureFavourites.measureId))
    .where(and(eq(measureFavourites.userId, actor.id), eq(measures.status, "published")))
    .orderBy(desc(measureFavourites.createdAt), asc(measures.id));
  return { items: rows.map((r) => presentCard(r.m, today, null)) };
}

// ---------- saved searches ----------

type Subscription = typeof measureSubscriptions.$inferSelect;
const presentSubscription = (s: Subscription) => ({
  id: s.id,
  name: s.name,
  query: s.query,
  createdAt: s.createdAt.toISOString(),
});

export async function createSubscription(ctx: Ctx, body: { name: string; query: Query }) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(measureSubscriptions)
      .where(eq(measureSubscriptions.userId, actor.id));
    if (Number(n?.n ?? 0) >= MAX_SUBSCRIPTIONS)
      throw badRequest([
        { field: "name", key: "field.measure.subscriptions-limit", params: { max: MAX_SUBSCRIPTIONS } },
      ]);
    // Store the parsed query without empty filters.
    const query = Object.fromEntries(
      Object.entries(body.query).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)),
    );
    const [row] = await tx
      .insert(measureSubscriptions)
      .values({ userId: actor.id, name: body.name, query })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "measure.subscription.create",
      entity: "measure_subscription",
      entityId: row!.id,
      after: { name: row!.name, query },
    });
    return presentSubscription(row!);
  });
}

export async function listSubscriptions(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(measureSubscriptions)
    .where(eq(measureSubscriptions.userId, actor.id))
    .orderBy(asc(measureSubscriptions.createdAt), asc(measureSubscriptions.id));
  return { items: rows.map(presentSubscription) };
}

export async function deleteSubscription(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(measureSubscriptions)
      .where(and(eq(measureSubscriptions.id, id), eq(measureSubscriptions.userId, actor.id)))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "measure.subscription.delete",
      entity: "measure_subscription",
      entityId: id,
      before: { name: row.name, query: row.query },
    });
  });
}

// ---------- matching ----------

/**
 * Whether the navigator's search for a saved query (for this profile, or none) lists the measure: the
 * search statement itself (measures.search.ts), restricted to the one measure.
 */
async function searchLists(
  ex: Executor,
  q: Query,
  profile: EligibilityProfile | null,
  today: string,
  measureId: string,
): Promise<boolean> {
  const spec = searchSpec({ ...q, sort: "relevance", page: 1, pageSize: 1 }, profile, today);
  return (await runSearch(ex, { ...spec, only: measureId })).total > 0;
}

/** Notice rows per statement (one JSON parameter, as the notifications' fan-out writes them). */
const CLAIM_BATCH = 10_000;

/** Records notices (at most one per user and measure version); returns the users not told before. */
async function claim(
  ex: Executor,
  m: { id: string; version: number },
  reason: "match" | "eligible",
  list: { userId: string; subscriptionId?: string; organizationId?: string }[],
): Promise<Set<string>> {
  const told = new Set<string>();
  for (let i = 0; i < list.length; i += CLAIM_BATCH) {
    // In user order, so that two batches written at once take the keys' locks in the same order.
    const batch = list
      .slice(i, i + CLAIM_BATCH)
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map((r) => ({
        user_id: r.userId,
        subscription_id: r.subscriptionId ?? null,
        organization_id: r.organizationId ?? null,
      }));
    const fresh = await rows<{ userId: string }>(
      ex,
      sql`insert into measure_notices (user_id, measure_id, version, reason, subscription_id, organization_id)
          select x.user_id, ${m.id}::uuid, ${m.version}::int, ${reason}, x.subscription_id, x.organization_id
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x(user_id uuid, subscription_id uuid, organization_id uuid)
          on conflict do nothing
          returning user_id as "userId"`,
    );
    for (const r of fresh) told.add(r.userId);
  }
  return told;
}

const measureLink = (m: { id: string; slug: string | null }) => `/measures/${m.slug ?? m.id}`;

/** What the notices job needs of a change: the measure as published and what it was before. */
export interface MeasureChange {
  measure: { id: string; version: number; slug: string | null; titleRu: string; criteria: Criteria };
  /** The criteria it had while published before this change; null when it was not published. */
  before: Criteria | null;
}

/** Organizations per transaction of the notices job: each batch commits its notices on its own. */
export const NOTICE_ORG_BATCH = 500;
/** Batches of the notices job written at once. */
const NOTICE_PARALLEL = 2;

/**
 * Notifies (by each user's channel preference) the members of organizations for which a published
 * measure is eligible now and was not before (a newly published measure was eligible for nobody),
 * organizations in batches of NOTICE_ORG_BATCH, each in its own transaction; then the owners of saved
 * searches that match it. Each user hears at most once per measure version (the measure_notices key),
 * so a run repeated after a crash tells nobody twice. A measure archived or changed again meanwhile is
 * left to the job of its newer version. Returns the number of mails queued.
 */
export async function sendMeasureNotices(
  db: Db,
  publicUrl: string,
  change: MeasureChange,
  batchSize = NOTICE_ORG_BATCH,
): Promise<number> {
  const m = change.measure;
  const [current] = await db
    .select({ version: measures.version, status: measures.status })
    .from(measures)
    .where(eq(measures.id, m.id));
  if (current?.status !== "published" || current.version !== m.version) return 0;
  const today = moscowToday();
  const link = measureLink(m);
  let mails = 0;

  // Organizations for which the measure became eligible, a batch at a time, two batches' writes at
  // once (the database writes them on two connections while the next pages are read).
  const toldEligible = new Set<string>();
  type Page = Awaited<ReturnType<typeof membersOfNewlyEligible>>;
  /** `taken`: the members of the pages written at the same time before this one (they tell them). */
  const writeBatch = (batch: Page, taken: ReadonlySet<string>) =>
    db.transaction(async (tx) => {
      const byOrg = new Map<string, { org: string; userIds: string[] }>();
      const eligibleRows: { userId: string; organizationId: string }[] = [];
      const inBatch = new Set<string>();
      for (const o of batch)
        for (const userId of o.memberIds) {
          if (toldEligible.has(userId) || taken.has(userId) || inBatch.has(userId)) continue;
          inBatch.add(userId);
          eligibleRows.push({ userId, organizationId: o.id });
          const g = byOrg.get(o.id) ?? { org: o.shortName, userIds: [] };
          g.userIds.push(userId);
          byOrg.set(o.id, g);
        }
      // A member of organizations in both concurrent batches is told by the earlier one (`taken`), so
      // the two never insert the same notice key: the later one would wait on it until the earlier
      // committed, and the two batches would be written one after the other.
      const told = await claim(tx, m, "eligible", eligibleRows);
      for (const u of told) toldEligible.add(u);
      // One notice per organization (its name is in the text), all written together.
      return notifyAll(
        tx,
        publicUrl,
        [...byOrg.values()].map((g) => ({
          userIds: g.userIds.filter((u) => told.has(u)),
          kind: MEASURE_NOTIFICATION.eligible,
          data: { title: m.titleRu, org: g.org },
          link,
        })),
      );
    });
  let afterId: string | undefined;
  let done = false;
  while (!done) {
    const pages: Page[] = [];
    while (!done && pages.length < NOTICE_PARALLEL) {
      const batch = await membersOfNewlyEligible(db, m.criteria, change.before, today, {
        afterId,
        limit: batchSize,
      });
      if (batch.length) {
        pages.push(batch);
        afterId = batch.at(-1)!.id;
      }
      done = batch.length < batchSize;
    }
    // Each page leaves the members of the pages before it in this round to them.
    const earlier = new Set<string>();
    const writes = pages.map((page) => {
      const taken = new Set(earlier);
      for (const o of page) for (const u of o.memberIds) earlier.add(u);
      return writeBatch(page, taken);
    });
    for (const n of await Promise.all(writes)) mails += n;
  }

  // Saved searches that match: each distinct query (with the subscriber's organization when it filters
  // by verdict) runs the navigator's own search statement, restricted to this measure. A user told of
  // eligibility above (in this run or an earlier one) already has this version's notice.
  return (
    mails +
    (await db.transaction(async (tx) => {
      const subs = (await tx.select().from(measureSubscriptions).orderBy(asc(measureSubscriptions.createdAt)))
        .filter((s) => !toldEligible.has(s.userId))
        .flatMap((s) => {
          const parsed = SavedQuery.safeParse(s.query);
          return parsed.success ? [{ s, q: parsed.data }] : [];
        });
      const facts = await activeOrganizationFactsOf(tx, [
        ...new Set(subs.filter(({ q }) => q.eligibility?.length).map(({ s }) => s.userId)),
      ]);
      const lists = new Map<string, boolean>();
      const matched = new Map<string, Subscription>();
      for (const { s, q } of subs) {
        if (matched.has(s.userId)) continue;
        const f = q.eligibility?.length ? facts.get(s.userId) : undefined;
        const profile = f ? orgProfile(f) : null;
        const key = JSON.stringify([q, profile]);
        let hit = lists.get(key);
        if (hit === undefined) {
          hit = await searchLists(tx, q, profile, today, m.id);
          lists.set(key, hit);
        }
        if (hit) matched.set(s.userId, s);
      }
      const toldMatch = await claim(
        tx,
        m,
        "match",
        [...matched.values()].map((s) => ({ userId: s.userId, subscriptionId: s.id })),
      );
      let queued = 0;
      for (const s of matched.values())
        if (toldMatch.has(s.userId))
          queued += await notify(tx, publicUrl, {
            userIds: [s.userId],
            kind: MEASURE_NOTIFICATION.match,
            data: { title: m.titleRu, search: s.name, changed: change.before ? 1 : 0 },
            link,
          });
      return queued;
    }))
  );
}

/** The job that sends a published or changed measure's notices (`sendMeasureNotices`). */
export const measureNoticesJob: QueuedJob<MeasureChange> = {
  name: "measures.notices",
  run: ({ db, config }, change) => sendMeasureNotices(db, config.publicUrl, change),
};

/**
 * Called inside the transaction that published a measure or changed a published one, with the row
 * before and after: sends the notices job in that transaction (nothing when the request rolls back;
 * one job per measure version however often it is sent).
 */
export async function onMeasurePublishedOrChanged(
  tx: Executor,
  ctx: Pick<Ctx, "jobs">,
  before: MeasureRow | null,
  after: MeasureRow,
): Promise<void> {
  if (after.status !== "published") return;
  const change: MeasureChange = {
    measure: {
      id: after.id,
      version: after.version,
      slug: after.slug,
      titleRu: after.titleRu,
      criteria: after.criteria,
    },
    before: before?.status === "published" ? before.criteria : null,
  };
  await ctx.jobs.send(tx, measureNoticesJob, change, { singletonKey: `${after.id}:${after.version}` });
}

// ---------- reminders ----------

/** A favourite closes soon when its window ends within this many days (the reminders and the cabinet). */
export const CLOSING_SOON_DAYS = 7;

/**
 * Reminds users of their favourite published measures whose window closes within 7 days (today in
 * Moscow through today + 7), once per (user, measure, closing date). Returns how many reminders went out.
 */
export async function sendMeasureReminders(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const today = moscowToday(now);
  const until = addDays(today, CLOSING_SOON_DAYS);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        userId: measureFavourites.userId,
        measureId: measures.id,
        slug: measures.slug,
        titleRu: measures.titleRu,
        closesOn: measures.closesOn,
      })
      .from(measureFavourites)
      .innerJoin(measures, eq(measures.id, measureFavourites.measureId))
      .where(
        and(
          eq(measures.status, "published"),
          eq(measures.permanent, false),
          gte(measures.closesOn, today),
          lte(measures.closesOn, until),
        ),
      );
    if (!due.length) return 0;
    const fresh = await tx
      .insert(measureRemindersSent)
      .values(due.map((d) => ({ userId: d.userId, measureId: d.measureId, closesOn: d.closesOn! })))
      .onConflictDoNothing()
      .returning({ userId: measureRemindersSent.userId, measureId: measureRemindersSent.measureId });
    const key = (u: string, m: string) => `${u}:${m}`;
    const sent = new Set(fresh.map((f) => key(f.userId, f.measureId)));
    const byMeasure = new Map<string, { d: (typeof due)[number]; userIds: string[] }>();
    for (const d of due) {
      if (!sent.has(key(d.userId, d.measureId))) continue;
      const g = byMeasure.get(d.measureId) ?? { d, userIds: [] };
      g.userIds.push(d.userId);
      byMeasure.set(d.measureId, g);
    }
    for (const { d, userIds } of byMeasure.values())
      await notify(tx, publicUrl, {
        userIds,
        kind: MEASURE_NOTIFICATION.reminder,
        data: { title: d.titleRu, closesOn: d.closesOn },
        link: `/measures/${d.slug ?? d.measureId}`,
      });
    return fresh.length;
  });
}

// ---------- the member's cabinet ----------

/** At most this many favourites closing soon are shown in the cabinet. */
export const CLOSING_SOON_LIMIT = 20;

/**
 * The user's favourite measures whose window closes within CLOSING_SOON_DAYS, soonest first (at most
 * CLOSING_SOON_LIMIT: chosen by the database, however many favourites the user keeps).
 */
export async function favouritesClosingSoon(ctx: Ctx) {
  const actor = requireActor(ctx);
  const today = moscowToday();
  const until = addDays(today, CLOSING_SOON_DAYS);
  const found = await ctx.db
    .select({ m: MEASURE_COLUMNS })
    .from(measureFavourites)
    .innerJoin(measures, eq(measures.id, measureFavourites.measureId))
    .where(
      and(
        eq(measureFavourites.userId, actor.id),
        eq(measures.status, "published"),
        eq(measures.permanent, false),
        gte(measures.closesOn, today),
        lte(measures.closesOn, until),
      ),
    )
    .orderBy(asc(measures.closesOn), desc(measureFavourites.createdAt), asc(measures.id))
    .limit(CLOSING_SOON_LIMIT);
  return found.map((r) => presentCard(r.m, today, null));
}

/** How far back a notice that a measure became eligible counts as news for the cabinet. */
export const NEWLY_ELIGIBLE_DAYS = 30;

/**
 * Published measures the user was told (within NEWLY_ELIGIBLE_DAYS) had become eligible for their
 * active organization, that are still eligible for it and not closed: the notices' own record
 * (measure_notices, reason "eligible"), re-evaluated against the organization as it is now. Newest
 * notice first; `total` counts them all, `items` holds the first `limit`.
 */
export async function newlyEligibleMeasures(ctx: Ctx, limit = 5) {
  const actor = requireActor(ctx);
  const facts = await activeOrganizationFacts(ctx.db, actor.id);
  if (!facts) return { organization: null, total: 0, items: [] };
  const today = moscowToday();
  const profile = orgProfile(facts);
  const noticedAt = sql<Date>`max(${measureNotices.createdAt})`;
  const noticed = ctx.db
    .select({ measureId: measureNotices.measureId, at: noticedAt.as("noticed_at") })
    .from(measureNotices)
    .where(
      and(
        eq(measureNotices.userId, actor.id),
        eq(measureNotices.reason, "eligible"),
        eq(measureNotices.organizationId, facts.id),
        gte(measureNotices.createdAt, sql`now() - make_interval(days => ${NEWLY_ELIGIBLE_DAYS})`),
      ),
    )
    .groupBy(measureNotices.measureId)
    .as("noticed");
  const list = await ctx.db
    .select({ m: MEASURE_COLUMNS })
    .from(noticed)
    .innerJoin(measures, eq(measures.id, noticed.measureId))
    .where(eq(measures.status, "published"))
    .orderBy(desc(noticed.at), asc(measures.id))
    .limit(200);
  const fit = list
    .filter(({ m }) => m.permanent || m.closesOn === null || m.closesOn >= today)
    .map(({ m }) => ({ m, e: evaluate(m.criteria, profile, today) }))
    .filter(({ e }) => e.verdict === "eligible");
  return {
    organization: { id: facts.id, shortName: facts.shortName },
    total: fit.length,
    items: fit.slice(0, limit).map(({ m, e }) => presentCard(m, today, null, e)),
  };
}
