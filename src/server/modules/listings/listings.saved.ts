// Saved searches' notices: when a listing is published (not when a change of it is approved), the job
// sent in the decision's transaction finds the saved searches of its kind that it matches — the kind's
// facet filters (any of the chosen values, as the catalog filters) and the text by the catalog's own
// text matching (the engine's Russian full text with prefixes and corrections, then similar titles) —
// and tells each owner once: a row per (saved search, listing) is written with the notice, so a job run
// twice tells nobody twice. The listing's own organization's members are not told of their listing.
import { and, eq, sql } from "drizzle-orm";
import { facetFields, facetValues, LISTING_KINDS } from "../../../shared/listings.js";
import type { Db } from "../../core/db.js";
import type { QueuedJob } from "../../core/jobs.js";
import { rankedMatches, searchText } from "../../core/search.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { memberships } from "../organizations/organizations.schema.js";
import { listingSavedSearches, listingSearchNotices } from "./listings.follow.schema.js";
import { LISTING_NOTIFICATION_KINDS } from "./listings.notifications.js";
import { listings } from "./listings.schema.js";
import { LISTINGS_CATALOG } from "./listings.service.js";

/** Whether the listing's values pass a saved search's facet filters (each: any of the chosen values). */
function facetsMatch(
  kind: keyof typeof LISTING_KINDS,
  values: Record<string, unknown>,
  query: Record<string, unknown>,
) {
  for (const f of facetFields(LISTING_KINDS[kind])) {
    const chosen = query[f.key];
    if (!Array.isArray(chosen) || !chosen.length) continue;
    const has = facetValues(values[f.key] as never);
    if (!chosen.some((v) => has.includes(String(v)))) return false;
  }
  return true;
}

/** Tells the owners of the saved searches a published listing matches; returns the mails queued. */
export async function sendSearchNotices(db: Db, publicUrl: string, listingId: string): Promise<number> {
  const [l] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.state, "published")));
  if (!l) return 0;
  const candidates = await db
    .select()
    .from(listingSavedSearches)
    .where(
      and(
        eq(listingSavedSearches.kind, l.kind),
        sql`not exists (select 1 from ${memberships} m where m.organization_id = ${l.organizationId}
              and m.user_id = ${listingSavedSearches.userId})`,
      ),
    );
  const byFacets = candidates.filter((s) => facetsMatch(l.kind, l.values, s.query));
  // Each distinct text once, restricted to this listing.
  const texts = new Map<string, boolean>();
  for (const s of byFacets) {
    const q = typeof s.query.q === "string" ? s.query.q.trim() : "";
    if (!q || texts.has(q)) continue;
    const st = await searchText(db, LISTINGS_CATALOG, q);
    const found = await rankedMatches(
      db,
      LISTINGS_CATALOG,
      {
        table: sql`listings`,
        id: sql`id`,
        search: sql`search`,
        title: sql`title_ru`,
        where: sql`id = ${l.id} and state = 'published'`,
        typoBelow: 1,
      },
      q,
      st,
    );
    texts.set(q, found.length > 0);
  }
  const matched = byFacets.filter((s) => {
    const q = typeof s.query.q === "string" ? s.query.q.trim() : "";
    return !q || texts.get(q) === true;
  });
  if (!matched.length) return 0;
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(listingSearchNotices)
      .values(matched.map((s) => ({ searchId: s.id, listingId: l.id, userId: s.userId })))
      .onConflictDoNothing()
      .returning({ searchId: listingSearchNotices.searchId, userId: listingSearchNotices.userId });
    // One notice per owner (naming the first of their searches it matches), whatever their number.
    const byUser = new Map<string, string>();
    for (const f of fresh) {
      const s = matched.find((m) => m.id === f.searchId)!;
      if (!byUser.has(f.userId)) byUser.set(f.userId, s.name);
    }
    return notifyAll(
      tx,
      publicUrl,
      [...byUser].map(([userId, search]) => ({
        userIds: [userId],
        kind: LISTING_NOTIFICATION_KINDS.match,
        data: { title: l.titleRu, search },
        link: `/listings/${l.id}`,
      })),
    );
  });
}

/** The job that sends a newly published listing's saved-search notices. */
export const listingSearchNoticesJob: QueuedJob<{ listingId: string }> = {
  name: "listings.search-notices",
  run: ({ db, config }, d) => sendSearchNotices(db, config.publicUrl, d.listingId),
};
