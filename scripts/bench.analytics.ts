// The operator's dashboards for `npm run bench`: each dashboard's endpoint (default filters: the last 12
// months, no region or type) beside its heaviest statement as the service runs it (the same SQL builder).
// A dashboard runs its statements concurrently, so the endpoint's time is about its heaviest one's.
import type { SQL } from "drizzle-orm";
import type { AnalyticsFilters } from "../src/server/modules/analytics/analytics.contract.js";
import { membersStatement } from "../src/server/modules/analytics/analytics.members.js";
import { resolveFilters } from "../src/server/modules/analytics/analytics.service.js";
import { applicationsByMonthStatement } from "../src/server/modules/analytics/analytics.statusApplications.js";
import { DASHBOARDS, type Dashboard } from "../src/shared/analytics.js";

/**
 * Each dashboard's heaviest statement; a dashboard whose branch has not named one yet (null) is not
 * measured. members: the status changes of every organization over the period (one pass over the
 * organizations and their status events); statusApplications: the month's steps with the decision times'
 * percentiles (a window over the touched applications' history).
 */
export const HEAVIEST: Record<Dashboard, ((f: AnalyticsFilters) => SQL) | null> = {
  members: membersStatement,
  statusApplications: applicationsByMonthStatement,
  navigator: null,
  exchanges: null,
  challenges: null,
  grants: null,
  events: null,
};

/** The measured dashboards: name, URL (default filters) and the heaviest statement for the same filters. */
export function analyticsCases() {
  const f = resolveFilters({});
  return DASHBOARDS.flatMap((d) => {
    const statement = HEAVIEST[d];
    return statement
      ? [
          {
            name: `analytics ${d} (/api/analytics/${d}, operator)`,
            url: `/api/analytics/${d}`,
            statement: statement(f),
            note: `${f.from}…${f.to}`,
          },
        ]
      : [];
  });
}
