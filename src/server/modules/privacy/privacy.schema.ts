import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ERASURE_REASONS, ERASURE_STATES, EXPORT_STATES } from "../../../shared/privacy.js";
import { users } from "../accounts/accounts.schema.js";

export const exportStateEnum = pgEnum("data_export_state", EXPORT_STATES);
export const erasureStateEnum = pgEnum("erasure_state", ERASURE_STATES);
export const erasureReasonEnum = pgEnum("erasure_reason", ERASURE_REASONS);

/**
 * A user's export of their own data: queued (its job prepares the zip), ready (a `files` row of the
 * purpose `personal-data-export`, downloadable by that user alone until `expires_at`), expired (the
 * file removed by the clean-up job; the row stays so the page can say so), failed (every run of its
 * job failed — `attempts`, `error`; the user is told to request again).
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: exportStateEnum("state").notNull().default("queued"),
    fileId: uuid("file_id"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    index("data_exports_user_idx").on(t.userId, t.requestedAt),
    index("data_exports_ready_idx").on(t.expiresAt).where(sql`${t.state} = 'ready'`),
  ],
);

/**
 * A request to delete an account (or a withdrawal of the consent to processing, the same thing): the
 * account is blocked at once and anonymized by the `privacy.erase-due` job after `due_at` (30 days)
 * unless cancelled. One pending request per user. A run that fails leaves it pending with `attempts` and
 * `last_error` (shown to the operator); the others are erased regardless.
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: erasureReasonEnum("reason").notNull(),
    state: erasureStateEnum("state").notNull().default("pending"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** Failed runs of the erasure job for this request (it stays pending and is tried again next hour). */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("erasure_requests_pending_key").on(t.userId).where(sql`${t.state} = 'pending'`),
    index("erasure_requests_due_idx").on(t.dueAt).where(sql`${t.state} = 'pending'`),
  ],
);
