import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { count, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgSelect, PgTable } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { MIGRATIONS_DIR } from "./paths.js";
/**
 * Queries are built from the modules' tables (src/server/db/schema.ts lists them for drizzle-kit);
 * the connection itself knows no schema, so core names no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

/** PGlite must be given its extensions in the constructor; CREATE EXTENSION in the migrations then works. */
export const PGLITE_EXTENSIONS = { pg_trgm, citext, unaccent, fuzzystrmatch };

export interface Database {
  kind: "pglite" | "pg";
  db: Db;
  /** Runs SQL text with positional parameters through the underlying driver (benchmarks, health). */
  rawQuery<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PostgreSQL: the connection URL (the job queue opens its own small pool with it). */
  url?: string;
  /** Calls `listener` with the duration of every statement (metrics). One listener; a new one replaces it. */
  onQuery(listener: QueryListener): void;
  /** Present for PGlite: the client, so tests can dump a migrated template. */
  pglite?: PGlite;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite folder; undefined means in memory. */
  dataDir?: string;
  /** A tarball made by PGlite.dumpDataDir() to start from (tests clone a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export type QueryListener = (seconds: number, ok: boolean) => void;

/**
 * Wraps a query method so that each call reports its duration to the listener, whether it answers by a
 * promise or by a callback (pg's pool.query calls its client's query with one).
 */
function timed<F extends (...args: never[]) => unknown>(fn: F, listener: () => QueryListener | undefined): F {
  return ((...args: unknown[]) => {
    const report = listener();
    if (!report) return fn(...(args as never[]));
    const start = performance.now();
    const done = (ok: boolean) => report((performance.now() - start) / 1000, ok);
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: unknown, ...rest: unknown[]) => {
        done(!err);
        return callback(err, ...rest);
      };
      return fn(...(args as never[]));
    }
    const result = fn(...(args as never[]));
    if (result instanceof Promise)
      result.then(
        () => done(true),
        () => done(false),
      );
    return result;
  }) as unknown as F;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, opts.poolSize ?? 10);
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
  });
  let listener: QueryListener | undefined;
  // Statements outside transactions are timed (PGlite runs one at a time on this thread anyway).
  client.query = timed(client.query.bind(client), () => listener);
  client.exec = timed(client.exec.bind(client), () => listener);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: "pglite",
    onQuery(l) {
      listener = l;
    },
    db,
    pglite: client,
    async rawQuery<T>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params as unknown[]);
      return res.rows;
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPg(url: string, max: number): Promise<Database> {
  // A server that does not answer must not hold requests for minutes: connecting gives up after 5 s.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on("error", () => {});
  let listener: QueryListener | undefined;
  // Every statement goes through a pooled client's query (pool.query and transactions alike).
  pool.on("connect", (client) => {
    client.query = timed(client.query.bind(client), () => listener) as typeof client.query;
  });
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: "pg",
    url,
    onQuery(l) {
      listener = l;
    },
    db,
    async rawQuery<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async migrate() {
      // Several app servers may start at once: one migrates, the others wait on the advisory lock.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(7240101)");
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query("select pg_advisory_unlock(7240101)").catch(() => {});
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Rows of a drizzle `execute` on either driver. */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export async function ping(ex: Executor): Promise<boolean> {
  const r = await rows<{ ok: number }>(ex, sql`select 1 as ok`);
  return r[0]?.ok === 1;
}

/** A unique-index violation (SQLSTATE 23505), optionally of one named constraint, through drizzle's wrapping. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint: c } = e as { code?: string; constraint?: string };
    if (code === "23505" && (!constraint || !c || c === constraint)) return true;
  }
  return false;
}

/** An ILIKE pattern matching `q` anywhere, with LIKE's wildcards in `q` taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Values as one `text[]` parameter list: `array[$1, $2]::text[]` (`'{}'::text[]` when empty). */
export const textArray = (values: readonly string[]): SQL =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/**
 * A search text as a tsquery: Russian morphology (`websearch_to_tsquery`), then every lexeme of four or
 * more characters as a prefix ("гранты" → 'грант':*). All functions are immutable, so the planner folds
 * it into a constant (and estimates with it). Used by the directory and the measures navigator.
 */
export const prefixTsQuery = (q: string | SQL) =>
  sql`to_tsquery('simple', regexp_replace(websearch_to_tsquery('russian', ${q})::text, '''([^'']{4,})''', '''\\1'':*', 'g'))`;

/** Which page of a listing, and how long a page is. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a listing with the count of everything it lists, read together: `list` is the listing's
 * select with its where and order (`.$dynamic()`), `counted` the count of the same rows (`countRows`).
 */
export async function pageOf<Q extends PgSelect>(
  list: Q,
  counted: PromiseLike<{ n: number }[]>,
  { page, pageSize }: PageRequest,
): Promise<{ items: Awaited<Q>; total: number }> {
  const [items, [total]] = await Promise.all([list.limit(pageSize).offset((page - 1) * pageSize), counted]);
  return { items: items as Awaited<Q>, total: Number(total?.n ?? 0) };
}

/** How many rows of a table match `where` (all without it). */
export function countRows(ex: Executor, table: PgTable, where?: SQL) {
  return ex.select({ n: count() }).from(table).where(where);
}
