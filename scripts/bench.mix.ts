// Realistic mixes for `npm run bench`: many different requests drawn from the data (words of the
// catalogs' names and titles, some misspelt, place words, filters by their real frequencies), each
// request picking one of them with Zipf-law popularity (the k-th most popular asked 1/k as often as the
// first), so the search cache counts by the hit rate such a mix really gets.
import { type SQL, sql } from "drizzle-orm";
import { type Database, rows } from "../src/server/core/db.js";
import { facetFields, LISTING_KINDS, type ListingKindName } from "../src/shared/listings.js";
import { REGIONS } from "../src/shared/regions.js";

/** Distinct requests in a mix, and requests drawn from them. */
export const MIX = { distinct: 600, draws: 50_000 } as const;

/** A deterministic generator (mulberry32), so two runs send the same mix. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Values weighted by their count in the data. */
function weighted(rnd: () => number, list: { v: string; n: number }[]): string {
  const total = list.reduce((s, x) => s + x.n, 0);
  let r = rnd() * total;
  for (const x of list) {
    r -= x.n;
    if (r < 0) return x.v;
  }
  return list[0]!.v;
}

/** A word with one letter dropped (a typo the engine corrects) one time in ten. */
const maybeTypo = (rnd: () => number, w: string) => {
  if (w.length < 6 || rnd() > 0.1) return w;
  const i = 1 + Math.floor(rnd() * (w.length - 2));
  return w.slice(0, i) + w.slice(i + 1);
};

/** Draws `MIX.draws` of `pool` with Zipf popularity (the pool's order is the popularity order). */
export function zipfDraws(pool: string[], rnd: () => number, draws: number = MIX.draws): string[] {
  const weights = pool.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return Array.from({ length: draws }, () => {
    const r = rnd();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return pool[lo]!;
  });
}

/** `MIX.distinct` different queries, each made by `make` (which draws until it makes a new one). */
function distinct(make: () => Record<string, string>): Record<string, string>[] {
  const seen = new Set<string>();
  const out: Record<string, string>[] = [];
  while (out.length < MIX.distinct) {
    const q = make();
    const key = JSON.stringify(q);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(q);
    }
  }
  return out;
}

const words = async (database: Database, catalog: string) =>
  (
    await rows<{ word: string }>(
      database.db,
      sql`select word from search_lexicon where catalog = ${catalog} and length(word) >= 5 order by word`,
    )
  ).map((r) => r.word);

const counts = async (database: Database, query: SQL) =>
  (await rows<{ v: string; n: number }>(database.db, query)).map((x) => ({ v: String(x.v), n: Number(x.n) }));

/** Directory queries: filters only (2 in 5), a word with or without filters, a word and a place. */
export async function directoryMix(database: Database): Promise<Record<string, string>[]> {
  const rnd = random(9);
  const lexicon = await words(database, "directory");
  const regions = await counts(
    database,
    sql`select region_code as v, count(*)::int as n from organizations where region_code is not null group by 1`,
  );
  const sme = await counts(
    database,
    sql`select sme_category as v, count(*)::int as n from organizations where sme_category is not null group by 1`,
  );
  const okved = await counts(
    database,
    sql`select u as v, count(*)::int as n from organizations, unnest(okved_sections) u group by 1`,
  );
  const tags = await counts(
    database,
    sql`select u as v, count(*)::int as n from organizations, unnest(tags) u group by 1`,
  );
  const places = REGIONS.filter((r) => !r.ru.includes(" ")).map((r) => r.ru);
  return distinct(() => {
    const q: Record<string, string> = {};
    const kind = rnd();
    if (kind >= 0.4) q.q = maybeTypo(rnd, pick(rnd, lexicon));
    if (kind >= 0.85) q.q += ` ${pick(rnd, places)}`;
    if (kind < 0.4 || rnd() < 0.5) q.region = weighted(rnd, regions);
    if (kind < 0.4 ? rnd() < 0.7 : rnd() < 0.3) q.sme = weighted(rnd, sme);
    if (rnd() < 0.2) q.okved = weighted(rnd, okved);
    if (rnd() < 0.1) q.tag = weighted(rnd, tags);
    if (rnd() < 0.15) q.sort = pick(rnd, ["name", "newest"]);
    if (rnd() < 0.1) q.page = "2";
    return q;
  });
}

/** Navigator queries of a member: filters, words of the titles (some misspelt), the eligibility filter. */
export async function navigatorMix(database: Database): Promise<Record<string, string>[]> {
  const rnd = random(11);
  const lexicon = await words(database, "measures");
  const levels = await counts(
    database,
    sql`select level::text as v, count(*)::int as n from measures group by 1`,
  );
  const forms = await counts(
    database,
    sql`select form::text as v, count(*)::int as n from measures group by 1`,
  );
  const industries = await counts(
    database,
    sql`select u as v, count(*)::int as n from measures, unnest(industries) u group by 1`,
  );
  return distinct(() => {
    const q: Record<string, string> = {};
    if (rnd() < 0.5) q.q = maybeTypo(rnd, pick(rnd, lexicon));
    if (rnd() < 0.5) q.eligibility = pick(rnd, ["eligible", "eligible,check"]);
    if (rnd() < 0.4) q.level = weighted(rnd, levels);
    if (rnd() < 0.4) q.form = weighted(rnd, forms);
    if (rnd() < 0.3) q.industry = weighted(rnd, industries);
    if (rnd() < 0.2) q.openNow = "true";
    if (rnd() < 0.2) q.sort = pick(rnd, ["deadline", "amount"]);
    return q;
  });
}

