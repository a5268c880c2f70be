// The search engine every catalog uses (the directory, the navigator, and the catalogs to come).
//
// A catalog declares what it is (`Catalog`: its name, the SQL of its text vector, the column of its
// region if it has one); the engine gives it:
//
// - The text query (`parseSearchText`, `correctWords`, `textCondition`, `rankQuery`): Russian full
//   text (`websearch_to_tsquery('russian')`, every lexeme of 4+ letters also as a prefix), one term per
//   word. A term matches its word or the word's corrections: a word that is not in the catalog's lexicon
//   (`search_lexicon`, the words of its names or titles, kept by triggers) is corrected to the lexicon's
//   words within one edit when the longer of the two has 5–8 letters, two edits with 9+ letters
//   (fuzzystrmatch's `levenshtein`; candidates are the nearest words by trigram distance, GiST KNN).
//   "Дрнтех" finds «Дронтех», "Лазргаф" finds «Лазерграф». A word that begins a lexicon word is being
//   typed, not misspelt, and is left alone (the prefix matches it).
// - Place words (`search.places.ts`: every subject's name, regional centres and large cities, in any
//   case form): in a catalog with a region column, a phrase naming a place matches its text *or* the
//   place's region, so "робототехника Москва" finds robotics in Moscow whether or not the text says
//   "Москва". Text written in the websearch syntax ("quotes", -minus, or) is taken as it is.
// - Answers cached by generation (`cachedSearch`): a catalog's generation (`search_generations`) is
//   bumped by statement triggers in the same transaction as every write to its tables, and each search
//   first reads it (one index lookup); an answer is cached in memory under (catalog, generation, key),
//   and requests asking for an answer while it is being computed wait for that one computation.
//   So a committed write is seen by the very next search on every app server, and between writes the
//   popular queries are served from memory without touching the catalog's rows.
//
// - Parts of answers kept per generation (`cachedPart`, `cachedRows`, `searchTextAt`): a text's
//   corrections and matches, a page's rows, shared by every answer that needs them.
//
// Filters, facet counts (each facet under the other filters), totals and pages are computed over the
// catalog's in-memory index (search.index.ts), rebuilt when the generation moves.

