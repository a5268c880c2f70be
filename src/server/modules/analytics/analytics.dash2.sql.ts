// What the challenges' and the grants' dashboards (analytics.challenges.ts, analytics.grants.ts) share:
// the period's bounds in the cluster's time (Moscow), a row's month, the region / type filter on an
// organization, the percent of a stage and the labels of a table from the `analyticsDash2.*` texts.
import { type SQL, sql } from "drizzle-orm";
import { clusterInstant } from "../../../shared/clock.js";
import { CLUSTER_TIME_ZONE } from "../../../shared/constants.js";
import type { Ctx } from "../../core/context.js";
import { t } from "../../core/i18n.js";
import type { AnalyticsFilters, AnalyticsTableInput } from "./analytics.contract.js";
import { nextMonth } from "./analytics.query.js";

/**
 * The period as SQL bounds: `from`/`until` the moments (the first of `from` and of the month after `to`,
 * 00:00 Moscow time) for timestamps, `fromDay`/`untilDay` the days for dates; `until` is excluded.
 */
export function periodOf(f: AnalyticsFilters) {
  const next = nextMonth(f.to);
  return {
    from: clusterInstant(`${f.from}-01T00:00`)!.toISOString(),
    until: clusterInstant(`${next}-01T00:00`)!.toISOString(),
    fromDay: `${f.from}-01`,
    untilDay: `${next}-01`,
  };
}

/** Whether a moment lies in the period. */
export const inPeriod = (column: SQL, p: ReturnType<typeof periodOf>) =>
  sql`(${column} >= ${p.from}::timestamptz and ${column} < ${p.until}::timestamptz)`;

/** Whether a day lies in the period. */
export const dayInPeriod = (column: SQL, p: ReturnType<typeof periodOf>) =>
  sql`(${column} >= ${p.fromDay}::date and ${column} < ${p.untilDay}::date)`;

/** The month (YYYY-MM, Moscow time) of a moment. */
export const monthOf = (column: SQL) => sql`to_char(${column} at time zone ${CLUSTER_TIME_ZONE}, 'YYYY-MM')`;

/** The month (YYYY-MM) of a day. */
export const monthOfDay = (column: SQL) => sql`to_char(${column}, 'YYYY-MM')`;

/**
 * The region and type filter on the organization aliased `o` (true when neither is asked). An absent
 * organization (a team's submission: a left join) passes only when no filter is asked.
 */
export function orgFilter(f: AnalyticsFilters, o = sql`o`): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.region) parts.push(sql`${o}.region_code = ${f.region}`);
  if (f.orgType) parts.push(sql`${o}.type::text = ${f.orgType}`);
  return sql.join(parts, sql` and `);
}

/** A count as a percent of another (one decimal), null when there is nothing to compare with. */
export const percentOf = (n: number, of: number | null): number | null =>
  of ? Math.round((n * 1000) / of) / 10 : null;

/**
 * Kopecks (a bigint sum as SQL returns it: a string or a number) as whole rubles, half a ruble up, in
 * exact integer arithmetic (the grants' one rule, `kopecksToRubles`, on a value of any size).
 */
export function rublesOf(kopecks: string | number | bigint | null | undefined): number {
  const k = BigInt(kopecks ?? 0);
  const sign = k < 0n ? -1n : 1n;
  const abs = k * sign;
  return Number(sign * ((abs + 50n) / 100n));
}

/** A number SQL returned as a string (bigint) or a number. */
export const num = (v: string | number | null | undefined) => Number(v ?? 0);

type Column = { key: string; kind: AnalyticsTableInput["columns"][number]["kind"] };

/**
 * A table with its title, description and column labels from `analyticsDash2.<dashboard>.<table>.*`
 * (`title`, `description`, `col.<key>`) in the request's language.
 */
export function table(
  ctx: Ctx,
  dashboard: "challenges" | "grants",
  key: string,
  columns: Column[],
  rows: AnalyticsTableInput["rows"],
  chart: AnalyticsTableInput["chart"],
  filters: AnalyticsTableInput["filters"],
): AnalyticsTableInput {
  const k = `analyticsDash2.${dashboard}.${key}`;
  return {
    key,
    title: t(ctx.locale, `${k}.title`),
    description: t(ctx.locale, `${k}.description`),
    columns: columns.map((c) => ({ ...c, label: t(ctx.locale, `${k}.col.${c.key}`) })),
    rows,
    chart,
    filters,
  };
}

/** The label of a funnel's stage (`analyticsDash2.<dashboard>.stage.<stage>`). */
export const stageLabel = (ctx: Ctx, dashboard: "challenges" | "grants", stage: string) =>
  t(ctx.locale, `analyticsDash2.${dashboard}.stage.${stage}`);
