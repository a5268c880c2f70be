import { describe, expect, it } from "vitest";
import { cumulative, NUMBERS_MONTHS, numberMonths, onMonths } from "./numbers.js";

describe("the numbers' months", () => {
  it("are the last 24 calendar months, the current one last, across a new year", () => {
    const months = numberMonths("2026-01-31");
    expect(months).toHaveLength(NUMBERS_MONTHS);
    expect(months[0]).toBe("2024-02");
    expect(months.slice(-3)).toEqual(["2025-11", "2025-12", "2026-01"]);
  });

  it("lay values on the months (a missing one 0) and add them up from a base", () => {
    const values = onMonths(["2026-01", "2026-02", "2026-03"], new Map([["2026-02", 4]]));
    expect(values).toEqual([0, 4, 0]);
    expect(cumulative(values, 10)).toEqual([10, 14, 14]);
  });
});
