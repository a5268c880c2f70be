import { index, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_CHANNELS } from "../../../shared/vocabularies.js";
import { createdAt, primaryId, tz } from "../../core/columns.js";

export const notificationChannelEnum = pgEnum("notification_channel", NOTIFICATION_CHANNELS);

/** In-app notifications; text is rendered at read time in the reader's language from kind + data. */
export const notifications = pgTable(
  "notifications",
  {
    id: primaryId(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    data: jsonb("data").notNull().default({}),
    link: text("link"),
    createdAt: createdAt(),
    readAt: tz("read_at"),
    /** Set when the notification went out in a daily digest (channel "digest"). */
    digestedAt: tz("digested_at"),
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
  lastSentAt: tz("last_sent_at").notNull(),
});