import { type SQL, sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { type Executor, prefixTsQuery, rows, textArray } from "./db.js";
import { PLACE_GENERIC, PLACES, type Place } from "./search.places.js";

/** What a catalog tells the engine about itself. */
export interface Catalog {
  /** Its name in `search_generations` and `search_lexicon` (and in the lexicon's partial index). */
  name: "directory" | "measures" | "listings" | "challenges" | "projects" | "events";
  /** Its region column (alias included), if rows have one: place words then match it too. */
  regionColumn?: SQL;
}

// ---------- the text ----------

/** One word of the query and the lexicon words it may be a misspelling of. */
export interface Term {
  word: string;
  corrections: string[];
}

export interface SearchText {
  raw: string;
  /** Websearch syntax ("quotes", -minus, or): the raw text is the query, without terms or places. */
  verbatim: boolean;
  terms: Term[];
  /** Phrases naming places: each matches its text or its regions. */
  places: { text: string; regions: string[] }[];
}

const norm = (s: string) => s.replace(/ё/g, "е");
const ENDINGS = new Set(
  "а я у ю е и ы о ь й ой ей ом ем ах ях ам ям ами ями ую ая ое ие ые ий ый ого его ому ему ым им ых их ою ею".split(
    " ",
  ),
);
ENDINGS.add("");

/** A token names a place word when it is the word in some case form ("Москве", "Казани", "Татарстане"). */
function isForm(token: string, word: string): boolean {
  const t = norm(token);
  if (word.length <= 3) return t === word;
  let stem = word;
  for (let i = 0; i < 2 && stem.length > 3 && /[аяоеиыуюьй]$/.test(stem); i++) stem = stem.slice(0, -1);
  return t.startsWith(stem) && ENDINGS.has(t.slice(stem.length));
}

function placeAt(tokens: string[], i: number): Place | null {
  let best: Place | null = null;
  for (const p of PLACES) {
    if (best && p.words.length <= best.words.length) continue;
    if (p.words.every((w, k) => tokens[i + k] !== undefined && isForm(tokens[i + k]!, w))) best = p;
  }
  return best;
}

const VERBATIM = /["]|(^|\s)-\S|(^|\s)or(\s|$)/i;

/** Splits a search text into terms and, when `places`, place phrases (pure; no corrections yet). */
export function parseSearchText(raw: string, opts: { places: boolean }): SearchText {
  const text = raw.trim();
  if (VERBATIM.test(text)) return { raw: text, verbatim: true, terms: [], places: [] };
  const tokens = text
    .toLowerCase()
    .split(/[^0-9a-zа-яё-]+/)
    .map((t) => t.replace(/^-+|-+$/g, ""))
    .filter(Boolean);
  const terms: Term[] = [];
  const places: SearchText["places"] = [];
  for (let i = 0; i < tokens.length; ) {
    const place = opts.places ? placeAt(tokens, i) : null;
    if (!place) {
      terms.push({ word: tokens[i]!, corrections: [] });
      i++;
      continue;
    }
    let from = i;
    let to = i + place.words.length;
    // "Московская область", "Республика Татарстан": the generic word goes with the place.
    if (from > 0 && PLACE_GENERIC.has(norm(tokens[from - 1]!)) && terms.at(-1)?.word === tokens[from - 1]) {
      terms.pop();
      from--;
    }
    while (to < tokens.length && PLACE_GENERIC.has(norm(tokens[to]!))) to++;
    places.push({ text: tokens.slice(from, to).join(" "), regions: place.regions });
    i = to;
  }
  return { raw: text, verbatim: false, terms, places };
}

/** Edits allowed between a word and a correction: by the longer one's length. */
export const allowedEdits = (length: number) => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

/** Corrections kept per word (nearest first). */
const MAX_CORRECTIONS = 3;
/** Lexicon candidates read per word (nearest by trigram distance). */
const CANDIDATES = 40;

/**
 * Fills each term's corrections from the catalog's lexicon: one statement for all the words that could
 * be misspelt (letters only, 4+), skipping words in the lexicon and words that begin a lexicon word.
 */
export async function correctWords(ex: Executor, catalog: Catalog, text: SearchText): Promise<SearchText> {
  const words = [...new Set(text.terms.map((t) => t.word).filter((w) => /^[a-zа-яё]{4,}$/.test(w)))];
  if (!words.length) return text;
  const name = sql.raw(`'${catalog.name}'`);
  const found = await rows<{ w: string; word: string }>(
    ex,
    sql`with c as (
        select q.w, l.word, l.dist from unnest(${textArray(words)}) q(w)
        cross join lateral (
          select word, word <-> q.w as dist from search_lexicon
          where catalog = ${name} order by word <-> q.w limit ${CANDIDATES}
        ) l
      )
      select w, word from c
      where w not in (select w from c where starts_with(word, w))
        and levenshtein(w, word) <= case when greatest(length(w), length(word)) >= 9 then 2
          when greatest(length(w), length(word)) >= 5 then 1 else 0 end
      order by w, levenshtein(w, word), dist, word`,
  );
  const byWord = new Map<string, string[]>();
  for (const r of found) {
    const list = byWord.get(r.w) ?? [];
    if (list.length < MAX_CORRECTIONS) list.push(r.word);
    byWord.set(r.w, list);
  }
  return {
    ...text,
    terms: text.terms.map((t) => ({ ...t, corrections: byWord.get(t.word) ?? [] })),
  };
}

const anyOf = (parts: SQL[]): SQL => (parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` || `)})`);
const allOf = (parts: SQL[]): SQL => (parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` && `)})`);

/** The tsquery the terms must match (each word or one of its corrections), or null with no terms. */
export function termsQuery(text: SearchText): SQL | null {
  if (text.verbatim) return prefixTsQuery(text.raw);
  if (!text.terms.length) return null;
  return allOf(text.terms.map((t) => anyOf([t.word, ...t.corrections].map((w) => prefixTsQuery(w)))));
}

/** The tsquery to rank by: the terms, else the place phrases' text, else the raw text. */
export function rankQuery(text: SearchText): SQL {
  const terms = termsQuery(text);
  if (terms) return terms;
  if (text.places.length) return anyOf(text.places.map((p) => prefixTsQuery(p.text)));
  return prefixTsQuery(text.raw);
}

/**
 * The condition a row matches the text by: its vector matches the terms, and each place phrase by
 * text or, in a catalog with a region column, by region.
 */
