import { describe, expect, it } from "vitest";
import { figureIssues, figureWarnings, type KpiFigures, missingFigures, reminderDue } from "./kpiReports.js";

const f = (o: Partial<KpiFigures>): KpiFigures => ({
  revenue: null,
  headcount: null,
  rndSpending: null,
  exportRevenue: null,
  patentsFiled: null,
  ...o,
});

describe("KPI figures", () => {
  it("a draft may be partial; export cannot exceed revenue; R&D above revenue is only a warning", () => {
    expect(figureIssues(f({ revenue: 100 }))).toEqual([]);
    expect(figureIssues(f({ revenue: 100, exportRevenue: 101 }))).toEqual([
      { field: "exportRevenue", code: "export-above-revenue" },
    ]);
    expect(figureIssues(f({ revenue: 100, exportRevenue: 100 }))).toEqual([]);
    expect(figureIssues(f({ headcount: 1.5, patentsFiled: -1 }))).toEqual([
      { field: "headcount", code: "not-integer" },
      { field: "patentsFiled", code: "negative" },
    ]);
    expect(figureIssues(f({ rndSpending: 200, revenue: 100 }))).toEqual([]);
    expect(figureWarnings(f({ rndSpending: 200, revenue: 100 }))).toEqual(["rnd-above-revenue"]);
    expect(missingFigures(f({ revenue: 0, headcount: 0 }))).toEqual([
      "rndSpending",
      "exportRevenue",
      "patentsFiled",
    ]);
  });

  it("reminds 14 days before (down to 4), 3 days before (to the due day) and after the due day", () => {
    const due = "2026-03-31";
    expect(reminderDue("2026-03-16", due)).toBeNull();
    expect(reminderDue("2026-03-17", due)).toBe("d14");
    expect(reminderDue("2026-03-27", due)).toBe("d14");
    expect(reminderDue("2026-03-28", due)).toBe("d3");
    expect(reminderDue("2026-03-31", due)).toBe("d3");
    expect(reminderDue("2026-04-01", due)).toBe("overdue");
  });
});
