import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tz } from "./columns.js";

/**
 * Transactional outbox: a mail is written in the same transaction as the change that causes it.
 * With SMTP_URL the dispatcher delivers it and sets sent_at; without, the outbox is the dev mailbox.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: primaryId(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    template: text("template").notNull(),
    createdAt: createdAt(),
    sentAt: tz("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    /** The live token in the mail's link, masked in text and html once it is used or expired. */
    secret: text("secret"),
    /** The token's stored HMAC, by which its use finds the mail. */
    secretRef: text("secret_ref"),
    secretExpiresAt: tz("secret_expires_at"),
  },
  (t) => [
    index("mail_outbox_secret_ref_idx").on(t.secretRef),
    index("mail_outbox_secret_expires_idx").on(t.secretExpiresAt),
    index("mail_outbox_pending_idx").on(t.sentAt, t.nextAttemptAt),
    index("mail_outbox_created_idx").on(t.createdAt),
  ],
);
