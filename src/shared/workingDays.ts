// The Russian production calendar (производственный календарь) for deadlines in working days: the grant
// programs' completeness check (N working days after submission) and whatever else counts working days.
// Days are plain dates "YYYY-MM-DD" (Moscow's calendar day); the day arithmetic is dates.ts's.
//
// A day is a working day when it is Monday–Friday and not a day off, or it is a Saturday/Sunday made a
// working day by a transfer. The data per year:
// - 2024: Government decree № 1906 of 10.08.2023 — days off Jan 1–8, Feb 23, Mar 8, Apr 29–30, May 1,
//   May 9–10, Jun 12, Nov 4, Dec 30–31; working Saturdays Apr 27, Nov 2, Dec 28. 248 working days.
// - 2025: decree № 1335 of 04.10.2024 — days off Jan 1–8, May 1–2, May 8–9, Jun 12–13, Nov 3–4, Dec 31
//   (Sunday Feb 23 was moved to May 8 and Saturday Mar 8 to Jun 13, so Feb 24 and Mar 10 were working
//   days); working Saturday Nov 1. 247 working days.
// - 2026: decree № 1466 of 24.09.2025 — days off Jan 1–9, Feb 23, Mar 9 (for Sunday Mar 8), May 1,
//   May 11 (for Saturday May 9), Jun 12, Nov 4, Dec 31; no working Saturdays. 247 working days.
// - 2027: PROVISIONAL — the decree was not published when this was written. Computed from Labour Code
//   art. 112: the holidays Jan 1–8, Feb 23, Mar 8, May 1, May 9, Jun 12, Nov 4; a holiday (other than
//   January's) on a weekend moves to the next working day (Sat May 1 → Mon May 3, Sun May 9 → Mon May 10,
//   Sat Jun 12 → Mon Jun 14). January's holidays on a weekend (Sat Jan 2, Sun Jan 3) are moved by the
//   decree; assumed here, as the recent decrees did: Jan 2 → Fri Dec 31 and Jan 3 → Mon Feb 22 (a long
//   weekend with Tue Feb 23). 247 working days. Replace with the decree's data when it is published.
// - Any other year: art. 112 alone (the holidays and their weekend moves, no decree transfers) — a
//   fallback that keeps deadlines computable; `calendarKnown(year)` tells whether the year is official.

import { addDays, type Day, daysBetween, weekday } from "./dates.js";

type YearData = { off: readonly Day[]; working: readonly Day[] };

const isWeekend = (d: Day) => {
  const w = weekday(d);
  return w === 0 || w === 6;
};

const range = (year: number, month: number, from: number, to: number): Day[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${year}-${String(month).padStart(2, "0")}-${String(from + i).padStart(2, "0")}`,
  );

/** Labour Code art. 112's non-working holidays of a year. */
const holidaysOf = (y: number): Day[] => [
  ...range(y, 1, 1, 8),
  `${y}-02-23`,
  `${y}-03-08`,
  `${y}-05-01`,
  `${y}-05-09`,
  `${y}-06-12`,
  `${y}-11-04`,
];

/**
 * A year by art. 112 alone: the holidays, and each non-January holiday on a weekend moved to the next
 * day that is neither a weekend nor a holiday nor already a moved day off.
 */
function art112(y: number, extraOff: readonly Day[] = []): YearData {
  const holidays = holidaysOf(y);
  const off = new Set<Day>([...holidays, ...extraOff]);
  for (const h of holidays) {
    if (h.slice(5, 7) === "01" || !isWeekend(h)) continue;
    let d = addDays(h, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
  }
  return { off: [...off], working: [] };
}

const DATA: Readonly<Record<number, YearData>> = {
  2024: {
    off: [
      ...range(2024, 1, 1, 8),
      "2024-02-23",
      "2024-03-08",
      "2024-04-29",
      "2024-04-30",
      "2024-05-01",
      "2024-05-09",
      "2024-05-10",
      "2024-06-12",
      "2024-11-04",
      "2024-12-30",
      "2024-12-31",
    ],
    working: ["2024-04-27", "2024-11-02", "2024-12-28"],
  },
  2025: {
    off: [
      ...range(2025, 1, 1, 8),
      "2025-02-23",
      "2025-03-08",
      "2025-05-01",
      "2025-05-02",
      "2025-05-08",
      "2025-05-09",
      "2025-06-12",
      "2025-06-13",
      "2025-11-03",
      "2025-11-04",
      "2025-12-31",
    ],
    working: ["2025-11-01"],
  },
  2026: {
    off: [
      ...range(2026, 1, 1, 9),
      "2026-02-23",
      "2026-03-09",
      "2026-05-01",
      "2026-05-11",
      "2026-06-12",
      "2026-11-04",
      "2026-12-31",
    ],
    working: [],
  },
  // Provisional (see the head of the file): art. 112 plus the assumed transfers of Jan 2 and Jan 3.
  2027: art112(2027, ["2027-12-31", "2027-02-22"]),
};

/** The years whose calendar is the official one (2027: provisional, see above). */
export const CALENDAR_YEARS = Object.keys(DATA).map(Number);

/** Whether the year's calendar is kept as data (else art. 112 alone is used). */
export const calendarKnown = (year: number) => year in DATA;

const cache = new Map<number, { off: Set<Day>; working: Set<Day> }>();
function yearOf(y: number) {
  let c = cache.get(y);
  if (!c) {
    const d = DATA[y] ?? art112(y);
    c = { off: new Set(d.off), working: new Set(d.working) };
    cache.set(y, c);
  }
  return c;
}

/** Whether the day is a working day of the production calendar. */
export function isWorkingDay(d: Day): boolean {
  const y = yearOf(Number(d.slice(0, 4)));
  if (y.working.has(d)) return true;
  return !isWeekend(d) && !y.off.has(d);
}

/**
 * The n-th working day after d (n ≥ 1; d itself never counts): a deadline "within n working days of d".
 * n = 0 gives d itself if it is a working day, else the next working day.
 */
export function addWorkingDays(d: Day, n: number): Day {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = d;
  if (n === 0) {
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days in (from, to]: after `from`, up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(from: Day, to: Day): number {
  let n = 0;
  for (let day = addDays(from, 1); daysBetween(day, to) >= 0; day = addDays(day, 1))
    if (isWorkingDay(day)) n++;
  return n;
}

/** Working days in a calendar year. */
export const workingDaysIn = (year: number) => workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
