// The exchanges dashboard: per month and listing kind, the listings published, the responses received
// and the deals made; the period's totals per kind. Region/type filter: the listing's organization.
import { sql } from "drizzle-orm";
import { RESPONSE_OF_KIND, type ResponseTypeName } from "../../../shared/listingResponses.js";
import { LISTING_KIND_NAMES } from "../../../shared/listings.js";
import { rows } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { AnalyticsTableInput, DashboardQuery } from "./analytics.contract.js";
import { inPeriod, monthOf, orgMatches, percent, perMonth } from "./analytics.dash1.common.js";

/**
 * The state in which a response of each type is a deal (reached once per response): an inquiry taken up,
 * a quote accepted, a technology agreement, a premises viewing held.
 */
export const DEAL_STATE: Record<ResponseTypeName, string> = {
  inquiry: "accepted",
  quote: "accepted",
  interest: "agreed",
  viewing: "done",
};

const COUNTS = ["published", "responses", "deals"] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

export const exchangesDashboard: DashboardQuery = async (ctx, f) => {
  const l = (key: string) => t(ctx.locale, `analyticsDash1.${key}`);
  const kindLabel = (kind: string) => l(`kind.${kind}`);
  // "kind:state" of each kind's deal state, e.g. "rfq:accepted".
  const deals = LISTING_KIND_NAMES.map((k) => `${k}:${DEAL_STATE[RESPONSE_OF_KIND[k]!]!}`);
  const found = await rows<{ month: string; kind: string } & Counts>(
    ctx.db,
    sql`select month, kind, sum(published)::int as published, sum(responses)::int as responses, sum(deals)::int as deals
        from (
          select ${monthOf(sql`l.published_at`)} as month, l.kind::text as kind, 1 as published, 0 as responses, 0 as deals
          from listings l
          where l.published_at is not null and ${inPeriod(sql`l.published_at`, f)} and ${orgMatches(sql`l.organization_id`, f)}
          union all
          select ${monthOf(sql`r.created_at`)}, l.kind::text, 0, 1, 0
          from listing_responses r join listings l on l.id = r.listing_id
          where ${inPeriod(sql`r.created_at`, f)} and ${orgMatches(sql`l.organization_id`, f)}
          union all
          select ${monthOf(sql`e.created_at`)}, l.kind::text, 0, 0, 1
          from listing_response_events e
          join listing_responses r on r.id = e.response_id
          join listings l on l.id = r.listing_id
          where ${inPeriod(sql`e.created_at`, f)}
            and (l.kind::text || ':' || e.to_state) in (${sql.join(
              deals.map((d) => sql`${d}`),
              sql`, `,
            )})
            and ${orgMatches(sql`l.organization_id`, f)}
        ) x
        group by month, kind`,
  );
  const byMonth = perMonth(f, COUNTS, found);
  const byMonthKind = f.months.flatMap((month) =>
    LISTING_KIND_NAMES.map((kind) => {
      const r = found.find((x) => x.month === month && x.kind === kind);
      return {
        month,
        kind: kindLabel(kind),
        published: r?.published ?? 0,
        responses: r?.responses ?? 0,
        deals: r?.deals ?? 0,
      };
    }),
  );
  const byKind = LISTING_KIND_NAMES.map((kind) => {
    const of = found.filter((x) => x.kind === kind);
    const sum = (k: (typeof COUNTS)[number]) => of.reduce((s, x) => s + x[k], 0);
    const responses = sum("responses");
    const dealsMade = sum("deals");
    return {
      kind: kindLabel(kind),
      published: sum("published"),
      responses,
      deals: dealsMade,
      dealRate: percent(dealsMade, responses),
    };
  });
  const countColumns: AnalyticsTableInput["columns"] = [
    { key: "published", kind: "count", label: l("exchanges.published") },
    { key: "responses", kind: "count", label: l("exchanges.responses") },
    { key: "deals", kind: "count", label: l("exchanges.deals") },
  ];
  const month = { key: "month", kind: "month", label: l("column.month") } as const;
  const kind = { key: "kind", kind: "text", label: l("exchanges.kind") } as const;
  return [
    {
      key: "exchangesMonthly",
      title: l("exchanges.monthly.title"),
      description: l("exchanges.monthly.description"),
      columns: [month, ...countColumns],
      rows: byMonth,
      chart: { kind: "line", x: "month", series: [...COUNTS], stacked: false },
      filters: ["region", "orgType"],
    },
    {
      key: "exchangesMonthKind",
      title: l("exchanges.monthKind.title"),
      description: l("exchanges.monthKind.description"),
      columns: [month, kind, ...countColumns],
      rows: byMonthKind,
      chart: null,
      filters: ["region", "orgType"],
    },
    {
      key: "exchangesKinds",
      title: l("exchanges.kinds.title"),
      description: l("exchanges.kinds.description"),
      columns: [kind, ...countColumns, { key: "dealRate", kind: "percent", label: l("exchanges.dealRate") }],
      rows: byKind,
      chart: { kind: "bar", x: "kind", series: [...COUNTS], stacked: false },
      filters: ["region", "orgType"],
    },
  ];
};
