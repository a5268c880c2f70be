// The navigator's search as one SQL statement: the published measures that match the text, each with
// its verdict for the profile (measures.eligibility.ts), then — over that set, in the database — the
// total, the requested page's cards in the requested order, and the facet counts (each facet over the
// other filters, not its own). Only the page and the counts travel to Node, whatever the size of the
// catalog; the explained evaluations (sentences) are built there for the page alone.
//
// The statement: WITH c AS MATERIALIZED (one row per matching measure with the columns filters, facets
// and sorts need, read from the narrow `measure_index`, joined to `measures` only for a text query)
// SELECT total, page (json), facets (json). Every filter and the verdict are plain column comparisons
// (the criteria are normalized into crit_* columns when a measure is written).

import { type SQL, sql } from "drizzle-orm";
import { type EligibilityProfile, VERDICTS, type Verdict } from "../../../shared/eligibility.js";
import { type Executor, rows, textArray } from "../../core/db.js";
import {
  type Catalog,
  cachedSearch,
  parseSearchText,
  rankedMatches,
  rankQuery,
  type SearchText,
  searchText,
  searchTextAt,
  type TextSource,
  textCondition,
} from "../../core/search.js";
import { AMOUNT_BUCKETS } from "./measures.contract.js";
import { verdictName, verdictSql } from "./measures.eligibility.js";
import { indexedMeasuresSearch, measureRows } from "./measures.index.js";
import { type MeasureRow, type MeasureTerms, measureIndex, measures } from "./measures.schema.js";

const SEARCH_FACETS = [
  "level",
  "provider",
  "form",
  "openNow",
  "industry",
  "tag",
  "amount",
  "eligibility",
] as const;
export type FacetName = (typeof SEARCH_FACETS)[number];

type SearchSort = "relevance" | "deadline" | "amount" | "verdict";

export interface SearchSpec {
  text?: string | undefined;
  level?: readonly string[] | undefined;
  provider?: readonly string[] | undefined;
  form?: readonly string[] | undefined;
  openNow?: boolean | undefined;
  industry?: readonly string[] | undefined;
  tag?: readonly string[] | undefined;
  /** Measures whose amount (the maximum, else the minimum) is in [amountMin, amountMax), as the buckets. */
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  /** Applies only with a profile. */
  eligibility?: readonly Verdict[] | undefined;
  sort: SearchSort;
  page: number;
  pageSize: number;
  /** Verdicts (and the eligibility facet) are computed for this profile; null: none. */
  profile: EligibilityProfile | null;
  /** The Moscow calendar day "open now" and ages are computed for. */
  today: string;
  /** Only this measure (a saved search is matched against one measure with the search itself). */
  only?: string | undefined;
}

/** What a result card shows, as the statement returns it (dates as YYYY-MM-DD, amounts as numbers). */
export type PageCard = MeasureTerms &
  Pick<MeasureRow, "id" | "slug" | "titleRu" | "titleEn" | "industries" | "tags" | "isDemo" | "criteria">;

export interface SearchResult {
  total: number;
  /** The page, in order: each measure's card fields, rank and verdict. */
  page: { card: PageCard; rank: number | null; verdict: Verdict | null }[];
  /** Facet → value → count; values with a zero count are absent. */
  facets: Map<FacetName, Map<string, number>>;
}

/** The navigator as the search engine knows it (a measure has no single region: no place words). */
export const MEASURES_CATALOG: Catalog = { name: "measures" };

/** Below this many full-text matches, titles similar to the text are also added (pg_trgm similarity). */
export const TYPO_BELOW = 20;

/** The amount bucket of a row of c as its index in AMOUNT_BUCKETS (null: no amount). */
const bucketSql = sql.raw(
  `case ${AMOUNT_BUCKETS.map((b, i) => {
    const conds = [b.min === null ? null : `amount >= ${b.min}`, b.max === null ? null : `amount < ${b.max}`]
      .filter(Boolean)
      .join(" and ");
    return `when ${conds} then ${i}`;
  }).join(" ")} end`,
);
const textArrayLiteral = (words: readonly string[]) =>
  sql.raw(`array[${words.map((w) => `'${w}'`).join(",")}]::text[]`);