/**
 * Listings queries within a kind (drawn by its share of the published listings): a word of that kind's
 * titles (one in ten misspelt) in 7 of 10, two facet filters in half, one in three of ten (values by
 * their frequency in the kind), some sorted newest or on page 2.
 */
export async function listingsMix(database: Database): Promise<Record<string, string>[]> {
  const rnd = random(13);
  const kinds = await counts(
    database,
    sql`select kind::text as v, count(*)::int as n from listings where state = 'published' group by 1 order by 1`,
  );
  const titleWords = await rows<{ kind: string; word: string }>(
    database.db,
    sql`select kind::text as kind, w as word from listings, search_words(title_ru) w
      where state = 'published' and length(w) >= 5 group by 1, 2 having count(*) >= 3 order by 1, 2`,
  );
  const values = await rows<{ kind: string; f: string; v: string; n: number }>(
    database.db,
    sql`select kind::text as kind, e.key as f, x as v, count(*)::int as n
      from listings, jsonb_each(values) e,
        jsonb_array_elements_text(case jsonb_typeof(e.value) when 'array' then e.value else jsonb_build_array(e.value) end) x
      where state = 'published' group by 1, 2, 3 order by 1, 2, 3`,
  );
  return distinct(() => {
    const kind = weighted(rnd, kinds) as ListingKindName;
    const q: Record<string, string> = { kind };
    const words = titleWords.filter((w) => w.kind === kind).map((w) => w.word);
    if (words.length && rnd() < 0.7) q.q = maybeTypo(rnd, pick(rnd, words));
    const r = rnd();
    const facets = [...facetFields(LISTING_KINDS[kind])];
    for (let i = facets.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [facets[i], facets[j]] = [facets[j]!, facets[i]!];
    }
    for (const f of facets.slice(0, r < 0.5 ? 2 : r < 0.8 ? 1 : 0)) {
      const list = values.filter((x) => x.kind === kind && x.f === f.key).map((x) => ({ v: x.v, n: x.n }));
      if (list.length) q[f.key] = weighted(rnd, list);
    }
    if (rnd() < 0.1) q.sort = "newest";
    if (rnd() < 0.1) q.page = "2";
    return q;
  });
}

/**
 * The challenges catalog as guests ask it: a word of the public titles (some misspelt) seven times in
 * ten, a reward type or two and a state by their frequencies, now and then the second page.
 */
export async function challengesMix(database: Database): Promise<Record<string, string>[]> {
  const rnd = random(17);
  const words = await rows<{ word: string }>(
    database.db,
    sql`select w as word from challenges, search_words(title_ru) w
      where state::text in ('accepting', 'evaluation', 'results', 'closed') and length(w) >= 5
      group by 1 having count(*) >= 3 order by 1`,
  );
  const rewards = await counts(
    database,
    sql`select reward_type::text as v, count(*)::int as n from challenges group by 1 order by 1`,
  );
  const states = await counts(
    database,
    sql`select state::text as v, count(*)::int as n from challenges
      where state::text in ('accepting', 'evaluation', 'results', 'closed') group by 1 order by 1`,
  );
  return distinct(() => {
    const q: Record<string, string> = {};
    if (words.length && rnd() < 0.7) q.q = maybeTypo(rnd, pick(rnd, words).word);
    const r = rnd();
    if (r < 0.6) q.reward = weighted(rnd, rewards);
    if (r < 0.3) q.reward = [...new Set([q.reward!, weighted(rnd, rewards)])].join(",");
    if (rnd() < 0.6) q.status = rnd() < 0.6 ? "accepting" : weighted(rnd, states);
    if (rnd() < 0.1) q.page = "2";
    return q;
  });
}

/**
 * Projects: words of the titles (one in ten misspelt), up to two of the facets stage, TRL, industry and
 * joint by their frequencies, second pages.
 */
export async function projectsMix(database: Database): Promise<Record<string, string>[]> {
  const rnd = random(19);
  const words = await rows<{ word: string }>(
    database.db,
    sql`select w as word from projects, search_words(title_ru) w
      where length(w) >= 5 group by 1 having count(*) >= 3 order by 1`,
  );
  const stages = await counts(
    database,
    sql`select stage::text as v, count(*)::int as n from projects group by 1 order by 1`,
  );
  const trls = await counts(
    database,
    sql`select trl::text as v, count(*)::int as n from projects group by 1 order by 1`,
  );
  const industries = await counts(
    database,
    sql`select i as v, count(*)::int as n from projects, unnest(industries) i group by 1 order by 1`,
  );
  return distinct(() => {
    const q: Record<string, string> = {};
    if (words.length && rnd() < 0.7) q.q = maybeTypo(rnd, pick(rnd, words).word);
    const facets = [
      () => (q.stage = weighted(rnd, stages)),
      () => (q.trl = weighted(rnd, trls)),
      () => (q.industry = weighted(rnd, industries)),
      () => (q.joint = rnd() < 0.7 ? "true" : "false"),
    ];
    const n = rnd() < 0.3 ? 0 : rnd() < 0.6 ? 1 : 2;
    for (let i = 0; i < n; i++) facets[Math.floor(rnd() * facets.length)]!();
    if (rnd() < 0.1) q.page = "2";
    return q;
  });
}
