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

export const SEARCHES_FLUSH_MS = 5000;

/**
 * The searches of one app server not yet written, per Moscow day, added to `navigator_searches_daily`
 * by one statement every SEARCHES_FLUSH_MS: a search (the public navigator's hottest request) costs no
 * statement and no wait on the day's single row. A server going away loses a few seconds of counts.
 */
class SearchCounter {
  #pending = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  constructor(readonly db: Executor) {}

  add(day: string) {
    this.#pending.set(day, (this.#pending.get(day) ?? 0) + 1);
    this.#timer ??= setTimeout(() => void this.flush(), SEARCHES_FLUSH_MS).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending.size) return;
    const batch = [...this.#pending]
      .map(([day, searches]) => ({ day, searches }))
      .sort((a, b) => (a.day < b.day ? -1 : 1));
    this.#pending.clear();
    try {
      await this.db
        .insert(navigatorSearchesDaily)
        .values(batch)
        .onConflictDoUpdate({
          target: navigatorSearchesDaily.day,
          set: { searches: sql`${navigatorSearchesDaily.searches} + excluded.searches` },
        });
    } catch {
      // A database going away (shutdown) loses a few seconds of counts: they are statistics.
    }
  }
}

const counters = new WeakMap<Executor, SearchCounter>();
const counterOf = (db: Executor) => {
  let c = counters.get(db);
  if (!c) {
    c = new SearchCounter(db);
    counters.set(db, c);
  }
  return c;
};

/** Adds one search to today's count (written within SEARCHES_FLUSH_MS). */
export function countNavigatorSearch(db: Executor): void {
  counterOf(db).add(moscowToday(now()));
}

/** Writes this server's waiting search counts now (tests; main.ts at shutdown). */
export const flushNavigatorSearches = (db: Executor) => counterOf(db).flush();
