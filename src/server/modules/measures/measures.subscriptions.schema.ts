import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId, tz } from "../../core/columns.js";
import { measures } from "./measures.schema.js";

/** Measures a user marked. */
export const measureFavourites = pgTable(
  "measure_favourites",
  {
    userId: uuid("user_id").notNull(),
    measureId: parentRef("measure_id", () => measures.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.measureId] }),
    index("measure_favourites_measure_idx").on(t.measureId),
  ],
);

/** Saved searches: `query` is a parsed SearchQuery of the navigator (without paging and sort). */
export const measureSubscriptions = pgTable(
  "measure_subscriptions",
  {
    id: primaryId(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    query: jsonb("query").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("measure_subscriptions_user_idx").on(t.userId)],
);

/**
 * Who was told about which measure at which of its versions, and why ("match" of a saved search or
 * "eligible" for an organization): the key makes a change notify each user at most once.
 */
export const measureNotices = pgTable(
  "measure_notices",
  {
    userId: uuid("user_id").notNull(),
    measureId: parentRef("measure_id", () => measures.id),
    version: integer("version").notNull(),
    reason: text("reason").notNull(),
    subscriptionId: uuid("subscription_id"),
    organizationId: uuid("organization_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.measureId, t.version] }),
    index("measure_notices_measure_idx").on(t.measureId),
  ],
);

/** One reminder per (user, measure, closing date): a moved deadline reminds again. */
export const measureRemindersSent = pgTable(
  "measure_reminders_sent",
  {
    userId: uuid("user_id").notNull(),
    measureId: parentRef("measure_id", () => measures.id),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    sentAt: tz("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.measureId, t.closesOn] })],
);
