// A year of the navigator's use behind the operator's dashboards (demo and full scale alike: the demo
// catalog's measures only): daily views and "go to apply" clicks of each published measure — a few
// popular measures take most of them — and the day's searches, with fewer on weekends and the New Year
// holidays and a slow growth over the year. Deterministic: its own PRNG with a fixed seed (it draws
// nothing from the seed's faker, so it shifts no one's data); the days are Moscow days from the first
// of the month a year before today's to yesterday (the 12 full months before this one, and this one's).
import { clusterDate } from "../../shared/clock.js";
import type { measureUsageDaily, navigatorSearchesDaily } from "../modules/measures/measures.schema.js";

const DAY = 86_400_000;
const SEED = 20261207;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth's method; the means here are small). */
function poisson(rng: () => number, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** Sunday 0 … Saturday 6: people look for support on working days. */
const WEEKDAY = [0.3, 1.05, 1, 1, 1, 0.85, 0.35];

/** How busy a day is: the weekday, the New Year holidays, August, and growth from 0.75 to 1.1 over the year. */
function dayFactor(day: string, progress: number): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const md = day.slice(5);
  const season = md >= "01-01" && md <= "01-08" ? 0.25 : md.startsWith("08") ? 0.8 : 1;
  return WEEKDAY[weekday]! * season * (0.75 + 0.35 * progress);
}

type Measure = { id: string; status: string; publishedAt: Date | null };

/** The days from the first of the month a year before `now`'s to the day before it (Moscow), oldest first. */
function usageDays(now: number): string[] {
  const today = clusterDate(new Date(now));
  const first = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
  const days: string[] = [];
  for (let back = 1; ; back++) {
    const day = clusterDate(new Date(now - back * DAY));
    if (day < first) break;
    days.push(day);
  }
  return days.reverse();
}

/** The rows for the measures published before each day, over the days of `usageDays`. */
export function usageRows(list: readonly Measure[], now: number) {
  const rng = mulberry32(SEED);
  const published = list.filter((m) => m.status === "published" && m.publishedAt);
  // Popularity: a seeded order of the measures, the k-th drawing about 30/k^0.9 views on an ordinary day.
  const ranked = published
    .map((m) => ({ m, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .map(({ m }, k) => ({
      m,
      mean: 30 / (k + 1) ** 0.9,
      clickRate: 0.04 + 0.12 * rng(),
      since: clusterDate(m.publishedAt!),
    }));
  const usage: (typeof measureUsageDaily.$inferInsert)[] = [];
  const searches: (typeof navigatorSearchesDaily.$inferInsert)[] = [];
  const days = usageDays(now);
  for (const [n, day] of days.entries()) {
    const factor = dayFactor(day, n / days.length);
    searches.push({ day, searches: poisson(rng, 45 * factor) });
    for (const r of ranked) {
      if (r.since > day) continue;
      const views = poisson(rng, r.mean * factor);
      if (!views) continue;
      let applyClicks = 0;
      for (let v = 0; v < views; v++) if (rng() < r.clickRate) applyClicks++;
      usage.push({ measureId: r.m.id, day, views, applyClicks });
    }
  }
  return { usage, searches };
}
