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
import { cachedJson, type GenerationName, generations } from "../../core/search.js";
import { challengesDashboard } from "./analytics.challenges.js";
import {
  AnalyticsDashboard,
  type AnalyticsFilters,
  type AnalyticsQuery,
  type DashboardQuery,
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

/**
 * The generations (core/search.ts) a dashboard's answer depends on: its answer is kept in memory per
 * generation of what it reads, filters, language and hour (a wait "now" moves with the clock), so a
 * committed write shows in the next answer on every app server and between writes an answer costs one
 * primary-key lookup. `directory` is bumped by every write to organizations (creation, each status
 * change) and memberships; `status` by every write to status_applications (migration 0053). A dashboard
 * without its list (null) is computed on every request.
 */
export const DASHBOARD_READS: Record<Dashboard, readonly GenerationName[] | null> = {
  members: ["directory"],
  statusApplications: ["directory", "status"],
  navigator: null,
  exchanges: null,
  challenges: null,
  grants: null,
  events: null,
};

async function compute(
  ctx: Ctx,
  name: Dashboard,
  f: AnalyticsFilters,
): Promise<z.input<typeof AnalyticsDashboard>> {
  const tables = await DASHBOARD_QUERIES[name](ctx, f);
  return { dashboard: name, from: f.from, to: f.to, computedAt: now().toISOString(), tables };
}

/** One dashboard's tables for the filters, texts in the reader's language, as the route's JSON. */
export async function dashboard(
  ctx: Ctx,
  name: Dashboard,
  q: z.infer<typeof AnalyticsQuery>,
): Promise<string> {
  const f = resolveFilters(q);
  const reads = DASHBOARD_READS[name];
  if (!reads) return JSON.stringify(AnalyticsDashboard.parse(await compute(ctx, name, f)));
  const gens = await generations(ctx.db, reads);
  const key = [
    "analytics",
    name,
    ctx.locale,
    f.from,
    f.to,
    f.region ?? "",
    f.orgType ?? "",
    now().toISOString().slice(0, 13),
    ...gens,
  ].join(":");
  return cachedJson(
    ctx.db,
    "directory",
    key,
    AnalyticsDashboard,
    () => compute(ctx, name, f),
    Promise.resolve(gens[0]!),
  );
}
