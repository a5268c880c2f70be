import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  CALENDAR_YEARS,
  calendarKnown,
  isWorkingDay,
  workingDaysBetween,
  workingDaysIn,
} from "./workingDays.js";

describe("the production calendar", () => {
  it("matches the official yearly counts (2027: provisional, computed from art. 112)", () => {
    expect(CALENDAR_YEARS).toEqual([2024, 2025, 2026, 2027]);
    expect(workingDaysIn(2024)).toBe(248);
    expect(workingDaysIn(2025)).toBe(247);
    expect(workingDaysIn(2026)).toBe(247);
    expect(workingDaysIn(2027)).toBe(247);
  });

  it("matches the official monthly counts of 2026 (decree № 1466)", () => {
    const months = [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22];
    const counted = months.map((_, i) => {
      const m = String(i + 1).padStart(2, "0");
      const last = new Date(Date.UTC(2026, i + 1, 0)).toISOString().slice(0, 10);
      return workingDaysBetween(`2026-${m}-01`, last) + (isWorkingDay(`2026-${m}-01`) ? 1 : 0);
    });
    expect(counted).toEqual(months);
  });

  it("knows the transfers: working Saturdays and weekday days off", () => {
    expect(isWorkingDay("2024-04-27")).toBe(true); // Saturday made working
    expect(isWorkingDay("2024-12-28")).toBe(true);
    expect(isWorkingDay("2024-04-29")).toBe(false);
    expect(isWorkingDay("2024-12-31")).toBe(false);
    expect(isWorkingDay("2025-11-01")).toBe(true);
    expect(isWorkingDay("2025-05-08")).toBe(false);
    expect(isWorkingDay("2025-02-24")).toBe(true); // Feb 23 (Sunday) was moved to May 8
    expect(isWorkingDay("2026-01-09")).toBe(false);
    expect(isWorkingDay("2026-03-09")).toBe(false);
    expect(isWorkingDay("2026-05-11")).toBe(false);
    expect(isWorkingDay("2026-12-31")).toBe(false);
    expect(isWorkingDay("2027-05-03")).toBe(false); // Sat May 1 → Mon May 3
    expect(isWorkingDay("2027-06-14")).toBe(false); // Sat Jun 12 → Mon Jun 14
    expect(isWorkingDay("2026-12-05")).toBe(false); // an ordinary Saturday
    expect(isWorkingDay("2026-12-07")).toBe(true);
  });

  it("counts deadlines across holidays and transferred days", () => {
    // 10 working days from Friday Dec 25, 2026: Dec 28–30 (3; Dec 31 is off), Jan 1–10, 2027 off,
    // Jan 11–15 (5), Jan 18–19 (2)
    expect(addWorkingDays("2026-12-25", 10)).toBe("2027-01-19");
    // across the May holidays of 2026: Thursday Apr 30 + 3 → May 4, 5, 6 (Friday May 1 is off)
    expect(addWorkingDays("2026-04-30", 3)).toBe("2026-05-06");
    // a working Saturday counts
    expect(addWorkingDays("2024-04-26", 1)).toBe("2024-04-27");
    expect(addWorkingDays("2026-01-03", 0)).toBe("2026-01-12");
    expect(workingDaysBetween("2026-12-25", addWorkingDays("2026-12-25", 10))).toBe(10);
    expect(workingDaysBetween("2026-12-25", "2026-12-25")).toBe(0);
  });

  it("outside 2024–2027 falls back to art. 112 alone, and rejects what is not a day", () => {
    expect(calendarKnown(2028)).toBe(false);
    expect(isWorkingDay("2028-01-03")).toBe(false);
    expect(isWorkingDay("2028-01-10")).toBe(true);
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
    expect(() => addWorkingDays("2026-01-01", -1)).toThrow(RangeError);
  });
});
