// The navigator's search over the engine's in-memory index (core/search.index.ts): every published
// measure's level, provider, form, industries, tags, amount bucket, opening and closing days, amounts,
// criteria and its places in the fixed orders (newest; by amount) computed by the database. Per search,
// SQL is asked only for the measures matching the text (once per text and generation, with their
// rank) and the page's cards (kept per generation). What depends on the request is computed in memory
// and kept per index: "open now" per day, the deadline order per day, the verdicts (`verdictOf`, the
// twin of the SQL verdict, see measures.eligibility.test.ts) and the verdict order per profile and day.
// The answers equal `searchStatement`'s (measures.search.ts), which stays the engine for a search of
// one measure (`only`, saved searches) and the benchmark's raw-SQL comparison.

import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import {
  type Criteria,
  type EligibilityProfile,
  VERDICTS,
  type Verdict,
  verdictOf,
} from "../../../shared/eligibility.js";
import { AMOUNT_BUCKETS } from "../../../shared/vocabularies.js";
import { type Executor, rows } from "../../core/db.js";
import {
  Bitset,
  type CatalogIndex,
  catalogIndex,
  type IndexDefinition,
  type ValueSets,
} from "../../core/search.index.js";
import { cachedPart, cachedRows, generation } from "../../core/search.js";
import type { SearchSpec } from "./measures.search.js";

type IndexRow = {
  id: string;
  level: string;
  provider: string;
  form: string;
  industries: string[];
  tags: string[];
  permanent: boolean;
  opens: string | null;
  closes: string | null;
  amountMin: number | null;
  amount: number | null;
  criteria: Criteria;
  newest: number;
  byAmount: number;
};

/** The amount bucket's key (AMOUNT_BUCKETS, the first that holds it), null without an amount. */
export function amountBucket(amount: number | null): string | null {
  if (amount === null) return null;
  const b = AMOUNT_BUCKETS.find(
    (x) => (x.min === null || amount >= x.min) && (x.max === null || amount < x.max),
  );
  return b?.key ?? null;
}

type StaticFacet = "level" | "provider" | "form" | "industry" | "tag" | "amount";

export const MEASURES_INDEX: IndexDefinition<IndexRow, StaticFacet, "newest" | "amount"> = {
  catalog: "measures",
  load: async (ex) =>
    (
      await rows<IndexRow & { amountMin: string | number | null; amount: string | number | null }>(
        ex,
        sql`select i.id, i.level::text as level, i.provider, i.form::text as form, i.industries, i.tags,
          i.permanent, to_char(i.opens_on, 'YYYY-MM-DD') as opens, to_char(i.closes_on, 'YYYY-MM-DD') as closes,
          i.amount_min as "amountMin", coalesce(i.amount_max, i.amount_min) as amount, i.criteria,
          (row_number() over (order by i.published_at desc nulls last, i.id asc))::int as newest,
          (row_number() over (order by coalesce(coalesce(i.amount_max, i.amount_min), -1) desc,
            coalesce(i.amount_min, -1) desc, i.published_at desc nulls last, i.id asc))::int as "byAmount"
        from measure_index i where i.status = 'published'`,
      )
    ).map((r) => ({
      ...r,
      amountMin: r.amountMin === null ? null : Number(r.amountMin),
      amount: r.amount === null ? null : Number(r.amount),
      criteria: (typeof r.criteria === "string" ? JSON.parse(r.criteria) : r.criteria) as Criteria,
    })),
  id: (r) => r.id,
  facets: {
    level: (r) => r.level,
    provider: (r) => r.provider,
    form: (r) => r.form,
    industry: (r) => r.industries,
    tag: (r) => r.tags,
    amount: (r) => amountBucket(r.amount),
  },
  orders: { newest: (r) => r.newest, amount: (r) => r.byAmount },
};

type MeasuresIndex = CatalogIndex<IndexRow, StaticFacet, "newest" | "amount">;

