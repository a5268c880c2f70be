import { eq, type Table } from "drizzle-orm";
import {
  type AnyPgColumn,
  integer,
  type PgColumn,
  type PgTable,
  type SelectedFields,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Executor } from "./db.js";

/**
 * The column builders every `*.schema.ts` uses for what each table repeats: its id, creation and update
 * times, optimistic-concurrency version, and references to a parent row that go with it. A new module's
 * schema starts from these; the database names stay snake_case and unchanged.
 */

/** A `timestamp with time zone` column (every time in the schema is one). */
export const tz = (name: string) => timestamp(name, { withTimezone: true });

/** `id uuid primary key default gen_random_uuid()`. */
export const primaryId = () => uuid("id").primaryKey().defaultRandom();

/** `created_at`, set by the database when the row is written. */
export const createdAt = () => tz("created_at").notNull().defaultNow();

/** `updated_at`, set at insert; services set it on every change. */
export const updatedAt = () => tz("updated_at").notNull().defaultNow();

/** `created_at` and `updated_at` together (spread into a table's columns). */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** `version`, bumped by every change; a write names the version it saw (optimistic concurrency). */
export const version = () => integer("version").notNull().default(1);

/** A not-null uuid referencing its parent row, deleted with it. */
export const parentRef = (name: string, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target, { onDelete: "cascade" });

/**
 * Some of a table's columns by name, as a select's fields: `tx.select(columnsOf(t, "kind", "createdAt"))`
 * (the personal-data exports list what they give out this way).
 */
export function columnsOf<T extends Table, K extends keyof T["_"]["columns"] & string>(
  table: T,
  ...names: K[]
): Pick<T["_"]["columns"], K> {
  const all = table as unknown as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, all[n]])) as Pick<T["_"]["columns"], K>;
}

/**
 * Some columns of the rows of `table` whose column `owner` is the user: what a personal-data export
 * gives out of a table (`ownRows(tx, sessions, "userId", userId, ["createdAt", "ip"])`).
 */
export function ownRows<T extends PgTable, K extends keyof T["_"]["columns"] & string>(
  ex: Executor,
  table: T,
  owner: keyof T["_"]["columns"] & string,
  userId: string,
  names: readonly K[],
): Promise<Pick<T["$inferSelect"], K>[]> {
  const columns = table as unknown as Record<string, PgColumn>;
  const fields = Object.fromEntries(names.map((n) => [n, columns[n] as PgColumn])) as SelectedFields;
  return ex
    .select(fields)
    .from(table as PgTable)
    .where(eq(columns[owner] as PgColumn, userId)) as unknown as Promise<Pick<T["$inferSelect"], K>[]>;
}
