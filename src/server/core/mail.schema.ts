import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Transactional outbox: a mail is written in the same transaction as the change that causes it.
 * With SMTP_URL the dispatcher delivers it and sets sent_at; without, the outbox is the dev mailbox.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    template: text("template").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** The live token in the mail's link, masked in text and html once it is used or expired. */
    secret: text("secret"),
    /** The token's stored HMAC, by which its use finds the mail. */
    secretRef: text("secret_ref"),
    secretExpiresAt: timestamp("secret_expires_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_secret_ref_idx").on(t.secretRef),
    index("mail_outbox_secret_expires_idx").on(t.secretExpiresAt),
    index("mail_outbox_pending_idx").on(t.sentAt, t.nextAttemptAt),
    index("mail_outbox_created_idx").on(t.createdAt),
  ],
);