export const measuresIndex = (db: Executor, gen: number) =>
  catalogIndex(db, MEASURES_INDEX, gen, (ex) => generation(ex, "measures"));

// ---------- what depends on the day and the profile, kept per index ----------

interface PerDay {
  open: Bitset;
  /** Positions in the deadline order (then newest). */
  deadline: Int32Array;
}
interface PerProfile {
  /** Verdict per position (index in VERDICTS). */
  verdicts: Uint8Array;
  sets: Map<string, Bitset>;
  /** Positions by verdict, then deadline, then newest. */
  order: Int32Array;
}
const perDay = new WeakMap<MeasuresIndex, Map<string, PerDay>>();
/** Verdicts kept per index: 10,000 measures cost ~50 kB per profile and day. */
const perProfile = new WeakMap<MeasuresIndex, LRUCache<string, PerProfile>>();

function dayOf(index: MeasuresIndex, today: string): PerDay {
  let m = perDay.get(index);
  if (!m) {
    m = new Map();
    perDay.set(index, m);
  }
  let d = m.get(today);
  if (!d) {
    const open = index.where(
      (r) =>
        r.permanent || ((r.opens === null || r.opens <= today) && (r.closes === null || r.closes >= today)),
    );
    // Still to close soonest first; no closing date; permanent; closed, latest first; then newest.
    const group = (r: IndexRow) => (r.permanent ? 2 : r.closes === null ? 1 : r.closes < today ? 3 : 0);
    const deadline = Int32Array.from(index.rows.keys()).sort((a, b) => {
      const ra = index.rows[a]!;
      const rb = index.rows[b]!;
      const ga = group(ra);
      const gb = group(rb);
      if (ga !== gb) return ga - gb;
      if (ga === 0 && ra.closes !== rb.closes) return ra.closes! < rb.closes! ? -1 : 1;
      if (ga === 3 && ra.closes !== rb.closes) return ra.closes! > rb.closes! ? -1 : 1;
      return ra.newest - rb.newest;
    });
    if (m.size > 3) m.clear();
    d = { open, deadline };
    m.set(today, d);
  }
  return d;
}

function profileOf(index: MeasuresIndex, profile: EligibilityProfile, today: string): PerProfile {
  let m = perProfile.get(index);
  if (!m) {
    m = new LRUCache({ max: 200 });
    perProfile.set(index, m);
  }
  const key = JSON.stringify([profile, today]);
  let p = m.get(key);
  if (!p) {
    const verdicts = Uint8Array.from(index.rows, (r) =>
      VERDICTS.indexOf(verdictOf(r.criteria, profile, today)),
    );
    const sets = new Map(VERDICTS.map((v) => [v as string, new Bitset(index.size)]));
    verdicts.forEach((v, i) => {
      sets.get(VERDICTS[v]!)!.add(i);
    });
    const deadline = dayOf(index, today).deadline;
    const order = new Int32Array(index.size);
    let k = 0;
    for (let v = 0; v < VERDICTS.length; v++)
      for (const pos of deadline) if (verdicts[pos] === v) order[k++] = pos;
    p = { verdicts, sets, order };
    m.set(key, p);
  }
  return p;
}

// ---------- the text ----------

interface TextMatches {
  set: Bitset;
  rank: Map<number, number>;
  /** The matches by rank desc, then newest. */
  order: Int32Array;
}

/** The text's matches at a generation, from `statement` (rows id, rank: the `t` of searchStatement). */
function textMatches(
  db: Executor,
  index: MeasuresIndex,
  key: string,
  read: () => Promise<{ id: string; rank: number | null }[]>,
) {
  return cachedPart(
    db,
    "measures",
    index.generation,
    `text:${key}`,
    async (): Promise<TextMatches> => {
      const found = await read();
      const rank = new Map<number, number>();
      for (const r of found) {
        const p = index.position.get(r.id);
        if (p !== undefined) rank.set(p, r.rank === null ? 0 : Number(r.rank));
      }
      const order = Int32Array.from(rank.keys()).sort(
        (a, b) => rank.get(b)! - rank.get(a)! || index.rows[a]!.newest - index.rows[b]!.newest,
      );
      return { set: Bitset.of(index.size, rank.keys()), rank, order };
    },
    (m) => m.set.words.byteLength + m.rank.size * 40 + 200,
  );
}

