// The cluster in numbers (src/shared/numbers.ts): totals and monthly series, computed by one read-only
// statement that aggregates the other modules' tables (organizations, projects and their money entries,
// pilots, challenges and their awards) and kept in memory per generation of what it reads.
//
// What counts (only what a guest may see, as aggregates):
// - organizations: all (the directory lists every one); a status counts while active (a suspended one
//   counts as none); regions by the organization's region code;
// - projects: all (public from their creation); joint: with an accepted partner;
// - money: confirmed entries only (declared and rejected ones never), by the day received;
// - pilots: completed and running, as counts only (a pilot's parties are never named);
// - challenges: the published ones (accepting, evaluation, results, closed) of every visibility — their
//   cards are public whatever the visibility, so counting them names nothing hidden; awards of the
//   challenges whose results are published (their winners are public).
import { type SQL, sql } from "drizzle-orm";
import { PUBLIC_CHALLENGE_STATES, RESULT_STATES } from "../../../shared/challenges.js";
import { clusterInstant } from "../../../shared/clock.js";
import type { Locale } from "../../../shared/constants.js";
import { CLUSTER_TIME_ZONE } from "../../../shared/constants.js";
import {
  cumulative,
  NUMBER_SERIES,
  NUMBERS_TOP_REGIONS,
  numberMonths,
  onMonths,
  SERIES_KEYS,
  type SeriesKey,
} from "../../../shared/numbers.js";
import { INVESTMENT_TYPES, type InvestmentType } from "../../../shared/projects.js";
import { regionName } from "../../../shared/regions.js";
import { moscowToday, now } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import { type Executor, rows, textArray } from "../../core/db.js";
import { cachedJson, generations } from "../../core/search.js";
import { ClusterNumbers } from "./numbers.contract.js";

/** The generations the figures read: organizations, projects (members, entries), challenges (awards), pilots. */
const READS = ["projects", "directory", "challenges", "pilots"] as const;

/**
 * The cluster in numbers as the route's JSON: computed once per generation of the tables it reads and
 * per month (the series end with the current month) and language (the regions' names), so a committed
 * write shows in the very next answer on every app server, and between writes an answer costs one
 * primary-key lookup of the generations.
 */
export async function clusterNumbers(ctx: Ctx): Promise<string> {
  const gens = generations(ctx.db, READS);
  const today = moscowToday(now());
  const [projects = 0, ...others] = await gens;
  return cachedJson(
    ctx.db,
    "projects",
    `numbers:${ctx.locale}:${today.slice(0, 7)}:${others.join(":")}`,
    ClusterNumbers,
    () => computeNumbers(ctx.db, today, ctx.locale),
    Promise.resolve(projects),
  );
}

const month = (column: SQL) => sql`to_char(${column} at time zone ${CLUSTER_TIME_ZONE}, 'YYYY-MM')`;
const ACTIVE = sql`status_suspended_at is null`;

/** The rows of `numbersStatement`: each column one JSON value. */
export interface NumbersRow {
  orgs: { total: number; participant: number; partner: number };
  regions: { region: string; count: number }[];
  projects: { total: number; joint: number };
  money: { kind: "investment" | "support"; type: InvestmentType | null; amount: number; entries: number }[];
  pilots: { completed: number; running: number };
  challenges: { published: number; with_results: number; awarded: number; awards: number };
  series: { s: string; m: string; v: number }[];
}

/**
 * The one statement of the figures, the series from `firstMonth` (YYYY-MM) on. Sums of rubles are
 * bigint (exact; within a safe integer for any plausible cluster).
 */
