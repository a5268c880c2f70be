// The directory's search over the engine's in-memory index (core/search.index.ts): every organization's
// region, status, type, SME category, OKVED sections and tags, and its places in the two fixed orders
// (newest; by name with the database's ICU collation). Per search, SQL is asked only for
// - the organizations matching the text (once per text and generation: `textMatches`),
// - the relevance of the ranked candidates (ts_rank_cd, + name similarity with typo matching; kept per
//   text and generation, filled as candidates come),
// - the page's rows (kept per generation).
// Filters, the total, the facet counts (each facet under the other filters) and the order are computed
// in memory, exactly: the counts are never sampled (`approximate` is always false).
//
// The answers equal the SQL statements' (directory.service.ts, kept for the property test and the
// benchmark's raw-SQL comparison) with every count exact and typo matching decided by the number of
// text matches (≤ DIRECTORY_LIMITS.typo) rather than the planner's estimate of it.

import { type SQL, sql } from "drizzle-orm";
import { type Executor, rows, textArray } from "../../core/db.js";
import {
  type Bitset,
  type CatalogIndex,
  catalogIndex,
  type IndexDefinition,
} from "../../core/search.index.js";
import { cachedPart, cachedRows, generation } from "../../core/search.js";
import type { DirectoryQueryInput, Facet } from "./directory.service.js";

type IndexRow = {
  id: string;
  region: string | null;
  status: string;
  type: string;
  sme: string | null;
  okved: string[] | null;
  tags: string[] | null;
  newest: number;
  name: number;
};

export const DIRECTORY_INDEX: IndexDefinition<IndexRow, Facet, "newest" | "name"> = {
  catalog: "directory",
  load: (ex) =>
    rows<IndexRow>(
      ex,
      sql`select o.id, o.region_code as region, o.status::text as status, o.type::text as type,
        o.sme_category as sme, o.okved_sections as okved, o.tags,
        (row_number() over (order by o.created_at desc, o.id desc))::int as newest,
        (row_number() over (order by o.short_name collate "und-x-icu", o.id))::int as name
      from organizations o`,
    ),
  id: (r) => r.id,
  facets: {
    region: (r) => r.region,
    status: (r) => r.status,
    type: (r) => r.type,
    sme: (r) => r.sme,
    okved: (r) => r.okved,
    tag: (r) => r.tags,
  },
  orders: { newest: (r) => r.newest, name: (r) => r.name },
};

export type DirectoryIndex = CatalogIndex<IndexRow, Facet, "newest" | "name">;

export const directoryIndex = (db: Executor, gen: number) =>
  catalogIndex(db, DIRECTORY_INDEX, gen, (ex) => generation(ex, "directory"));

/** The SQL a text needs (from the statement builder, so both engines match the same rows). */
export interface TextSql {
  /** The key of the text in the caches (the corrected text). */
  key: string;
  /** The text matches (ids). */
  matches: SQL;
  /** The organizations whose names match the rank query (ids; by the names' own text index). */
  names: SQL;
  /** Trigram-similar names (typo matching; asked only when the text matches ≤ `typoLimit`). */
  similar: SQL | null;
  typoLimit: number;
  /** The relevance of rows (alias o) with and without typo matching. */
  score: (typo: boolean) => SQL;
}

/** A text's matches at a generation: positions, the name matches among them, and relevance as known. */
interface TextMatches {
  set: Bitset;
  names: Bitset;
  typo: boolean;
  /** Relevance by id, filled for ranked candidates as searches need them. */
  ranks: Map<string, number>;
}

async function textMatches(db: Executor, index: DirectoryIndex, t: TextSql): Promise<TextMatches> {
  return cachedPart(
    db,
    "directory",
    index.generation,
    `text:${t.key}`,
    async () => {
      const [found, named] = await Promise.all([
        rows<{ id: string }>(db, t.matches),
        rows<{ id: string }>(db, t.names),
      ]);
      const typo = found.length <= t.typoLimit && t.similar !== null;
      const ids = found.map((r) => r.id);
      // Only the name matches among the results are used: those outside the text matches are ignored.
      const names = named.map((r) => r.id);
      if (typo) {
        const similar = await rows<{ id: string }>(db, t.similar!);
        for (const r of similar) {
          ids.push(r.id);
          names.push(r.id);
        }
      }
      return { set: index.ofIds(ids), names: index.ofIds(names), typo, ranks: new Map<string, number>() };
    },
    (m) => m.set.words.byteLength * 2 + m.ranks.size * 80 + 200,
  );
}

