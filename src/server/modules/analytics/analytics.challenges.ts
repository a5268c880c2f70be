// The challenges and pilots dashboard: how the period's challenges and their solutions went on to
// shortlists, wins and pilots (a funnel and the same counts per month), and the pilots at the sites per
// month (every pilot, a challenge winner's or a company's own application).
//
// What counts (ARCHITECTURE.md › analytics dashboards):
// - published: challenges opened for submissions (approved by the moderator) in the period, by the month
//   opened; region/type of the posting organization;
// - the solutions' funnel follows the solutions received in the period (not withdrawn), by the month
//   received: shortlisted — passed stage 1; winners — the decision "winner"; pilots started — the winner's
//   pilot running or completed; completed, successful or not — that pilot's result. Region/type of the
//   submitting organization (a team's submission has none: it is left out when a filter is asked);
// - pilots (every pilot): applications by the month submitted, started (running or completed) by the
//   month of the agreed start day, completed by the month of the result; region/type of the applicant.
import { sql } from "drizzle-orm";
import { rows } from "../../core/db.js";
import type { AnalyticsTableInput, DashboardQuery } from "./analytics.contract.js";
import {
  dayInPeriod,
  inPeriod,
  monthOf,
  monthOfDay,
  num,
  orgFilter,
  percentOf,
  periodOf,
  stageLabel,
  table,
} from "./analytics.dash2.sql.js";

/** The funnel's counts, in its order; `of` is the stage a percent is taken of (null: none). */
const FUNNEL = [
  { key: "published", of: null },
  { key: "submissions", of: null },
  { key: "shortlisted", of: "submissions" },
  { key: "winners", of: "shortlisted" },
  { key: "pilotsStarted", of: "winners" },
  { key: "pilotsCompleted", of: "pilotsStarted" },
  { key: "successful", of: "pilotsCompleted" },
  { key: "unsuccessful", of: "pilotsCompleted" },
] as const;
type Stage = (typeof FUNNEL)[number]["key"];

const PILOT_COUNTS = ["applications", "started", "completed", "successful", "unsuccessful"] as const;
type PilotCount = (typeof PILOT_COUNTS)[number];

type Counts<K extends string> = { m: string } & Record<K, string | number>;

export const challengesDashboard: DashboardQuery = async (ctx, f) => {
  const period = periodOf(f);
  const [published, solutions, pilotRows] = await Promise.all([
    rows<Counts<"published">>(
      ctx.db,
      sql`select ${monthOf(sql`c.opened_at`)} as m, count(*)::int as published
        from challenges c join organizations o on o.id = c.organization_id
        where c.opened_at is not null and ${inPeriod(sql`c.opened_at`, period)} and ${orgFilter(f)}
        group by 1`,
    ),
    rows<Counts<Exclude<Stage, "published">>>(
      ctx.db,
      sql`select ${monthOf(sql`s.created_at`)} as m, count(*)::int as submissions,
          count(*) filter (where s.passed >= 1)::int as shortlisted,
          count(*) filter (where s.decision = 'winner')::int as winners,
          count(*) filter (where s.decision = 'winner' and p.state in ('running', 'completed'))::int as "pilotsStarted",
          count(*) filter (where s.decision = 'winner' and p.state = 'completed')::int as "pilotsCompleted",
          count(*) filter (where s.decision = 'winner' and p.state = 'completed' and p.success)::int as successful,
          count(*) filter (where s.decision = 'winner' and p.state = 'completed' and not p.success)::int as unsuccessful
        from challenge_submissions s
        left join organizations o on o.id = s.organization_id
        left join pilots p on p.challenge_submission_id = s.id
        where s.state = 'submitted' and ${inPeriod(sql`s.created_at`, period)}
          and ${f.region || f.orgType ? sql`o.id is not null and ${orgFilter(f)}` : sql`true`}
        group by 1`,
    ),
    rows<{ m: string; kind: "applications" | "started" | "completed"; n: number; good: number }>(
      ctx.db,
      sql`select m, kind, count(*)::int as n, count(*) filter (where success)::int as good from (
          select ${monthOf(sql`p.created_at`)} as m, 'applications' as kind, null::boolean as success
            from pilots p join organizations o on o.id = p.organization_id
            where ${inPeriod(sql`p.created_at`, period)} and ${orgFilter(f)}
          union all
          select ${monthOfDay(sql`coalesce(p.agreed_from, p.date_from)`)}, 'started', null
            from pilots p join organizations o on o.id = p.organization_id
            where p.state in ('running', 'completed')
              and ${dayInPeriod(sql`coalesce(p.agreed_from, p.date_from)`, period)} and ${orgFilter(f)}
          union all
          select ${monthOf(sql`p.completed_at`)}, 'completed', p.success
            from pilots p join organizations o on o.id = p.organization_id
            where p.state = 'completed' and ${inPeriod(sql`p.completed_at`, period)} and ${orgFilter(f)}
        ) x group by m, kind`,
    ),
  ]);

  // the counts per month (every month of the period, zeros included) and their totals
  const months = new Map(
    f.months.map((m) => [m, Object.fromEntries(FUNNEL.map((s) => [s.key, 0])) as Record<Stage, number>]),
  );
  for (const r of published) {
    const at = months.get(r.m);
    if (at) at.published += num(r.published);
  }
  for (const r of solutions) {
    const at = months.get(r.m);
    if (!at) continue;
    for (const s of FUNNEL) if (s.key !== "published") at[s.key] += num(r[s.key]);
  }
  const totals = Object.fromEntries(
    FUNNEL.map((s) => [s.key, [...months.values()].reduce((n, m) => n + m[s.key], 0)]),
  ) as Record<Stage, number>;

  const pilots = new Map(
    f.months.map((m) => [
      m,
      Object.fromEntries(PILOT_COUNTS.map((k) => [k, 0])) as Record<PilotCount, number>,
    ]),
  );
  for (const r of pilotRows) {
    const at = pilots.get(r.m);
    if (!at) continue;
    at[r.kind] += num(r.n);
    if (r.kind === "completed") {
      at.successful += num(r.good);
      at.unsuccessful += num(r.n) - num(r.good);
    }
  }

  const tables: AnalyticsTableInput[] = [
    table(
      ctx,
      "challenges",
      "funnel",
      [
        { key: "stage", kind: "text" },
        { key: "count", kind: "count" },
        { key: "percent", kind: "percent" },
      ],
      FUNNEL.map((s) => ({
        stage: stageLabel(ctx, "challenges", s.key),
        count: totals[s.key],
        percent: s.of ? percentOf(totals[s.key], totals[s.of]) : null,
      })),
      { kind: "bar", x: "stage", series: ["count"], stacked: false },
      ["region", "orgType"],
    ),
    table(
      ctx,
      "challenges",
      "months",
      [{ key: "month", kind: "month" }, ...FUNNEL.map((s) => ({ key: s.key, kind: "count" as const }))],
      [...months].map(([month, counts]) => ({ month, ...counts })),
      {
        kind: "line",
        x: "month",
        series: ["published", "submissions", "shortlisted", "winners", "pilotsStarted", "pilotsCompleted"],
        stacked: false,
      },
      ["region", "orgType"],
    ),
    table(
      ctx,
      "challenges",
      "pilots",
      [{ key: "month", kind: "month" }, ...PILOT_COUNTS.map((key) => ({ key, kind: "count" as const }))],
      [...pilots].map(([month, counts]) => ({ month, ...counts })),
      { kind: "line", x: "month", series: ["applications", "started", "completed"], stacked: false },
      ["region", "orgType"],
    ),
  ];
  return tables;
};
