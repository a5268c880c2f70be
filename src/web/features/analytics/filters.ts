// The dashboards' filters as the page keeps them in the URL (?from=YYYY-MM&to=YYYY-MM&region=77&orgType=…),
// their checks (the server's: from ≤ to, at most 36 months) and the export links built from them.
import {
  ANALYTICS_DEFAULT_MONTHS,
  ANALYTICS_MAX_MONTHS,
  type AnalyticsFilter,
  DASHBOARDS,
  type Dashboard,
  type ExportFormat,
  isMonth,
  monthsBetween,
} from "../../../shared/analytics";
import { CLUSTER_TIME_ZONE } from "../../../shared/constants";
import { ORG_TYPES, type OrgType } from "../../../shared/organizations";
import { isRegionCode } from "../../../shared/regions";

export const FILTER_KEYS = ["from", "to", "region", "orgType"] as const;
export type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/** How many months back the period's selects reach (the longest period fits in them with room to move). */
export const MONTHS_OFFERED = 60;

export const isDashboard = (v: string | undefined): v is Dashboard =>
  (DASHBOARDS as readonly string[]).includes(v ?? "");
export const isOrgType = (v: string): v is OrgType => (ORG_TYPES as readonly string[]).includes(v);

/** The month `n` months before `month` (YYYY-MM). */
export function monthBefore(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const MONTH_IN_CLUSTER = new Intl.DateTimeFormat("en-CA", {
  timeZone: CLUSTER_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
});
/** The current month in the cluster's time (Moscow), YYYY-MM. */
export const currentMonth = (at = new Date()) => MONTH_IN_CLUSTER.format(at).slice(0, 7);

/** The default period: the last 12 months, the current one included (as the server fills it in). */
export function defaultPeriod(at = new Date()): { from: string; to: string } {
  const to = currentMonth(at);
  return { from: monthBefore(to, ANALYTICS_DEFAULT_MONTHS - 1), to };
}

/** The months the selects offer, newest first. */
export function offeredMonths(at = new Date()): string[] {
  const to = currentMonth(at);
  return monthsBetween(monthBefore(to, MONTHS_OFFERED - 1), to).reverse();
}

export const validFilters = {
  from: isMonth,
  to: isMonth,
  region: isRegionCode,
  orgType: isOrgType,
};

/** What is wrong with a period, as a key of analytics.filters (null when the server will take it). */
export function periodProblem(from: string, to: string): "periodOrder" | "periodTooLong" | null {
  const n = monthsBetween(from, to).length;
  if (n === 0) return "periodOrder";
  if (n > ANALYTICS_MAX_MONTHS) return "periodTooLong";
  return null;
}

/** The query of the dashboard and its exports: the period always, region and type when chosen. */
export function filterQuery(f: FilterValues): Record<string, string> {
  const q: Record<string, string> = { from: f.from, to: f.to };
  if (f.region) q.region = f.region;
  if (f.orgType) q.orgType = f.orgType;
  return q;
}

/** The address of a download: one table (CSV or XLSX), or every table of the dashboard (XLSX, no table). */
export function exportUrl(
  dashboard: Dashboard,
  format: ExportFormat,
  filters: FilterValues,
  table?: string,
): string {
  const q = new URLSearchParams({ format, ...(table && { table }), ...filterQuery(filters) });
  return `/api/analytics/${dashboard}/export?${q}`;
}

/** The filters the user set that a table does not honour (the page says so above the table). */
export function unappliedFilters(f: FilterValues, honoured: readonly AnalyticsFilter[]): AnalyticsFilter[] {
  return (["region", "orgType"] as const).filter((k) => f[k] !== "" && !honoured.includes(k));
}
