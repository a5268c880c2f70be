import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import {
  AnalyticsDashboard,
  AnalyticsQuery,
  DashboardParams,
  ExportFiltersQuery,
} from "./analytics.contract.js";
import { exportDashboard } from "./analytics.export.js";
import * as svc from "./analytics.service.js";

const read = "operator.analytics.read";

/** The operators' dashboards and their exports (staff only: 401 to guests, 403 to members). */
export const analyticsRoutes = routes(["analytics"], (r) => {
  r.get("/analytics/:dashboard", {
    action: read,
    summary:
      "A dashboard's tables for a period of months (Moscow time; default the last 12, at most 36), a region and an organization type",
    params: DashboardParams,
    query: AnalyticsQuery,
    response: AnalyticsDashboard,
    noStore: true,
    handler: async (ctx, { params, query }, reply) =>
      sendJson(reply, await svc.dashboard(ctx, params.dashboard, query)),
  });

  r.get("/analytics/:dashboard/export", {
    action: read,
    summary:
      "A dashboard's table as CSV (UTF-8 with BOM, ';'-separated, formulas defused; `table` required) or XLSX (one table, or a sheet per table), same filters",
    params: DashboardParams,
    query: ExportFiltersQuery,
    handler: async (ctx, { params, query }, reply) => {
      const out = await exportDashboard(ctx, params.dashboard, query);
      return reply
        .type(out.type)
        .header("content-disposition", `attachment; filename="${out.name}"`)
        .header("cache-control", "no-store")
        .send(out.body);
    },
  });
});
