// Matching: when an order (rfq) or a technology request is published (not when a change of it is
// approved), the job sent in the decision's transaction finds the organizations whose own published
// listings answer it — for an order, a capability with its process, at least one of its materials (when
// it names any) and, when the order takes only its region, an organization registered there; for a
// technology request, a technology offer sharing one of its IPC sections or one of its tags (the
// platform's technology tags, src/shared/tags.ts) at its minimum TRL or above — and
// tells their members once: a row per (listing, organization) is written with the notice, so a job run
// twice tells nobody twice. The listing's own organization is never matched.
import { eq, type SQL, sql } from "drizzle-orm";
import type { ListingValues } from "../../../shared/listings.js";
import { type Db, type Executor, rows } from "../../core/db.js";
import type { QueuedJob } from "../../core/jobs.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { memberIdsExcept } from "../organizations/membership.js";
import { listingMatches } from "./listings.follow.schema.js";
import { LISTING_NOTIFICATION_KINDS } from "./listings.notifications.js";
import { listings } from "./listings.schema.js";

/** The kinds matched against other organizations' listings when published. */
export const MATCHED_KINDS = ["rfq", "technology_request"] as const;
export const isMatched = (kind: string) => (MATCHED_KINDS as readonly string[]).includes(kind);

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** `values` contains this (the published values' GIN index answers it). */
const contains = (o: Record<string, unknown>) => sql`c.values @> ${JSON.stringify(o)}::jsonb`;
/** The array at `values.<key>` has at least one of these. */
const anyOf = (key: string, of: string[]) =>
  sql`(c.values -> ${key}) ?| array(select jsonb_array_elements_text(${JSON.stringify(of)}::jsonb))`;

/** Which published listings answer this one (`c` is the candidate, `o` its organization); null: none can. */
function conditionsOf(kind: string, v: ListingValues): SQL | null {
  if (kind === "rfq") {
    if (typeof v.process !== "string") return null;
    const materials = list(v.materials);
    return sql.join(
      [
        sql`c.kind = 'capability'`,
        contains({ processes: [v.process] }),
        ...(materials.length ? [anyOf("materials", materials)] : []),
        ...(v.regionRequired === true && typeof v.region === "string"
          ? [sql`o.region_code = ${v.region}`]
          : []),
      ],
      sql` and `,
    );
  }
  if (kind === "technology_request") {
    // An offer in one of its IPC sections or with one of its tags (each a containment the index answers).
    const shared = [
      ...list(v.ipcSections).map((s) => contains({ ipcSections: [s] })),
      ...list(v.tags).map((t) => contains({ tags: [t] })),
    ];
    if (!shared.length) return null;
    return sql.join(
      [
        sql`c.kind = 'technology'`,
        sql`(${sql.join(shared, sql` or `)})`,
        ...(typeof v.minTrl === "string" ? [sql`(c.values ->> 'trl')::int >= ${Number(v.minTrl)}`] : []),
      ],
      sql` and `,
    );
  }
  return null;
}

/**
 * Records the organizations a published listing matches and not yet told; returns them (the demo seed
 * records its published orders' and requests' matches with it too).
 */
export async function recordMatches(
  tx: Executor,
  l: Pick<typeof listings.$inferSelect, "id" | "kind" | "values" | "organizationId">,
): Promise<string[]> {
  const where = conditionsOf(l.kind, l.values);
  if (!where) return [];
  const fresh = await rows<{ organization_id: string }>(
    tx,
    sql`insert into listing_matches (listing_id, organization_id)
        select distinct ${l.id}::uuid, c.organization_id
        from listings c join organizations o on o.id = c.organization_id
        where c.state = 'published' and c.organization_id <> ${l.organizationId} and ${where}
        on conflict do nothing
        returning organization_id`,
  );
  return fresh.map((r) => r.organization_id);
}

/** Tells the organizations a newly published order or technology request matches; returns the mails queued. */
export async function sendMatches(db: Db, publicUrl: string, listingId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [l] = await tx.select().from(listings).where(eq(listings.id, listingId));
    if (l?.state !== "published" || !isMatched(l.kind)) return 0;
    const orgs = await recordMatches(tx, l);
    if (!orgs.length) return 0;
    // Their members, each once, but none of the listing's own organization.
    const userIds = await memberIdsExcept(tx, orgs, l.organizationId);
    return notifyAll(
      tx,
      publicUrl,
      userIds.length
        ? [
            {
              userIds,
              kind: LISTING_NOTIFICATION_KINDS.profileMatch,
              data: { kind: l.kind, title: l.titleRu },
              link: `/listings/${l.id}`,
            },
          ]
        : [],
    );
  });
}

/** How many organizations were told of each listing (its author's page). */
export async function matchedCount(ex: Executor, listingId: string): Promise<number> {
  const [r] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(listingMatches)
    .where(eq(listingMatches.listingId, listingId));
  return Number(r?.n ?? 0);
}

/** The job that tells the organizations a newly published order or technology request matches. */
export const listingMatchesJob: QueuedJob<{ listingId: string }> = {
  name: "listings.matches",
  run: ({ db, config }, d) => sendMatches(db, config.publicUrl, d.listingId),
};
