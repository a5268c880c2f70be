// The navigator dashboard: the support measures catalog's use by month (searches, measure views, clicks
// through to apply) and the period's most viewed measures. Read from the measures module's daily usage
// (measure_usage_daily, navigator_searches_daily), which knows no organization: no region/type filter.
import { sql } from "drizzle-orm";
import { rows } from "../../core/db.js";
import { t } from "../../core/i18n.js";
import type { DashboardQuery } from "./analytics.contract.js";
import { percent, periodBounds, perMonth } from "./analytics.dash1.common.js";

const TOP = 50;

export const navigatorDashboard: DashboardQuery = async (ctx, f) => {
  const l = (key: string) => t(ctx.locale, `analyticsDash1.${key}`);
  const { fromDay, endDay } = periodBounds(f);
  const [usage, searches, top] = await Promise.all([
    rows<{ month: string; views: number; applyClicks: number }>(
      ctx.db,
      sql`select to_char(day, 'YYYY-MM') as month, sum(views)::int as "views", sum(apply_clicks)::int as "applyClicks"
          from measure_usage_daily where day >= ${fromDay}::date and day < ${endDay}::date group by 1`,
    ),
    rows<{ month: string; searches: number }>(
      ctx.db,
      sql`select to_char(day, 'YYYY-MM') as month, sum(searches)::int as searches
          from navigator_searches_daily where day >= ${fromDay}::date and day < ${endDay}::date group by 1`,
    ),
    rows<{ titleRu: string; titleEn: string | null; views: number; applyClicks: number }>(
      ctx.db,
      sql`select m.title_ru as "titleRu", m.title_en as "titleEn", u.views, u.apply_clicks as "applyClicks"
          from (select measure_id, sum(views)::int as views, sum(apply_clicks)::int as apply_clicks
                from measure_usage_daily where day >= ${fromDay}::date and day < ${endDay}::date
                group by measure_id) u
          join measures m on m.id = u.measure_id
          order by u.views desc, u.apply_clicks desc, m.title_ru
          limit ${TOP}`,
    ),
  ]);
  const monthly = perMonth(f, ["searches", "views", "applyClicks"] as const, [...usage, ...searches]);
  return [
    {
      key: "navigatorMonthly",
      title: l("navigator.monthly.title"),
      description: l("navigator.monthly.description"),
      columns: [
        { key: "month", kind: "month", label: l("column.month") },
        { key: "searches", kind: "count", label: l("navigator.searches") },
        { key: "views", kind: "count", label: l("navigator.views") },
        { key: "applyClicks", kind: "count", label: l("navigator.applyClicks") },
      ],
      rows: monthly,
      chart: { kind: "line", x: "month", series: ["searches", "views", "applyClicks"], stacked: false },
      filters: [],
    },
    {
      key: "navigatorMeasures",
      title: l("navigator.measures.title"),
      description: l("navigator.measures.description"),
      columns: [
        { key: "measure", kind: "text", label: l("navigator.measure") },
        { key: "views", kind: "count", label: l("navigator.views") },
        { key: "applyClicks", kind: "count", label: l("navigator.applyClicks") },
        { key: "ctr", kind: "percent", label: l("navigator.ctr") },
      ],
      rows: top.map((r) => ({
        measure: ctx.locale === "en" && r.titleEn ? r.titleEn : r.titleRu,
        views: r.views,
        applyClicks: r.applyClicks,
        ctr: percent(r.applyClicks, r.views),
      })),
      chart: null,
      filters: [],
    },
  ];
};
