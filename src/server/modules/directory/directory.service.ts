// The public organization directory: search, facets, sorts and the public profile page.
//
// Requests are answered over the in-memory index (directory.index.ts: `indexedDirectorySearch` below),
// with SQL for the text's matches and the page's rows only. The statements described here are the SQL
// engine it replaced, kept for the benchmark's raw-SQL comparison and the property test that pins the
// in-memory answers to theirs (`sqlDirectorySearch`).
//
// How a search runs (`estimate`, `directoryPlan`, `directoryStatements`; the benchmark runs the same):
//
// 1. Estimates. One `EXPLAIN (FORMAT JSON)` per distinct row set the answer depends on: the text
//    matches of `q` alone, the result set (q and every filter) and each filtered facet's base set (q and
//    every filter but its own). Only the planner's row estimate is read; nothing is executed.
// 2. Two statements, run concurrently:
//    - items: one page in the requested order;
//    - facets and total: one pass per source with GROUPING SETS, one grouping per facet whose key is
//      the facet's column when the row passes the facet's other filters (null otherwise), so every facet
//      is counted over its own base set in the same pass.
//
// Exact or estimated (the answer's `approximate` says which; DIRECTORY_LIMITS holds the numbers):
// - A set expected to hold at most `exact` rows is counted exactly. A larger one is counted over a page
//   sample (TABLESAMPLE SYSTEM with a fixed seed, so repeated queries agree) sized for about
//   `sampleTarget` matching rows, when that is cheaper than counting (cost model: counting reads every
//   row of the set, sampling a share of the table), and scaled by table rows / sampled rows.
// - Relevance = ts_rank_cd over `search` (weight A: names, B: description), plus word similarity of
//   the names when typo matching is on. It is computed for candidates: the `rankNewest` newest matches
//   and up to `rankNames` matches in the names (names-only text index). A query with fewer matches than
//   `rankNewest` has every match ranked; otherwise the ranked candidates come first and the remaining
//   matches follow, newest first. Ranking every match of a broad query would read every match's vector.
// - Typo tolerance: while the text search is expected to find at most `typo` organizations, names
//   similar to the query also match (pg_trgm word similarity, `<%`, on both trigram indexes): "Газпрм"
//   finds "Газпром". The matches are then collected first, one index per branch (CTE `m`), since an OR
//   of text and trigram conditions may be planned as a table scan computing similarity for every row.
//   Broad queries leave it out: there the trigram scan is the costliest part and names match by text.
// - Text: `websearch_to_tsquery('russian', q)` (morphology: "инновационные" finds "инновационный"),
//   each lexeme of four letters or more made a prefix ("роботы" → 'робот':* finds "робототехника").
// - The estimates come from planner statistics: run ANALYZE after bulk loads (the seed does; PGlite has
//   no autovacuum).

import { and, eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Ctx } from "../../core/context.js";
import { type Executor, rows, textArray } from "../../core/db.js";
import { notFound } from "../../core/errors.js";
import {
  type Catalog,
  cachedJson,
  parseSearchText,
  rankQuery,
  type SearchText,
  searchText,
  searchTextAt,
  textCondition,
} from "../../core/search.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { ORG_COLUMNS, type OrgRow, presentOrganization } from "../organizations/organizations.service.js";
import { DirectoryPage, type DirectoryQuery, PublicOrganizationView } from "./directory.contract.js";
import { indexedSearch, pageRows, type TextSql } from "./directory.index.js";

export type DirectoryQueryInput = z.infer<typeof DirectoryQuery>;
type Page = z.infer<typeof DirectoryPage>;

export const FACETS = ["region", "status", "type", "sme", "okved", "tag"] as const;
export type Facet = (typeof FACETS)[number];

