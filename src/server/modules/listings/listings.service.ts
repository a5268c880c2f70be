import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  ALL_FACET_KEYS,
  clusterClock,
  facetFields,
  facetValues,
  LISTING_KINDS,
  LISTING_VALIDITY_DAYS,
  type ListingKindName,
  type ListingState,
  type ListingValues,
  ndaGated,
  publicValues,
  searchableText,
  valuesSchema,
} from "../../../shared/listings.js";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, pageOf, rows } from "../../core/db.js";
import { AppError, badRequest, type FieldError, issueToField, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { can } from "../../core/policy.js";
import {
  type Bitset,
  catalogIndex,
  type IndexDefinition,
  indexedMatches,
  indexedPage,
} from "../../core/search.index.js";
import { type Catalog, cachedJson, generation, type TextSource } from "../../core/search.js";
import { notify } from "../notifications/notifications.service.js";
import { accessOf, assertNotOwnOrganization, refusal } from "../organizations/access.js";
import { organizations } from "../organizations/organizations.schema.js";
import type {
  BulkDecisionBody,
  CreateListingBody,
  DecisionBody,
  Listing,
  ListingCard,
  ListingFile,
  ListingsPage,
  ListingsQuery,
  MyListing,
  QueueItem,
  QueueQuery,
  UpdateListingBody,
} from "./listings.contract.js";
import { Listing as ListingSchema, ListingsPage as ListingsPageSchema } from "./listings.contract.js";
import { filesOf, filesOfMany, ndaOf } from "./listings.details.js";
import { listingFiles } from "./listings.details.schema.js";
import { authorOrManagers } from "./listings.expiry.js";
import { countView, viewsOf } from "./listings.follow.service.js";
import { isMatched, listingMatchesJob, matchedCount } from "./listings.match.js";
import { LISTING_NOTIFICATION_KINDS } from "./listings.notifications.js";
import { listingSearchNoticesJob } from "./listings.saved.js";
import { type ListingContent, listings } from "./listings.schema.js";
import { assertMayPublish } from "./listings.settings.js";

/*
 * Listings of every kind (src/shared/listings.ts declares the kinds) and their moderation.
 *
 * States: draft → moderation (submit; only an organization the operator verified) → published
 * (approve) | rejected (reject, with a reason) → moderation again (the author fixes and submits);
 * published → closed (the author). Editing a published listing keeps the published content and puts
 * the change in `pending` on moderation; approving it replaces the content, rejecting it leaves the
 * published content with the change rejected (the author fixes it, which sends it again).
 *
 * Every change bumps `version`; an edit or a decision names the version it saw and is one conditional
 * UPDATE, so of two concurrent decisions exactly one wins and the other gets 409 "listing-changed" with
 * the listing as it is now. A move the state does not allow is 409 "listing-transition"; nothing
 * changes. Each use case is one transaction with its audit entry and notification.
 */

type Row = typeof listings.$inferSelect;
type ListingView = z.infer<typeof Listing>;
type Content = ListingContent;

export const LISTINGS_CATALOG: Catalog = { name: "listings" };

const kindOf = (name: ListingKindName) => LISTING_KINDS[name];

// ---------- validation ----------

/** The content of a body, its values checked against the kind's declaration (field errors under values.*). */
/**
 * Values checked against a declaration's schema (a kind's, a response's, a move's), or 400 with one
 * field error per problem under `values.<key>`.
 */
export function checkedValues(schema: z.ZodType<ListingValues>, input: unknown): ListingValues {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) =>
    issueToField(
      {
        keyword: issue.code,
        instancePath: `/values/${issue.path.join("/")}`,
        message: issue.message,
        params: { ...issue } as Record<string, unknown>,
      },
      { values: input },
    ),
  );
  throw badRequest(errors);
}

/** The cluster's clock now (the server's clock, which tests may move). */
export const clockNow = () => clusterClock(now());

