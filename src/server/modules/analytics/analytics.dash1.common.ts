// What the navigator, exchanges and events dashboards share: the period as bounds (Moscow time), a
// moment's month in SQL, the region/type filter on an organization, percentages, one row per month.
import { type SQL, sql } from "drizzle-orm";
import { clusterInstant } from "../../../shared/clock.js";
import { CLUSTER_TIME_ZONE } from "../../../shared/constants.js";
import type { AnalyticsFilters } from "./analytics.contract.js";
import { nextMonth } from "./analytics.query.js";

/** The period as days (`fromDay` included, `endDay` excluded) and as moments (Moscow midnights). */
export function periodBounds(f: AnalyticsFilters) {
  const fromDay = `${f.from}-01`;
  const endDay = `${nextMonth(f.to)}-01`;
  return {
    fromDay,
    endDay,
    start: clusterInstant(`${fromDay}T00:00`)!,
    end: clusterInstant(`${endDay}T00:00`)!,
  };
}

/** A moment's month in the cluster's time zone (YYYY-MM), in SQL. */
export const monthOf = (moment: SQL | SQL.Aliased | unknown) =>
  sql<string>`to_char(${moment} at time zone ${CLUSTER_TIME_ZONE}, 'YYYY-MM')`;

/** True in SQL when a moment lies in the period. */
export function inPeriod(moment: unknown, f: AnalyticsFilters): SQL {
  const p = periodBounds(f);
  return sql`(${moment} >= ${p.start.toISOString()}::timestamptz and ${moment} < ${p.end.toISOString()}::timestamptz)`;
}

/**
 * The region and type filters on an organization (its id in SQL): true when none is asked; when one is,
 * a row without an organization does not pass.
 */
export function orgMatches(organizationId: unknown, f: AnalyticsFilters): SQL {
  if (!f.region && !f.orgType) return sql`true`;
  const conditions = [sql`o.id = ${organizationId}`];
  if (f.region) conditions.push(sql`o.region_code = ${f.region}`);
  if (f.orgType) conditions.push(sql`o.type = ${f.orgType}`);
  return sql`exists (select 1 from organizations o where ${sql.join(conditions, sql` and `)})`;
}

/** `part` of `whole` in percent, one decimal; null when there is no whole. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** One record per month of the period (oldest first), the counts a query found, 0 where none. */
export function perMonth<K extends string>(
  f: AnalyticsFilters,
  keys: readonly K[],
  found: readonly ({ month: string } & Partial<Record<K, number | string | null>>)[],
): ({ month: string } & Record<K, number>)[] {
  const byMonth = new Map<string, Record<K, number>>();
  for (const m of f.months) byMonth.set(m, Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>);
  for (const r of found) {
    const row = byMonth.get(r.month);
    if (!row) continue;
    for (const k of keys) row[k] += Number(r[k] ?? 0);
  }
  return f.months.map((month) => ({ month, ...byMonth.get(month)! }));
}
