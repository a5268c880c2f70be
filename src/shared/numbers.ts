// The cluster in numbers («Кластер в цифрах»): the vocabulary the server, its tests and the web share.
//
// Every figure is an aggregate of confirmed, public records (the numbers module's service says which
// rows count). Monthly series cover the last NUMBERS_MONTHS calendar months of the cluster's time zone,
// the current one included; a series is a list of values, one per month of `months`.
//
// Adding a figure: a block in the response's totals, and a key here with its unit — the web draws a chart and a table for every series
// the answer holds, titled by `numbers.series.<key>` (src/locales/<l>/numbers.json).

/** Months of every series: the last two years. */
export const NUMBERS_MONTHS = 24;

/** Regions named one by one in the organizations' breakdown; the others are summed as "other". */
export const NUMBERS_TOP_REGIONS = 8;

export const SERIES_UNITS = ["count", "rub"] as const;
export type SeriesUnit = (typeof SERIES_UNITS)[number];

/**
 * The monthly series, in the order the page shows them:
 * - `participants`: organizations that became cluster participants that month (and still are);
 * - `participantsTotal`: cluster participants at the month's end (of those that still are);
 * - `projects`, `jointProjects`: projects registered that month (joint: with an accepted partner now);
 * - `investment`, `support`: confirmed money received that month, rubles;
 * - `grantsApproved`: cost-compensation grants the commission approved that month, rubles;
 * - `grantsPaid`: grants paid that month, rubles (a paid grant is also city support on its project);
 * - `pilotsCompleted`: pilots completed that month;
 * - `challengesPublished`: challenges opened for submissions that month (still public).
 */
export const NUMBER_SERIES = {
  participants: "count",
  participantsTotal: "count",
  projects: "count",
  jointProjects: "count",
  investment: "rub",
  support: "rub",
  grantsApproved: "rub",
  grantsPaid: "rub",
  pilotsCompleted: "count",
  challengesPublished: "count",
} as const satisfies Record<string, SeriesUnit>;
export type SeriesKey = keyof typeof NUMBER_SERIES;
export const SERIES_KEYS = Object.keys(NUMBER_SERIES) as SeriesKey[];

/** Series of a level at each month's end (the others count what happened within the month). */
export const LEVEL_SERIES: readonly SeriesKey[] = ["participantsTotal"];

/** The months (YYYY-MM) of the series ending with the month of `today` (YYYY-MM-DD), oldest first. */
export function numberMonths(today: string, count = NUMBERS_MONTHS): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const m = year * 12 + month - i;
    out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** Values per month (YYYY-MM → value) laid on `months`, a missing month 0. */
export const onMonths = (months: readonly string[], byMonth: ReadonlyMap<string, number>): number[] =>
  months.map((m) => byMonth.get(m) ?? 0);

/** Running totals of `values` starting from `base`. */
export function cumulative(values: readonly number[], base = 0): number[] {
  let sum = base;
  return values.map((v) => {
    sum += v;
    return sum;
  });
}
