// The projects' public endpoints as raw SQL, for `npm run bench`'s comparison.
//
// The catalog (`GET /api/projects`): the service finds the text's matches (full text with the engine's
// corrections, then similar titles when few match; kept per text and generation), then filters, counts
// each facet (industry, stage, TRL, joint, cluster, the lead's region) under the other filters, totals
// and orders in the catalog's in-memory index (kept per generation), and reads the page's cards (the
// project with its lead and cluster, the accepted partners, the confirmed totals; kept per project and
// generation) — here the same answer from one statement, what it costs when nothing is kept.
//
// A project's page as a guest sees it (`GET /api/projects/:id`): the service reads the project, its
// members with their names, its confirmed totals and its confirmed entries (with the measures' titles
// and the documents' names); here the same from one statement.
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { textArray } from "../src/server/core/db.js";
import { rankQuery, type SearchText, textCondition } from "../src/server/core/search.js";
import type { ProjectsQuery } from "../src/server/modules/projects/projects.contract.js";
import { PROJECTS_CATALOG } from "../src/server/modules/projects/projects.service.js";

/** Below this many full-text matches, similar titles are added (as the service's typoBelow). */
const TYPO_BELOW = 20;

type Facet = "industry" | "stage" | "trl" | "joint" | "cluster" | "region";

const where = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

export function projectsSearchStatement(q: z.infer<typeof ProjectsQuery>, st?: SearchText): SQL {
  const filters: Record<Facet, SQL | null> = {
    industry: q.industry?.length ? sql`m.industries && ${textArray(q.industry)}` : null,
    stage: q.stage?.length ? sql`m.stage::text = any(${textArray(q.stage)})` : null,
    trl: q.trl?.length ? sql`m.trl = any(${textArray(q.trl.map(String))}::int[])` : null,
    joint: q.joint ? sql`m.joint = ${q.joint === "true"}` : null,
    cluster: q.cluster?.length ? sql`m.cluster_id = any(${textArray(q.cluster)}::uuid[])` : null,
    region: q.region?.length ? sql`m.region = any(${textArray(q.region)})` : null,
  };
  const others = (field: Facet | null) =>
    (Object.keys(filters) as Facet[]).flatMap((k) => (k !== field && filters[k] ? [filters[k]!] : []));
  const text = q.q?.trim();
  const matches =
    text && st
      ? sql`t0 as materialized (
          select id, ts_rank_cd(search, ${rankQuery(st)})::float8 as rank from projects
          where ${textCondition(PROJECTS_CATALOG, st, sql`search`)}
        ),
        t as (
          select id, rank from t0
          union all
          select id, word_similarity(${text}, title_ru)::float8 from projects
          where (select count(*) from t0) < ${TYPO_BELOW} and ${text} <% title_ru and id not in (select id from t0)
        ),`
      : sql``;
  const base: SQL[] = q.organization
    ? [
        sql`(p.lead_organization_id = ${q.organization} or exists (select 1 from project_members pm
          where pm.project_id = p.id and pm.organization_id = ${q.organization} and pm.state = 'accepted'))`,
      ]
    : [];
  const from = text && st ? sql`projects p join t on t.id = p.id` : sql`projects p`;
  const rank = text && st ? sql`t.rank` : sql`null::float8`;
  // Most projects first, then by value in code point order (as the service sorts them).
  const facet = (field: Facet, value: SQL) =>
    sql`(select json_build_object('field', ${field}::text, 'values', coalesce(json_agg(${
      field === "cluster"
        ? sql`json_build_object('value', v, 'count', n, 'label',
            coalesce((select c.name_ru from clusters c where c.id = v::uuid), ''))`
        : sql`json_build_object('value', v, 'count', n)`
    } order by n desc, v collate "C"), '[]'::json))
      from (select v, count(*)::int as n from (select ${value} as v from m ${where(others(field))}) y
        where v is not null group by 1) x)`;
  // With a text, by relevance, ties latest changed first.
  const order = text && st ? sql`m.rank desc, m.updated_at desc, m.id` : sql`m.updated_at desc, m.id`;
  return sql`with ${matches} m as materialized (
      select p.id, p.industries, p.stage, p.trl, p.joint, p.cluster_id, lo.region_code as region,
        p.updated_at, ${rank} as rank
      from ${from} join organizations lo on lo.id = p.lead_organization_id ${where(base)}
    ),
    r as materialized (
      select m.id, m.rank, m.updated_at, count(*) over () as total from m ${where(others(null))}
      order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
    )
    select r.total::int, p.id, p.title_ru, p.industries, p.tags, p.stage::text as stage, p.trl,
      p.start_on::text as start_on, p.end_on::text as end_on, p.budget::text as budget, p.joint, o.id as lead_id, o.short_name as lead_name, c.id as cluster_id, c.name_ru as cluster_name,
      (select coalesce(json_agg(json_build_object('id', po.id, 'shortName', po.short_name)
          order by pm.created_at, po.id), '[]'::json)
        from project_members pm join organizations po on po.id = pm.organization_id
        where pm.project_id = p.id and pm.state = 'accepted') as partners,
      (select json_build_object(
          'investment', coalesce(sum(e.amount) filter (where e.kind = 'investment'), 0)::text,
          'support', coalesce(sum(e.amount) filter (where e.kind = 'support'), 0)::text)
        from project_entries e where e.project_id = p.id and e.state = 'confirmed') as totals,
      json_build_array(
        ${facet("industry", sql`unnest(m.industries)`)},
        ${facet("stage", sql`m.stage::text`)},
        ${facet("trl", sql`m.trl::text`)},
        ${facet("joint", sql`m.joint::text`)},
        ${facet("cluster", sql`m.cluster_id::text`)},
        ${facet("region", sql`m.region`)}) as facets
    from r join projects p on p.id = r.id join organizations o on o.id = p.lead_organization_id
      left join clusters c on c.id = p.cluster_id
    order by ${text && st ? sql`r.rank desc, r.updated_at desc, r.id` : sql`r.updated_at desc, r.id`}`;
}

