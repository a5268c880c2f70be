// The analytics module's requests and answers: one generic shape for every dashboard — a list of tables,
// each with typed columns (src/shared/analytics.ts), its rows and how it is charted — so the web draws any
// of them with one component and every table exports the same way (CSV for Excel, XLSX).
import { z } from "zod";
import {
  ANALYTICS_FILTERS,
  ANALYTICS_MAX_MONTHS,
  CHART_KINDS,
  COLUMN_KINDS,
  DASHBOARDS,
  EXPORT_FORMATS,
  isMonth,
  monthsBetween,
} from "../../../shared/analytics.js";
import { ORG_TYPES } from "../../../shared/organizations.js";
import type { Ctx } from "../../core/context.js";
import { RegionCode } from "../organizations/organizations.contract.js";

const Month = z.string().refine(isMonth, "field.month");

const FilterShape = {
  from: Month.optional(),
  to: Month.optional(),
  region: RegionCode.optional(),
  orgType: z.enum(ORG_TYPES).optional(),
};

/** The period asked is in order and at most ANALYTICS_MAX_MONTHS long (checked when both ends are given). */
function checkPeriod(q: { from?: string; to?: string }, c: z.RefinementCtx) {
  if (!q.from || !q.to) return;
  const n = monthsBetween(q.from, q.to).length;
  if (n === 0) c.addIssue({ code: "custom", path: ["to"], message: "field.periodOrder" });
  else if (n > ANALYTICS_MAX_MONTHS)
    c.addIssue({ code: "custom", path: ["from"], message: "field.periodTooLong" });
}

/** The filters of every dashboard: the period in months (Moscow time; default the last 12), region, type. */
export const AnalyticsQuery = z.object(FilterShape).superRefine(checkPeriod);

/** The filters as the service uses them: the period resolved (both months), the rest as asked. */
export type AnalyticsFilters = {
  from: string;
  to: string;
  /** The period's months, oldest first (from…to). */
  months: string[];
  region?: string;
  orgType?: (typeof ORG_TYPES)[number];
};

export const DashboardParams = z.object({ dashboard: z.enum(DASHBOARDS) });

export const AnalyticsColumn = z
  .object({
    key: z.string(),
    kind: z.enum(COLUMN_KINDS),
    /** The column's heading in the request's language (the export's heading too). */
    label: z.string(),
  })
  .meta({ id: "AnalyticsColumn" });

export const AnalyticsCell = z.union([z.string(), z.number(), z.null()]);

export const AnalyticsTable = z
  .object({
    /** Unique within its dashboard; names the table in the export's URL. */
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    /** Title and a one-line explanation of what is counted, in the request's language. */
    title: z.string(),
    description: z.string(),
    columns: z.array(AnalyticsColumn),
    /** One record per row, keyed by the columns' keys. */
    rows: z.array(z.record(z.string(), AnalyticsCell)),
    /** How the web draws it: x is a column key, series are column keys (counts, money, days); null = table only. */
    chart: z
      .object({
        kind: z.enum(CHART_KINDS),
        x: z.string(),
        series: z.array(z.string()),
        stacked: z.boolean(),
      })
      .nullable(),
    /** The filters besides the period that this table honours (the web says when one is not). */
    filters: z.array(z.enum(ANALYTICS_FILTERS)),
  })
  .meta({ id: "AnalyticsTable" });
export type AnalyticsTableInput = z.input<typeof AnalyticsTable>;

export const AnalyticsDashboard = z
  .object({
    dashboard: z.enum(DASHBOARDS),
    /** The period actually covered (the default filled in). */
    from: Month,
    to: Month,
    computedAt: z.string(),
    tables: z.array(AnalyticsTable),
  })
  .meta({ id: "AnalyticsDashboard" });

const ExportShape = {
  format: z.enum(EXPORT_FORMATS),
  /** One table (CSV needs one); XLSX without it has a sheet per table. */
  table: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9]*$/)
    .max(60)
    .optional(),
};
export const ExportQuery = z.object(ExportShape);

/** An export's query: the dashboard's filters and the format and table. */
export const ExportFiltersQuery = z.object({ ...FilterShape, ...ExportShape }).superRefine(checkPeriod);

/**
 * One dashboard's query: its tables for the filters, labels in `ctx.locale`. Each lives in its own file
 * (`analytics.<dashboard>.ts`) and is registered in analytics.service.ts's `DASHBOARD_QUERIES`.
 */
export type DashboardQuery = (ctx: Ctx, f: AnalyticsFilters) => Promise<AnalyticsTableInput[]>;
