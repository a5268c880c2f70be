// @vitest-environment jsdom
// The days left before a measure's window closes, as the cards' and the page's deadline flag counts them.
import { describe, expect, it } from "vitest";
import { daysLeft } from "./labels";

describe("daysLeft", () => {
  it("counts whole calendar days to the last day of applications, across months and years", () => {
    expect(daysLeft("2026-12-07", "2026-12-07")).toBe(0);
    expect(daysLeft("2026-12-14T00:00:00.000Z", "2026-12-07")).toBe(7);
    expect(daysLeft("2027-01-02", "2026-12-30")).toBe(3);
    expect(daysLeft("2026-12-01", "2026-12-07")).toBe(-6);
  });
});