async function ranksOf(db: Executor, t: TextSql, m: TextMatches, ids: string[]): Promise<void> {
  const missing = ids.filter((id) => !m.ranks.has(id));
  if (!missing.length) return;
  const found = await rows<{ id: string; rank: number | null }>(
    db,
    sql`select o.id, (${t.score(m.typo)})::real as rank from organizations o where o.id = any(${textArray(missing)}::uuid[])`,
  );
  for (const r of found) m.ranks.set(r.id, r.rank === null ? Number.NaN : Number(r.rank));
}

export interface IndexedSearch {
  total: number;
  facets: Map<Facet, Map<string, number>>;
  /** The page: ids in order with their relevance (null: not ranked). */
  page: { id: string; rank: number | null }[];
}

export const RANK_LIMITS = { rankNewest: 100, rankNames: 50 };

/**
 * A search over the index. `text`: the text's SQL (undefined: no text). Relevance: the `rankNewest`
 * newest results and the `rankNames` newest name matches among the results are ranked
 * and come first (rank desc, then newest); the other results follow newest first.
 */
export async function indexedSearch(
  db: Executor,
  gen: number,
  q: DirectoryQueryInput,
  facetNames: readonly Facet[],
  text: TextSql | undefined,
  limits = RANK_LIMITS,
): Promise<IndexedSearch> {
  const index = await directoryIndex(db, gen);
  const m = text ? await textMatches(db, index, text) : undefined;
  const filters = new Map<Facet, Bitset>();
  for (const f of facetNames) {
    const values = q[f];
    if (values?.length) filters.set(f, index.anyOf(f, values));
  }
  const { total, result, facets } = index.facetCounts(facetNames, m?.set ?? null, filters);
  const offset = (q.page - 1) * q.pageSize;
  const newest = index.order("newest");
  if (q.sort !== "relevance" || !text || !m) {
    const order = index.order(q.sort === "name" ? "name" : "newest");
    return {
      total,
      facets,
      page: index.page(order, result, offset, q.pageSize).map((p) => ({ id: index.ids[p]!, rank: null })),
    };
  }
  // The ranked candidates: the newest results and the first name matches among them.
  const cand = index.page(newest, result, 0, limits.rankNewest);
  const inCand = new Set(cand);
  const names = result.clone().andWith(m.names);
  for (const p of index.page(newest, names, 0, limits.rankNames))
    if (!inCand.has(p)) {
      inCand.add(p);
      cand.push(p);
    }
  await ranksOf(
    db,
    text,
    m,
    cand.map((p) => index.ids[p]!),
  );
  const rankOf = (p: number) => m.ranks.get(index.ids[p]!) ?? Number.NaN;
  const placeOf = (p: number) => index.rows[p]!.newest;
  const ranked = [...cand].sort((a, b) => {
    const ra = rankOf(a);
    const rb = rankOf(b);
    // rank desc nulls last, then newest
    if (Number.isNaN(ra) !== Number.isNaN(rb)) return Number.isNaN(ra) ? 1 : -1;
    return (Number.isNaN(ra) ? 0 : rb - ra) || placeOf(a) - placeOf(b);
  });
  const page: { id: string; rank: number | null }[] = [];
  for (const p of ranked.slice(offset, offset + q.pageSize)) {
    const r = rankOf(p);
    page.push({ id: index.ids[p]!, rank: Number.isNaN(r) ? null : r });
  }
  if (page.length < q.pageSize) {
    const rest = result.clone();
    for (const p of cand) rest.words[p >>> 5]! &= ~(1 << (p & 31));
    const skip = Math.max(0, offset - ranked.length);
    for (const p of index.page(newest, rest, skip, q.pageSize - page.length))
      page.push({ id: index.ids[p]!, rank: null });
  }
  return { total, facets, page };
}

/** Rows by id at a generation, kept per generation (a page's rows: `fetch` reads the missing ones). */
export const pageRows = <T>(
  db: Executor,
  gen: number,
  ids: readonly string[],
  fetch: (missing: string[]) => Promise<Map<string, T>>,
) => cachedRows(db, "directory", gen, ids, fetch, (r) => JSON.stringify(r).length * 2);