// ---------- the search ----------

/** A search as the index answers it (the text comes as its matches). */
export type IndexedSpec = Omit<SearchSpec, "text" | "only">;

export interface IndexedResult {
  total: number;
  page: { id: string; rank: number | null; verdict: Verdict | null }[];
  facets: Map<string, Map<string, number>>;
}

/**
 * A search over the index. `text`: the key of the (corrected) text and the reader of its matches, or
 * undefined without a text.
 */
export async function indexedMeasuresSearch(
  db: Executor,
  gen: number,
  s: IndexedSpec,
  facetNames: readonly string[],
  text: { key: string; read: () => Promise<{ id: string; rank: number | null }[]> } | undefined,
): Promise<IndexedResult> {
  const index = await measuresIndex(db, gen);
  const m = text ? await textMatches(db, index, text.key, text.read) : undefined;
  const day = dayOf(index, s.today);
  const prof = s.profile ? profileOf(index, s.profile, s.today) : undefined;
  const filters = new Map<string, Bitset>();
  const list = (f: StaticFacet, values: readonly string[] | undefined) => {
    if (values?.length) filters.set(f, index.anyOf(f, values));
  };
  list("level", s.level);
  list("provider", s.provider);
  list("form", s.form);
  if (s.openNow) filters.set("openNow", day.open);
  list("industry", s.industry);
  list("tag", s.tag);
  if (s.amountMin !== undefined || s.amountMax !== undefined) {
    const { amountMin: lo, amountMax: hi } = s;
    filters.set(
      "amount",
      index.where(
        (r) =>
          r.amount !== null && (lo === undefined || r.amount >= lo) && (hi === undefined || r.amount < hi),
      ),
    );
  }
  if (prof && s.eligibility?.length) {
    const set = new Bitset(index.size);
    for (const v of s.eligibility) set.orWith(prof.sets.get(v)!);
    filters.set("eligibility", set);
  }
  const closed = new Bitset(
    index.size,
    day.open.words.map((w) => ~w),
  ).andWith(index.all);
  const dynamic = new Map<string, ValueSets>([
    [
      "openNow",
      new Map([
        ["true", day.open],
        ["false", closed],
      ]),
    ],
  ]);
  if (prof) dynamic.set("eligibility", prof.sets);
  const { total, result, facets } = index.facetCounts(
    facetNames as (StaticFacet | "openNow" | "eligibility")[],
    m?.set ?? null,
    filters as Map<StaticFacet | "openNow" | "eligibility", Bitset>,
    dynamic as Map<"openNow" | "eligibility", ValueSets>,
  );
  const order =
    s.sort === "deadline"
      ? day.deadline
      : s.sort === "amount"
        ? index.order("amount")
        : s.sort === "verdict"
          ? (prof?.order ?? day.deadline)
          : (m?.order ?? index.order("newest"));
  const positions = index.page(order, result, (s.page - 1) * s.pageSize, s.pageSize);
  return {
    total,
    facets: facets as Map<string, Map<string, number>>,
    page: positions.map((p) => ({
      id: index.ids[p]!,
      rank: m ? (m.rank.get(p) ?? null) : null,
      verdict: prof ? VERDICTS[prof.verdicts[p]!]! : null,
    })),
  };
}

/** Rows by id at a generation, kept per generation (the page's cards: `fetch` reads the missing ones). */
export const measureRows = <T>(
  db: Executor,
  gen: number,
  ids: readonly string[],
  fetch: (missing: string[]) => Promise<Map<string, T>>,
) => cachedRows(db, "measures", gen, ids, fetch, (r) => JSON.stringify(r).length * 2);
