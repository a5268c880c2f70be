import { defineModule } from "../../core/module.js";
import { ANALYTICS_RULES } from "./analytics.policy.js";
import { analyticsRoutes } from "./analytics.routes.js";

/** Analytics: the operator's dashboards (TEMPORARY STUB for the web: the analytics branch's replaces it). */
export const analyticsModule = defineModule({
  name: "analytics",
  routes: [analyticsRoutes],
  rules: ANALYTICS_RULES,
  abilities: ["operator.analytics.read"],
});
