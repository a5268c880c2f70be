// The status applications dashboard: what came in and what the operators decided each month, how long a
// decision took, and what waits now.
//
// Counted from the applications' history (status_history), so an application returned and resubmitted is
// counted at each step: `received` = first submissions in the month; `resubmitted` = returned ones sent
// again; `approved`, `rejected`, `returned` = the operators' decisions in the month (`decided` their sum).
// A decision's time runs from the latest (re)submission of its application before it, in days; the month's
// median and 90th percentile are percentile_cont over its decisions. Waiting now: applications pending with
// the operators (the oldest waiting since its latest submission) and returned ones with the applicants —
// as of now, whatever the period. Region and type filters read the organization as it is now.
import { sql } from "drizzle-orm";
import { orgStatusLabel, REQUESTABLE_STATUSES } from "../../../shared/organizations.js";
import type { Ctx } from "../../core/context.js";
import { rows } from "../../core/db.js";
import type { AnalyticsFilters, DashboardQuery } from "./analytics.contract.js";
import { filtersOrgs, monthOf, orgFilters, periodBounds, table } from "./analytics.query.js";

const STEPS = sql`('submitted', 'resubmitted', 'approved', 'rejected', 'returned')`;
const DECISIONS = sql`('approved', 'rejected', 'returned')`;

/** The heaviest statement: the month's steps, with the decisions' median and 90th percentile in seconds. */
export function applicationsByMonthStatement(f: AnalyticsFilters) {
  const { start, end } = periodBounds(f);
  const orgs = filtersOrgs(f)
    ? sql`join organizations o on o.id = h.organization_id and ${orgFilters(f, "o")}`
    : sql``;
  const secs = sql`extract(epoch from at - since)`;
  return sql`with touched as (
      select distinct h.application_id from status_history h ${orgs}
      where h.application_id is not null and h.event in ${STEPS} and h.at >= ${start} and h.at < ${end}
    ),
    ev as (
      select h.event, h.at,
        max(h.at) filter (where h.event in ('submitted', 'resubmitted'))
          over (partition by h.application_id order by h.at, h.id rows unbounded preceding) as since
      from status_history h join touched using (application_id)
      where h.event in ${STEPS} and h.at < ${end}
    )
    select ${monthOf(sql`at`)} as month,
      count(*) filter (where event = 'submitted')::int as received,
      count(*) filter (where event = 'resubmitted')::int as resubmitted,
      count(*) filter (where event = 'approved')::int as approved,
      count(*) filter (where event = 'rejected')::int as rejected,
      count(*) filter (where event = 'returned')::int as returned,
      percentile_cont(0.5) within group (order by ${secs}) filter (where event in ${DECISIONS}) as median,
      percentile_cont(0.9) within group (order by ${secs}) filter (where event in ${DECISIONS}) as p90
    from ev where at >= ${start}
    group by 1`;
}

/** The open applications per requested status, as of now. */
export function waitingStatement(f: AnalyticsFilters) {
  return sql`select a.requested_status::text as status,
      count(*) filter (where a.state = 'pending')::int as waiting,
      max(extract(epoch from now() - coalesce(s.since, a.submitted_at))) filter (where a.state = 'pending') as oldest,
      count(*) filter (where a.state = 'returned')::int as "withApplicant"
    from status_applications a
    join organizations o on o.id = a.organization_id and ${orgFilters(f, "o")}
    left join lateral (
      select max(h.at) as since from status_history h
      where h.organization_id = a.organization_id and h.application_id = a.id
        and h.event in ('submitted', 'resubmitted')
    ) s on true
    where a.state in ('pending', 'returned')
    group by 1`;
}

type MonthRow = {
  month: string;
  received: number;
  resubmitted: number;
  approved: number;
  rejected: number;
  returned: number;
  median: number | null;
  p90: number | null;
};
type WaitingRow = { status: string; waiting: number; oldest: number | string | null; withApplicant: number };

/** Seconds → days, one decimal. */
const days = (s: number | string | null) => (s === null ? null : Math.round(Number(s) / 8640) / 10);

export const statusApplicationsDashboard: DashboardQuery = async (ctx: Ctx, f: AnalyticsFilters) => {
  const [months, waiting] = await Promise.all([
    rows<MonthRow>(ctx.db, applicationsByMonthStatement(f)),
    rows<WaitingRow>(ctx.db, waitingStatement(f)),
  ]);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const flow = f.months.map((month) => {
    const m = byMonth.get(month);
    const decided = m ? m.approved + m.rejected + m.returned : 0;
    return {
      month,
      received: m?.received ?? 0,
      resubmitted: m?.resubmitted ?? 0,
      approved: m?.approved ?? 0,
      rejected: m?.rejected ?? 0,
      returned: m?.returned ?? 0,
      decided,
      medianDays: days(m?.median ?? null),
      p90Days: days(m?.p90 ?? null),
    };
  });
  const open = new Map(waiting.map((w) => [w.status, w]));
  const waitingRows = REQUESTABLE_STATUSES.map((s) => {
    const w = open.get(s);
    return {
      status: orgStatusLabel(s, ctx.locale),
      waiting: w?.waiting ?? 0,
      oldestDays: days(w?.oldest ?? null),
      withApplicant: w?.withApplicant ?? 0,
    };
  });
  return [
    table(ctx, "statusApplications", {
      key: "flow",
      columns: [
        ["month", "month"],
        ["received", "count"],
        ["resubmitted", "count"],
        ["approved", "count"],
        ["rejected", "count"],
        ["returned", "count"],
        ["decided", "count"],
      ],
      rows: flow.map(({ medianDays: _m, p90Days: _p, ...r }) => r),
      chart: { kind: "bar", x: "month", series: ["received", "decided"], stacked: false },
      filters: ["region", "orgType"],
    }),
    table(ctx, "statusApplications", {
      key: "decisionTime",
      columns: [
        ["month", "month"],
        ["decided", "count"],
        ["medianDays", "days"],
        ["p90Days", "days"],
      ],
      rows: flow.map((r) => ({
        month: r.month,
        decided: r.decided,
        medianDays: r.medianDays,
        p90Days: r.p90Days,
      })),
      chart: { kind: "line", x: "month", series: ["medianDays", "p90Days"], stacked: false },
      filters: ["region", "orgType"],
    }),
    table(ctx, "statusApplications", {
      key: "waiting",
      columns: [
        ["status", "text"],
        ["waiting", "count"],
        ["oldestDays", "days"],
        ["withApplicant", "count"],
      ],
      rows: waitingRows,
      chart: { kind: "bar", x: "status", series: ["waiting", "withApplicant"], stacked: false },
      filters: ["region", "orgType"],
    }),
  ];
};
