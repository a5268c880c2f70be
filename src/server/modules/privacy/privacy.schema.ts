import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ERASURE_REASONS, ERASURE_STATES, EXPORT_STATES } from "../../../shared/privacy.js";
import { primaryId, tz } from "../../core/columns.js";
import { userRef } from "../accounts/accounts.schema.js";

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
    id: primaryId(),
    userId: userRef(),
    state: exportStateEnum("state").notNull().default("queued"),
    fileId: uuid("file_id"),
    requestedAt: tz("requested_at").notNull(),
    readyAt: tz("ready_at"),
    expiresAt: tz("expires_at"),
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
    id: primaryId(),
    userId: userRef(),
    reason: erasureReasonEnum("reason").notNull(),
    state: erasureStateEnum("state").notNull().default("pending"),
    requestedAt: tz("requested_at").notNull(),
    dueAt: tz("due_at").notNull(),
    cancelledAt: tz("cancelled_at"),
    doneAt: tz("done_at"),
    /** Failed runs of the erasure job for this request (it stays pending and is tried again next hour). */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("erasure_requests_pending_key").on(t.userId).where(sql`${t.state} = 'pending'`),
    index("erasure_requests_due_idx").on(t.dueAt).where(sql`${t.state} = 'pending'`),
  ],
);