/** Tuning knobs (see the comment at the top). */
export const DIRECTORY_LIMITS = {
  /** Sets expected to hold at most this many rows are counted exactly. */
  exact: 1000,
  /** Matching rows a sample aims at (±5% for a value held by half of them). */
  sampleTarget: 400,
  /**
   * Cost per row of counting a set exactly (bitmap heap scan and grouping) and of a sampled row (text
   * match only), in µs as measured on PostgreSQL 15; only their ratio matters.
   */
  exactRowCost: 3,
  sampleRowCost: 1.1,
  /** Newest matches ranked by relevance. */
  rankNewest: 100,
  /** Name matches ranked by relevance besides them. */
  rankNames: 50,
  /** Typo-tolerant name matching is on while the text search expects at most this many matches. */
  typo: 100,
} as const;

const SAMPLE_SEED = 20261123;
const dialect = new PgDialect();

/** SQL text and parameters, as sent to the driver (the benchmark runs the very same statements). */
export type Statement = { sql: string; params: unknown[] };
export const toStatement = (q: SQL): Statement => dialect.sqlToQuery(q);

// ---------- building blocks ----------

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The filter of one facet (alias `o`). */
function facetFilter(f: Facet, values: readonly string[]): SQL {
  switch (f) {
    case "region":
      return sql`o.region_code in (${list(values)})`;
    case "status":
      return sql`o.status in (${list(values)})`;
    case "type":
      return sql`o.type in (${list(values)})`;
    case "sme":
      return sql`o.sme_category in (${list(values)})`;
    case "okved":
      return sql`o.okved_sections && ${textArray(values)}`;
    case "tag":
      return sql`o.tags && ${textArray(values)}`;
  }
}

/** The column a facet counts. */
const FACET_COLUMN: Record<Facet, SQL> = {
  region: sql`o.region_code`,
  status: sql`o.status::text`,
  type: sql`o.type::text`,
  sme: sql`o.sme_category`,
  okved: sql`o.okved_sections`,
  tag: sql`o.tags`,
};
const ARRAY_FACETS = new Set<Facet>(["okved", "tag"]);

