// The projects' public endpoints as raw SQL, for `npm run bench`'s comparison.
//
// The catalog (`GET /api/projects`): the service finds the text's matches (full text with the engine's
// corrections, then similar titles when few match), counts each facet (industry, stage, TRL, joint)
// under the other filters, reads the page with the leads' names and the total, then the page's accepted
// partners and confirmed totals — eight statements; here the same answer from one.
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

type Facet = "industry" | "stage" | "trl" | "joint";

const where = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

export function projectsSearchStatement(q: z.infer<typeof ProjectsQuery>, st?: SearchText): SQL {
  const filters: Record<Facet, SQL | null> = {
    industry: q.industry?.length ? sql`m.industries && ${textArray(q.industry)}` : null,
    stage: q.stage?.length ? sql`m.stage::text = any(${textArray(q.stage)})` : null,
    trl: q.trl?.length ? sql`m.trl = any(${textArray(q.trl.map(String))}::int[])` : null,
    joint: q.joint ? sql`m.joint = ${q.joint === "true"}` : null,
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
  const facet = (field: Facet, value: SQL) =>
    sql`(select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]'::json)
      from (select ${value} as v, count(*)::int as n from m ${where(others(field))} group by 1) x)`;
  const order = text && st ? sql`m.rank desc nulls last, m.id` : sql`m.updated_at desc, m.id`;
  return sql`with ${matches} m as materialized (
      select p.id, p.industries, p.stage, p.trl, p.joint, p.updated_at, ${rank} as rank
      from ${from} ${where(base)}
    ),
    r as materialized (
      select m.id, m.rank, m.updated_at, count(*) over () as total from m ${where(others(null))}
      order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
    )
    select r.total::int, p.id, p.title_ru, p.industries, p.tags, p.stage, p.trl, p.start_on, p.end_on,
      p.budget, p.joint, o.id as lead_id, o.short_name as lead_name,
      (select coalesce(json_agg(json_build_object('id', po.id, 'shortName', po.short_name)
          order by pm.created_at, po.id), '[]'::json)
        from project_members pm join organizations po on po.id = pm.organization_id
        where pm.project_id = p.id and pm.state = 'accepted') as partners,
      (select json_build_object(
          'investment', coalesce(sum(e.amount) filter (where e.kind = 'investment'), 0),
          'support', coalesce(sum(e.amount) filter (where e.kind = 'support'), 0))
        from project_entries e where e.project_id = p.id and e.state = 'confirmed') as totals,
      json_build_array(
        ${facet("industry", sql`unnest(m.industries)`)},
        ${facet("stage", sql`m.stage::text`)},
        ${facet("trl", sql`m.trl::text`)},
        ${facet("joint", sql`m.joint::text`)}) as facets
    from r join projects p on p.id = r.id join organizations o on o.id = p.lead_organization_id
    order by ${text && st ? sql`r.rank desc nulls last, r.id` : sql`r.updated_at desc, r.id`}`;
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
