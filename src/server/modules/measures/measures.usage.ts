// The navigator's use by day (Moscow time) for the operator's dashboards (the analytics module's
// navigator dashboard reads it): a measure's views and "go to apply" clicks, and the searches.
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { moscowToday, now } from "../../core/clock.js";
import type { Executor } from "../../core/db.js";
import type { SearchQuery } from "./measures.contract.js";
import { measureUsageDaily, navigatorSearchesDaily } from "./measures.schema.js";

/** Adds a view or a click to a measure's day (the row is made on the day's first). */
export async function countMeasureUsage(ex: Executor, measureId: string, what: "view" | "applyClick") {
  const views = what === "view" ? 1 : 0;
  const applyClicks = what === "applyClick" ? 1 : 0;
  await ex
    .insert(measureUsageDaily)
    .values({ measureId, day: moscowToday(now()), views, applyClicks })
    .onConflictDoUpdate({
      target: [measureUsageDaily.measureId, measureUsageDaily.day],
      set: {
        views: sql`${measureUsageDaily.views} + ${views}`,
        applyClicks: sql`${measureUsageDaily.applyClicks} + ${applyClicks}`,
      },
    });
}

/**
 * Whether a catalog request is a search: its first page asked with a text or a filter (a plain listing,
 * another page or a new sort of the same search is not one).
 */
export function isNavigatorSearch(q: z.infer<typeof SearchQuery>): boolean {
  if (q.page > 1) return false;
  return Boolean(
    q.q ||
      q.level?.length ||
      q.provider?.length ||
      q.form?.length ||
      q.openNow ||
      q.industry?.length ||
      q.tag?.length ||
      q.amountMin !== undefined ||
      q.amountMax !== undefined ||
      q.eligibility?.length,
  );
}

/** Adds one search to today's count. */
export async function countNavigatorSearch(ex: Executor) {
  await ex
    .insert(navigatorSearchesDaily)
    .values({ day: moscowToday(now()), searches: 1 })
    .onConflictDoUpdate({
      target: navigatorSearchesDaily.day,
      set: { searches: sql`${navigatorSearchesDaily.searches} + 1` },
    });
}