function contentOf(
  kind: ListingKindName,
  body: Omit<z.infer<typeof UpdateListingBody>, "version">,
): Content & Indexed {
  const values = checkedValues(valuesSchema(kindOf(kind), clockNow()), body.values);
  return {
    titleRu: body.titleRu,
    titleEn: body.titleEn ?? null,
    descriptionRu: body.descriptionRu,
    descriptionEn: body.descriptionEn ?? null,
    values,
    ...indexed(kind, values),
  };
}

/** What the catalog's index takes of the values besides the texts: behind an NDA, less. */
type Indexed = { searchText: string; nda: boolean };
const indexed = (kind: ListingKindName, values: ListingValues): Indexed => ({
  searchText: searchableText(kindOf(kind), values),
  nda: ndaGated(kindOf(kind), values),
});

// ---------- reading ----------

export const orgName = async (ex: Executor, id: string) => {
  const [o] = await ex
    .select({ id: organizations.id, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  return o ?? { id, shortName: "" };
};

/**
 * The content a reader sees: whole for `full` readers; else the public fields, and when the details are
 * behind an NDA the reader has not accepted (`ndaOpen` false), neither the descriptions nor those fields.
 */
const contentView = (c: Content, kind: ListingKindName, full: boolean, ndaOpen = true) => ({
  titleRu: c.titleRu,
  titleEn: c.titleEn,
  descriptionRu: full || ndaOpen ? c.descriptionRu : "",
  descriptionEn: full || ndaOpen ? c.descriptionEn : null,
  values: full ? c.values : publicValues(kindOf(kind), c.values, ndaOpen),
});

/** Who reads a listing: `full` (its organization's members, operators), `mine` (may manage it). */
export type Reader = { full: boolean; mine: boolean; userId: string | null };
/** The listing's organization or an operator, answered after a change they made. */
export const insider = (mine: boolean): Reader => ({ full: true, mine, userId: null });
/** A guest: public fields only, and nothing behind an NDA. */
const GUEST: Reader = { full: false, mine: false, userId: null };

/** A listing as a reader sees it, with its files and, behind an NDA, the reader's standing to it. */
export async function present(
  ex: Executor,
  r: Omit<Row, "search">,
  org: { id: string; shortName: string },
  who: Reader,
  /** Its files, when the caller read them with the listing (a guest's page: one statement). */
  known?: z.infer<typeof ListingFile>[],
): Promise<ListingView> {
  const { full, mine } = who;
  const nda = r.nda ? await ndaOf(ex, r.id, who) : null;
  const ndaOpen = !nda?.hidden;
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    organization: org,
    ...contentView(r, r.kind, full, ndaOpen),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    submittedAt: full ? (r.submittedAt?.toISOString() ?? null) : null,
    rejectReason: full ? r.rejectReason : null,
    pending:
      full && r.pending && r.pendingState
        ? { ...contentView(r.pending, r.kind, true), state: r.pendingState }
        : null,
    expiresAt: full ? (r.expiresAt?.toISOString() ?? null) : null,
    views: null,
    matched: null,
    files: ndaOpen ? (known ?? (await filesOf(ex, r.id, full))) : [],
    nda,
    version: r.version,
    mine,
  };
}

/** Who the reader is to a listing: a member may manage it; members and operators see it whole. */
export async function readerOf(ex: Executor, ctx: Ctx, organizationId: string): Promise<Reader> {
  const access = await accessOf(ex, ctx.actor, organizationId);
  return {
    mine: can(ctx.actor, "listings.manage", access),
    full: can(ctx.actor, "listings.read.private", access),
    userId: ctx.actor?.id ?? null,
  };
}

/**
 * A listing's page: a published one for anyone (public fields only); otherwise, and the private fields,
 * only for its organization's members and the operators (anyone else: 404).
 */
export async function getListing(ctx: Ctx, id: string): Promise<ListingView> {
  const [r] = await ctx.db.select().from(listings).where(eq(listings.id, id));
  if (!r) throw notFound();
  const who = await readerOf(ctx.db, ctx, r.organizationId);
  if (!who.full && r.state !== "published") throw notFound();
  // A reader's view counts (not its organization's nor the operators'); the author sees the count.
  if (!who.full) countView(ctx, r.id);
  const view = await present(ctx.db, r, await orgName(ctx.db, r.organizationId), who);
  if (who.mine) {
    view.views = (await viewsOf(ctx.db, [r.id])).get(r.id) ?? 0;
    if (isMatched(r.kind)) view.matched = await matchedCount(ctx.db, r.id);
  }
  return view;
}

/** A listing's columns but its search vector (which no page shows). */
const { search: _search, ...LISTING_COLUMNS } = getTableColumns(listings);

/**
 * The one statement of a guest's listing page: the listing, its organization's name and its approved
 * files, oldest first (the benchmark runs it too).
 */
export const publicListingQuery = (ex: Executor, id: string) =>
  ex
    .select({
      l: LISTING_COLUMNS,
      org: { id: organizations.id, shortName: organizations.shortName },
      files: sql<z.infer<typeof ListingFile>[]>`coalesce((
        select json_agg(json_build_object('id', f.id, 'name', f.original_name, 'size', f.size,
          'contentType', f.content_type, 'pending', false) order by lf.created_at, f.id)
        from listing_files lf join files f on f.id = lf.file_id
        where lf.listing_id = ${listings.id} and lf.approved_at is not null), '[]'::json)`,
    })
    .from(listings)
    .innerJoin(organizations, eq(organizations.id, listings.organizationId))
    .where(and(eq(listings.id, id), eq(listings.state, "published")));

/**
 * A listing's page for a guest (public fields only; a listing not published is 404), as the response's
 * JSON cached like a search: by the catalog's generation, which every change to what a published
 * listing shows and to an organization's name bumps (a pending change does not: guests do not see it,
 * so the cached page keeps the version of the listing's last shown change). The view still counts.
 */
export async function publicListing(ctx: Ctx, id: string): Promise<string> {
  const json = await cachedJson(ctx.db, "listings", `page:${id}`, ListingSchema, async () => {
    const [found] = await publicListingQuery(ctx.db, id);
    if (!found) throw notFound();
    return present(ctx.db, found.l, found.org, GUEST, found.files);
  });
  countView(ctx, id);
  return json;
}

/** The organization's listings in every state, newest change first (members and operators). */
export async function organizationListings(
  ctx: Ctx,
  organizationId: string,
): Promise<{ items: z.infer<typeof MyListing>[] }> {
  const access = await accessOf(ctx.db, ctx.actor, organizationId);
  if (!can(ctx.actor, "listings.read.private", access))
    throw refusal(404, organizationId, "listings.read.private");
  const list = await ctx.db
    .select()
    .from(listings)
    .where(eq(listings.organizationId, organizationId))
    .orderBy(desc(listings.updatedAt), desc(listings.id));
  const views = await viewsOf(
    ctx.db,
    list.map((r) => r.id),
  );
  return {
    items: list.map((r) => ({
      id: r.id,
      kind: r.kind,
      titleRu: r.titleRu,
      titleEn: r.titleEn,
      state: r.state,
      pendingState: r.pendingState,
      rejectReason: r.rejectReason,
      updatedAt: r.updatedAt.toISOString(),
      expiresAt: r.state === "published" ? (r.expiresAt?.toISOString() ?? null) : null,
      views: views.get(r.id) ?? 0,
      version: r.version,
    })),
  };
}

/** The published listings of an organization (its public page), newest first. */
export async function publishedOf(ctx: Ctx, organizationId: string) {
  const list = await ctx.db
    .select()
    .from(listings)
    .where(and(eq(listings.organizationId, organizationId), eq(listings.state, "published")))
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(50);
  const org = await orgName(ctx.db, organizationId);
  return { items: list.map((r) => card(r, org)) };
}

// ---------- writing ----------

const stateWord = (ctx: Ctx, state: ListingState) => t(ctx.locale, `listings.state.${state}`);
export const transition = (ctx: Ctx, key: string, state: ListingState) =>
  new AppError(409, "listing-transition", {}, [], {
    detail: t(ctx.locale, key, { state: stateWord(ctx, state) }),
  });

/** The listing locked for a change by a member of its organization (anyone else: 404). */
export async function ownListing(tx: Executor, ctx: Ctx, id: string): Promise<Row> {
  const [r] = await tx.select().from(listings).where(eq(listings.id, id)).for("update");
  if (!r) throw notFound();
  const access = await accessOf(tx, ctx.actor, r.organizationId);
  if (!can(ctx.actor, "listings.manage", access)) throw refusal(404, r.organizationId, "listings.manage");
  return r;
}

/** The stale-version answer: 409 with the listing as it is now. */
export async function changed(tx: Executor, r: Row, mine: boolean): Promise<never> {
  const current = await present(tx, r, await orgName(tx, r.organizationId), insider(mine));
  throw new AppError(409, "listing-changed", {}, [], { current });
}

/** Only an organization the operator verified from a document publishes (as it applies for a status). */
export async function assertVerified(tx: Executor, organizationId: string) {
  const [o] = await tx
    .select({ verifiedAt: organizations.verifiedAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!o?.verifiedAt) throw new AppError(409, "organization-not-verified");
}

const contentAudit = (c: Content) => ({ titleRu: c.titleRu, values: c.values });

export async function createListing(ctx: Ctx, body: z.infer<typeof CreateListingBody>): Promise<ListingView> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await accessOf(tx, ctx.actor, body.organizationId);
    if (!can(ctx.actor, "listings.manage", access))
      throw refusal(404, body.organizationId, "listings.manage");
    const content = contentOf(body.kind, body);
    const [r] = await tx
      .insert(listings)
      .values({ kind: body.kind, organizationId: body.organizationId, authorId: actor.id, ...content })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing.create",
      entity: "listing",
      entityId: r!.id,
      after: { kind: body.kind, state: "draft", ...contentAudit(content) },
    });
    return present(tx, r!, await orgName(tx, r!.organizationId), insider(true));
  });
}