export function numbersStatement(firstMonth: string): SQL {
  const from = clusterInstant(`${firstMonth}-01T00:00`)!.toISOString();
  const fromDay = `${firstMonth}-01`;
  const published = textArray([...PUBLIC_CHALLENGE_STATES]);
  const results = textArray([...RESULT_STATES]);
  return sql`select
  (select row_to_json(x) from (select count(*)::int as total,
      count(*) filter (where status = 'participant' and ${ACTIVE})::int as participant,
      count(*) filter (where status = 'partner' and ${ACTIVE})::int as partner
    from organizations) x) as orgs,
  (select coalesce(json_agg(x order by x.count desc, x.region), '[]'::json) from (
      select region_code as region, count(*)::int as count from organizations
      where region_code is not null group by region_code) x) as regions,
  (select row_to_json(x) from (select count(*)::int as total, count(*) filter (where joint)::int as joint
    from projects) x) as projects,
  (select coalesce(json_agg(x), '[]'::json) from (
      select kind, investment_type as type, sum(amount)::bigint as amount, count(*)::int as entries
      from project_entries where state = 'confirmed' group by kind, investment_type) x) as money,
  (select row_to_json(x) from (select count(*) filter (where state = 'completed')::int as completed,
      count(*) filter (where state = 'running')::int as running from pilots) x) as pilots,
  (select row_to_json(x) from (select
      (select count(*)::int from challenges where state::text = any(${published}::text[])) as published,
      (select count(*)::int from challenges where state::text = any(${results}::text[])) as with_results,
      coalesce(sum(a.amount), 0)::bigint as awarded, count(a.*)::int as awards
    from challenge_awards a join challenges c on c.id = a.challenge_id
    where c.state::text = any(${results}::text[])) x) as challenges,
  (select coalesce(json_agg(x), '[]'::json) from (
      select 'participants' as s, ${month(sql`status_since`)} as m, count(*)::bigint as v from organizations
        where status = 'participant' and ${ACTIVE} and status_since >= ${from}::timestamptz group by 2
      union all
      select 'participantsBefore', '', count(*) from organizations
        where status = 'participant' and ${ACTIVE} and status_since < ${from}::timestamptz
      union all
      select 'projects', ${month(sql`created_at`)}, count(*) from projects
        where created_at >= ${from}::timestamptz group by 2
      union all
      select 'jointProjects', ${month(sql`created_at`)}, count(*) from projects
        where joint and created_at >= ${from}::timestamptz group by 2
      union all
      select kind::text, to_char(received_on, 'YYYY-MM'), sum(amount)::bigint from project_entries
        where state = 'confirmed' and received_on >= ${fromDay}::date group by 1, 2
      union all
      select 'pilotsCompleted', ${month(sql`completed_at`)}, count(*) from pilots
        where state = 'completed' and completed_at >= ${from}::timestamptz group by 2
      union all
      select 'challengesPublished', ${month(sql`opened_at`)}, count(*) from challenges
        where state::text = any(${published}::text[]) and opened_at >= ${from}::timestamptz group by 2
    ) x) as series`;
}

/** The figures from the statement's row (the months: `numberMonths(today)`). */
export function numbersOf(
  row: NumbersRow,
  months: string[],
  computedAt: Date,
  locale: Locale,
): ClusterNumbers {
  const top = row.regions
    .slice(0, NUMBERS_TOP_REGIONS)
    .map((r) => ({ region: r.region, name: regionName(r.region, locale) ?? r.region, count: r.count }));
  const investment = row.money.filter((e) => e.kind === "investment");
  const support = row.money.filter((e) => e.kind === "support");
  const sum = (list: { amount: number }[]) => list.reduce((n, e) => n + Number(e.amount), 0);
  const count = (list: { entries: number }[]) => list.reduce((n, e) => n + e.entries, 0);
  const byMonth = new Map<string, Map<string, number>>();
  for (const p of row.series) {
    const m = byMonth.get(p.s) ?? new Map<string, number>();
    byMonth.set(p.s, m.set(p.m, Number(p.v)));
  }
  const values = (key: string) => onMonths(months, byMonth.get(key) ?? new Map());
  const participants = values("participants");
  const series: Record<SeriesKey, number[]> = {
    participants,
    participantsTotal: cumulative(participants, byMonth.get("participantsBefore")?.get("") ?? 0),
    projects: values("projects"),
    jointProjects: values("jointProjects"),
    investment: values("investment"),
    support: values("support"),
    pilotsCompleted: values("pilotsCompleted"),
    challengesPublished: values("challengesPublished"),
  };
  return {
    computedAt: computedAt.toISOString(),
    months,
    organizations: {
      total: row.orgs.total,
      byStatus: {
        participant: row.orgs.participant,
        partner: row.orgs.partner,
        none: row.orgs.total - row.orgs.participant - row.orgs.partner,
      },
      regions: top,
      otherRegions: row.orgs.total - top.reduce((n, r) => n + r.count, 0),
    },
    projects: row.projects,
    investment: {
      total: sum(investment),
      entries: count(investment),
      byType: INVESTMENT_TYPES.map((type) => {
        const of = investment.filter((e) => e.type === type);
        return { type, amount: sum(of), entries: count(of) };
      }),
    },
    support: { total: sum(support), entries: count(support) },
    pilots: row.pilots,
    challenges: {
      published: row.challenges.published,
      withResults: row.challenges.with_results,
      awarded: Number(row.challenges.awarded),
      awards: row.challenges.awards,
    },
    series: SERIES_KEYS.map((key) => ({ key, unit: NUMBER_SERIES[key], values: series[key] })),
  };
}

/** Computes the figures now (one statement). */
export async function computeNumbers(ex: Executor, today: string, locale: Locale): Promise<ClusterNumbers> {
  const months = numberMonths(today);
  const [row] = await rows<NumbersRow>(ex, numbersStatement(months[0]!));
  return numbersOf(row!, months, now(), locale);
}
