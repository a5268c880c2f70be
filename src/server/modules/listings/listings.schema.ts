import { type SQL, sql } from "drizzle-orm";
import { boolean, customType, index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  LISTING_KIND_NAMES,
  LISTING_STATES,
  type ListingKindName,
  type ListingValues,
  PENDING_STATES,
} from "../../../shared/listings.js";
import { parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const listingKindEnum = pgEnum(
  "listing_kind",
  LISTING_KIND_NAMES as [ListingKindName, ...ListingKindName[]],
);
export const listingStateEnum = pgEnum("listing_state", LISTING_STATES);
export const listingPendingStateEnum = pgEnum("listing_pending_state", PENDING_STATES);

/** The content of a listing: what the author writes and the operator approves. */
export type ListingContent = {
  titleRu: string;
  titleEn: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  values: ListingValues;
};

/**
 * Listings of every kind (src/shared/listings.ts). The columns hold the listing's current content (the
 * published one, once published); a change to a published listing waits in `pending` (its state in
 * `pending_state`) while the published content stays visible. `search_text` is the public fields'
 * searchable text (written with the content; private fields never go into it, nor, with `nda`, the
 * description and the fields behind the NDA).
 */
export const listings = pgTable(
  "listings",
  {
    id: primaryId(),
    kind: listingKindEnum("kind").notNull(),
    organizationId: parentRef("organization_id", () => organizations.id),
    authorId: uuid("author_id"),
    state: listingStateEnum("state").notNull().default("draft"),
    titleRu: text("title_ru").notNull(),
    titleEn: text("title_en"),
    descriptionRu: text("description_ru").notNull(),
    descriptionEn: text("description_en"),
    values: jsonb("values").$type<ListingValues>().notNull().default(sql`'{}'::jsonb`),
    searchText: text("search_text").notNull().default(""),
    /**
     * The details are behind an NDA (the kind's `ndaField` is yes; written with the content): the
     * descriptions stay out of the full-text index, as the fields behind it stay out of `search_text`.
     */
    nda: boolean("nda").notNull().default(false),
    pending: jsonb("pending").$type<ListingContent>(),
    pendingState: listingPendingStateEnum("pending_state"),
    /** The operator's reason of the last rejection (of the listing, or of its pending change). */
    rejectReason: text("reject_reason"),
    /** When the listing or its change went to moderation (the queue's order, oldest first). */
    submittedAt: tz("submitted_at"),
    publishedAt: tz("published_at"),
    decidedAt: tz("decided_at"),
    decidedBy: uuid("decided_by"),
    /** The response that won the listing (a quote accepted): set once, by a conditional update. */
    awardedResponseId: uuid("awarded_response_id"),
    /**
     * A published listing is valid until then (LISTING_VALIDITY_DAYS after publication; the author
     * prolongs it); the daily expiry job closes it after (listings.expiry.ts).
     */
    expiresAt: tz("expires_at"),
    /** When the author was told that the listing expires soon (once per validity period; reset by a prolongation). */
    expiryNotifiedAt: tz("expiry_notified_at"),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${listings.titleRu}, '') || ' ' || coalesce(${listings.titleEn}, '')), 'A') || setweight(to_tsvector('russian', case when ${listings.nda} then '' else coalesce(${listings.descriptionRu}, '') end), 'B') || setweight(to_tsvector('russian', coalesce(${listings.searchText}, '')), 'C')`,
    ),
  },
  (t) => [
    index("listings_search_idx").using("gin", t.search),
    index("listings_title_trgm").using("gin", sql`${t.titleRu} gin_trgm_ops`),
    index("listings_kind_state_idx").on(t.kind, t.state),
    index("listings_organization_idx").on(t.organizationId),
    index("listings_queue_idx")
      .on(t.submittedAt)
      .where(sql`${t.state} = 'moderation' or ${t.pendingState} = 'moderation'`),
    index("listings_expiry_idx").on(t.expiresAt).where(sql`${t.state} = 'published'`),
    // The published listings' values by containment (`values @> '{"processes":["cnc_milling"]}'`):
    // matching an order or a technology request against the others' listings (listings.match.ts).
    index("listings_values_gin")
      .using("gin", sql`${t.values} jsonb_path_ops`)
      .where(sql`${t.state} = 'published'`),
  ],
);

/**
 * The operator's setting per kind: `participants_only` limits publishing the kind to organizations with
 * the participant or partner status (a kind without a row is open to every verified organization).
 */
export const listingKindSettings = pgTable("listing_kind_settings", {
  kind: listingKindEnum("kind").primaryKey(),
  participantsOnly: boolean("participants_only").notNull().default(false),
  updatedAt: tz("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by"),
});
