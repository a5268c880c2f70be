import { defineModule } from "../../core/module.js";
import { ANALYTICS_RULES } from "./analytics.policy.js";
import { analyticsRoutes } from "./analytics.routes.js";

/**
 * The operator's dashboards (src/shared/analytics.ts): each a list of generic tables (typed columns, rows,
 * a chart spec, the filters it honours) computed on request for a period of months in Moscow time, a
 * region and an organization type; every table exports to CSV (Excel-safe) and XLSX. One query file per
 * dashboard (analytics.<dashboard>.ts), registered in analytics.service.ts. Reads only: no tables of its own.
 */
export const analyticsModule = defineModule({
  name: "analytics",
  routes: [analyticsRoutes],
  rules: ANALYTICS_RULES,
  abilities: ["operator.analytics.read"],
});
