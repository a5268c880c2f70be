import { type SQL, sql } from "drizzle-orm";
import { SCORE_MAX, SCORE_MIN } from "../../../shared/challenges.js";
import { type Executor, rows } from "../../core/db.js";

/*
 * The shared scoring (src/shared/challenges.ts: `scoreOf`, `criterionAverages`) as SQL aggregates, so a
 * stage's 500 submissions are scored by the database in one statement instead of their sheets being read
 * and summed row by row. The rule stays the shared one: challenges.scoring.test.ts pins these aggregates
 * to `scoreOf` and `criterionAverages` over random sheets (complete, short, long, with gaps and scores out
 * of range), and the ranking's order to `rank`. The ranking itself (ranks, ties) stays `rank`'s.
 */

/** The i-th score of a sheet as text (null where absent or JSON null; a sheet holds numbers and nulls). */
const at = (scores: SQL, i: number) => sql`${scores} ->> ${sql.raw(String(i))}`;
/** The whole scores a complete sheet's every element is one of (jsonb containment compares numerically). */
const WHOLE_SCORES = JSON.stringify(
  Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i),
);

/**
 * Per group of sheets (one submission's), from the sheets' `scores` (a jsonb array of numbers and nulls in
 * the criteria's order, as the contract stores them) and the criteria's weights: the score's exact
 * fraction — `total` (Σ over the complete sheets of Σ score·weight) over `experts` (how many sheets are
 * complete: every criterion a whole score 0–10) — and each criterion's average over the sheets that give
 * it a number, rounded to hundredths (`averages`, float8[]). As `scoreOf` and `criterionAverages`; a group
 * of no sheet (null scores) is 0 over 0.
 */
export function scoreAggregates(weights: readonly number[], scores: SQL) {
  const n = weights.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const complete = sql`jsonb_array_length(${scores}) = ${sql.raw(String(n))} and ${scores} <@ ${sql.raw(`'${WHOLE_SCORES}'`)}::jsonb`;
  // The filter is checked before the argument: only complete sheets' scores are summed.
  const weighted = sql.join(
    idx.map((i) => sql`${sql.raw(String(Math.trunc(weights[i]!)))} * (${at(scores, i)})::numeric`),
    sql` + `,
  );
  // sum and count skip nulls: a criterion's average is over the sheets that give it a number.
  const average = (i: number) =>
    sql`(round(sum((${at(scores, i)})::numeric) * 100 / nullif(count(${at(scores, i)}), 0)) / 100)::float8`;
  return {
    total: sql<number>`coalesce(sum(${weighted}) filter (where ${complete}), 0)::int`,
    experts: sql<number>`(count(*) filter (where ${complete}))::int`,
    averages: sql<(number | null)[]>`array[${sql.join(idx.map(average), sql`, `)}]::float8[]`,
  };
}

/**
 * The order of `rank` (higher score first, exactly: equal fractions are equal numerics at numeric's 16+
 * significant digits, while two different fractions of at most a few dozen experts differ far above it;
 * unscored last; equal ones by id, as uuid order is the ids' text order) for rows with `total`, `experts`
 * and `id`. Sorted so, the rows reach `rank` in its order: its sort then only confirms it.
 */
export const rankOrder = (total: SQL, experts: SQL, id: SQL) =>
  sql`(${total}::numeric / nullif(${experts}, 0)) desc nulls last, ${id}`;

export type StageRow = {
  id: string;
  organization: { id: string; shortName: string } | null;
  team: { id: string; name: string } | null;
  organizationId: string | null;
  teamId: string | null;
  passed: number;
  decision: "winner" | "reserve" | "not_selected" | null;
  total: number;
  experts: number;
  averages: (number | null)[];
  /** The currently assigned experts who have a sheet of this submission in this stage. */
  scoredBy: string[];
};

/**
 * The submissions of a stage (under way and shortlisted in every stage before it) with their
 * organizations' or teams' names and their scores by the currently assigned experts, in `rank`'s order.
 * One statement: the submissions by the index by challenge, then each one's sheets by the scores'
 * primary key (a nested loop; a join of the stage's scores would read every challenge's).
 */
export function stageScoresQuery(c: { id: string; criteria: readonly { weight: number }[] }, stage: number) {
  const agg = scoreAggregates(
    c.criteria.map((x) => x.weight),
    sql`x.scores`,
  );
  return sql`with s as materialized (
      select s.id, s.organization_id, s.team_id, s.passed, s.decision from challenge_submissions s
      where s.challenge_id = ${c.id} and s.state = 'submitted' and s.passed >= ${stage - 1}
    )
    select s.id, s.organization_id, o.short_name, s.team_id, t.name as team_name, s.passed, s.decision,
      a.total, a.experts, a.averages, a.scored_by
    from s
    cross join lateral (
      select ${agg.total} as total, ${agg.experts} as experts, ${agg.averages} as averages,
        array_agg(x.expert_id::text) as scored_by
      from challenge_scores x
      where x.submission_id = s.id and x.stage = ${stage}
        and x.expert_id in (select e.user_id from challenge_experts e where e.challenge_id = ${c.id})
    ) a
    left join organizations o on o.id = s.organization_id
    left join teams t on t.id = s.team_id
    order by ${rankOrder(sql`a.total`, sql`a.experts`, sql`s.id`)}`;
}

export async function stageScores(
  ex: Executor,
  c: { id: string; criteria: readonly { weight: number }[] },
  stage: number,
): Promise<StageRow[]> {
  const list = await rows<Record<string, unknown>>(ex, stageScoresQuery(c, stage));
  return list.map((r) => ({
    id: r.id as string,
    organizationId: r.organization_id as string | null,
    organization: r.organization_id
      ? { id: r.organization_id as string, shortName: r.short_name as string }
      : null,
    teamId: r.team_id as string | null,
    team: r.team_id ? { id: r.team_id as string, name: r.team_name as string } : null,
    passed: r.passed as number,
    decision: r.decision as StageRow["decision"],
    total: r.total as number,
    experts: r.experts as number,
    averages: r.averages as (number | null)[],
    scoredBy: (r.scored_by as string[] | null) ?? [],
  }));
}