const and_ = (parts: (SQL | null)[]): SQL | null => {
  const p = parts.filter((x): x is SQL => x !== null);
  if (!p.length) return null;
  return p.length === 1 ? p[0]! : sql.join(p, sql` and `);
};
const or_ = (parts: SQL[]): SQL => (parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`);
const where = (cond: SQL | null) => (cond ? sql` where ${cond}` : sql``);
const paren = (s: SQL) => sql`(${s})`;
/**
 * Every statement starts with `serial`, a CTE calling current_schema(), a function PostgreSQL marks
 * parallel-unsafe: its mere presence keeps the whole statement out of parallel plans. The directory's
 * statements read a few hundred rows; the planner's row guesses for trigram operators can make a
 * parallel plan look worth it, and starting workers costs more (5–10 ms) than the query itself.
 */
const SERIAL = sql`serial as (select current_schema())`;
const withClause = (ctes: SQL[]) => sql`with ${sql.join([SERIAL, ...ctes], sql`, `)} `;

interface Built {
  /** q matched by text only (estimates). */
  textMatch: SQL | null;
  /** q matched by text or, when typo matching is on, by similar names. */
  match: SQL | null;
  /** Matches in the names (rank candidates). */
  nameMatch: SQL | null;
  score: SQL | null;
  typo: boolean;
  /** Common table expressions the statements start with: `m`, the matches, when typo matching is on. */
  ctes: SQL[];
  /** Active filters by facet. */
  filters: Map<Facet, SQL>;
}

/** An INN (10 or 12 digits), KPP (9) or OGRN / OGRNIP (13 or 15) typed in full, spaces allowed. */
const IDENTIFIER = /^(\d{9}|\d{10}|\d{12}|\d{13}|\d{15})$/;

/** The organizations an identifier names, by its indexes, or null when the text is not one. */
function identifierMatch(text: string): SQL | null {
  const digits = text.replace(/\s+/g, "");
  if (!IDENTIFIER.test(digits)) return null;
  return sql`(o.inn = ${digits} or o.ogrn = ${digits} or o.kpp = ${digits})`;
}

/** The directory as the search engine knows it: place words also match the organization's region. */
export const DIRECTORY_CATALOG: Catalog = { name: "directory", regionColumn: sql`o.region_code` };

/** The search text without corrections (pure: estimates in tests, plans); the service corrects it. */
const plainText = (q: DirectoryQueryInput): SearchText | undefined =>
  q.q?.trim() ? parseSearchText(q.q, { places: true }) : undefined;

function build(q: DirectoryQueryInput, typo: boolean, parsed: SearchText | undefined = plainText(q)): Built {
  const filters = new Map<Facet, SQL>();
  for (const f of FACETS) {
    const values = q[f];
    if (values?.length) filters.set(f, facetFilter(f, values));
  }
  const text = q.q?.trim();
  if (!text)
    return {
      textMatch: null,
      match: null,
      nameMatch: null,
      score: null,
      typo: false,
      ctes: [],
      filters,
    };
  // An identifier typed in full finds its organization (words would find nothing: digits are no lexemes).
  const identifier = identifierMatch(text);
  if (identifier)
    return {
      textMatch: identifier,
      match: identifier,
      nameMatch: identifier,
      score: sql`1::real`,
      typo: false,
      ctes: [],
      filters,
    };
  const st = parsed ?? parseSearchText(text, { places: true });
  const tsq = rankQuery(st);
  const textMatch = textCondition(DIRECTORY_CATALOG, st, sql`o.search`);
  const names = sql`to_tsvector('russian', o.short_name || ' ' || o.full_name) @@ ${tsq}`;
  // With typo matching the matches are collected first, each branch on its own index: an OR of text
  // and trigram conditions in one WHERE may be planned as a table scan computing word similarity for
  // every row (the planner cannot know what the trigram operators cost or keep).
  const typoMatches = sql`m as materialized (
      select id, bool_or(name) as name from (
        (select o.id, ${names} as name from organizations o where ${textMatch})
        union all (select o.id, true from organizations o where ${text} <% o.short_name)
        union all (select o.id, true from organizations o where ${text} <% o.full_name)
      ) x group by id
    )`;
  const inM = sql`o.id in (select id from m)`;
  return {
    textMatch,
    match: typo ? inM : textMatch,
    nameMatch: typo ? sql`o.id in (select id from m where name)` : names,
    score: typo
      ? sql`ts_rank_cd(o.search, ${tsq}) + greatest(word_similarity(${text}, o.short_name), word_similarity(${text}, o.full_name))`
      : sql`ts_rank_cd(o.search, ${tsq})`,
    typo,
    ctes: typo ? [typoMatches] : [],
    filters,
  };
}

/** The filters of every active facet but `except`. */
const filtersBut = (b: Built, except: Facet | null) =>
  and_([...b.filters].filter(([f]) => f !== except).map(([, s]) => s));

// ---------- 1. estimates ----------

/** The row sets whose size decides how a query runs: "text", "result", "facet:<name>" and "all" rows. */
function estimateSets(q: DirectoryQueryInput, text?: SearchText): Map<string, SQL | null> {
  const b = build(q, false, text);
  const sets = new Map<string, SQL | null>();
  if (b.textMatch) sets.set("text", b.textMatch);
  sets.set("result", and_([b.textMatch, filtersBut(b, null)]));
  sets.set("all", null);
  for (const f of b.filters.keys()) sets.set(`facet:${f}`, and_([b.textMatch, filtersBut(b, f)]));
  return sets;
}

/**
 * The EXPLAIN statements of step 1, one per distinct row set. `tableRowsKnown`: leave out the table's
 * own estimate unless it is also the result set (it is cached for a minute, see `estimate`).
 */
export function directoryEstimateStatements(
  q: DirectoryQueryInput,
  opts: { tableRowsKnown?: boolean; text?: SearchText } = {},
): { keys: string[]; query: SQL }[] {
  const byText = new Map<string, { keys: string[]; query: SQL }>();
  for (const [key, cond] of estimateSets(q, opts.text)) {
    const query = sql`explain (format json) select 1 from organizations o${where(cond)}`;
    const text = JSON.stringify(toStatement(query));
    const seen = byText.get(text);
    if (seen) seen.keys.push(key);
    else byText.set(text, { keys: [key], query });
  }
  return [...byText.values()].filter((s) => !(opts.tableRowsKnown && s.keys.join() === "all"));
}

type ExplainRow = { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] | string };

function planRows(r: ExplainRow | undefined): number {
  const plan = typeof r?.["QUERY PLAN"] === "string" ? JSON.parse(r["QUERY PLAN"]) : r?.["QUERY PLAN"];
  const n = Number(plan?.[0]?.Plan?.["Plan Rows"]);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** The planner's estimate of the table's rows, per database, for a minute (it only scales samples). */
const tableRowsCache = new WeakMap<object, { rows: number; at: number }>();
const TABLE_ROWS_TTL_MS = 60_000;

export async function estimate(
  ex: Executor,
  q: DirectoryQueryInput,
  text?: SearchText,
): Promise<Map<string, number>> {
  const cached = tableRowsCache.get(ex);
  const fresh = cached !== undefined && Date.now() - cached.at < TABLE_ROWS_TTL_MS;
  const statements = directoryEstimateStatements(q, { tableRowsKnown: fresh, text });
  const results = await Promise.all(statements.map((s) => rows<ExplainRow>(ex, s.query)));
  const out = new Map<string, number>();
  statements.forEach((s, i) => {
    for (const k of s.keys) out.set(k, planRows(results[i]?.[0]));
  });
  const all = out.get("all");
  if (all !== undefined) tableRowsCache.set(ex, { rows: all, at: Date.now() });
  else if (cached) out.set("all", cached.rows);
  return out;
}

// ---------- 2. the plan and its statements ----------

export interface DirectoryPlan {
  typo: boolean;
  total: "exact" | "sample";
  facets: Record<Facet, "exact" | "sample">;
  /** TABLESAMPLE SYSTEM percentage when anything is sampled. */
  samplePercent: number;
  /** The planner's estimate of the table's rows: sampled counts are scaled by it. */
  tableRows: number;
}

export function directoryPlan(q: DirectoryQueryInput, estimates: Map<string, number>): DirectoryPlan {
  const L = DIRECTORY_LIMITS;
  const est = (k: string) => estimates.get(k) ?? estimates.get("result") ?? Number.POSITIVE_INFINITY;
  const tableRows = est("all");
  const active = FACETS.filter((f) => q[f]?.length);
  const setOf = (f: Facet) => (active.includes(f) ? `facet:${f}` : "result");
  // Sample when the set is large and the sample is cheaper than counting: counting reads every row of
  // the set, the sample reads a share of the whole table.
  const mode = (k: string) => {
    const e = est(k);
    const sampleCost = L.sampleRowCost * tableRows * Math.min(1, L.sampleTarget / e);
    return e > L.exact && sampleCost < L.exactRowCost * e ? ("sample" as const) : ("exact" as const);
  };
  const facets = Object.fromEntries(FACETS.map((f) => [f, mode(setOf(f))])) as DirectoryPlan["facets"];
  const total = mode("result");
  const sampled = [
    ...FACETS.filter((f) => facets[f] === "sample").map(setOf),
    ...(total === "sample" ? ["result"] : []),
  ];
  // Sized for the smallest sampled set to get about sampleTarget rows.
  const smallest = Math.min(...sampled.map(est));
  const percent = sampled.length ? Math.min(100, Math.max(0.1, (100 * L.sampleTarget) / smallest)) : 100;
  return {
    typo: estimates.has("text") && est("text") <= L.typo,
    total,
    facets,
    samplePercent: Math.round(percent * 1000) / 1000,
    tableRows,
  };
}

/** The SQL twin of `contactsShown`: published by a manager and agreed to by the contact person. */
const CONTACTS_SHOWN = sql`(o.contacts_public and o.contacts_consent_at is not null and o.contact_person_id is not null)`;

/** The public columns of a row, named as the drizzle row (ORG_COLUMNS) so the one presenter serves. */
const PUBLIC_COLUMNS = sql`o.id, o.type, o.inn, o.ogrn, o.country, o.region_code as "regionCode",
  o.full_name as "fullName", o.short_name as "shortName", to_char(o.founded_on, 'YYYY-MM-DD') as "foundedOn",
  o.website, o.description_ru as "descriptionRu", o.description_en as "descriptionEn",
  o.sme_category as "smeCategory", o.okved_sections as "okvedSections", o.okved_main as "okvedMain", o.tags,
  o.status, (extract(epoch from o.status_since) * 1000)::float8 as "statusSince",
  (o.status_suspended_at is not null) as "statusSuspended", o.has_logo as "hasLogo",
  (extract(epoch from o.updated_at) * 1000)::float8 as "updatedAt",
  o.contacts_public as "contactsPublic", o.contact_person_id as "contactPersonId",
  (extract(epoch from o.contacts_consent_at) * 1000)::float8 as "contactsConsentAt",
  case when ${CONTACTS_SHOWN} then o.contact_email end as "contactEmail",
  case when ${CONTACTS_SHOWN} then o.contact_phone end as "contactPhone",
  (extract(epoch from o.created_at) * 1000)::float8 as "createdAt"`;

const NEWEST = sql`o.created_at desc, o.id desc`;
const BY_NAME = sql`o.short_name collate "und-x-icu", o.id`;

function itemsStatement(q: DirectoryQueryInput, b: Built): SQL {
  const cond = and_([b.match, filtersBut(b, null)]);
  const offset = (q.page - 1) * q.pageSize;
  const size = q.pageSize;
  if (q.sort !== "relevance" || !b.score || !b.nameMatch) {
    const order = q.sort === "name" ? BY_NAME : NEWEST;
    return sql`${withClause(b.ctes)}select ${PUBLIC_COLUMNS}, null::real as rank from organizations o${where(cond)}
      order by ${order} limit ${size} offset ${offset}`;
  }
  const L = DIRECTORY_LIMITS;
  const newest = L.rankNewest;
  // The tail (matches beyond the ranked candidates, newest first) is only read when the page reaches
  // past them: there are at least min(matches, newest) candidates.
  const tail =
    offset + size > newest
      ? sql` union all (select o.id, null::real, 1, o.created_at from organizations o
          where ${cond} and o.id not in (select id from cand)
          order by ${NEWEST} limit ${offset + size})`
      : sql``;
  // Name matches join the candidates, so that an old organization named as asked is ranked too.
  const names = sql` union (select o.id from organizations o where ${and_([b.nameMatch, filtersBut(b, null)])}
    limit ${L.rankNames})`;
  // Ranked on ids; the public columns are read for the page's rows only.
  const cand = sql`cand as materialized (
      (select o.id from organizations o where ${cond} order by ${NEWEST} limit ${newest})${names}
    )`;
  return sql`${withClause([...b.ctes, cand])}, page as materialized (
      select * from (
        (select o.id, (${b.score})::real as rank, 0 as tier, o.created_at as sort_at
          from organizations o where o.id in (select id from cand))${tail}
      ) u
      order by tier, rank desc nulls last, sort_at desc, id desc limit ${size} offset ${offset}
    )
    select ${PUBLIC_COLUMNS}, page.rank from page join organizations o on o.id = page.id
    order by page.tier, page.rank desc nulls last, page.sort_at desc, page.id desc`;
}

/**
 * Facet counts and the total in one statement: per source (exact rows, sampled rows) one pass with a
 * grouping set per facet. A facet's grouping key is its column when the row passes the facet's other
 * filters and null otherwise, so each facet is counted over its own base set.
 */
function facetsStatement(b: Built, plan: DirectoryPlan): SQL {
  const branches: SQL[] = [];
  const ctes = [...b.ctes];
  for (const source of ["exact", "sample"] as const) {
    const facets = FACETS.filter((f) => plan.facets[f] === source);
    const withTotal = plan.total === source;
    if (!facets.length && !withTotal) continue;
    const bases = [...facets.map((f) => filtersBut(b, b.filters.has(f) ? f : null))];
    if (withTotal) bases.push(filtersBut(b, null));
    const anyBase = bases.some((x) => x === null) ? null : or_(bases.map((x) => paren(x!)));
    const keys: SQL[] = facets.map((f) => {
      const base = filtersBut(b, b.filters.has(f) ? f : null);
      return base ? sql`case when ${base} then ${FACET_COLUMN[f]} end` : FACET_COLUMN[f];
    });
    const all = filtersBut(b, null);
    const totalKey = all ? sql`coalesce(${all}, false)` : sql`true`;
    const from =
      source === "sample"
        ? sql`organizations o tablesample system (${sql.raw(String(plan.samplePercent))}) repeatable (${sql.raw(String(SAMPLE_SEED))})`
        : sql`organizations o`;
    const cols = [...keys, ...(withTotal ? [totalKey] : [])];
    const names = [...facets.map((f) => `k_${f}`), ...(withTotal ? ["k_total"] : [])];
    const keyList = sql.raw(names.join(", "));
    const grouped = sql`select ${keyList}, ${sql.raw(names.map((n) => `grouping(${n}) as g_${n}`).join(", "))},
        count(*)::int as n
      from (select ${sql.join(
        cols.map((c, i) => sql`${c} as ${sql.raw(names[i]!)}`),
        sql`, `,
      )} from ${from}${where(and_([b.match, anyBase]))}) x
      group by grouping sets (${sql.raw(names.map((n) => `(${n})`).join(", "))})`;
    // The outer selects name nothing from the request: facet names and sources are fixed words.
    const parts: SQL[] = facets.map((f) =>
      sql.raw(
        ARRAY_FACETS.has(f)
          ? `select '${source}' as src, '${f}' as f, u as v, sum(n)::int as n from g_${source} cross join unnest(k_${f}) u where g_k_${f} = 0 and k_${f} is not null group by u`
          : `select '${source}' as src, '${f}' as f, k_${f}::text as v, n from g_${source} where g_k_${f} = 0 and k_${f} is not null`,
      ),
    );
    if (withTotal)
      parts.push(
        sql.raw(
          `select '${source}' as src, 'total' as f, null as v, n from g_${source} where g_k_total = 0 and k_total`,
        ),
      );
    ctes.push(sql`${sql.raw(`g_${source}`)} as (${grouped})`);
    branches.push(sql.join(parts, sql` union all `));
    // Every row of the sampled pages: scaled to the table's size, it turns sampled counts into estimates.
    if (source === "sample")
      branches.push(sql`(select 'sample' as src, 'rows' as f, null as v, count(*)::int as n from ${from})`);
  }
  return sql`${withClause(ctes)}${sql.join(branches, sql` union all `)}`;
}

/** The exact number of results (a full count: for checks and the benchmark, not for requests). */
export function exactTotalStatement(q: DirectoryQueryInput, plan: DirectoryPlan, text?: SearchText): SQL {
  const b = build(q, plan.typo, text);
  return sql`${withClause(b.ctes)}select count(*)::int as n, (select count(*)::int from organizations) as "all"
    from organizations o${where(and_([b.match, filtersBut(b, null)]))}`;
}

export function directoryStatements(q: DirectoryQueryInput, plan: DirectoryPlan, text?: SearchText) {
  const b = build(q, plan.typo, text);
  return { items: itemsStatement(q, b), facets: facetsStatement(b, plan) };
}

// ---------- running it ----------

type ItemRow = Omit<OrgRow, "statusSince" | "createdAt" | "updatedAt" | "statusSuspendedAt"> & {
  statusSince: number;
  createdAt: number;
  updatedAt: number;
  statusSuspended: boolean;
  rank: number | null;
};
type FacetRow = { src: "exact" | "sample"; f: Facet | "total" | "rows"; v: string | null; n: number };

/** A row of the items statement as the drizzle row the presenter takes (public columns only). */
function asOrgRow(r: ItemRow): OrgRow {
  return {
    ...r,
    statusSince: new Date(r.statusSince),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    statusSuspendedAt: r.statusSuspended ? new Date(r.updatedAt) : null,
  } as unknown as OrgRow;
}

/** The text of `q` parsed and corrected against the directory's lexicon (undefined: no text). */
export const directoryText = (ex: Executor, q: DirectoryQueryInput) =>
  q.q?.trim() ? searchText(ex, DIRECTORY_CATALOG, q.q) : Promise.resolve(undefined);

/**
 * A search as the response's JSON, answered from the cache while the directory's generation has not
 * moved (core/search.ts); computed over the in-memory index otherwise (directory.index.ts).
 */
export function searchDirectory(ctx: Ctx, q: DirectoryQueryInput): Promise<string> {
  return cachedJson(ctx.db, "directory", `search:${JSON.stringify(q)}`, DirectoryPage, (gen) =>
    indexedDirectorySearch(ctx.db, gen, q),
  );
}

/** The SQL the in-memory search needs for a text (its matches, similar names, relevance). */
function textSqlOf(q: DirectoryQueryInput, parsed: SearchText | undefined): TextSql | undefined {
  const text = q.q?.trim();
  if (!text) return undefined;
  const identifier = identifierMatch(text);
  if (identifier)
    return {
      key: `id:${text.replace(/\s+/g, "")}`,
      matches: sql`select o.id from organizations o where ${identifier}`,
      names: sql`select o.id from organizations o where ${identifier}`,
      similar: null,
      typoLimit: DIRECTORY_LIMITS.typo,
      score: () => sql`1`,
    };
  const plain = build(q, false, parsed);
  const typo = build(q, true, parsed);
  return {
    key: JSON.stringify(parsed ?? text),
    matches: sql`select o.id from organizations o where ${plain.textMatch}`,
    names: sql`select o.id from organizations o where ${plain.nameMatch}`,
    similar: sql`select o.id from organizations o where ${text} <% o.short_name
      union select o.id from organizations o where ${text} <% o.full_name`,
    typoLimit: DIRECTORY_LIMITS.typo,
    score: (withTypo) => (withTypo ? typo.score! : plain.score!),
  };
}

/** The search over the in-memory index at generation `gen` (exported for the property test). */
export async function indexedDirectorySearch(
  ex: Executor,
  gen: number,
  q: DirectoryQueryInput,
): Promise<Page> {
  const text = q.q?.trim() ? await searchTextAt(ex, DIRECTORY_CATALOG, gen, q.q) : undefined;
  const found = await indexedSearch(ex, gen, q, FACETS, textSqlOf(q, text), {
    rankNewest: DIRECTORY_LIMITS.rankNewest,
    rankNames: DIRECTORY_LIMITS.rankNames,
  });
  const byId = await pageRows(
    ex,
    gen,
    found.page.map((p) => p.id),
    async (missing) => {
      const got = await rows<ItemRow>(
        ex,
        sql`select ${PUBLIC_COLUMNS}, null::real as rank from organizations o where o.id = any(${textArray(missing)}::uuid[])`,
      );
      return new Map(got.map((r) => [r.id, presentOrganization(asOrgRow(r), { full: false })]));
    },
  );
  return pageOf(q, {
    items: found.page.flatMap((p) => {
      const org = byId.get(p.id);
      return org ? [{ ...org, rank: p.rank }] : [];
    }),
    total: found.total,
    facets: found.facets,
    approximate: { total: false, facets: [] },
  });
}

/**
 * The search by SQL statements alone (the engine before the in-memory index; kept for the property
 * test and the benchmark's raw-SQL comparison). `exact`: count everything (no sample) and decide typo
 * matching by the number of text matches rather than the planner's estimate of it.
 */
export async function sqlDirectorySearch(
  ex: Executor,
  q: DirectoryQueryInput,
  opts: { exact?: boolean } = {},
): Promise<Page> {
  const text = await directoryText(ex, q);
  const planned = directoryPlan(q, await estimate(ex, q, text));
  // Exact: typo matching decided by the number of text matches (as the in-memory search decides).
  const textMatch = opts.exact ? build(q, false, text).textMatch : null;
  const [matched] = textMatch
    ? await rows<{ n: number }>(ex, sql`select count(*)::int as n from organizations o where ${textMatch}`)
    : [];
  const plan: DirectoryPlan = opts.exact
    ? {
        ...planned,
        typo: matched !== undefined && Number(matched.n) <= DIRECTORY_LIMITS.typo,
        total: "exact",
        facets: Object.fromEntries(FACETS.map((f) => [f, "exact"])) as DirectoryPlan["facets"],
      }
    : planned;
  const s = directoryStatements(q, plan, text);
  const [items, facetRows] = await Promise.all([rows<ItemRow>(ex, s.items), rows<FacetRow>(ex, s.facets)]);

  const sampledRows = Number(facetRows.find((r) => r.f === "rows")?.n ?? 0);
  const scale =
    sampledRows > 0 && Number.isFinite(plan.tableRows)
      ? plan.tableRows / sampledRows
      : 100 / plan.samplePercent;
  const count = (r: FacetRow) => (r.src === "sample" ? Math.round(Number(r.n) * scale) : Number(r.n));
  const facets = new Map<Facet, Map<string, number>>(FACETS.map((f) => [f, new Map<string, number>()]));
  let total = 0;
  for (const r of facetRows) {
    if (r.f === "total") total = count(r);
    else if (r.f !== "rows" && r.v !== null) facets.get(r.f)!.set(r.v, count(r));
  }
  return pageOf(q, {
    items: items.map((r) => ({
      ...presentOrganization(asOrgRow(r), { full: false }),
      rank: r.rank === null ? null : Number(r.rank),
    })),
    total,
    facets,
    approximate: {
      total: plan.total === "sample",
      facets: FACETS.filter((f) => plan.facets[f] === "sample"),
    },
  });
}

/** The response: facets listed by count (a selected value stays listed, with 0, to be unselected). */
function pageOf(
  q: DirectoryQueryInput,
  p: Pick<Page, "items" | "total" | "approximate"> & { facets: Map<Facet, Map<string, number>> },
): Page {
  const facet = (f: Facet) => {
    const counts = new Map(p.facets.get(f) ?? []);
    for (const v of q[f] ?? []) if (!counts.has(v)) counts.set(v, 0);
    return [...counts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  };
  return {
    items: p.items,
    total: p.total,
    page: q.page,
    pageSize: q.pageSize,
    facets: Object.fromEntries(FACETS.map((f) => [f, facet(f)])) as Page["facets"],
    approximate: p.approximate,
  };
}

// ---------- the public page ----------

/** The statements behind the public page (the benchmark runs them too). */
export function organizationPageQueries(ex: Executor, id: string) {
  return {
    organization: ex.select(ORG_COLUMNS).from(organizations).where(eq(organizations.id, id)),
    members: ex
      .select({ userId: memberships.userId, role: memberships.role, position: memberships.position })
      .from(memberships)
      .where(and(eq(memberships.organizationId, id), eq(memberships.showPublicly, true)))
      .orderBy(memberships.role, memberships.createdAt, memberships.userId),
  };
}

/** The public page as the response's JSON, cached like a search. */
export function publicOrganization(ctx: Ctx, id: string): Promise<string> {
  return cachedJson(ctx.db, "directory", `page:${id}`, PublicOrganizationView, () =>
    loadPublicOrganization(ctx, id),
  );
}

async function loadPublicOrganization(ctx: Ctx, id: string): Promise<z.infer<typeof PublicOrganizationView>> {
  const qs = organizationPageQueries(ctx.db, id);
  const [[org], members] = await Promise.all([qs.organization, qs.members]);
  if (!org) throw notFound();
  const people = await usersByIds(
    ctx.db,
    members.map((m) => m.userId),
  );
  return {
    organization: presentOrganization(org, { full: false }),
    // Only members who agreed to be shown, and never their e-mail; blocked accounts are left out.
    members: members.flatMap((m) => {
      const u = people.get(m.userId);
      return u?.active ? [{ fullName: u.fullName, position: m.position, role: m.role }] : [];
    }),
  };
}
