import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isDay, weekday } from "./dates.js";

describe("calendar days", () => {
  it("adds days across months, leap years and years, backwards too", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-05-15", 0)).toBe("2026-05-15");
    expect(addDays("2025-01-01", 365)).toBe("2026-01-01");
  });

  it("keeps whole days over daylight saving changes, even where a midnight is skipped", () => {
    // Moscow 2010: Mar 28 and Oct 31; São Paulo 2018: Nov 4 began at 01:00 (the tests run in any zone).
    expect(addDays("2010-03-27", 2)).toBe("2010-03-29");
    expect(addDays("2010-10-30", 2)).toBe("2010-11-01");
    expect(daysBetween("2010-03-01", "2010-11-30")).toBe(274);
    expect(addDays("2018-11-03", 1)).toBe("2018-11-04");
    expect(addDays("2018-11-04", 1)).toBe("2018-11-05");
    expect(daysBetween("2018-11-03", "2018-11-05")).toBe(2);
  });

  it("counts the days between two days, negative when the second is earlier", () => {
    expect(daysBetween("2026-12-01", "2026-12-15")).toBe(14);
    expect(daysBetween("2026-12-15", "2026-12-01")).toBe(-14);
    expect(daysBetween("2026-12-07", "2026-12-07")).toBe(0);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("tells the weekday and refuses what is not a day", () => {
    expect(weekday("2026-12-07")).toBe(1);
    expect(weekday("2026-12-06")).toBe(0);
    expect(isDay("2026-02-28")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00:00", ""]) {
      expect(isDay(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    }
  });
});