/** Deadline order: still to close soonest first; no closing date; permanent; closed, latest first. */
const DEADLINE = (today: string, p: SQL) =>
  sql`case when ${p}permanent then 2 when ${p}closes_on is null then 1 when ${p}closes_on < ${today}::date then 3 else 0 end,
    case when not ${p}permanent and ${p}closes_on >= ${today}::date then ${p}closes_on end asc,
    case when not ${p}permanent and ${p}closes_on < ${today}::date then ${p}closes_on end desc`;
const NEWEST = (p: SQL) => sql`${p}published_at desc nulls last, ${p}id asc`;

/** The requested order over rows of c, their columns qualified by `p` (e.g. "p."; empty: none). */
function orderBy(s: SearchSpec, p: SQL = sql``): SQL {
  switch (s.sort) {
    case "deadline":
      return sql`${DEADLINE(s.today, p)}, ${NEWEST(p)}`;
    case "amount":
      return sql`coalesce(${p}amount, -1) desc, coalesce(${p}amount_min, -1) desc, ${NEWEST(p)}`;
    case "verdict":
      return sql`${p}verdict asc nulls last, ${DEADLINE(s.today, p)}, ${NEWEST(p)}`;
    default:
      return s.text?.trim() ? sql`coalesce(${p}rank, 0) desc, ${NEWEST(p)}` : NEWEST(p);
  }
}

/** A card's fields (the measure page's without the long texts), named as `presentCard` reads them. */
const CARD_JSON = sql.raw(
  `json_build_object(${[
    ["id", "id"],
    ["slug", "slug"],
    ["titleRu", "title_ru"],
    ["titleEn", "title_en"],
    ["provider", "provider"],
    ["providerKind", "provider_kind"],
    ["level", "level"],
    ["form", "form"],
    ["amountMin", "amount_min"],
    ["amountMax", "amount_max"],
    ["cofinancingShare", "cofinancing_share"],
    ["permanent", "permanent"],
    ["opensOn", "opens_on"],
    ["closesOn", "closes_on"],
    ["industries", "industries"],
    ["tags", "tags"],
    ["isDemo", "is_demo"],
    ["criteria", "criteria"],
  ]
    .map(([key, column]) => `'${key}', m.${column}`)
    .join(", ")})`,
);

/** The filter of each facet that is set (absent: not set). */
function filters(s: SearchSpec): Partial<Record<FacetName, SQL>> {
  const f: Partial<Record<FacetName, SQL>> = {};
  if (s.level?.length) f.level = sql`level = any(${textArray(s.level)}::measure_level[])`;
  if (s.provider?.length) f.provider = sql`provider = any(${textArray(s.provider)})`;
  if (s.form?.length) f.form = sql`form = any(${textArray(s.form)}::measure_form[])`;
  if (s.openNow) f.openNow = sql`open`;
  if (s.industry?.length) f.industry = sql`industries && ${textArray(s.industry)}`;
  if (s.tag?.length) f.tag = sql`tags && ${textArray(s.tag)}`;
  if (s.amountMin !== undefined || s.amountMax !== undefined) {
    const parts = [sql`amount is not null`];
    if (s.amountMin !== undefined) parts.push(sql`amount >= ${s.amountMin}`);
    if (s.amountMax !== undefined) parts.push(sql`amount < ${s.amountMax}`);
    f.amount = sql.join(parts, sql` and `);
  }
  if (s.profile && s.eligibility?.length)
    f.eligibility = sql`verdict in (${sql.join(
      s.eligibility.map((v) => sql.raw(String(VERDICTS.indexOf(v)))),
      sql`, `,
    )})`;
  return f;
}

const where = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

/**
 * What each facet counts, per row of c, as the cheapest value to group by (an enum, a bucket or verdict
 * number; a set-returning expression for the list columns); `facetLabel` turns the few grouped values
 * into the response's strings.
 */
