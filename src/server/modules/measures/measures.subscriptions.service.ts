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
import type { EligibilityProfile } from "../../../shared/eligibility.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Db, Executor } from "../../core/db.js";
import { badRequest, notFound } from "../../core/errors.js";
import { notify } from "../notifications/notifications.service.js";
import { membersOfNewlyEligible } from "../organizations/organizations.eligibility.js";
import { activeOrganizationFactsOf } from "../organizations/organizations.service.js";
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

/** Notice rows per INSERT: at most 7 parameters each stays well under the 65,535 a statement may bind. */
const CLAIM_BATCH = 5000;

/** Records notices (at most one per user and measure version); returns the users not told before. */
async function claim(
  ex: Executor,
  m: MeasureRow,
  reason: "match" | "eligible",
  rows: { userId: string; subscriptionId?: string; organizationId?: string }[],
): Promise<Set<string>> {
  const told = new Set<string>();
  for (let i = 0; i < rows.length; i += CLAIM_BATCH) {
    const fresh = await ex
      .insert(measureNotices)
      .values(
        rows.slice(i, i + CLAIM_BATCH).map((r) => ({ ...r, measureId: m.id, version: m.version, reason })),
      )
      .onConflictDoNothing()
      .returning({ userId: measureNotices.userId });
    for (const r of fresh) told.add(r.userId);
  }
  return told;
}

const measureLink = (m: MeasureRow) => `/measures/${m.slug ?? m.id}`;

/**
 * Called inside the transaction that published a measure or changed a published one, with the row
 * before and after. Notifies (by each user's channel preference) the members of organizations for
 * which the measure is eligible now and was not before (a newly published measure was eligible for
 * nobody), then the owners of saved searches that match it; each user at most once per version.
 * Returns the number of mails queued (the caller nudges the dispatcher after its commit).
 */
export async function onMeasurePublishedOrChanged(
  ex: Executor,
  ctx: Pick<Ctx, "config">,
  before: MeasureRow | null,
  after: MeasureRow,
): Promise<number> {
  if (after.status !== "published") return 0;
  const wasPublished = before?.status === "published";
  const today = moscowToday();
  const publicUrl = ctx.config.publicUrl;
  const link = measureLink(after);
  let mails = 0;

  // Organizations for which the measure became eligible.
  const byOrg = new Map<string, { org: string; userIds: string[] }>();
  const seen = new Set<string>();
  const eligibleRows: { userId: string; organizationId: string }[] = [];
  const newlyEligible = await membersOfNewlyEligible(
    ex,
    after.criteria,
    wasPublished ? before!.criteria : null,
    today,
  );
  for (const o of newlyEligible)
    for (const userId of o.memberIds) {
      if (seen.has(userId)) continue;
      seen.add(userId);
      eligibleRows.push({ userId, organizationId: o.id });
      const g = byOrg.get(o.id) ?? { org: o.shortName, userIds: [] };
      g.userIds.push(userId);
      byOrg.set(o.id, g);
    }
  const toldEligible = await claim(ex, after, "eligible", eligibleRows);
  for (const g of byOrg.values()) {
    const userIds = g.userIds.filter((u) => toldEligible.has(u));
    if (userIds.length)
      mails += await notify(ex, publicUrl, {
        userIds,
        kind: MEASURE_NOTIFICATION.eligible,
        data: { title: after.titleRu, org: g.org },
        link,
      });
  }

  // Saved searches that match: each distinct query (with the subscriber's organization when it filters
  // by verdict) runs the navigator's own search statement, restricted to this measure.
  const subs = (await ex.select().from(measureSubscriptions).orderBy(asc(measureSubscriptions.createdAt)))
    .filter((s) => !toldEligible.has(s.userId))
    .flatMap((s) => {
      const parsed = SavedQuery.safeParse(s.query);
      return parsed.success ? [{ s, q: parsed.data }] : [];
    });
  const facts = await activeOrganizationFactsOf(ex, [
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
      hit = await searchLists(ex, q, profile, today, after.id);
      lists.set(key, hit);
    }
    if (hit) matched.set(s.userId, s);
  }
  const toldMatch = await claim(
    ex,
    after,
    "match",
    [...matched.values()].map((s) => ({ userId: s.userId, subscriptionId: s.id })),
  );
  for (const s of matched.values())
    if (toldMatch.has(s.userId))
      mails += await notify(ex, publicUrl, {
        userIds: [s.userId],
        kind: MEASURE_NOTIFICATION.match,
        data: { title: after.titleRu, search: s.name, changed: wasPublished ? 1 : 0 },
        link,
      });
  return mails;
}

// ---------- reminders ----------

const addDays = (ymd: string, n: number) => {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * Reminds users of their favourite published measures whose window closes within 7 days (today in
 * Moscow through today + 7), once per (user, measure, closing date). Returns how many reminders went out.
 */
export async function sendMeasureReminders(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const today = moscowToday(now);
  const until = addDays(today, 7);
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
