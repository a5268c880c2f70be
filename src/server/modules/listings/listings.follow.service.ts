// What a reader keeps of the exchanges and what an author learns of a listing: favourites, saved
// searches (their notices: listings.saved.ts), view counts, and the prolongation of a listing's validity
// (its expiry: listings.expiry.ts).
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  facetFields,
  LISTING_KINDS,
  LISTING_VALIDITY_DAYS,
  MAX_LISTING_SAVED_SEARCHES,
} from "../../../shared/listings.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Db } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { organizations } from "../organizations/organizations.schema.js";
import type { SavedSearchBody } from "./listings.follow.contract.js";
import { listingFavourites, listingSavedSearches, listingViews } from "./listings.follow.schema.js";
import { listings } from "./listings.schema.js";
import { card, changed, insider, orgName, ownListing, present, transition } from "./listings.service.js";

const DAY_MS = 24 * 3600 * 1000;

// ---------- favourites ----------

/** Stars a published listing (idempotent; a listing not published: 404). */
export async function addFavourite(ctx: Ctx, listingId: string): Promise<void> {
  const actor = requireActor(ctx);
  const [l] = await ctx.db
    .select({ id: listings.id })
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.state, "published")));
  if (!l) throw notFound();
  await ctx.db.insert(listingFavourites).values({ userId: actor.id, listingId }).onConflictDoNothing();
}

/** Unstars a listing (idempotent). */
export async function removeFavourite(ctx: Ctx, listingId: string): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db
    .delete(listingFavourites)
    .where(and(eq(listingFavourites.userId, actor.id), eq(listingFavourites.listingId, listingId)));
}

/** The user's starred listings that are still published, most recently starred first. */
export async function listFavourites(ctx: Ctx) {
  const actor = requireActor(ctx);
  const found = await ctx.db
    .select({ l: listings, org: { id: organizations.id, shortName: organizations.shortName } })
    .from(listingFavourites)
    .innerJoin(listings, eq(listings.id, listingFavourites.listingId))
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(and(eq(listingFavourites.userId, actor.id), eq(listings.state, "published")))
    .orderBy(desc(listingFavourites.createdAt), asc(listings.id))
    .limit(500);
  return { items: found.map(({ l, org }) => card(l, org)) };
}

// ---------- saved searches ----------

type SavedRow = typeof listingSavedSearches.$inferSelect;
const presentSearch = (s: SavedRow) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  query: s.query,
  createdAt: s.createdAt.toISOString(),
});

/**
 * Saves a search of a kind's catalog: its text and the kind's facet filters (others are dropped), at
 * most MAX_LISTING_SAVED_SEARCHES per user (400 beyond, on `name`).
 */
export async function createSavedSearch(ctx: Ctx, body: z.infer<typeof SavedSearchBody>) {
  const actor = requireActor(ctx);
  const { kind, q, ...filters } = body.query;
  const query: Record<string, string | string[]> = {};
  if (q?.trim()) query.q = q.trim();
  const all = filters as Record<string, string[] | undefined>;
  for (const f of facetFields(LISTING_KINDS[kind])) {
    const chosen = all[f.key];
    if (chosen?.length) query[f.key] = [...new Set(chosen)];
  }
  return ctx.db.transaction(async (tx) => {
    // One writer per user at a time, so that two saves at once cannot both pass the limit.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('listing_saved_searches'), hashtext(${actor.id}))`,
    );
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(listingSavedSearches)
      .where(eq(listingSavedSearches.userId, actor.id));
    if (Number(n?.n ?? 0) >= MAX_LISTING_SAVED_SEARCHES)
      throw badRequest([
        {
          field: "name",
          key: "field.listing.saved-searches-limit",
          params: { max: MAX_LISTING_SAVED_SEARCHES },
        },
      ]);
    const [row] = await tx
      .insert(listingSavedSearches)
      .values({ userId: actor.id, name: body.name, kind, query })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing.saved_search.create",
      entity: "listing_saved_search",
      entityId: row!.id,
      after: { name: row!.name, kind, query },
    });
    return presentSearch(row!);
  });
}

export async function listSavedSearches(ctx: Ctx) {
  const actor = requireActor(ctx);
  const found = await ctx.db
    .select()
    .from(listingSavedSearches)
    .where(eq(listingSavedSearches.userId, actor.id))
    .orderBy(asc(listingSavedSearches.createdAt), asc(listingSavedSearches.id));
  return { items: found.map(presentSearch) };
}

export async function deleteSavedSearch(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(listingSavedSearches)
      .where(and(eq(listingSavedSearches.id, id), eq(listingSavedSearches.userId, actor.id)))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing.saved_search.delete",
      entity: "listing_saved_search",
      entityId: id,
      before: { name: row.name, kind: row.kind, query: row.query },
    });
  });
}

