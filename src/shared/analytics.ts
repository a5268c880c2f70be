// The operator's dashboards (the analytics module): their names, the kinds of their tables' columns and
// the filters, written once for the server (queries, exports) and the web (charts, tables, filter form).

/** The dashboards, in the order the desk shows them. */
export const DASHBOARDS = [
  "members",
  "statusApplications",
  "navigator",
  "exchanges",
  "challenges",
  "grants",
  "events",
] as const;
export type Dashboard = (typeof DASHBOARDS)[number];

/**
 * What a column holds, which decides how it is shown and exported: `month` YYYY-MM (Moscow time),
 * `day` YYYY-MM-DD, `text`, `count` an integer, `money` whole rubles, `days` a duration in days (one
 * decimal), `percent` 0–100 (one decimal). A null cell is "no value" (e.g. no decision to measure).
 */
export const COLUMN_KINDS = ["month", "day", "text", "count", "money", "days", "percent"] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** How a table is drawn: a line or an area over months, bars per category (a funnel is bars). */
export const CHART_KINDS = ["line", "area", "bar"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The filters besides the period; a table names those that apply to it (the web says when one does not). */
export const ANALYTICS_FILTERS = ["region", "orgType"] as const;
export type AnalyticsFilter = (typeof ANALYTICS_FILTERS)[number];

/** The longest period a dashboard covers, in months (a bound on every query's work). */
export const ANALYTICS_MAX_MONTHS = 36;
/** The period when none is asked: the last 12 months, the current one included. */
export const ANALYTICS_DEFAULT_MONTHS = 12;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** YYYY-MM of the years 1900–2099 (a further year is no period anyone reports on, and the clock cannot place it). */
const MONTH = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])$/;
export const isMonth = (m: string) => MONTH.test(m);

/** The months from `from` to `to` inclusive (YYYY-MM), oldest first; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return [];
  const out: string[] = [];
  let y = Number(a[1]);
  let m = Number(a[2]);
  const endY = Number(b[1]);
  const endM = Number(b[2]);
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
