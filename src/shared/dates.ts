// Calendar days: plain dates "YYYY-MM-DD" (a day of the cluster's calendar: a moment's day in Moscow is
// `clusterDate`, clock.ts) and the arithmetic on them — days after a day, days between two days, the
// weekday. One place for it, built on date-fns, so no rule computes days from milliseconds by hand.
// A day is held as its midnight in the process's own time zone, where date-fns's calendar functions keep
// whole days across any daylight saving change; a time zone of its own (@date-fns/tz) would give the same
// days ten times slower (the production calendar walks day by day). Reading and printing the text are a
// few lines here: date-fns's parseISO and format would weigh on the web pages' budgets.
import { addDays as addCalendarDays, differenceInCalendarDays } from "date-fns";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day's midnight; RangeError for anything but a real YYYY-MM-DD day (2026-02-30 is not). */
function parseDay(d: Day): Date {
  const m = DAY.exec(d);
  const date = new Date(0);
  if (m) {
    date.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    date.setHours(0, 0, 0, 0);
  }
  if (!m || formatDay(date) !== d) throw new RangeError(`not a day (YYYY-MM-DD): ${d}`);
  return date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const formatDay = (date: Date): Day =>
  `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Whether the text is a real calendar day "YYYY-MM-DD" (2026-02-30 is not). */
export function isDay(d: string): boolean {
  try {
    parseDay(d);
    return true;
  } catch {
    return false;
  }
}

/** The day n calendar days after d (n may be negative). */
export const addDays = (d: Day, n: number): Day => formatDay(addCalendarDays(parseDay(d), n));

/** Calendar days from `from` to `to` (`to - from`: negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number =>
  differenceInCalendarDays(parseDay(to), parseDay(from));

/** The day of the week, 0 Sunday … 6 Saturday. */
export const weekday = (d: Day): number => parseDay(d).getDay();
