import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";
import { listingKindEnum, listings } from "./listings.schema.js";

/** Listings a user starred (any kind; the list shows the published ones). */
export const listingFavourites = pgTable(
  "listing_favourites",
  {
    userId: uuid("user_id").notNull(),
    listingId: parentRef("listing_id", () => listings.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.listingId] }),
    index("listing_favourites_listing_idx").on(t.listingId),
  ],
);

/**
 * How many times a listing's page was viewed (at most once a day per reader, not by its organization's
 * members nor operators). Written in batches from memory (listings.follow.service.ts), apart from the
 * listing's row: a count never takes the row's lock nor touches the catalog's triggers.
 */
export const listingViews = pgTable("listing_views", {
  listingId: uuid("listing_id")
    .primaryKey()
    .references(() => listings.id, { onDelete: "cascade" }),
  views: integer("views").notNull().default(0),
});

/** A saved search of a kind's catalog: its text and facet filters (`query`: { q?, <facet>: values[] }). */
export const listingSavedSearches = pgTable(
  "listing_saved_searches",
  {
    id: primaryId(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    kind: listingKindEnum("kind").notNull(),
    query: jsonb("query").$type<{ q?: string } & Record<string, string[] | string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("listing_saved_searches_user_idx").on(t.userId),
    index("listing_saved_searches_kind_idx").on(t.kind),
  ],
);

/** A saved search's owner was told of a newly published listing: the key makes it once. */
export const listingSearchNotices = pgTable(
  "listing_search_notices",
  {
    searchId: parentRef("search_id", () => listingSavedSearches.id),
    listingId: parentRef("listing_id", () => listings.id),
    userId: uuid("user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.searchId, t.listingId] }),
    index("listing_search_notices_listing_idx").on(t.listingId),
    index("listing_search_notices_user_idx").on(t.userId),
  ],
);

/**
 * An organization was told of a newly published listing that matches its own published ones (an order
 * matching its capability, a technology request matching its offer: listings.match.ts): the key makes it
 * once per listing and organization; the author sees how many were told.
 */
export const listingMatches = pgTable(
  "listing_matches",
  {
    listingId: parentRef("listing_id", () => listings.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.organizationId] }),
    index("listing_matches_organization_idx").on(t.organizationId),
  ],
);
