// The grants dashboard: the funnel of the applications submitted in the period with their money, the
// money decided and paid per month, and the programs (applications, money, budget left).
//
// What counts (ARCHITECTURE.md › analytics dashboards):
// - the funnel follows the applications first submitted in the period (the first "submit" of their
//   timeline): each stage counts those that reached it, whatever came after (an application now paid
//   passed the review, the commission, the approval and the agreement), `now` those in it today; returned —
//   returned at least once for missing documents; drafts (never submitted, created in the period) are a
//   row of their own outside the percents;
// - money is kopecks summed exactly (bigint) and then whole rubles, half a ruble up: requested — the
//   applicant's amount; approved — the commission's amount of the approved ones (and every later state);
//   paid — the approved amount of the paid ones (a payment is the approved amount);
// - per month: submissions by the month first submitted, approved by the month of the commission's
//   approval, paid by the payment's day — of any application, whenever submitted;
// - per program: the period's applications and their money; the budget left is the program's budget less
//   every committed approval (of all time and every applicant: the filters do not change it).
// Region/type: of the applicant organization.
import { sql } from "drizzle-orm";
import { GRANT_COMMITTED, type GrantState } from "../../../shared/grants.js";
import { rows, textArray } from "../../core/db.js";
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
  rublesOf,
  stageLabel,
  table,
} from "./analytics.dash2.sql.js";

const PAID: readonly GrantState[] = ["paid", "reporting", "closed", "refund_required"];
const AFTER_REVIEW: readonly GrantState[] = ["commission", "approved", "refused", "agreement", ...PAID];

/**
 * The funnel's stages, in order: which applications reached each (by the state they are in now and
 * whether they were returned), which are in it now, and the stage a percent is taken of.
 */
const STAGES: {
  key: string;
  reached: (s: GrantState, returned: boolean) => boolean;
  now: readonly GrantState[];
  of: string | null;
}[] = [
  { key: "submitted", reached: () => true, now: ["submitted"], of: null },
  { key: "returned", reached: (_, r) => r, now: ["returned"], of: "submitted" },
  {
    key: "review",
    reached: (s) => s === "review" || AFTER_REVIEW.includes(s),
    now: ["review"],
    of: "submitted",
  },
  { key: "commission", reached: (s) => AFTER_REVIEW.includes(s), now: ["commission"], of: "review" },
  { key: "approved", reached: (s) => GRANT_COMMITTED.includes(s), now: ["approved"], of: "commission" },
  { key: "refused", reached: (s) => s === "refused", now: ["refused"], of: "commission" },
  {
    key: "agreement",
    reached: (s) => s === "agreement" || PAID.includes(s),
    now: ["agreement"],
    of: "approved",
  },
  { key: "paid", reached: (s) => PAID.includes(s), now: ["paid"], of: "agreement" },
  {
    key: "reporting",
    reached: (s) => ["reporting", "closed", "refund_required"].includes(s),
    now: ["reporting"],
    of: "paid",
  },
  { key: "closed", reached: (s) => s === "closed", now: ["closed"], of: "reporting" },
  {
    key: "refundRequired",
    reached: (s) => s === "refund_required",
    now: ["refund_required"],
    of: "reporting",
  },
];

type Money = { requested: bigint; approved: bigint; paid: bigint };
const zero = (): Money => ({ requested: 0n, approved: 0n, paid: 0n });
const add = (a: Money, b: Money) => {
  a.requested += b.requested;
  a.approved += b.approved;
  a.paid += b.paid;
};
const rubles = (m: Money) => ({
  requested: rublesOf(m.requested),
  approved: rublesOf(m.approved),
  paid: rublesOf(m.paid),
});

const MONEY = [
  { key: "requested", kind: "money" },
  { key: "approved", kind: "money" },
  { key: "paid", kind: "money" },
] as const;

