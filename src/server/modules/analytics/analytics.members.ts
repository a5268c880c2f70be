// The members dashboard: organizations by status at each month's end, and by region at the period's end.
//
// How a status at a moment is known: an organization counts from its creation (`created_at`) as
// "registered"; each status event of status_history moves it — `approved` to the status applied for,
// `suspended` to "suspended" (the status is held but its rights are paused), `resumed` back to the status
// held, `revoked` to "registered". An organization whose status was set with no such event (an import, a
// database edited by hand) has one event taken from its row: `status_since` to its status, and
// `status_suspended_at` to "suspended". A deleted organization takes its history with it and is not counted.
// The region and type filters read the organization as it is now.
//
// The counts are kept as changes: +1 for the state an organization enters and −1 for the one it leaves,
// in the month (Moscow time) of the event, everything before the period in its first month; a month's
// count is the running sum up to it. One pass over organizations and their status events, however long
// the period.
import { sql } from "drizzle-orm";
import { ORG_STATUSES } from "../../../shared/organizations.js";
import { regionName } from "../../../shared/regions.js";
import type { Ctx } from "../../core/context.js";
import { rows } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { AnalyticsFilters, DashboardQuery } from "./analytics.contract.js";
import { monthOf, monthStart, nextMonth, orgFilters, table } from "./analytics.query.js";

/** An organization's state in these counts: its status, or "suspended" while it is. */
const STATES = [...ORG_STATUSES, "suspended"] as const;
type State = (typeof STATES)[number];
/** The regions shown in the by-region table (the rest are summed in one row). */
export const TOP_REGIONS = 15;
const STATUS_EVENTS = sql`('approved', 'suspended', 'resumed', 'revoked')`;

/**
 * The status steps of the filtered organizations up to `end`: `o` (the organizations), `steps` (each
 * event with the state before it). The heaviest statement of the dashboard is the one that uses them.
 */
export function statusSteps(f: AnalyticsFilters, end: ReturnType<typeof monthStart>) {
  return sql`o as (
      select id, created_at, region_code from organizations o
      where ${orgFilters(f, "o")} and o.created_at < ${end}
    ),
    ev as (
      select h.organization_id as org, h.at, h.id,
        case h.event when 'revoked' then 'registered' when 'suspended' then 'suspended' else h.to_status::text end as state
      from status_history h join o on o.id = h.organization_id
      where h.event in ${STATUS_EVENTS} and h.at < ${end}
      union all
      select x.id, x.at, x.id, x.state from (
        select r.id, r.status_since as at, r.status::text as state from organizations r join o on o.id = r.id
        where r.status <> 'registered'
        union all
        select r.id, r.status_suspended_at, 'suspended' from organizations r join o on o.id = r.id
        where r.status_suspended_at is not null
      ) x
      where x.at < ${end} and not exists (
        select 1 from status_history h where h.organization_id = x.id and h.event in ${STATUS_EVENTS}
      )
    ),
    steps as (
      select org, at, id, state, coalesce(lag(state) over (partition by org order by at, id), 'registered') as prev
      from ev
    )`;
}

/** The heaviest statement: the change counts per month and state over the period. */
export function membersByMonthStatement(f: AnalyticsFilters) {
  const end = monthStart(nextMonth(f.to));
  const month = (at: ReturnType<typeof sql>) => sql`greatest(${monthOf(at)}, ${f.from})`;
  return sql`with ${statusSteps(f, end)},
    deltas as (
      select ${month(sql`created_at`)} as month, 'registered' as state, 1 as d from o
      union all
      select ${month(sql`at`)}, state, 1 from steps where state <> prev
      union all
      select ${month(sql`at`)}, prev, -1 from steps where state <> prev
    )
    select month, state, sum(d)::int as n from deltas group by month, state`;
}

/** The state of every filtered organization at the period's end, counted per region. */
export function membersByRegionStatement(f: AnalyticsFilters) {
  const end = monthStart(nextMonth(f.to));
  return sql`with ${statusSteps(f, end)},
    final as (select distinct on (org) org, state from steps order by org, at desc, id desc)
    select coalesce(o.region_code, '') as region,
      count(*)::int as total,
      count(*) filter (where coalesce(final.state, 'registered') = 'registered')::int as registered,
      count(*) filter (where final.state = 'participant')::int as participant,
      count(*) filter (where final.state = 'partner')::int as partner,
      count(*) filter (where final.state = 'suspended')::int as suspended
    from o left join final on final.org = o.id
    group by 1 order by total desc, region`;
}

type ByRegion = { region: string } & Record<State | "total", number>;

export const membersDashboard: DashboardQuery = async (ctx: Ctx, f: AnalyticsFilters) => {
  const [changes, regions] = await Promise.all([
    rows<{ month: string; state: State; n: number }>(ctx.db, membersByMonthStatement(f)),
    rows<ByRegion>(ctx.db, membersByRegionStatement(f)),
  ]);
  const running = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const byMonth = f.months.map((month) => {
    for (const c of changes) if (c.month === month) running[c.state] += c.n;
    const total = STATES.reduce((sum, s) => sum + running[s], 0);
    return { month, ...running, total };
  });

  const top = regions.slice(0, TOP_REGIONS);
  const rest = regions.slice(TOP_REGIONS);
  const regionRows = top.map((r) => ({
    region: r.region
      ? (regionName(r.region, ctx.locale) ?? r.region)
      : t(ctx.locale, "analytics.region.none"),
    ...counts(r),
  }));
  if (rest.length > 0) {
    const sum = Object.fromEntries(
      ["total", ...STATES].map((k) => [k, rest.reduce((s, r) => s + r[k as State | "total"], 0)]),
    ) as Record<State | "total", number>;
    regionRows.push({
      region: t(ctx.locale, "analytics.region.other", { count: rest.length }),
      ...counts(sum),
    });
  }

  const stateColumns = STATES.map((s) => [s, "count"] as const);
  return [
    table(ctx, "members", {
      key: "byMonth",
      columns: [["month", "month"], ...stateColumns, ["total", "count"]],
      rows: byMonth,
      chart: { kind: "area", x: "month", series: [...STATES], stacked: true },
      filters: ["region", "orgType"],
    }),
    table(ctx, "members", {
      key: "byRegion",
      columns: [["region", "text"], ...stateColumns, ["total", "count"]],
      rows: regionRows,
      chart: { kind: "bar", x: "region", series: [...STATES], stacked: true },
      filters: ["region", "orgType"],
    }),
  ];
};

const counts = (r: Record<State | "total", number>) => ({
  registered: r.registered,
  participant: r.participant,
  partner: r.partner,
  suspended: r.suspended,
  total: r.total,
});