/**
 * The author's edit: a draft or a rejected listing changes in place; a published one keeps its content
 * and the change goes to moderation (`pending`). On moderation or closed: 409.
 */
export async function updateListing(
  ctx: Ctx,
  id: string,
  body: z.infer<typeof UpdateListingBody>,
): Promise<ListingView> {
  return ctx.db.transaction(async (tx) => {
    const r = await ownListing(tx, ctx, id);
    if (r.version !== body.version) await changed(tx, r, true);
    if (r.state !== "draft" && r.state !== "rejected" && r.state !== "published")
      throw transition(ctx, "listings.transition.edit", r.state);
    const content = contentOf(r.kind, body);
    let set: Partial<typeof listings.$inferInsert>;
    if (r.state === "published") {
      await assertVerified(tx, r.organizationId);
      const { searchText: _s, nda: _n, ...pending } = content;
      set = { pending, pendingState: "moderation", rejectReason: null, submittedAt: sql`now()` as never };
    } else set = { ...content };
    const [after] = await tx
      .update(listings)
      .set({ ...set, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(listings.id, id), eq(listings.version, body.version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: r.state === "published" ? "listing.change" : "listing.update",
      entity: "listing",
      entityId: id,
      before: { state: r.state, version: r.version, ...contentAudit(r.pending ?? r) },
      after: {
        state: after!.state,
        pendingState: after!.pendingState,
        version: after!.version,
        ...contentAudit(content),
      },
    });
    return present(tx, after!, await orgName(tx, r.organizationId), insider(true));
  });
}

/**
 * An author's move of a listing from one of the states `from`: the version seen, the state, a check,
 * then one conditional UPDATE and its audit entry.
 */
function authorMove(
  ctx: Ctx,
  id: string,
  version: number,
  move: {
    from: readonly ListingState[];
    refused: string;
    action: string;
    set: Partial<typeof listings.$inferInsert>;
    check?: (tx: Executor, r: Row) => Promise<void>;
  },
): Promise<ListingView> {
  return ctx.db.transaction(async (tx) => {
    const r = await ownListing(tx, ctx, id);
    if (r.version !== version) await changed(tx, r, true);
    if (!move.from.includes(r.state)) throw transition(ctx, move.refused, r.state);
    await move.check?.(tx, r);
    const [after] = await tx
      .update(listings)
      .set({ ...move.set, version: sql`${listings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(listings.id, id), eq(listings.version, version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: move.action,
      entity: "listing",
      entityId: id,
      before: { state: r.state, version: r.version },
      after: { state: after!.state, version: after!.version },
    });
    return present(tx, after!, await orgName(tx, r.organizationId), insider(true));
  });
}

/** Sends a draft or a rejected listing to moderation. */
export const submitListing = (ctx: Ctx, id: string, version: number) =>
  authorMove(ctx, id, version, {
    from: ["draft", "rejected"],
    refused: "listings.transition.submit",
    action: "listing.submit",
    set: { state: "moderation", rejectReason: null, submittedAt: sql`now()` as never },
    check: async (tx, r) => {
      await assertVerified(tx, r.organizationId);
      await assertMayPublish(tx, r.kind, r.organizationId);
    },
  });

/** The author withdraws a published listing (its pending change with it). */
export const closeListing = (ctx: Ctx, id: string, version: number) =>
  authorMove(ctx, id, version, {
    from: ["published"],
    refused: "listings.transition.close",
    action: "listing.close",
    set: { state: "closed", pending: null, pendingState: null },
  });

// ---------- moderation ----------

const onModeration: SQL = or(eq(listings.state, "moderation"), eq(listings.pendingState, "moderation"))!;

/** The moderation queue of every kind, oldest first. */
export async function queue(
  ctx: Ctx,
  q: z.infer<typeof QueueQuery>,
): Promise<{
  items: z.infer<typeof QueueItem>[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const { items: list, total } = await pageOf(
    ctx.db
      .select({ l: listings, org: { id: organizations.id, shortName: organizations.shortName } })
      .from(listings)
      .innerJoin(organizations, eq(organizations.id, listings.organizationId))
      .where(onModeration)
      .orderBy(asc(listings.submittedAt), asc(listings.id))
      .$dynamic(),
    countRows(ctx.db, listings, onModeration),
    q,
  );
  const filesByListing = await filesOfMany(
    ctx.db,
    list.map(({ l }) => l.id),
    true,
  );
  return {
    items: list.map(({ l, org }) => {
      const isChange = l.state === "published" && l.pendingState === "moderation";
      return {
        id: l.id,
        kind: l.kind,
        organization: org,
        content: contentView(isChange ? l.pending! : l, l.kind, true),
        isChange,
        published: isChange ? contentView(l, l.kind, true) : null,
        files: filesByListing.get(l.id) ?? [],
        submittedAt: (l.submittedAt ?? l.updatedAt).toISOString(),
        version: l.version,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The operator approves or rejects a listing or its change: one conditional UPDATE on (id, version,
 * on moderation); of two concurrent decisions one wins, the other gets 409 "listing-changed".
 */
async function decideOne(
  tx: Executor,
  ctx: Ctx,
  id: string,
  version: number,
  decision: "approve" | "reject",
  reason: string | null,
): Promise<Row> {
  const actor = requireActor(ctx);
  const [r] = await tx.select().from(listings).where(eq(listings.id, id));
  if (!r) throw notFound();
  await assertNotOwnOrganization(tx, actor, [r.organizationId]);
  const isChange = r.state === "published" && r.pendingState === "moderation";
  const approveContent = isChange && r.pending ? { ...r.pending, ...indexed(r.kind, r.pending.values) } : {};
  const set: Partial<typeof listings.$inferInsert> =
    decision === "approve"
      ? isChange
        ? { ...approveContent, pending: null, pendingState: null, rejectReason: null }
        : {
            state: "published",
            publishedAt: sql`now()` as never,
            expiresAt: sql`now() + make_interval(days => ${LISTING_VALIDITY_DAYS})` as never,
            expiryNotifiedAt: null,
            rejectReason: null,
          }
      : isChange
        ? { pendingState: "rejected", rejectReason: reason }
        : { state: "rejected", rejectReason: reason };
  const [after] = await tx
    .update(listings)
    .set({
      ...set,
      decidedAt: sql`now()`,
      decidedBy: actor.id,
      version: sql`${listings.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(listings.id, id), eq(listings.version, version), onModeration))
    .returning();
  if (!after) {
    const [now] = await tx.select().from(listings).where(eq(listings.id, id));
    return changed(tx, now ?? r, false);
  }
  // The files added with the listing or its change are approved with it; rejected, they wait with it
  // (the author removes them, or sends the change again).
  const approvedFiles =
    decision === "approve"
      ? await tx
          .update(listingFiles)
          .set({ approvedAt: sql`now()` })
          .where(and(eq(listingFiles.listingId, id), isNull(listingFiles.approvedAt)))
          .returning({ id: listingFiles.fileId })
      : [];
  await writeAudit(tx, auditCtx(ctx), {
    action: `listing.${decision}`,
    entity: "listing",
    entityId: id,
    before: { state: r.state, pendingState: r.pendingState, version: r.version },
    after: {
      state: after.state,
      pendingState: after.pendingState,
      version: after.version,
      reason,
      ...(approvedFiles.length && { filesApproved: approvedFiles.map((f) => f.id) }),
    },
  });
  const recipients = await authorOrManagers(tx, r);
  if (recipients.length)
    await notify(tx, ctx.config.publicUrl, {
      userIds: recipients,
      kind: LISTING_NOTIFICATION_KINDS.decided,
      data: { decision, title: (isChange ? r.pending?.titleRu : r.titleRu) ?? r.titleRu, reason },
      link: `/listings/${id}`,
    });
  // A newly published listing (not a change) is matched against the saved searches, once; an order or a
  // technology request also against the other organizations' capabilities and offers.
  if (decision === "approve" && !isChange) {
    await ctx.jobs.send(tx, listingSearchNoticesJob, { listingId: id }, { singletonKey: id });
    if (isMatched(r.kind))
      await ctx.jobs.send(tx, listingMatchesJob, { listingId: id }, { singletonKey: id });
  }
  return after;
}

const reasonRequired = (decision: string, reason: string | null | undefined) => {
  if (decision === "reject" && !reason)
    throw badRequest([{ field: "reason", key: "field.listing.reject-reason" }]);
};

export async function decide(ctx: Ctx, id: string, body: z.infer<typeof DecisionBody>): Promise<ListingView> {
  reasonRequired(body.decision, body.reason);
  const after = await ctx.db.transaction((tx) =>
    decideOne(tx, ctx, id, body.version, body.decision, body.reason ?? null),
  );
  ctx.mailQueued();
  return present(ctx.db, after, await orgName(ctx.db, after.organizationId), insider(false));
}

/** The same decision on many listings, each in its own transaction: the ones changed meanwhile are left. */
export async function decideMany(ctx: Ctx, body: z.infer<typeof BulkDecisionBody>) {
  reasonRequired(body.decision, body.reason);
  const decided: string[] = [];
  const conflicts: string[] = [];
  for (const item of body.items) {
    try {
      await ctx.db.transaction((tx) =>
        decideOne(tx, ctx, item.id, item.version, body.decision, body.reason ?? null),
      );
      decided.push(item.id);
    } catch (e) {
      if (e instanceof AppError && (e.status === 409 || e.status === 404 || e.status === 403))
        conflicts.push(item.id);
      else throw e;
    }
  }
  if (decided.length) ctx.mailQueued();
  return { decided, conflicts };
}

// ---------- the catalog ----------

type IndexRow = { id: string; kind: string; facets: Record<string, string[]>; newest: number };
type Facet = string;

/** The published listings' kinds and facet values (public filterable fields), and the newest order. */
export const LISTINGS_INDEX: IndexDefinition<IndexRow, Facet, "newest"> = {
  catalog: "listings",
  load: async (ex) =>
    (
      await rows<{ id: string; kind: ListingKindName; values: ListingValues | string; newest: number }>(
        ex,
        sql`select id, kind::text as kind, values,
          (row_number() over (order by published_at desc nulls last, id asc))::int as newest
        from listings where state = 'published'`,
      )
    ).map((r) => {
      const values = typeof r.values === "string" ? (JSON.parse(r.values) as ListingValues) : r.values;
      const facets: Record<string, string[]> = {};
      for (const f of facetFields(kindOf(r.kind))) facets[f.key] = facetValues(values[f.key]);
      return { id: r.id, kind: r.kind, facets, newest: r.newest };
    }),
  id: (r) => r.id,
  facets: Object.fromEntries(
    ["kind", ...ALL_FACET_KEYS].map((k) => [
      k,
      k === "kind" ? (r: IndexRow) => r.kind : (r: IndexRow) => r.facets[k] ?? [],
    ]),
  ),
  orders: { newest: (r) => r.newest },
};

/** Below this many full-text matches, titles similar to the text are also added (pg_trgm). */
const TYPO_BELOW = 20;

/** The published listings, as `rankedMatches` reads them. */
const LISTING_TEXTS: TextSource = {
  table: sql`listings`,
  id: sql`id`,
  search: sql`search`,
  title: sql`title_ru`,
  where: sql`state = 'published'`,
  typoBelow: TYPO_BELOW,
};

type CardView = z.infer<typeof ListingCard>;

export function card(r: Row, org: { id: string; shortName: string }): CardView {
  return {
    id: r.id,
    kind: r.kind,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    // Behind an NDA a card shows the public summary only (cards are the same for every reader).
    descriptionRu: r.nda ? "" : r.descriptionRu,
    descriptionEn: r.nda ? null : r.descriptionEn,
    organization: org,
    values: publicValues(kindOf(r.kind), r.values),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

/**
 * The catalog of one kind: text (the engine's Russian full text with prefixes and corrections, then
 * similar titles), the kind's facets with counts (each facet under the other filters) from the
 * in-memory index, newest first or by relevance; answers cached by the catalog's generation.
 */
export function searchListings(ctx: Ctx, q: z.infer<typeof ListingsQuery>): Promise<string> {
  const db = ctx.db;
  return cachedJson(db, "listings", JSON.stringify(q), ListingsPageSchema, async (gen) => {
    const index = await catalogIndex(db, LISTINGS_INDEX, gen, (ex) => generation(ex, "listings"));
    const fields = facetFields(kindOf(q.kind));
    const filters = new Map<string, Bitset>([["kind", index.anyOf("kind", [q.kind])]]);
    const params = q as unknown as Record<string, string[] | undefined>;
    for (const f of fields) {
      const chosen = params[f.key];
      if (chosen?.length) filters.set(f.key, index.anyOf(f.key, chosen));
    }
    const text = q.q?.trim();
    const match = text
      ? await indexedMatches(db, index, LISTINGS_CATALOG, LISTING_TEXTS, text, (r) => r.newest)
      : null;
    const { total, result, facets } = index.facetCounts(
      fields.map((f) => f.key),
      match?.set ?? null,
      filters,
    );
    const order = q.sort === "newest" ? index.order("newest") : (match?.order ?? index.order("newest"));
    const items = await indexedPage(db, "listings", index, order, result, q, async (missing) => {
      const got = await db
        .select({ l: listings, org: { id: organizations.id, shortName: organizations.shortName } })
        .from(listings)
        .innerJoin(organizations, eq(organizations.id, listings.organizationId))
        .where(inArray(listings.id, missing));
      return new Map(got.map(({ l, org }) => [l.id, card(l, org)]));
    });
    const page: z.infer<typeof ListingsPage> = {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets: fields.map((f) => ({
        field: f.key,
        values: [...(facets.get(f.key) ?? new Map<string, number>())].map(([value, n]) => ({
          value,
          count: n,
        })),
      })),
    };
    return page;
  });
}