const FACET_VALUE: Record<FacetName, SQL> = {
  level: sql`level`,
  provider: sql`provider`,
  form: sql`form`,
  openNow: sql`open`,
  industry: sql`unnest(industries)`,
  tag: sql`unnest(tags)`,
  amount: bucketSql,
  eligibility: sql`verdict`,
};
function facetLabel(name: FacetName, v: SQL): SQL {
  switch (name) {
    case "level":
    case "form":
    case "openNow":
      return sql`${v}::text`;
    case "amount":
      return sql`(${textArrayLiteral(AMOUNT_BUCKETS.map((b) => b.key))})[${v} + 1]`;
    case "eligibility":
      return sql`(${textArrayLiteral(VERDICTS)})[${v} + 1]`;
    default:
      return v;
  }
}
const LIST_FACETS: readonly FacetName[] = ["industry", "tag"];

/** Counts of one facet's values over the rows of `from` that pass `conds`. */
const facetCount = (name: FacetName, from: SQL, conds: SQL[]) =>
  sql`select ${name}::text as f, ${facetLabel(name, sql`v`)} as v, n from (select v, count(*)::int as n from (select ${FACET_VALUE[name]} as v from ${from} ${where(conds)}) x where v is not null group by v) y`;

/**
 * The text's matches as CTEs t0 and t (id, rank): the full-text matches, each word or its corrections
 * from the titles' lexicon (the engine's typo rule, core/search.ts), ranked by ts_rank_cd; when they
 * are fewer than TYPO_BELOW, also the titles similar to the text (pg_trgm word similarity), ranked by
 * that similarity. The one-time filter skips the similarity scan otherwise.
 */
function textMatchesCtes(text: string, st: SearchText): SQL {
  return sql`t0 as materialized (
        select ${measures.id} as id, ts_rank_cd(${measures.search}, ${rankQuery(st)})::float8 as rank
        from ${measures} where ${measures.status} = 'published' and ${textCondition(MEASURES_CATALOG, st, sql`${measures.search}`)}
      ),
      t as (
        select id, rank from t0
        union all
        select ${measures.id}, word_similarity(${text}, ${measures.titleRu})::float8
        from ${measures}
        where (select count(*) from t0) < ${TYPO_BELOW} and ${measures.status} = 'published'
          and ${text} <% ${measures.titleRu} and ${measures.id} not in (select id from t0)
      )`;
}

/**
 * The whole search as one statement (exported for the benchmark's raw-SQL comparison).
 * c: every match with its verdict; r: the matches that pass every filter (c itself when none is set).
 * Total, page and the facets whose filter is not set read r — the single-valued ones in one pass
 * (grouping sets); a facet whose filter is set counts c under the other filters.
 */
