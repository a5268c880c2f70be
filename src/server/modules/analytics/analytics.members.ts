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
import { type SQL, sql } from "drizzle-orm";
import { ORG_STATUSES } from "../../../shared/organizations.js";
import { regionName } from "../../../shared/regions.js";
import type { Ctx } from "../../core/context.js";
import { rows } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { AnalyticsFilters, DashboardQuery } from "./analytics.contract.js";
import { filtersOrgs, monthOf, monthStart, nextMonth, orgFilters, table } from "./analytics.query.js";

/** An organization's state in these counts: its status, or "suspended" while it is. */
const STATES = [...ORG_STATUSES, "suspended"] as const;
type State = (typeof STATES)[number];
/** The regions shown in the by-region table (the rest are summed in one row). */
export const TOP_REGIONS = 15;
const STATUS_EVENTS = sql`('approved', 'suspended', 'resumed', 'revoked')`;

/**
 * The heaviest statement, the dashboard's only one: the filtered organizations (`o`, an index-only scan
 * of organizations_analytics_idx), their status steps (`steps`: each event with the state before it),
 * then two answers in one result — `part = 'month'`: the change counts per month and state over the period
 * (key = month); `part = 'region'`: every organization's last state before the period's end, counted per
 * region (key = region code, '' for none).
 */
export function membersStatement(f: AnalyticsFilters) {
  const start = monthStart(f.from);
  const end = monthStart(nextMonth(f.to));
  // Everything before the period counts in its first month; to_char only for what falls inside it.
  const month = (at: SQL) => sql`case when ${at} < ${start} then ${f.from} else ${monthOf(at)} end`;
  const history = filtersOrgs(f) ? sql`join o on o.id = h.organization_id` : sql``;
  return sql`with o as (
      select id, created_at, status, status_since, status_suspended_at, region_code from organizations o
      where ${orgFilters(f, "o")} and o.created_at < ${end}
    ),
    ev as (
      select h.organization_id as org, h.at, h.id,
        case h.event when 'revoked' then 'registered' when 'suspended' then 'suspended' else h.to_status::text end as state
      from status_history h ${history}
      where h.event in ${STATUS_EVENTS} and h.at < ${end}
      union all
      select x.id, x.at, x.id, x.state from (
        select id, status_since as at, status::text as state from o where status <> 'registered'
        union all
        select id, status_suspended_at, 'suspended' from o where status_suspended_at is not null
      ) x
      where x.at < ${end} and not exists (
        select 1 from status_history h where h.organization_id = x.id and h.event in ${STATUS_EVENTS}
      )
    ),
    steps as (
      select org, at, state, coalesce(lag(state) over w, 'registered') as prev, lead(at) over w is null as last
      from ev window w as (partition by org order by at, id)
    ),
    deltas as (
      select ${month(sql`created_at`)} as month, 'registered' as state, 1 as d from o
      union all
      select ${month(sql`at`)}, state, 1 from steps where state <> prev
      union all
      select ${month(sql`at`)}, prev, -1 from steps where state <> prev
    ),
    final as (select org, state from steps where last)
    select 'month' as part, month as key, state, sum(d)::int as n from deltas group by month, state
    union all
    select 'region', coalesce(o.region_code, ''), coalesce(final.state, 'registered'), count(*)::int
    from o left join final on final.org = o.id
    group by 2, 3`;
}

type ByRegion = { region: string } & Record<State | "total", number>;

export const membersDashboard: DashboardQuery = async (ctx: Ctx, f: AnalyticsFilters) => {
  const result = await rows<{ part: "month" | "region"; key: string; state: State; n: number }>(
    ctx.db,
    membersStatement(f),
  );
  const running = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const byMonth = f.months.map((month) => {
    for (const c of result) if (c.part === "month" && c.key === month) running[c.state] += c.n;
    const total = STATES.reduce((sum, s) => sum + running[s], 0);
    return { month, ...running, total };
  });
  const perRegion = new Map<string, ByRegion>();
  for (const c of result) {
    if (c.part !== "region") continue;
    let r = perRegion.get(c.key);
    if (!r) {
      r = { region: c.key, total: 0, registered: 0, participant: 0, partner: 0, suspended: 0 };
      perRegion.set(c.key, r);
    }
    r[c.state] += c.n;
    r.total += c.n;
  }
  const regions = [...perRegion.values()].sort(
    (a, b) => b.total - a.total || a.region.localeCompare(b.region),
  );

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
