// What the dashboards' queries share: the period's bounds as Moscow-time moments, a moment's month, the
// organization filters, and the tables' texts from the catalogue (src/locales/<locale>/server/analytics.json).
import { type SQL, sql } from "drizzle-orm";
import type { ColumnKind } from "../../../shared/analytics.js";
import { monthsBetween } from "../../../shared/analytics.js";
import { CLUSTER_TIME_ZONE } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import { t } from "../../core/i18n.js";
import type { AnalyticsFilters, AnalyticsTableInput } from "./analytics.contract.js";

/** The month after `m` (YYYY-MM). */
export function nextMonth(m: string): string {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`;
}

/** `n` months before `m` (YYYY-MM). */
export function monthsBefore(m: string, n: number): string {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  const k = y * 12 + (mm - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** The moment month `m` starts in Moscow time (a timestamptz). */
export const monthStart = (m: string): SQL =>
  sql`(${`${m}-01 00:00:00`}::timestamp at time zone ${CLUSTER_TIME_ZONE})`;

/** The period's first moment and the first moment after it. */
export const periodBounds = (f: AnalyticsFilters) => ({
  start: monthStart(f.from),
  end: monthStart(nextMonth(f.to)),
});

/** The Moscow-time month (YYYY-MM) of a timestamptz expression. */
export const monthOf = (at: SQL): SQL => sql`to_char(${at} at time zone ${CLUSTER_TIME_ZONE}, 'YYYY-MM')`;

/** The region and type filters on an organizations alias (`true` when neither is asked). */
export function orgFilters(f: AnalyticsFilters, alias: string): SQL {
  const o = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.region) parts.push(sql`${o}.region_code = ${f.region}`);
  if (f.orgType) parts.push(sql`${o}.type = ${f.orgType}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** Whether a region or type filter is asked (a query may then skip joining the organizations). */
export const filtersOrgs = (f: AnalyticsFilters) => Boolean(f.region || f.orgType);

/** The period's months, each with `value(month)`: a series with a row for every month, zeros included. */
export const everyMonth = <T>(f: AnalyticsFilters, value: (month: string) => T) =>
  monthsBetween(f.from, f.to).map(value);

/**
 * A table with its texts from the catalogue: `analytics.<dashboard>.<table>.title` / `.description` and
 * a label per column `analytics.<dashboard>.<table>.<column>`.
 */
export function table(
  ctx: Ctx,
  dashboard: string,
  spec: Omit<AnalyticsTableInput, "title" | "description" | "columns"> & {
    columns: readonly (readonly [key: string, kind: ColumnKind])[];
  },
): AnalyticsTableInput {
  const prefix = `analytics.${dashboard}.${spec.key}`;
  return {
    ...spec,
    title: t(ctx.locale, `${prefix}.title`),
    description: t(ctx.locale, `${prefix}.description`),
    columns: spec.columns.map(([key, kind]) => ({ key, kind, label: t(ctx.locale, `${prefix}.${key}`) })),
  };
}
