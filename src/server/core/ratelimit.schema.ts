import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tz } from "./columns.js";

/**
 * Request counters shared by every app server (RATE_LIMIT_STORE=database): what each server claimed
 * for one limit's key in one fixed window. UNLOGGED (appended SQL in the migration): no WAL, not
 * replicated, emptied after a crash — losing counters costs a fresh window, never a refusal.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    /** The route's method and path, then the limit's key (`user:…` or `ip:…`). */
    key: text("key").notNull(),
    /** Start of the window, epoch milliseconds (windows are aligned on every server). */
    windowStart: bigint("window_start", { mode: "number" }).notNull(),
    /** Admissions claimed by all servers in the window (may pass the limit: see core/ratelimit.ts). */
    count: integer("count").notNull(),
    expiresAt: tz("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limit_counters_expires_idx").on(t.expiresAt),
  ],
);