export function searchStatement(s: SearchSpec, parsed?: SearchText): SQL {
  const text = s.text?.trim();
  // With a text: the full-text matches, each word or its corrections from the titles' lexicon (the
  // engine's typo rule, core/search.ts), ranked by ts_rank_cd; when they are fewer than TYPO_BELOW,
  // also the titles similar to the text (pg_trgm word similarity), ranked by that similarity. The
  // one-time filter skips the similarity scan otherwise.
  const st = text ? (parsed ?? parseSearchText(text, { places: false })) : undefined;
  const matches = text && st ? sql`${textMatchesCtes(text, st)}, ` : sql``;
  const verdict = s.profile ? verdictSql(s.profile, s.today) : sql`null::int`;
  const f = filters(s);
  const set = Object.entries(f) as [FacetName, SQL][];
  const all = set.map(([, c]) => c);
  const facetNames = SEARCH_FACETS.filter((n) => n !== "eligibility" || s.profile);
  const r = all.length ? sql`r` : sql`c`;

  const free = facetNames.filter((n) => !(n in f));
  const freeScalar = free.filter((n) => !LIST_FACETS.includes(n));
  const facetQueries: SQL[] = [];
  if (freeScalar.length) {
    const cols = sql.join(
      freeScalar.map((n) => sql`${FACET_VALUE[n]} as ${sql.identifier(n)}`),
      sql`, `,
    );
    const label = sql.join(
      freeScalar.map((n) => sql`when grouping(${sql.identifier(n)}) = 0 then ${n}::text`),
      sql` `,
    );
    const names = sql.join(
      freeScalar.map((n) => sql`${sql.identifier(n)}`),
      sql`, `,
    );
    const value = sql.join(
      freeScalar.map((n) => facetLabel(n, sql`${sql.identifier(n)}`)),
      sql`, `,
    );
    const sets = sql.join(
      freeScalar.map((n) => sql`(${sql.identifier(n)})`),
      sql`, `,
    );
    facetQueries.push(
      sql`select f, v, n from (select f, coalesce(${value}) as v, n from (select case ${label} end as f, ${names}, count(*)::int as n from (select ${cols} from ${r}) x group by grouping sets (${sets})) g) h where v is not null`,
    );
  }
  for (const n of free.filter((n) => LIST_FACETS.includes(n))) facetQueries.push(facetCount(n, r, []));
  for (const [n] of set)
    facetQueries.push(
      facetCount(
        n,
        sql`c`,
        set.filter(([m]) => m !== n).map(([, c]) => c),
      ),
    );

  const order = orderBy(s);
  const i = measureIndex;
  return sql`with ${matches}c as materialized (
    select ${i.id} as id, ${i.level} as level, ${i.provider} as provider, ${i.form} as form,
      ${i.industries} as industries, ${i.tags} as tags, ${i.permanent} as permanent,
      ${i.closesOn} as closes_on, ${i.publishedAt} as published_at, ${i.amountMin} as amount_min,
      coalesce(${i.amountMax}, ${i.amountMin}) as amount,
      (${i.permanent} or ((${i.opensOn} is null or ${i.opensOn} <= ${s.today}::date)
        and (${i.closesOn} is null or ${i.closesOn} >= ${s.today}::date))) as open,
      ${text ? sql`t.rank` : sql`null::float8`} as rank,
      ${verdict} as verdict
    from ${i}${text ? sql` join t on t.id = ${i.id}` : sql``}
    where ${i.status} = 'published'${s.only ? sql` and ${i.id} = ${s.only}::uuid` : sql``}
  )${all.length ? sql`, r as materialized (select * from c ${where(all)})` : sql``}
  select
    (select count(*)::int from ${r}) as total,
    (select coalesce(json_agg(json_build_array(${CARD_JSON}, p.rank, p.verdict) order by ${orderBy(s, sql`p.`)}), '[]'::json)
       from (select * from ${r} order by ${order} limit ${s.pageSize} offset ${(s.page - 1) * s.pageSize}) p
       join ${measures} m on m.id = p.id) as page,
    (select coalesce(json_agg(json_build_array(f, v, n)), '[]'::json)
       from (${sql.join(facetQueries, sql` union all `)}) facets) as facets`;
}

type Raw = {
  total: number;
  page: [PageCard, number | null, number | null][] | string;
  facets: [FacetName, string, number][] | string;
};

const parsed = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/**
 * Runs the search. A text search runs in its own transaction with `random_page_cost` 1.1 (the usual
 * setting for data in memory or on SSD; the default 4 assumes disks): a broad word matches a quarter
 * of a 10,000-measure catalog, and with the default the planner reads every row's search vector in a
 * sequential scan (about 40 ms) instead of the GIN index (about 3 ms).
 */
export function runSearch(ex: Executor, s: SearchSpec): Promise<SearchResult> {
  // The answer depends on the spec (filters, profile, day) and the catalog's rows only.
  // Callers may add to the facet maps: each gets its own copies of the cached answer's.
  return cachedSearch(ex, "measures", JSON.stringify(s), (gen) =>
    s.only ? runSearchSql(ex, s) : runSearchIndexed(ex, gen, s),
  ).then((r) => ({
    ...r,
    facets: new Map([...r.facets].map(([f, m]) => [f, new Map(m)])),
  }));
}

