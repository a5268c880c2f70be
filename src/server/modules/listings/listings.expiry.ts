// The validity of published listings: the daily job closes the expired ones and tells their authors a
// week before (once per validity period: `expiry_notified_at`, cleared when the author prolongs).
import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import { CLUSTER_TIME_ZONE, type Locale } from "../../../shared/constants.js";
import { LISTING_EXPIRY_NOTICE_DAYS } from "../../../shared/listings.js";
import { writeAudit } from "../../core/audit.js";
import type { Db, Executor } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { ScheduledJob } from "../../core/jobs.js";
import { notify } from "../notifications/notifications.service.js";
import { isMember, managerIds } from "../organizations/membership.js";
import { LISTING_NOTIFICATION_KINDS } from "./listings.notifications.js";
import { listings } from "./listings.schema.js";

/**
 * Who hears about a listing: its author while still a member of its organization; otherwise the
 * organization's managers (who may act on it now): a person who left is not told about its listings.
 */
export async function authorOrManagers(
  ex: Executor,
  r: { authorId: string | null; organizationId: string },
): Promise<string[]> {
  return r.authorId && (await isMember(ex, r.organizationId, r.authorId))
    ? [r.authorId]
    : managerIds(ex, r.organizationId);
}

/** A day as the notice's reader writes it (Moscow time). */
export const expiryDate = (l: Locale, iso: unknown) =>
  new Intl.DateTimeFormat(t(l, "format.date-locale"), {
    dateStyle: "long",
    timeZone: CLUSTER_TIME_ZONE,
  }).format(new Date(String(iso)));

/** Listings per transaction of the job. */
const BATCH = 200;

type Row = typeof listings.$inferSelect;

/**
 * Works the published listings that `where` picks, BATCH at a time, each batch one transaction with
 * its rows locked (`SKIP LOCKED`: an author prolonging one meanwhile is not waited for); returns the
 * mails the batches queued.
 */
async function inBatches(
  db: Db,
  where: SQL,
  work: (tx: Executor, ids: string[]) => Promise<number>,
): Promise<number> {
  let mails = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: listings.id })
        .from(listings)
        .where(and(eq(listings.state, "published"), where))
        .orderBy(asc(listings.expiresAt), asc(listings.id))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      return due.length
        ? work(
            tx,
            due.map((d) => d.id),
          )
        : null;
    });
    if (n === null) return mails;
    mails += n;
  }
}

/** Tells each listing's author (or managers) that it expires soon or was closed. */
async function tell(tx: Executor, publicUrl: string, list: Row[], phase: "soon" | "closed") {
  let queued = 0;
  for (const r of list) {
    const userIds = await authorOrManagers(tx, r);
    if (userIds.length)
      queued += await notify(tx, publicUrl, {
        userIds,
        kind: LISTING_NOTIFICATION_KINDS.expiry,
        data: { phase, title: r.titleRu, expiresAt: r.expiresAt?.toISOString() ?? null },
        link: `/listings/${r.id}`,
      });
  }
  return queued;
}

/**
 * Closes the published listings whose validity ended by `now` (state closed, a pending change dropped,
 * audited as the system's, the catalog's generation moves by its trigger) and tells their authors; then
 * tells the authors of listings that expire within LISTING_EXPIRY_NOTICE_DAYS, once per validity
 * period. A run repeated after a crash closes and tells nobody twice. Returns the mails queued.
 */
export async function runListingExpiry(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const closing = await inBatches(db, lte(listings.expiresAt, now), async (tx, ids) => {
    const closed = await tx
      .update(listings)
      .set({
        state: "closed",
        pending: null,
        pendingState: null,
        version: sql`${listings.version} + 1`,
        updatedAt: now,
      })
      .where(and(inArray(listings.id, ids), eq(listings.state, "published")))
      .returning();
    for (const r of closed)
      await writeAudit(
        tx,
        { actorId: null, ip: null },
        {
          action: "listing.expire",
          entity: "listing",
          entityId: r.id,
          before: { state: "published", version: r.version - 1 },
          after: { state: "closed", version: r.version, expiresAt: r.expiresAt?.toISOString() ?? null },
        },
      );
    return tell(tx, publicUrl, closed, "closed");
  });
  const soon = new Date(now.getTime() + LISTING_EXPIRY_NOTICE_DAYS * 24 * 3600 * 1000);
  const noticed = await inBatches(
    db,
    and(isNull(listings.expiryNotifiedAt), lte(listings.expiresAt, soon))!,
    async (tx, ids) => {
      // Marked without a new version: the author's open pages and edits are not disturbed.
      const marked = await tx
        .update(listings)
        .set({ expiryNotifiedAt: now })
        .where(and(inArray(listings.id, ids), isNull(listings.expiryNotifiedAt)))
        .returning();
      return tell(tx, publicUrl, marked, "soon");
    },
  );
  return closing + noticed;
}

/** Daily at 06:00 Moscow time. */
export const listingExpiryJob: ScheduledJob = {
  name: "listings.expiry",
  cron: "0 6 * * *",
  run: ({ db, config }) => runListingExpiry(db, config.publicUrl),
};