export function textCondition(catalog: Catalog, text: SearchText, vector: SQL): SQL {
  const terms = termsQuery(text);
  const parts: SQL[] = terms ? [sql`${vector} @@ ${terms}`] : [];
  for (const p of text.places) {
    const byText = sql`${vector} @@ ${prefixTsQuery(p.text)}`;
    parts.push(
      catalog.regionColumn
        ? sql`(${byText} or ${catalog.regionColumn} in (${sql.join(
            p.regions.map((r) => sql`${r}`),
            sql`, `,
          )}))`
        : byText,
    );
  }
  if (!parts.length) return sql`${vector} @@ ${prefixTsQuery(text.raw)}`;
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` and `)})`;
}

/** Where a catalog's rows are for `rankedMatches`: its table's columns (qualified) and which rows count. */
export interface TextSource {
  table: SQL;
  id: SQL;
  /** The tsvector. */
  search: SQL;
  /** The title compared by trigram similarity. */
  title: SQL;
  /** The rows searched (e.g. published only). */
  where: SQL;
  /** Below this many full-text matches, titles similar to the text are added. */
  typoBelow: number;
}

/**
 * The rows matching a text, with their rank: the full-text matches by `ts_rank_cd`, then — only when
 * they are fewer than `typoBelow` — the titles similar to the text (pg_trgm word similarity), as two
 * plain statements in one transaction (planning a similarity branch every text rarely needs costs a
 * third of the time). `random_page_cost` 1.1 (the usual setting for data in memory or on SSD): with the
 * default 4 a broad word matching a quarter of the rows is planned as a sequential scan of every
 * vector instead of the GIN index.
 */
export const rankedMatches = (
  ex: Executor,
  catalog: Catalog,
  from: TextSource,
  text: string,
  st: SearchText,
) =>
  ex.transaction(async (tx) => {
    await tx.execute(sql`set local random_page_cost = 1.1`);
    const found = await rows<{ id: string; rank: number | null }>(
      tx,
      sql`select ${from.id} as id, ts_rank_cd(${from.search}, ${rankQuery(st)})::float8 as rank
        from ${from.table} where ${from.where} and ${textCondition(catalog, st, from.search)}`,
    );
    if (found.length >= from.typoBelow) return found;
    const similar = await rows<{ id: string; rank: number | null }>(
      tx,
      sql`select ${from.id} as id, word_similarity(${text}, ${from.title})::float8 as rank
        from ${from.table}
        where ${from.where} and ${text} <% ${from.title}
          and not (${from.id} = any(${textArray(found.map((r) => r.id))}::uuid[]))`,
    );
    return [...found, ...similar];
  });

/** The text parsed and corrected for a catalog (places only where the catalog has regions). */
export async function searchText(ex: Executor, catalog: Catalog, raw: string): Promise<SearchText> {
  return correctWords(ex, catalog, parseSearchText(raw, { places: catalog.regionColumn !== undefined }));
}

/** `searchText` kept per generation (the corrections come from the lexicon, which writes change). */
export const searchTextAt = (ex: Executor, catalog: Catalog, gen: number, raw: string): Promise<SearchText> =>
  cachedPart(
    ex,
    catalog.name,
    gen,
    `parsed:${raw}`,
    () => searchText(ex, catalog, raw),
    (t) => JSON.stringify(t).length * 2 + 100,
  );

// ---------- answers cached by generation ----------

/** Cached answers per database (tests and the benchmark open several in one process). */
const caches = new WeakMap<object, LRUCache<string, { value: Promise<unknown> }>>();
/** Answers kept per database: a directory page with its facets is ~20 kB, so at most ~40 MB. */
export const SEARCH_CACHE_SIZE = 2000;

export const searchCacheStats = { hits: 0, misses: 0 };

/**
 * `cachedSearch` of an answer already serialized as the route's response schema would (`z.encode`,
 * then JSON): a hit costs no serialization. Send it with `sendJson`.
 */
export function cachedJson<S extends z.ZodType>(
  db: Executor,
  catalog: Catalog["name"],
  key: string,
  schema: S,
  compute: (generation: number) => Promise<z.output<S>>,
  gen?: Promise<number>,
): Promise<string> {
  return cachedSearch(
    db,
    catalog,
    `json:${key}`,
    async (g) => JSON.stringify(z.encode(schema, await compute(g))),
    gen,
  );
}

/** Sends JSON text as it is (Fastify skips the serializer for a string with a JSON content type). */
export const sendJson = (reply: FastifyReply, json: string) =>
  reply.type("application/json; charset=utf-8").send(json);

/**
 * What a generation counts: a catalog's writes, or `challenge_rankings` — the writes beyond the
 * challenges catalog's own that a stage's ranking reads (scores, experts, their memberships and names) —,
 * or `pilots` — every write to the pilots (read by the cluster in numbers).
 */
export type GenerationName = Catalog["name"] | "challenge_rankings" | "pilots" | "grants" | "status";

/** The catalog's current generation: read in every search, so a committed write is seen at once. */
export async function generation(ex: Executor, catalog: GenerationName): Promise<number> {
  const [r] = await rows<{ gen: string | number }>(
    ex,
    sql`select gen from search_generations where catalog = ${catalog}`,
  );
  return Number(r?.gen ?? 0);
}

/** Several generations in one statement, in the order asked. */
export async function generations(ex: Executor, names: readonly GenerationName[]): Promise<number[]> {
  const list = await rows<{ catalog: string; gen: string | number }>(
    ex,
    sql`select catalog, gen from search_generations where catalog = any(${textArray([...names])})`,
  );
  return names.map((n) => Number(list.find((r) => r.catalog === n)?.gen ?? 0));
}

/**
 * The answer to `key` in the catalog at its current generation: from memory when this app server
 * computed it at this generation, else computed (and kept). `key` must hold everything the answer
 * depends on besides the catalog's tables (the request's filters, the profile, the day…).
 */
export async function cachedSearch<T>(
  db: Executor,
  catalog: Catalog["name"],
  key: string,
  compute: (generation: number) => Promise<T>,
  /** The generation, when the caller started reading it already (alongside its own statements). */
  gen: Promise<number> = generation(db, catalog),
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: SEARCH_CACHE_SIZE });
    caches.set(db, cache);
  }
  const at = await gen;
  const full = `${catalog}:${at}:${key}`;
  const hit = cache.get(full);
  if (hit) {
    searchCacheStats.hits++;
    return hit.value as Promise<T>;
  }
  searchCacheStats.misses++;
  // Requests asking meanwhile for the same answer share this computation; a failure is not kept.
  const value = compute(at);
  const entry = { value };
  cache.set(full, entry);
  try {
    return await value;
  } catch (e) {
    if (cache.get(full) === entry) cache.delete(full);
    throw e;
  }
}

/** Parts of answers kept per database (a text's matches, a page's rows), bounded by their size. */
type Part = { value: Promise<unknown>; size: number };
const parts = new WeakMap<object, LRUCache<string, Part>>();
/** Bytes of parts kept per database (estimated by each part's `size`). */
export const SEARCH_PARTS_BYTES = 32 * 1024 * 1024;

function partsOf(db: Executor): LRUCache<string, Part> {
  let cache = parts.get(db);
  if (!cache) {
    cache = new LRUCache<string, Part>({ maxSize: SEARCH_PARTS_BYTES, sizeCalculation: (e) => e.size });
    parts.set(db, cache);
  }
  return cache;
}

/**
 * Rows by id at a generation (e.g. a page's rows as the page shows them): the ones kept, and the
 * others by one call of `fetch` (which returns them by id; ids it does not return are left out).
 */
export async function cachedRows<T>(
  db: Executor,
  catalog: Catalog["name"],
  gen: number,
  ids: readonly string[],
  fetch: (missing: string[]) => Promise<Map<string, T>>,
  size: (row: T) => number,
): Promise<Map<string, T>> {
  const cache = partsOf(db);
  const key = (id: string) => `${catalog}:${gen}:row:${id}`;
  const out = new Map<string, T>();
  const waits: Promise<void>[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(key(id));
    if (hit) waits.push((hit.value as Promise<T | undefined>).then((r) => void (r && out.set(id, r))));
    else missing.push(id);
  }
  if (missing.length) {
    const fetched = fetch(missing);
    const entries = missing.map((id) => {
      const value = fetched.then((m) => m.get(id));
      value.catch(() => {}); // the fetch's error goes to the request that made it
      const entry: Part = { value, size: 1024 };
      cache.set(key(id), entry);
      return entry;
    });
    try {
      const m = await fetched;
      for (const id of missing) {
        const r = m.get(id);
        if (r) {
          out.set(id, r);
          cache.set(key(id), { value: Promise.resolve(r), size: Math.max(64, size(r)) });
        }
      }
    } catch (e) {
      missing.forEach((id, i) => {
        if (cache.get(key(id)) === entries[i]) cache.delete(key(id));
      });
      throw e;
    }
  }
  await Promise.all(waits);
  return out;
}

/**
 * A part of answers (the rows matching a text, a row as pages show it) at a generation the caller has
 * read: computed once per generation and shared by every answer that needs it. `size` estimates the
 * part's bytes (the cache holds at most SEARCH_PARTS_BYTES per database).
 */
export async function cachedPart<T>(
  db: Executor,
  catalog: Catalog["name"],
  gen: number,
  key: string,
  compute: () => Promise<T>,
  size: (value: T) => number,
): Promise<T> {
  const cache = partsOf(db);
  const full = `${catalog}:${gen}:${key}`;
  const hit = cache.get(full);
  if (hit) return hit.value as Promise<T>;
  const value = compute();
  // Concurrent requests for the part share one computation; a failure is not kept.
  const entry: Part = { value, size: 1024 };
  cache.set(full, entry);
  try {
    const v = await value;
    cache.set(full, { value, size: Math.max(64, size(v)) });
    return v;
  } catch (e) {
    if (cache.get(full) === entry) cache.delete(full);
    throw e;
  }
}