/** The text of a spec parsed and corrected against the titles' lexicon (undefined: no text). */
export const measuresText = (ex: Executor, s: SearchSpec) =>
  s.text?.trim() ? searchText(ex, MEASURES_CATALOG, s.text) : Promise.resolve(undefined);

/**
 * A text search's statements run in their own transaction with `random_page_cost` 1.1 (the usual
 * setting for data in memory or on SSD; the default 4 assumes disks): a broad word matches a quarter
 * of a 10,000-measure catalog, and with the default the planner reads every row's search vector in a
 * sequential scan (about 40 ms) instead of the GIN index (about 3 ms).
 */
const textRows = <T>(ex: Executor, statement: SQL) =>
  ex.transaction(async (tx) => {
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return rows<T>(tx, statement);
  });

/** The published measures, as `rankedMatches` reads them (the rows of `textMatchesCtes`' t). */
const MEASURE_TEXTS: TextSource = {
  table: sql`${measures}`,
  id: sql`${measures.id}`,
  search: sql`${measures.search}`,
  title: sql`${measures.titleRu}`,
  where: sql`${measures.status} = 'published'`,
  typoBelow: TYPO_BELOW,
};

/** The search by its one SQL statement (a search of one measure; the property test compares). */
export async function runSearchSql(ex: Executor, s: SearchSpec): Promise<SearchResult> {
  const statement = searchStatement(s, await measuresText(ex, s));
  const [r] = s.text?.trim() ? await textRows<Raw>(ex, statement) : await rows<Raw>(ex, statement);
  const facets = facetMaps(s);
  for (const [f, v, n] of parsed(r?.facets ?? [])) facets.get(f)?.set(v, n);
  return {
    total: Number(r?.total ?? 0),
    page: parsed(r?.page ?? []).map(([card, rank, verdict]) => ({
      card,
      rank,
      verdict: verdict === null ? null : verdictName(verdict),
    })),
    facets,
  };
}

const facetMaps = (s: SearchSpec) =>
  new Map<FacetName, Map<string, number>>(
    SEARCH_FACETS.filter((n) => n !== "eligibility" || s.profile).map((n) => [n, new Map()]),
  );

/**
 * The search over the in-memory index (measures.index.ts) at generation `gen`: SQL reads the text's
 * matches (once per text and generation) and the page's cards (kept per generation) only.
 */
export async function runSearchIndexed(ex: Executor, gen: number, s: SearchSpec): Promise<SearchResult> {
  const text = s.text?.trim();
  const st = text ? await searchTextAt(ex, MEASURES_CATALOG, gen, text) : undefined;
  const names = SEARCH_FACETS.filter((n) => n !== "eligibility" || s.profile);
  const found = await indexedMeasuresSearch(
    ex,
    gen,
    { ...s, eligibility: s.profile ? s.eligibility : undefined },
    names,
    text && st
      ? {
          key: JSON.stringify(st),
          read: () => rankedMatches(ex, MEASURES_CATALOG, MEASURE_TEXTS, text, st),
        }
      : undefined,
  );
  const cards = await measureRows(
    ex,
    gen,
    found.page.map((p) => p.id),
    async (missing) => {
      const got = await rows<{ id: string; card: PageCard | string }>(
        ex,
        sql`select m.id, ${CARD_JSON} as card from ${measures} m where m.id = any(${textArray(missing)}::uuid[])`,
      );
      return new Map(got.map((r) => [r.id, parsed(r.card)]));
    },
  );
  const facets = facetMaps(s);
  for (const [f, m] of found.facets) facets.set(f as FacetName, m);
  return {
    total: found.total,
    page: found.page.flatMap((p) => {
      const card = cards.get(p.id);
      return card ? [{ card, rank: p.rank, verdict: p.verdict }] : [];
    }),
    facets,
  };
}