type Json = Record<string, unknown>;

/** The catalog's raw rows as the API answers them (to check the two agree; the facets need a row). */
export function projectsAnswer(rows: Json[], q: z.infer<typeof ProjectsQuery>) {
  const money = (t: Json) => ({ investment: Number(t.investment), support: Number(t.support) });
  return {
    items: rows.map((r) => ({
      id: r.id,
      titleRu: r.title_ru,
      lead: { id: r.lead_id, shortName: r.lead_name },
      industries: r.industries,
      tags: r.tags,
      stage: r.stage,
      trl: r.trl,
      startOn: r.start_on ?? null,
      endOn: r.end_on ?? null,
      budget: r.budget == null ? null : Number(r.budget),
      joint: r.joint,
      partners: r.partners,
      cluster: r.cluster_id ? { id: r.cluster_id, nameRu: r.cluster_name } : null,
      totals: money(r.totals as Json),
    })),
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    facets: rows[0]?.facets ?? [],
  };
}

/** A project's public page: the project, its lead and accepted partners, confirmed totals and entries. */
export function projectPageStatement(id: string): SQL {
  return sql`select p.*, o.short_name as lead_name,
      (select coalesce(json_agg(json_build_object('id', m.organization_id, 'shortName', mo.short_name,
          'state', m.state, 'roleRu', m.role_ru, 'share', m.share, 'decidedAt', m.decided_at)
          order by m.state <> 'lead', m.created_at, mo.id), '[]'::json)
        from project_members m join organizations mo on mo.id = m.organization_id
        where m.project_id = p.id and m.state in ('lead', 'accepted', 'invited')) as members,
      (select json_build_object(
          'investment', coalesce(sum(e.amount) filter (where e.kind = 'investment'), 0),
          'support', coalesce(sum(e.amount) filter (where e.kind = 'support'), 0))
        from project_entries e where e.project_id = p.id and e.state = 'confirmed') as totals,
      (select coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'amount', e.amount,
          'receivedOn', e.received_on, 'investorRu', e.investor_ru, 'measure', me.title_ru,
          'sourceRu', e.source_ru, 'document', f.original_name) order by e.received_on desc, e.id), '[]'::json)
        from project_entries e left join measures me on me.id = e.measure_id
          left join files f on f.id = e.file_id
        where e.project_id = p.id and e.state = 'confirmed') as entries
    from projects p join organizations o on o.id = p.lead_organization_id
    where p.id = ${id}`;
}
