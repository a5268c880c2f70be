// The challenges' endpoints as raw SQL, for `npm run bench`'s comparison.
//
// The catalog's search (`GET /api/challenges`): the service finds the text's matches (full text, then
// similar titles when few match), then reads the filtered page with the owners' names, the live
// submission counts and the total; here the same answer from one statement.
//
// A stage's ranking (`GET /api/challenges/:id/evaluation`): the service reads the stage's submissions
// with their organizations, the assigned experts, the experts' memberships among the submitters (conflicts
// of interest) and the current experts' scores, and ranks in memory; here the same rows from one
// statement (the ranking's arithmetic — exact fractions, ties — is the shared code's, not SQL's).
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { textArray } from "../src/server/core/db.js";
import { rankQuery, type SearchText, textCondition } from "../src/server/core/search.js";
import type { ChallengesQuery } from "../src/server/modules/challenges/challenges.contract.js";
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

/** The rows a stage's ranking is computed from (see the file's comment). */
export function challengeRankingStatement(challengeId: string, stage: number): SQL {
  return sql`with s as materialized (
      select s.id, s.organization_id, s.passed, s.decision, s.created_at from challenge_submissions s
      where s.challenge_id = ${challengeId} and s.state = 'submitted' and s.passed >= ${stage - 1}
    ),
    e as materialized (
      select e.user_id, u.full_name, e.no_conflict_at from challenge_experts e join users u on u.id = e.user_id
      where e.challenge_id = ${challengeId}
    )
    select
      (select json_agg(json_build_object('id', e.user_id, 'fullName', e.full_name, 'at', e.no_conflict_at)) from e) as experts,
      (select json_agg(json_build_array(m.user_id, m.organization_id)) from memberships m
        where m.user_id in (select user_id from e) and m.organization_id in (select organization_id from s)) as conflicts,
      (select json_agg(json_build_object('id', s.id, 'org', o.id, 'name', o.short_name, 'passed', s.passed,
          'decision', s.decision, 'scores', (select json_agg(json_build_array(x.expert_id, x.scores))
            from challenge_scores x join e on e.user_id = x.expert_id
            where x.submission_id = s.id and x.stage = ${stage})) order by s.created_at, s.id)
        from s join organizations o on o.id = s.organization_id) as submissions`;
}
