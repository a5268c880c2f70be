import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ListingValues } from "../../../shared/listings.js";
import { createdAt, parentRef, primaryId, timestamps, version } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";
import { listings } from "./listings.schema.js";

/**
 * A response of an organization to a listing (src/shared/listingResponses.ts declares its type, states
 * and moves): a quote on a production order, a viewing request of premises, an inquiry on a capability,
 * interest in a technology. `state` is one of its type's states; `active` is true while it is under way
 * (one active response per organization and listing); `outcome` keeps what the moves asked for (a
 * viewing's date, the agreed terms, a rating), each move's fields under its keys.
 */
export const listingResponses = pgTable(
  "listing_responses",
  {
    id: primaryId(),
    listingId: parentRef("listing_id", () => listings.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    authorId: uuid("author_id"),
    type: text("type").notNull(),
    state: text("state").notNull(),
    active: boolean("active").notNull().default(true),
    values: jsonb("values").$type<ListingValues>().notNull().default(sql`'{}'::jsonb`),
    outcome: jsonb("outcome").$type<ListingValues>().notNull().default(sql`'{}'::jsonb`),
    /** A rated response's rating 1–5 (the responder's public record), else null. */
    rating: smallint("rating"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("listing_responses_active_uq").on(t.listingId, t.organizationId).where(sql`active`),
    index("listing_responses_listing_idx").on(t.listingId, t.createdAt),
    index("listing_responses_organization_idx").on(t.organizationId, t.updatedAt),
    index("listing_responses_rated_idx").on(t.organizationId).where(sql`rating is not null`),
  ],
);

/** A response's dated history: its creation and every move, by whom and with what. */
export const listingResponseEvents = pgTable(
  "listing_response_events",
  {
    id: primaryId(),
    responseId: parentRef("response_id", () => listingResponses.id),
    /** "created" or a move's name; "lost": declined because another response won the listing. */
    event: text("event").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    side: text("side", { enum: ["owner", "responder"] }).notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").$type<ListingValues>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index("listing_response_events_response_idx").on(t.responseId, t.createdAt)],
);
