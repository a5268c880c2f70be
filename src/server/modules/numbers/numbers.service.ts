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
import { GRANT_COMMITTED, kopecksToRubles } from "../../../shared/grants.js";
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

/**
 * The generations the figures read: organizations, projects (members, entries), challenges (awards),
 * pilots, grants (applications: migration 0045's trigger).
 */
const READS = ["projects", "directory", "challenges", "pilots", "grants"] as const;

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

/** The month (the cluster's time zone) of a moment from `from` on, else null: computed per row, grouped on. */
const monthFrom = (column: SQL, from: string) =>
  sql`case when ${column} >= ${from}::timestamptz then date_trunc('month', ${column} at time zone ${CLUSTER_TIME_ZONE}) end`;
const YM = (m: SQL) => sql`to_char(${m}, 'YYYY-MM')`;

/** Groups of one table's rows: the columns named, `m` the month (YYYY-MM, null before the window), `n` rows. */
type Group<T> = T & { m: string | null; n: number };

/** The rows of `numbersStatement`: each column the groups of one table (one scan each), as JSON. */
export interface NumbersRow {
  orgs: Group<{ region: string | null; status: string; active: boolean }>[];
  projects: Group<{ joint: boolean }>[];
  money: Group<{ kind: "investment" | "support"; type: InvestmentType | null; amount: number }>[];
  pilots: Group<{ state: string }>[];
  challenges: Group<{ state: string }>[];
  awards: { awarded: number; awards: number };
  /** Kopecks: `approved` by the month of the commission's approval, `paid` by the payment's month. */
  grants: Group<{ kind: "approved" | "paid"; amount: number }>[];
}

/**
 * The one statement of the figures, the series from `firstMonth` (YYYY-MM) on: each table read once,
 * its rows grouped by what the figures tell apart and by month (`numbersOf` adds the groups up). Sums of
 * rubles are bigint (exact; within a safe integer for any plausible cluster).
 */
