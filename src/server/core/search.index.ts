// The in-memory index of a catalog's filterable attributes (the search engine's second half, after
// the text: core/search.ts). A catalog declares its rows' facets (a value, a list of values or none per
// row) and its fixed orders (a number per row, computed by the database when the index is loaded, so
// collations and tie-breaks are PostgreSQL's own); the engine keeps, per database handle and catalog:
//
// - every row's position, its facet values as codes (CSR: per row a slice of one Int32Array) and, per
//   value, the bitset of the rows holding it; every fixed order as an array of positions;
// - built from one statement (one snapshot) after reading the catalog's generation, and rebuilt when a
//   search reads a newer generation (`search_generations`, bumped in the same transaction as every
//   write, core/search.ts): a write committed on any app server is seen by the next search on every
//   other. Concurrent searches share one rebuild.
//
// A search then needs from SQL only what the index cannot know: the rows matching a text (cached per
// generation by the catalog, since a text repeats across filter combinations) and the page's rows.
// Filters are unions of value bitsets, their intersection is the result, each facet counts over the
// result of every filter but its own (by popcount of value ∧ base for facets with few values, by walking
// the base's rows for many), and a page is the first rows of an order that are in the result.
//
// Memory: 35,000 rows with ~150 facet values hold ~0.7 MB of bitsets, ~1 MB of codes and the rows
// the catalog keeps (ids and a few scalars: ~5 MB for the directory); one index per catalog and
// database handle, replaced (not grown) by a rebuild.

import type { Executor } from "./db.js";
import {
  type Catalog,
  cachedPart,
  cachedRows,
  rankedMatches,
  searchTextAt,
  type TextSource,
} from "./search.js";