// ---------- view counts ----------

/** Readers remembered per day before the memory is let go (a reader after that may count again). */
const MAX_SEEN = 200_000;
/** Counted views wait this long in memory before one statement adds them to the table. */
export const VIEWS_FLUSH_MS = 5000;

/**
 * The views of one app server: the readers seen today (Moscow day) per listing, and the counts not yet
 * written, added to `listing_views` by one statement every VIEWS_FLUSH_MS. A page view costs a set
 * lookup, no statement and no lock on the listing's row; a reader is a user id, a guest a hash of the
 * address (kept in memory only). Several app servers each count a reader once: at most once per server.
 */
class ViewCounter {
  #day = "";
  #seen = new Set<string>();
  #pending = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  constructor(readonly db: Db) {}

  see(listingId: string, reader: string, now = new Date()): void {
    const day = moscowToday(now);
    if (day !== this.#day || this.#seen.size >= MAX_SEEN) {
      this.#day = day;
      this.#seen.clear();
    }
    const key = `${listingId}:${reader}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#pending.set(listingId, (this.#pending.get(listingId) ?? 0) + 1);
    this.#timer ??= setTimeout(() => void this.flush(), VIEWS_FLUSH_MS).unref();
  }

  pendingOf(listingId: string): number {
    return this.#pending.get(listingId) ?? 0;
  }

  /** Adds the counts waiting in memory to the table (listings deleted meanwhile are skipped). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending.size) return;
    const batch = [...this.#pending].map(([id, n]) => ({ id, n }));
    this.#pending.clear();
    try {
      await this.db.execute(
        sql`insert into listing_views (listing_id, views)
            select x.id, x.n from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id uuid, n int)
            join listings l on l.id = x.id
            order by x.id
            on conflict (listing_id) do update set views = listing_views.views + excluded.views`,
      );
    } catch {
      // A database going away (shutdown) loses a few seconds of counts: they are statistics.
    }
  }
}

const counters = new WeakMap<Db, ViewCounter>();
const counterOf = (db: Db) => {
  const found = counters.get(db);
  if (found) return found;
  const c = new ViewCounter(db);
  counters.set(db, c);
  return c;
};

/** Counts a reader's view of a published listing (at most once a day per reader). */
export function countView(ctx: Ctx, listingId: string): void {
  const reader = ctx.actor
    ? `u:${ctx.actor.id}`
    : `a:${createHash("sha256")
        .update(ctx.ip ?? "")
        .digest("base64url")
        .slice(0, 22)}`;
  counterOf(ctx.db).see(listingId, reader);
}

/** The listings' view counts: the table's and this server's not yet written. */
export async function viewsOf(db: Db, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const found = await db
    .select({ id: listingViews.listingId, views: listingViews.views })
    .from(listingViews)
    .where(inArray(listingViews.listingId, ids));
  const c = counterOf(db);
  for (const id of ids) out.set(id, c.pendingOf(id));
  for (const r of found) out.set(r.id, (out.get(r.id) ?? 0) + r.views);
  return out;
}

/** Writes this server's waiting counts now (tests; shutdown). */
export const flushViews = (db: Db) => counterOf(db).flush();

// ---------- validity ----------

/**
 * The author prolongs a published listing by LISTING_VALIDITY_DAYS from its current expiry (or from now,
 * past it), while it has less than that left: a listing is never valid more than twice that ahead. The
 * week's notice is due again for the new date. Audited; the catalog is not touched.
 */
export async function prolongListing(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const r = await ownListing(tx, ctx, id);
    if (r.version !== version) await changed(tx, r, true);
    if (r.state !== "published") throw transition(ctx, "listings.transition.prolong", r.state);
    if (r.expiresAt && r.expiresAt.getTime() - Date.now() >= LISTING_VALIDITY_DAYS * DAY_MS)
      throw new AppError(409, "listing-transition", {}, [], {
        detail: t(ctx.locale, "listings.transition.prolong-early", { days: LISTING_VALIDITY_DAYS }),
      });
    const [after] = await tx
      .update(listings)
      .set({
        expiresAt: sql`greatest(coalesce(${listings.expiresAt}, now()), now()) + make_interval(days => ${LISTING_VALIDITY_DAYS})`,
        expiryNotifiedAt: null,
        version: sql`${listings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(listings.id, id), eq(listings.version, version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing.prolong",
      entity: "listing",
      entityId: id,
      before: { expiresAt: r.expiresAt?.toISOString() ?? null, version: r.version },
      after: { expiresAt: after!.expiresAt?.toISOString() ?? null, version: after!.version },
    });
    return present(tx, after!, await orgName(tx, r.organizationId), insider(true));
  });
}
