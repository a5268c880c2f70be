// The challenges' endpoints as raw SQL, for `npm run bench`'s comparison.
//
// The catalog's search (`GET /api/challenges`): the service finds the text's matches (full text, then
// similar titles when few match), then reads the filtered page with the owners' names, the live
// submission counts and the total; here the same answer from one statement.
//
// A stage's ranking (`GET /api/challenges/:id/evaluation`): the service reads the stage's submissions
// with their organizations or teams and each one's score summed by the database (challenges.scoring.ts),
// the assigned experts and their memberships among the submitters (conflicts of interest), then gives
// ranks, ties and each expert's progress; here the same answer — the response's JSON, ranks and ties and
// progress included — from one statement around the service's scoring statement (the criteria's weights
// are read once, before measuring; the service reads the challenge per request, as it checks access).
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { textArray } from "../src/server/core/db.js";
import { rankQuery, type SearchText, textCondition } from "../src/server/core/search.js";
import type { ChallengesQuery } from "../src/server/modules/challenges/challenges.contract.js";
import { stageScoresQuery } from "../src/server/modules/challenges/challenges.scoring.js";
import { CHALLENGES_CATALOG } from "../src/server/modules/challenges/challenges.service.js";
import { PUBLIC_CHALLENGE_STATES } from "../src/shared/challenges.js";

/** Below this many full-text matches, similar titles are added (as the service's TYPO_BELOW). */
const TYPO_BELOW = 20;

export function challengesSearchStatement(q: z.infer<typeof ChallengesQuery>, st?: SearchText): SQL {
  const states = q.status?.length ? q.status : PUBLIC_CHALLENGE_STATES;
  const conds: SQL[] = [sql`c.state::text = any(${textArray([...states])})`];
  if (q.owner) conds.push(sql`c.organization_id = ${q.owner}`);
  if (q.reward?.length) conds.push(sql`c.reward_type::text = any(${textArray(q.reward)})`);
  const text = q.q?.trim();
  const pub = sql`state::text in ('accepting', 'evaluation', 'results', 'closed')`;
  const matches =
    text && st
      ? sql`t0 as materialized (
          select id, ts_rank_cd(search, ${rankQuery(st)})::float8 as rank from challenges
          where ${pub} and ${textCondition(CHALLENGES_CATALOG, st, sql`search`)}
        ),
        t as (
          select id, rank from t0
          union all
          select id, word_similarity(${text}, title_ru)::float8 from challenges
          where (select count(*) from t0) < ${TYPO_BELOW} and ${pub}
            and ${text} <% title_ru and id not in (select id from t0)
        ),`
      : sql``;
  const from = text && st ? sql`challenges c join t on t.id = c.id` : sql`challenges c`;
  const order =
    text && st
      ? sql`t.rank desc nulls last, c.id`
      : sql`(c.state <> 'accepting'), case when c.state = 'accepting' then c.deadline end asc, c.deadline desc, c.id`;
  return sql`with ${matches} r as materialized (
      select c.*, count(*) over () as total from ${from} where ${sql.join(conds, sql` and `)}
      order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
    )
    select r.total::int, r.id, r.state, r.title_ru, r.title_en, r.reward_type, r.reward_amount, r.deadline,
      r.stages, r.stage, o.id as org_id, o.short_name,
      (select count(*)::int from challenge_submissions s where s.challenge_id = r.id and s.state = 'submitted') as submissions
    from r join organizations o on o.id = r.organization_id`;
}

/** A stage's evaluation as the API answers it (see the file's comment), as one JSON value. */
export function challengeRankingStatement(
  c: { id: string; criteria: readonly { weight: number }[] },
  stage: number,
): SQL {
  return sql`with a as materialized (
      select a.*, a.total::numeric / nullif(a.experts, 0) as key from (${stageScoresQuery(c, stage)}) a
    ),
    e as materialized (
      select e.user_id, u.full_name, e.no_conflict_at from challenge_experts e join users u on u.id = e.user_id
      where e.challenge_id = ${c.id}
    ),
    r as (
      select a.*, case when a.key is not null then rank() over (order by a.key desc nulls last) end as rank,
        a.key is not null and count(*) over (partition by a.key) > 1 as tied
      from a
    ),
    own as (
      select m.user_id, m.organization_id as of from memberships m
      where m.user_id in (select user_id from e) and m.organization_id in (select organization_id from a)
      union all
      select t.user_id, t.team_id from team_members t
      where t.user_id in (select user_id from e) and t.team_id in (select team_id from a)
    ),
    p as (
      select e.user_id, e.full_name, e.no_conflict_at, count(a.id) as of,
        count(a.id) filter (where e.user_id::text = any(a.scored_by)) as scored
      from e left join a on not exists (
        select 1 from own where own.user_id = e.user_id and own.of = coalesce(a.organization_id, a.team_id))
      group by e.user_id, e.full_name, e.no_conflict_at
    )
    select json_build_object(
      'stage', ${stage}::int, 'stages', c.stages, 'open', c.state = 'evaluation' and c.stage = ${stage},
      'progress', json_build_object('done', (select count(*) from p where p.scored = p.of), 'of', (select count(*) from p)),
      'experts', (select coalesce(json_agg(json_build_object('id', p.user_id, 'fullName', p.full_name,
          'noConflict', p.no_conflict_at is not null, 'scored', p.scored, 'of', p.of) order by p.full_name, p.user_id), '[]')
        from p),
      'ranking', (select coalesce(json_agg(json_build_object(
          'submission', json_build_object('id', r.id,
            'organization', case when r.organization_id is not null then json_build_object('id', r.organization_id, 'shortName', r.short_name) end,
            'team', case when r.team_id is not null then json_build_object('id', r.team_id, 'name', r.team_name) end),
          'score', round(r.key) / 100, 'rank', r.rank, 'tied', r.tied, 'experts', r.experts,
          'averages', (select json_agg(case when r.given[2 * i] > 0 then round(r.given[2 * i - 1] * 100.0 / r.given[2 * i]) / 100 end
            order by i) from generate_series(1, ${c.criteria.length}) i),
          'passed', r.passed, 'decision', r.decision) order by r.key desc nulls last, r.id), '[]')
        from r)
    ) as evaluation
    from challenges c where c.id = ${c.id}`;
}