/** A set of row positions 0..size-1. */
export class Bitset {
  readonly words: Uint32Array;
  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const rest = size & 31;
    if (rest) b.words[b.words.length - 1] = (1 << rest) - 1;
    return b;
  }

  static of(size: number, positions: Iterable<number>): Bitset {
    const b = new Bitset(size);
    for (const p of positions) b.add(p);
    return b;
  }

  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** This ∪ o, in place. */
  orWith(o: Bitset): this {
    const w = this.words;
    const v = o.words;
    for (let i = 0; i < w.length; i++) w[i]! |= v[i]!;
    return this;
  }

  /** This ∩ o, in place. */
  andWith(o: Bitset): this {
    const w = this.words;
    const v = o.words;
    for (let i = 0; i < w.length; i++) w[i]! &= v[i]!;
    return this;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  count(): number {
    let n = 0;
    const w = this.words;
    for (let i = 0; i < w.length; i++) n += popcount(w[i]!);
    return n;
  }

  /** |this ∩ o| without building it. */
  andCount(o: Bitset): number {
    let n = 0;
    const w = this.words;
    const v = o.words;
    for (let i = 0; i < w.length; i++) {
      const x = w[i]! & v[i]!;
      if (x) n += popcount(x);
    }
    return n;
  }

  forEach(fn: (i: number) => void): void {
    const w = this.words;
    for (let k = 0; k < w.length; k++) {
      let x = w[k]!;
      while (x) {
        const t = x & -x;
        fn((k << 5) + 31 - Math.clz32(t));
        x ^= t;
      }
    }
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The intersection of the sets given (null: no condition); every row when none is given. */
export function intersect(size: number, sets: readonly (Bitset | null | undefined)[]): Bitset {
  let out: Bitset | null = null;
  for (const s of sets) {
    if (!s) continue;
    out = out ? out.andWith(s) : s.clone();
  }
  return out ?? Bitset.full(size);
}

/** A facet's values, as bitsets of the rows holding each. */
export type ValueSets = ReadonlyMap<string, Bitset>;

/** Counts of each value over `base` (values no row of base holds are left out). */
export function countValues(values: ValueSets, base: Bitset): Map<string, number> {
  const out = new Map<string, number>();
  for (const [v, bits] of values) {
    const n = base.andCount(bits);
    if (n > 0) out.set(v, n);
  }
  return out;
}

/** What a catalog declares to get an index. */
export interface IndexDefinition<R, F extends string, O extends string> {
  /** The catalog's name in `search_generations`. */
  catalog: string;
  /** Every row the catalog searches, in one statement (one snapshot). */
  load(ex: Executor): Promise<R[]>;
  id(row: R): string;
  /** Each facet's value(s) of a row (null or undefined: none). */
  facets: { [K in F]: (row: R) => string | readonly string[] | null | undefined };
  /** Fixed orders: a row's place (smaller first), computed by the database at load time. */
  orders: { [K in O]: (row: R) => number };
}

interface FacetData {
  /** Value names by code. */
  names: string[];
  /** Per value code, the rows holding it. */
  sets: Bitset[];
  /** Row i's value codes: codes[start[i] .. start[i+1]). */
  start: Int32Array;
  codes: Int32Array;
  byName: Map<string, Bitset>;
}

export class CatalogIndex<R, F extends string, O extends string> {
  readonly size: number;
  readonly ids: string[];
  readonly position = new Map<string, number>();
  readonly all: Bitset;
  private readonly facets = new Map<F, FacetData>();
  private readonly orderArrays = new Map<O, Int32Array>();

  constructor(
    readonly definition: IndexDefinition<R, F, O>,
    readonly rows: readonly R[],
    /** The generation read before the rows were (the rows are at least as new). */
    readonly generation: number,
  ) {
    this.size = rows.length;
    this.ids = rows.map((r) => definition.id(r));
    this.ids.forEach((id, i) => {
      this.position.set(id, i);
    });
    this.all = Bitset.full(this.size);
    for (const f of Object.keys(definition.facets) as F[]) this.facets.set(f, this.buildFacet(f));
    for (const o of Object.keys(definition.orders) as O[]) {
      const key = definition.orders[o];
      const places = Float64Array.from(rows, (r) => key(r));
      const order = Int32Array.from(rows.keys());
      order.sort((a, b) => places[a]! - places[b]! || a - b);
      this.orderArrays.set(o, order);
    }
  }

  private buildFacet(f: F): FacetData {
    const get = this.definition.facets[f];
    const codeOf = new Map<string, number>();
    const names: string[] = [];
    const sets: Bitset[] = [];
    const start = new Int32Array(this.size + 1);
    const codes: number[] = [];
    this.rows.forEach((row, i) => {
      start[i] = codes.length;
      const v = get(row);
      const list = v === null || v === undefined ? [] : typeof v === "string" ? [v] : v;
      for (const value of list) {
        let code = codeOf.get(value);
        if (code === undefined) {
          code = names.length;
          codeOf.set(value, code);
          names.push(value);
          sets.push(new Bitset(this.size));
        }
        // A value listed twice in a row counts twice (as unnest() does in SQL).
        codes.push(code);
        sets[code]!.add(i);
      }
    });
    start[this.size] = codes.length;
    const byName = new Map(names.map((n, i) => [n, sets[i]!]));
    return { names, sets, start, codes: Int32Array.from(codes), byName };
  }

  /** The rows holding any of the values of facet f. */
  anyOf(f: F, values: readonly string[]): Bitset {
    const d = this.facets.get(f)!;
    const out = new Bitset(this.size);
    for (const v of values) {
      const s = d.byName.get(v);
      if (s) out.orWith(s);
    }
    return out;
  }

  /** The rows matching a predicate over their row (for conditions no facet holds). */
  where(test: (row: R) => boolean): Bitset {
    const out = new Bitset(this.size);
    this.rows.forEach((r, i) => {
      if (test(r)) out.add(i);
    });
    return out;
  }

  /** The positions of the ids present in the index. */
  ofIds(ids: Iterable<string>): Bitset {
    const out = new Bitset(this.size);
    for (const id of ids) {
      const p = this.position.get(id);
      if (p !== undefined) out.add(p);
    }
    return out;
  }

  /** The value sets of facet f (for counting a facet with `countValues`). */
  valueSets(f: F): ValueSets {
    return this.facets.get(f)!.byName;
  }

  /** Counts of facet f's values over `base` (each row's values; zero counts left out). */
  count(f: F, base: Bitset, baseCount = base.count()): Map<string, number> {
    const d = this.facets.get(f)!;
    const words = base.words.length;
    // Popcount per value reads every word once per value; walking the base reads its rows' codes.
    if (d.names.length * words * 2 < baseCount * 3) {
      const out = new Map<string, number>();
      d.sets.forEach((s, code) => {
        const n = base.andCount(s);
        if (n > 0) out.set(d.names[code]!, n);
      });
      // Rows listing a value twice: the popcount counted them once.
      if (d.codes.length !== countDistinctPairs(d)) return this.walkCount(d, base);
      return out;
    }
    return this.walkCount(d, base);
  }

  private walkCount(d: FacetData, base: Bitset): Map<string, number> {
    const counts = new Int32Array(d.names.length);
    base.forEach((i) => {
      for (let k = d.start[i]!; k < d.start[i + 1]!; k++) counts[d.codes[k]!]!++;
    });
    const out = new Map<string, number>();
    counts.forEach((n, code) => {
      if (n > 0) out.set(d.names[code]!, n);
    });
    return out;
  }

  /**
   * Facet counts with each facet's own filter left out: facet f counts over `match` ∩ every filter
   * but f's. Facets without a filter share one base (the result); `dynamic` adds facets whose values
   * the request computes (value sets of this index's rows).
   */
  facetCounts<D extends string>(
    names: readonly (F | D)[],
    match: Bitset | null,
    filters: ReadonlyMap<F | D, Bitset>,
    dynamic: ReadonlyMap<D, ValueSets> = new Map(),
  ): { total: number; result: Bitset; facets: Map<F | D, Map<string, number>> } {
    const result = intersect(this.size, [match, ...filters.values()]);
    const total = result.count();
    const facets = new Map<F | D, Map<string, number>>();
    for (const name of names) {
      const own = filters.get(name);
      const base = own
        ? intersect(this.size, [match, ...[...filters].filter(([k]) => k !== name).map(([, s]) => s)])
        : result;
      const values = dynamic.get(name as D);
      facets.set(
        name,
        values ? countValues(values, base) : this.count(name as F, base, own ? base.count() : total),
      );
    }
    return { total, result, facets };
  }

  /** A fixed order's positions (smaller place first). */
  order(o: O): Int32Array {
    return this.orderArrays.get(o)!;
  }

  /** The rows of `set` at [offset, offset + size) in `order` (positions). */
  page(order: ArrayLike<number>, set: Bitset, offset: number, size: number): number[] {
    const out: number[] = [];
    let seen = 0;
    for (let k = 0; k < order.length && out.length < size; k++) {
      const p = order[k]!;
      if (!set.has(p)) continue;
      if (seen++ >= offset) out.push(p);
    }
    return out;
  }
}

const distinctPairs = new WeakMap<FacetData, number>();
/** Rows × distinct values (equals the codes' length unless some row lists a value twice). */
function countDistinctPairs(d: FacetData): number {
  let n = distinctPairs.get(d);
  if (n === undefined) {
    n = 0;
    for (const s of d.sets) n += s.count();
    distinctPairs.set(d, n);
  }
  return n;
}

type AnyIndex = CatalogIndex<unknown, string, string>;
/** Per database handle, per catalog: the index (or its build) and the generation it is at least at. */
const indexes = new WeakMap<object, Map<string, { generation: number; index: Promise<AnyIndex> }>>();

export const indexStats = { builds: 0, buildMs: 0 };

/**
 * The catalog's index at generation `generation` or newer: the one kept when it is, else rebuilt
 * (searches asking for the same generation meanwhile wait for the same build). `read` is the
 * generation reader (core/search.ts `generation`): read before the rows, so an index never claims a
 * generation newer than its rows.
 */
export function catalogIndex<R, F extends string, O extends string>(
  db: Executor,
  definition: IndexDefinition<R, F, O>,
  generation: number,
  read: (ex: Executor) => Promise<number>,
): Promise<CatalogIndex<R, F, O>> {
  let perDb = indexes.get(db);
  if (!perDb) {
    perDb = new Map();
    indexes.set(db, perDb);
  }
  const kept = perDb.get(definition.catalog);
  if (kept && kept.generation >= generation) return kept.index as unknown as Promise<CatalogIndex<R, F, O>>;
  const entry: { generation: number; index: Promise<AnyIndex> } = {
    generation,
    index: Promise.resolve(undefined as unknown as AnyIndex),
  };
  const build = (async () => {
    const t = performance.now();
    const at = await read(db);
    const rows = await definition.load(db);
    const index = new CatalogIndex(definition, rows, at);
    indexStats.builds++;
    indexStats.buildMs += performance.now() - t;
    if (perDb.get(definition.catalog) === entry) entry.generation = at;
    return index;
  })();
  entry.index = build as unknown as Promise<AnyIndex>;
  perDb.set(definition.catalog, entry);
  build.catch(() => {
    if (perDb.get(definition.catalog) === entry) perDb.delete(definition.catalog);
  });
  return build;
}

/**
 * A text's matches in a catalog's index at the index's generation, kept per parsed text (shared by every
 * filter combination and page): the rows `rankedMatches` finds, as a set and in relevance order, equal
 * ranks by `tie` (a row's place in a fixed order, smaller first).
 */
export async function indexedMatches<R, F extends string, O extends string>(
  db: Executor,
  index: CatalogIndex<R, F, O>,
  catalog: Catalog,
  source: TextSource,
  text: string,
  tie: (row: R) => number,
): Promise<{ set: Bitset; order: Int32Array }> {
  const st = await searchTextAt(db, catalog, index.generation, text);
  return cachedPart(
    db,
    catalog.name,
    index.generation,
    `text:${JSON.stringify(st)}`,
    async () => {
      const found = await rankedMatches(db, catalog, source, text, st);
      const rank = new Map<number, number>();
      for (const r of found) {
        const p = index.position.get(r.id);
        if (p !== undefined) rank.set(p, Number(r.rank));
      }
      const order = Int32Array.from(rank.keys()).sort(
        (a, b) => rank.get(b)! - rank.get(a)! || tie(index.rows[a]!) - tie(index.rows[b]!),
      );
      return { set: Bitset.of(index.size, rank.keys()), order };
    },
    (m) => m.set.words.byteLength + m.order.byteLength + 200,
  );
}

/**
 * A page of `set` in `order` as its cards, each kept per row at the index's generation (`cachedRows`;
 * `fetch` reads the missing ones by id).
 */
export async function indexedPage<T, R, F extends string, O extends string>(
  db: Executor,
  catalog: Catalog["name"],
  index: CatalogIndex<R, F, O>,
  order: ArrayLike<number>,
  set: Bitset,
  q: { page: number; pageSize: number },
  fetch: (missing: string[]) => Promise<Map<string, T>>,
): Promise<T[]> {
  const ids = index.page(order, set, (q.page - 1) * q.pageSize, q.pageSize).map((p) => index.ids[p]!);
  const cards = await cachedRows(
    db,
    catalog,
    index.generation,
    ids,
    fetch,
    (c) => JSON.stringify(c).length * 2,
  );
  return ids.flatMap((id) => {
    const c = cards.get(id);
    return c ? [c] : [];
  });
}
