// The listings catalog's search as one SQL statement, for `npm run bench`'s raw-SQL comparison. The
// service answers from the search engine (the text's matches from SQL, then the kind's facets, total and
// page over the in-memory index, core/search.index.ts); this is the same answer computed by the
// database alone: the text's matches within the kind (the engine's typo rule: each word or its
// corrections, then similar titles when few match), the filters on the values' facet fields, each facet
// counted under the other filters, the total and the page's cards with their organizations' names.
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { textArray } from "../src/server/core/db.js";
import { rankQuery, type SearchText, textCondition } from "../src/server/core/search.js";
import type { ListingsQuery } from "../src/server/modules/listings/listings.contract.js";
import { LISTINGS_CATALOG } from "../src/server/modules/listings/listings.service.js";
import { facetFields, isPublic, LISTING_KINDS } from "../src/shared/listings.js";

/** Below this many full-text matches, similar titles are added (as the service's TYPO_BELOW). */
const TYPO_BELOW = 20;

type Field = ReturnType<typeof facetFields>[number];

/** A facet field's values of a row of c, as a set-returning expression (one value, or a list's). */
const valuesOf = (f: Field): SQL =>
  f.type === "multiEnum"
    ? sql`jsonb_array_elements_text(coalesce(c.values -> ${f.key}, '[]'::jsonb))`
    : sql`c.values ->> ${f.key}`;

/** A row of c has one of `chosen` in the field. */
const filterOf = (f: Field, chosen: string[]): SQL =>
  f.type === "multiEnum"
    ? sql`c.values -> ${f.key} ?| ${textArray(chosen)}`
    : sql`c.values ->> ${f.key} = any(${textArray(chosen)})`;

const where = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

export function listingsSearchStatement(q: z.infer<typeof ListingsQuery>, st?: SearchText): SQL {
  const kind = LISTING_KINDS[q.kind];
  const fields = facetFields(kind);
  const params = q as unknown as Record<string, string[] | undefined>;
  const set = fields.flatMap((f) =>
    params[f.key]?.length ? [[f, filterOf(f, params[f.key]!)] as const] : [],
  );
  const text = q.q?.trim();
  const published = sql`l.state = 'published' and l.kind = ${q.kind}`;
  const matches =
    text && st
      ? sql`t0 as materialized (
          select l.id, ts_rank_cd(l.search, ${rankQuery(st)})::float8 as rank from listings l
          where ${published} and ${textCondition(LISTINGS_CATALOG, st, sql`l.search`)}
        ),
        t as (
          select id, rank from t0
          union all
          select l.id, word_similarity(${text}, l.title_ru)::float8 from listings l
          where (select count(*) from t0) < ${TYPO_BELOW} and ${published}
            and ${text} <% l.title_ru and l.id not in (select id from t0)
        ),`
      : sql``;
  const c =
    text && st
      ? sql`select l.id, l.values, l.published_at, t.rank from listings l join t on t.id = l.id`
      : sql`select l.id, l.values, l.published_at, null::float8 as rank from listings l where ${published}`;
  const newest = sql`published_at desc nulls last, id asc`;
  const order = text && q.sort !== "newest" ? sql`rank desc nulls last, ${newest}` : newest;
  const facets = fields.map((f) => {
    const others = set.filter(([g]) => g !== f).map(([, cond]) => cond);
    return sql`select ${f.key}::text as f, v, count(*)::int as n from (select ${valuesOf(f)} as v from c ${where(others)}) x where v is not null group by v`;
  });
  const hidden = kind.fields.filter((f) => !isPublic(f)).map((f) => f.key);
  const shown = hidden.length ? sql`l.values - ${textArray(hidden)}` : sql`l.values`;
  return sql`with ${matches} c as materialized (${c}),
    r as materialized (select * from c ${where(set.map(([, cond]) => cond))})
    select
      (select count(*)::int from r) as total,
      (select coalesce(json_agg(json_build_object('id', l.id, 'kind', l.kind, 'titleRu', l.title_ru,
          'titleEn', l.title_en, 'descriptionRu', l.description_ru, 'descriptionEn', l.description_en,
          'organization', json_build_object('id', o.id, 'shortName', o.short_name), 'values', ${shown},
          'publishedAt', l.published_at) order by p.n), '[]'::json)
        from (select id, row_number() over (order by ${order}) as n from r order by ${order}
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) p
        join listings l on l.id = p.id join organizations o on o.id = l.organization_id) as page,
      (select coalesce(json_agg(json_build_array(f, v, n)), '[]'::json)
        from (${sql.join(facets, sql` union all `)}) facets) as facets`;
}
