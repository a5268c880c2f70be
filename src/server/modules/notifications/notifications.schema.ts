import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_CHANNELS } from "../../../shared/vocabularies.js";

export const notificationChannelEnum = pgEnum("notification_channel", NOTIFICATION_CHANNELS);

/** In-app notifications; text is rendered at read time in the reader's language from kind + data. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    data: jsonb("data").notNull().default({}),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set when the notification went out in a daily digest (channel "digest"). */
    digestedAt: timestamp("digested_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId, t.readAt),
  ],
);

/** Per-kind channel; a kind without a row uses its default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    channel: notificationChannelEnum("channel").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** When each user's last daily digest went out. */
export const digestRuns = pgTable("digest_runs", {
  userId: uuid("user_id").primaryKey(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
});
