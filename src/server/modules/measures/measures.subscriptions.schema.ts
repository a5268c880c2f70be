import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { measures } from "./measures.schema.js";

/** Measures a user marked. */
export const measureFavourites = pgTable(
  "measure_favourites",
  {
    userId: uuid("user_id").notNull(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    query: jsonb("query").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    reason: text("reason").notNull(),
    subscriptionId: uuid("subscription_id"),
    organizationId: uuid("organization_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.measureId, t.closesOn] })],
);