export function numbersStatement(firstMonth: string): SQL {
  const from = clusterInstant(`${firstMonth}-01T00:00`)!.toISOString();
  const fromDay = `${firstMonth}-01`;
  const published = textArray([...PUBLIC_CHALLENGE_STATES]);
  const results = textArray([...RESULT_STATES]);
  const groups = (query: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${query}) x)`;
  return sql`select
  ${groups(sql`select region, status, active, ${YM(sql`m`)} as m, count(*)::int as n from (
      select region_code as region, status::text as status, status_suspended_at is null as active,
        case when status = 'participant' and status_suspended_at is null then ${monthFrom(sql`status_since`, from)} end as m
      from organizations) o group by region, status, active, m`)} as orgs,
  ${groups(sql`select joint, ${YM(sql`m`)} as m, count(*)::int as n from (
      select joint, ${monthFrom(sql`created_at`, from)} as m from projects) p group by joint, m`)} as projects,
  ${groups(sql`select kind, type, ${YM(sql`m`)} as m, sum(amount)::bigint as amount, count(*)::int as n from (
      select kind::text as kind, investment_type::text as type, amount,
        case when received_on >= ${fromDay}::date then date_trunc('month', received_on) end as m
      from project_entries where state = 'confirmed') e group by kind, type, m`)} as money,
  ${groups(sql`select state, ${YM(sql`m`)} as m, count(*)::int as n from (
      select state::text as state, case when state = 'completed' then ${monthFrom(sql`completed_at`, from)} end as m
      from pilots where state in ('completed', 'running')) p group by state, m`)} as pilots,
  ${groups(sql`select state, ${YM(sql`m`)} as m, count(*)::int as n from (
      select state::text as state, ${monthFrom(sql`opened_at`, from)} as m
      from challenges where state::text = any(${published}::text[])) c group by state, m`)} as challenges,
  (select row_to_json(x) from (select coalesce(sum(a.amount), 0)::bigint as awarded, count(*)::int as awards
    from challenge_awards a join challenges c on c.id = a.challenge_id
    where c.state::text = any(${results}::text[])) x) as awards,
  ${groups(sql`select kind, ${YM(sql`m`)} as m, sum(amount)::bigint as amount, count(*)::int as n from (
      select 'approved' as kind, a.approved as amount, ${monthFrom(sql`ev.at`, from)} as m
      from grant_applications a
      left join lateral (select max(e.at) as at from grant_events e
        where e.application_id = a.id and e.move = 'approve') ev on true
      where a.state::text = any(${textArray([...GRANT_COMMITTED])}::text[]) and a.approved is not null
      union all
      select 'paid', a.approved, case when a.paid_on >= ${fromDay}::date then date_trunc('month', a.paid_on) end
      from grant_applications a where a.paid_on is not null and a.approved is not null) g group by kind, m`)} as grants`;
}

/** The groups' row counts (or `value`) per month, of the groups `where` keeps. */
function perMonth<G extends { m: string | null; n: number }>(
  list: G[],
  where: (g: G) => boolean,
  value: (g: G) => number = (g) => g.n,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of list) if (g.m && where(g)) out.set(g.m, (out.get(g.m) ?? 0) + Number(value(g)));
  return out;
}

const total = <G extends { n: number }>(
  list: G[],
  where: (g: G) => boolean = () => true,
  value = (g: G) => g.n,
) => list.reduce((sum, g) => (where(g) ? sum + Number(value(g)) : sum), 0);

/** The figures from the statement's row (the months: `numberMonths(today)`). */
export function numbersOf(
  row: NumbersRow,
  months: string[],
  computedAt: Date,
  locale: Locale,
): ClusterNumbers {
  const orgs = row.orgs;
  const holds = (status: string) => (g: NumbersRow["orgs"][number]) => g.status === status && g.active;
  const byRegion = new Map<string, number>();
  for (const g of orgs) if (g.region) byRegion.set(g.region, (byRegion.get(g.region) ?? 0) + g.n);
  const regions = [...byRegion]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, NUMBERS_TOP_REGIONS)
    .map(([region, count]) => ({ region, name: regionName(region, locale) ?? region, count }));
  const organizations = total(orgs);
  const participant = total(orgs, holds("participant"));
  const partner = total(orgs, holds("partner"));
  const money = (kind: string) => row.money.filter((g) => g.kind === kind);
  const investment = money("investment");
  const support = money("support");
  const amount = (g: { amount: number }) => g.amount;
  const participants = onMonths(months, perMonth(orgs, holds("participant")));
  const grants = (kind: "approved" | "paid") => row.grants.filter((g) => g.kind === kind);
  // kopecks summed exactly, then whole rubles (the page's unit) by the grants' one rule
  const toRubles = kopecksToRubles;
  const grantSeries = (kind: "approved" | "paid") =>
    onMonths(
      months,
      perMonth(grants(kind), () => true, amount),
    ).map(toRubles);
  const series: Record<SeriesKey, number[]> = {
    participants,
    participantsTotal: cumulative(
      participants,
      total(orgs, (g) => holds("participant")(g) && g.m === null),
    ),
    projects: onMonths(
      months,
      perMonth(row.projects, () => true),
    ),
    jointProjects: onMonths(
      months,
      perMonth(row.projects, (g) => g.joint),
    ),
    investment: onMonths(
      months,
      perMonth(investment, () => true, amount),
    ),
    support: onMonths(
      months,
      perMonth(support, () => true, amount),
    ),
    grantsApproved: grantSeries("approved"),
    grantsPaid: grantSeries("paid"),
    pilotsCompleted: onMonths(
      months,
      perMonth(row.pilots, (g) => g.state === "completed"),
    ),
    challengesPublished: onMonths(
      months,
      perMonth(row.challenges, () => true),
    ),
  };
  return {
    computedAt: computedAt.toISOString(),
    months,
    organizations: {
      total: organizations,
      byStatus: { participant, partner, none: organizations - participant - partner },
      regions,
      otherRegions: organizations - regions.reduce((n, r) => n + r.count, 0),
    },
    projects: { total: total(row.projects), joint: total(row.projects, (g) => g.joint) },
    investment: {
      total: total(investment, () => true, amount),
      entries: total(investment),
      byType: INVESTMENT_TYPES.map((type) => {
        const of = investment.filter((g) => g.type === type);
        return { type, amount: total(of, () => true, amount), entries: total(of) };
      }),
    },
    support: { total: total(support, () => true, amount), entries: total(support) },
    grants: {
      approved: toRubles(total(grants("approved"), () => true, amount)),
      approvedCount: total(grants("approved")),
      paid: toRubles(total(grants("paid"), () => true, amount)),
      paidCount: total(grants("paid")),
    },
    pilots: {
      completed: total(row.pilots, (g) => g.state === "completed"),
      running: total(row.pilots, (g) => g.state === "running"),
    },
    challenges: {
      published: total(row.challenges),
      withResults: total(row.challenges, (g) => (RESULT_STATES as readonly string[]).includes(g.state)),
      awarded: Number(row.awards.awarded),
      awards: row.awards.awards,
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
