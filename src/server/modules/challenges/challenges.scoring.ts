import { type SQL, sql } from "drizzle-orm";
import { averageOf, SCORE_MAX, SCORE_MIN } from "../../../shared/challenges.js";
import { type Executor, rows } from "../../core/db.js";

/*
 * The shared scoring (src/shared/challenges.ts: `scoreOf`, `criterionAverages`) as SQL aggregates, so a
 * stage's 500 submissions are scored by the database in one statement instead of their sheets being read
 * and summed row by row. The rule stays the shared one: challenges.scoring.test.ts pins these aggregates
 * to `scoreOf` and `criterionAverages` over random sheets (complete, short, long, with gaps and scores out
 * of range), and the ranking's order to `rank`. The ranking itself (ranks, ties) stays `rank`'s.
 */

/** The i-th score of a sheet as text (null where absent or JSON null). */
const at = (scores: SQL, i: number) => sql`${scores} ->> ${sql.raw(String(i))}`;
/** The whole scores a complete sheet's every element is one of (jsonb containment compares numerically). */
const WHOLE_SCORES = JSON.stringify(
  Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i),
);

/** Whether a sheet counts (`isComplete`): a whole score 0–10 for each of the `criteria`. */
export const sheetComplete = (criteria: number, scores: SQL) =>
  sql`(jsonb_array_length(${scores}) = ${sql.raw(String(criteria))} and ${scores} <@ ${sql.raw(`'${WHOLE_SCORES}'`)}::jsonb)`;

/**
 * Per group of sheets (one submission's), from the sheets' `scores` (a jsonb array of whole numbers and
 * nulls in the criteria's order: the contract stores whole scores), whether each is complete
 * (`sheetComplete`, computed once per sheet by the caller) and the criteria's weights: the score's exact
 * fraction — `total` (Σ over the complete sheets of Σ score·weight) over `experts` (how many are
 * complete) — as `scoreOf`; and `given`, per criterion the sum and the count of the sheets' numbers
 * (int[]: sum₁, count₁, sum₂, …), whose averages `averagesOf` rounds as `criterionAverages` does. A group
 * of no sheet (null scores) is 0 over 0.
 */
export function scoreAggregates(weights: readonly number[], scores: SQL, complete: SQL) {
  const idx = Array.from({ length: weights.length }, (_, i) => i);
  // The filter is checked before the argument: only complete sheets' scores are summed.
  const weighted = sql.join(
    idx.map((i) => sql`${sql.raw(String(Math.trunc(weights[i]!)))} * (${at(scores, i)})::int`),
    sql` + `,
  );
  // sum and count skip nulls: a criterion's average is over the sheets that give it a number.
  const given = idx.map((i) => sql`sum((${at(scores, i)})::int), count(${at(scores, i)})`);
  return {
    total: sql<number>`coalesce(sum(${weighted}) filter (where ${complete}), 0)::int`,
    experts: sql<number>`(count(*) filter (where ${complete}))::int`,
    given: sql<number[]>`array[${sql.join(given, sql`, `)}]::int[]`,
  };
}

/** The averages per criterion from `scoreAggregates`' sums and counts (`criterionAverages`' rounding). */
export const averagesOf = (given: readonly (number | null)[]) =>
  Array.from({ length: given.length / 2 }, (_, i) => averageOf(given[2 * i] ?? 0, given[2 * i + 1] ?? 0));

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
    sql`x.complete`,
  );
  // `offset 0` keeps the sheets' subquery whole: each sheet's completeness is computed once.
  return sql`with s as materialized (
      select s.id, s.organization_id, s.team_id, s.passed, s.decision from challenge_submissions s
      where s.challenge_id = ${c.id} and s.state = 'submitted' and s.passed >= ${stage - 1}
    )
    select s.id, s.organization_id, o.short_name, s.team_id, t.name as team_name, s.passed, s.decision,
      a.total, a.experts, a.given, a.scored_by
    from s
    cross join lateral (
      select ${agg.total} as total, ${agg.experts} as experts, ${agg.given} as given,
        array_agg(x.expert_id::text) as scored_by
      from (
        select x.expert_id, x.scores, ${sheetComplete(c.criteria.length, sql`x.scores`)} as complete
        from challenge_scores x
        where x.submission_id = s.id and x.stage = ${stage}
          and x.expert_id in (select e.user_id from challenge_experts e where e.challenge_id = ${c.id})
        offset 0
      ) x
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
    averages: averagesOf(r.given as number[]),
    scoredBy: (r.scored_by as string[] | null) ?? [],
  }));
}
