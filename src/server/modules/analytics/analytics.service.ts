// The dashboards: the filters resolved (the default period: the last 12 months, the current one included,
// Moscow time) and each dashboard's query, one file per dashboard, run for them.
import type { z } from "zod";
import {
  ANALYTICS_DEFAULT_MONTHS,
  ANALYTICS_MAX_MONTHS,
  type Dashboard,
  monthsBetween,
} from "../../../shared/analytics.js";
import { moscowToday, now } from "../../core/clock.js";
import type { Ctx } from "../../core/context.js";
import { badRequest } from "../../core/errors.js";
import { challengesDashboard } from "./analytics.challenges.js";
import type {
  AnalyticsDashboard,
  AnalyticsFilters,
  AnalyticsQuery,
  DashboardQuery,
} from "./analytics.contract.js";
import { eventsDashboard } from "./analytics.events.js";
import { exchangesDashboard } from "./analytics.exchanges.js";
import { grantsDashboard } from "./analytics.grants.js";
import { membersDashboard } from "./analytics.members.js";
import { navigatorDashboard } from "./analytics.navigator.js";
import { monthsBefore } from "./analytics.query.js";
import { statusApplicationsDashboard } from "./analytics.statusApplications.js";

/** Every dashboard's query (analytics.<dashboard>.ts). */
export const DASHBOARD_QUERIES: Record<Dashboard, DashboardQuery> = {
  members: membersDashboard,
  statusApplications: statusApplicationsDashboard,
  navigator: navigatorDashboard,
  exchanges: exchangesDashboard,
  challenges: challengesDashboard,
  grants: grantsDashboard,
  events: eventsDashboard,
};

/**
 * The period asked, the missing end filled in: none → the last 12 months up to the current one (Moscow
 * time); only `to` → the 12 months up to it; only `from` → from it to the current month. The result is
 * checked again (order, at most 36 months): a lone `from` far back is 400, as the pair would be.
 */
export function resolveFilters(
  q: z.infer<typeof AnalyticsQuery>,
  today = moscowToday(now()),
): AnalyticsFilters {
  const current = today.slice(0, 7);
  const to = q.to ?? current;
  const from = q.from ?? monthsBefore(to, ANALYTICS_DEFAULT_MONTHS - 1);
  const months = monthsBetween(from, to);
  if (months.length === 0) throw badRequest([{ field: "to", key: "field.periodOrder" }]);
  if (months.length > ANALYTICS_MAX_MONTHS) throw badRequest([{ field: "from", key: "field.periodTooLong" }]);
  return { from, to, months, region: q.region, orgType: q.orgType };
}

/** One dashboard's tables for the filters, texts in the reader's language. */
export async function dashboard(
  ctx: Ctx,
  name: Dashboard,
  q: z.infer<typeof AnalyticsQuery>,
): Promise<z.input<typeof AnalyticsDashboard>> {
  const f = resolveFilters(q);
  const tables = await DASHBOARD_QUERIES[name](ctx, f);
  return { dashboard: name, from: f.from, to: f.to, computedAt: now().toISOString(), tables };
}