export const grantsDashboard: DashboardQuery = async (ctx, f) => {
  const period = periodOf(f);
  const committed = textArray([...GRANT_COMMITTED]);
  const paid = textArray([...PAID]);
  // the applications first submitted in the period (a resubmission after a return keeps the first day)
  const cohort = sql`(select a.*, coalesce((select min(e.at) from grant_events e
        where e.application_id = a.id and e.move = 'submit'), a.submitted_at) as first_at
      from grant_applications a join organizations o on o.id = a.organization_id
      where a.state <> 'draft' and ${orgFilter(f)}) c`;
  // kopecks of a group, as text (exact): requested, approved (committed ones), paid
  const money = sql`coalesce(sum(c.requested), 0)::text as requested,
      coalesce(sum(c.approved) filter (where c.state::text = any(${committed})), 0)::text as approved,
      coalesce(sum(c.approved) filter (where c.state::text = any(${paid})), 0)::text as paid`;
  type MoneyRow = { requested: string; approved: string; paid: string };
  const [byState, drafts, submittedPerMonth, moneyPerMonth, byProgram, programs] = await Promise.all([
    rows<MoneyRow & { state: GrantState; returned: boolean; n: number }>(
      ctx.db,
      sql`select c.state, c.returns > 0 as returned, count(*)::int as n, ${money}
        from ${cohort} where ${inPeriod(sql`c.first_at`, period)} group by 1, 2`,
    ),
    rows<{ n: number; requested: string }>(
      ctx.db,
      sql`select count(*)::int as n, coalesce(sum(a.requested), 0)::text as requested
        from grant_applications a join organizations o on o.id = a.organization_id
        where a.state = 'draft' and ${inPeriod(sql`a.created_at`, period)} and ${orgFilter(f)}`,
    ),
    rows<{ m: string; n: number }>(
      ctx.db,
      sql`select ${monthOf(sql`c.first_at`)} as m, count(*)::int as n
        from ${cohort} where ${inPeriod(sql`c.first_at`, period)} group by 1`,
    ),
    rows<{ m: string; kind: "approved" | "paid"; amount: string }>(
      ctx.db,
      sql`select m, kind, sum(amount)::text as amount from (
          select ${monthOf(sql`ev.at`)} as m, 'approved' as kind, a.approved as amount
            from grant_applications a join organizations o on o.id = a.organization_id
            join lateral (select max(e.at) as at from grant_events e
              where e.application_id = a.id and e.move = 'approve') ev on true
            where a.state::text = any(${committed}) and a.approved is not null
              and ${inPeriod(sql`ev.at`, period)} and ${orgFilter(f)}
          union all
          select ${monthOfDay(sql`a.paid_on`)}, 'paid', a.approved
            from grant_applications a join organizations o on o.id = a.organization_id
            where a.paid_on is not null and a.approved is not null
              and ${dayInPeriod(sql`a.paid_on`, period)} and ${orgFilter(f)}
        ) x group by m, kind`,
    ),
    rows<MoneyRow & { program: string; n: number }>(
      ctx.db,
      sql`select c.program_id as program, count(*)::int as n, ${money}
        from ${cohort} where ${inPeriod(sql`c.first_at`, period)} group by 1`,
    ),
    rows<{ id: string; title: string; budget: string; committed: string; open: boolean }>(
      ctx.db,
      sql`select g.id, g.title_ru as title, g.budget::text as budget,
          (g.opens_at < ${period.until}::timestamptz and g.closes_at >= ${period.from}::timestamptz) as open,
          (select coalesce(sum(a.approved), 0) from grant_applications a
            where a.program_id = g.id and a.state::text = any(${committed}))::text as committed
        from grant_programs g order by g.opens_at, g.title_ru, g.id`,
    ),
  ]);

  const moneyOf = (r: MoneyRow): Money => ({
    requested: BigInt(r.requested),
    approved: BigInt(r.approved),
    paid: BigInt(r.paid),
  });

  // the funnel: each stage adds up the groups (state, returned) that reached it
  const stages = STAGES.map((s) => {
    const sum = zero();
    let count = 0;
    let now = 0;
    for (const g of byState) {
      if (!s.reached(g.state, g.returned)) continue;
      count += num(g.n);
      add(sum, moneyOf(g));
    }
    for (const g of byState) if (s.now.includes(g.state)) now += num(g.n);
    return { key: s.key, of: s.of, count, now, money: sum };
  });
  const countOf = (key: string | null) => stages.find((s) => s.key === key)?.count ?? null;
  const draft = drafts[0] ?? { n: 0, requested: "0" };
  const funnelRows: AnalyticsTableInput["rows"] = [
    {
      stage: stageLabel(ctx, "grants", "draft"),
      count: num(draft.n),
      now: num(draft.n),
      percent: null,
      requested: rublesOf(draft.requested),
      approved: 0,
      paid: 0,
    },
    ...stages.map((s) => ({
      stage: stageLabel(ctx, "grants", s.key),
      count: s.count,
      now: s.now,
      percent: s.of ? percentOf(s.count, countOf(s.of)) : null,
      ...rubles(s.money),
    })),
  ];

  const perMonth = new Map(f.months.map((m) => [m, { submitted: 0, approved: 0n, paid: 0n }]));
  for (const r of submittedPerMonth) {
    const at = perMonth.get(r.m);
    if (at) at.submitted += num(r.n);
  }
  for (const r of moneyPerMonth) {
    const at = perMonth.get(r.m);
    if (at) at[r.kind] += BigInt(r.amount);
  }

  const cohortOf = new Map(byProgram.map((r) => [r.program, r]));
  const programRows = programs
    .filter((g) => g.open || cohortOf.has(g.id))
    .map((g) => {
      const r = cohortOf.get(g.id);
      return {
        program: g.title,
        applications: r ? num(r.n) : 0,
        ...rubles(r ? moneyOf(r) : zero()),
        budget: rublesOf(g.budget),
        budgetLeft: rublesOf(BigInt(g.budget) - BigInt(g.committed)),
      };
    });

  return [
    table(
      ctx,
      "grants",
      "funnel",
      [
        { key: "stage", kind: "text" },
        { key: "count", kind: "count" },
        { key: "now", kind: "count" },
        { key: "percent", kind: "percent" },
        ...MONEY,
      ],
      funnelRows,
      { kind: "bar", x: "stage", series: ["count"], stacked: false },
      ["region", "orgType"],
    ),
    table(
      ctx,
      "grants",
      "months",
      [
        { key: "month", kind: "month" },
        { key: "submitted", kind: "count" },
        { key: "approved", kind: "money" },
        { key: "paid", kind: "money" },
      ],
      [...perMonth].map(([month, m]) => ({
        month,
        submitted: m.submitted,
        approved: rublesOf(m.approved),
        paid: rublesOf(m.paid),
      })),
      { kind: "area", x: "month", series: ["approved", "paid"], stacked: false },
      ["region", "orgType"],
    ),
    table(
      ctx,
      "grants",
      "programs",
      [
        { key: "program", kind: "text" },
        { key: "applications", kind: "count" },
        ...MONEY,
        { key: "budget", kind: "money" },
        { key: "budgetLeft", kind: "money" },
      ],
      programRows,
      { kind: "bar", x: "program", series: ["requested", "approved", "paid"], stacked: false },
      ["region", "orgType"],
    ),
  ];
};
