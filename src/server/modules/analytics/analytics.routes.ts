// TEMPORARY STUB for the web (drop at merge in favour of the analytics branch's routes): the two routes
// with their real contract, answering an empty dashboard, so `npm run openapi` gives the web its types.
import { monthsBetween } from "../../../shared/analytics.js";
import { notFound } from "../../core/errors.js";
import { routes } from "../../core/route.js";
import { AnalyticsDashboard, AnalyticsQuery, DashboardParams, ExportQuery } from "./analytics.contract.js";

const read = "operator.analytics.read";

const lastMonths = (n: number) => {
  const now = new Date();
  const to = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n + 1, 1));
  const from = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
  return monthsBetween(from, to);
};

export const analyticsRoutes = routes(["analytics"], (r) => {
  r.get("/analytics/:dashboard", {
    action: read,
    summary: "A dashboard's tables for the period (months), region and organization type (staff)",
    params: DashboardParams,
    query: AnalyticsQuery,
    response: AnalyticsDashboard,
    noStore: true,
    handler: (_ctx, { params, query }) => {
      const months = lastMonths(12);
      return {
        dashboard: params.dashboard,
        from: query.from ?? months[0]!,
        to: query.to ?? months.at(-1)!,
        computedAt: new Date().toISOString(),
        tables: [],
      };
    },
  });

  r.get("/analytics/:dashboard/export", {
    action: read,
    summary: "A dashboard's table as CSV (UTF-8 with BOM, ';'), or its tables as XLSX (staff)",
    params: DashboardParams,
    query: AnalyticsQuery.safeExtend(ExportQuery.shape),
    handler: () => {
      throw notFound();
    },
  });
});
