// Participants' yearly KPI reports (отчётность участников кластера): the vocabulary the server, its
// tests and the web share — a report's states, its figures and the rules a report must meet.
//
// The operator opens a reporting campaign for a year with a due moment (Moscow time). Every organization
// that holds the cluster participant status at the opening (suspended or not) must report: it gets a
// report, "not started". Its owner or admin fills the figures (a draft may be partial), then submits —
// after that the report is read-only, unless the operator returns it with a reason (it is edited and
// submitted again) or accepts it (final).
//
// Figures: money in whole rubles (integers, never a float; like the projects' budgets), headcount the
// average number of employees over the year, patents the applications filed in the year.
// Rules (`figureIssues`): every figure a non-negative integer; export revenue is part of the revenue,
// so it cannot exceed it (an error). R&D spending may exceed the revenue (a young company spends
// investment on research), so that is a warning shown to the reporter and the operator, not an error.
// A submission needs every figure (`missingFigures`).
//
// Reminders (`reminderDue`): to organizations that have not submitted, 14 and 3 days before the due day
// and the day after it was missed; each once per report and due day (a moved due day reminds again).
//
// Texts: web `cabinet.kpi.{states,figures,issues,warnings}.*` (locales/<l>/cabinet.json); server `kpi.*` and
// `field.kpi.*` (locales/<l>/server/reporting.json).
import { daysBetween } from "./dates.js";

export const KPI_REPORT_STATES = ["not_started", "draft", "submitted", "returned", "accepted"] as const;
export type KpiReportState = (typeof KPI_REPORT_STATES)[number];

/** States in which the organization may still edit and submit. */
export const KPI_EDITABLE_STATES = [
  "not_started",
  "draft",
  "returned",
] as const satisfies readonly KpiReportState[];
export const isKpiEditable = (s: KpiReportState) => (KPI_EDITABLE_STATES as readonly string[]).includes(s);

/** The figures of a report, in the form's order. */
export const KPI_FIGURES = ["revenue", "headcount", "rndSpending", "exportRevenue", "patentsFiled"] as const;
export type KpiFigure = (typeof KPI_FIGURES)[number];

/** Figures that are money (whole rubles). */
export const KPI_MONEY_FIGURES = [
  "revenue",
  "rndSpending",
  "exportRevenue",
] as const satisfies readonly KpiFigure[];

/** The largest amount in rubles (a trillion) and the largest count (headcount, patents). */
export const KPI_MONEY_MAX = 1_000_000_000_000;
export const KPI_COUNT_MAX = 1_000_000;

export type KpiFigures = Record<KpiFigure, number | null>;

export type KpiIssue = {
  field: KpiFigure;
  /** `field.kpi.<code>` (server) / `cabinet.kpi.issues.<code>` (web). */
  code: "not-integer" | "negative" | "too-large" | "export-above-revenue" | "required";
};

export type KpiWarning = "rnd-above-revenue";

const maxOf = (f: KpiFigure) =>
  (KPI_MONEY_FIGURES as readonly string[]).includes(f) ? KPI_MONEY_MAX : KPI_COUNT_MAX;

/** What is wrong with the figures given (a draft may leave any of them empty). */
export function figureIssues(f: KpiFigures): KpiIssue[] {
  const issues: KpiIssue[] = [];
  for (const field of KPI_FIGURES) {
    const v = f[field];
    if (v === null) continue;
    if (!Number.isInteger(v)) issues.push({ field, code: "not-integer" });
    else if (v < 0) issues.push({ field, code: "negative" });
    else if (v > maxOf(field)) issues.push({ field, code: "too-large" });
  }
  const bad = new Set(issues.map((i) => i.field));
  if (
    f.exportRevenue !== null &&
    f.revenue !== null &&
    !bad.has("exportRevenue") &&
    !bad.has("revenue") &&
    f.exportRevenue > f.revenue
  )
    issues.push({ field: "exportRevenue", code: "export-above-revenue" });
  return issues;
}

/** The figures a submission still lacks. */
export const missingFigures = (f: KpiFigures): KpiFigure[] => KPI_FIGURES.filter((k) => f[k] === null);

/** What the reporter and the operator should double-check, but may submit and accept. */
export function figureWarnings(f: KpiFigures): KpiWarning[] {
  return f.rndSpending !== null && f.revenue !== null && f.rndSpending > f.revenue
    ? ["rnd-above-revenue"]
    : [];
}

// ---------- reminders ----------

export const KPI_REMINDERS = ["d14", "d3", "overdue"] as const;
export type KpiReminder = (typeof KPI_REMINDERS)[number];

/**
 * The reminder due today for a report not yet submitted, by the days left until the due day (both in
 * Moscow): 14 to 4 days left — "d14"; 3 to 0 — "d3"; the due day past — "overdue". A job that runs
 * daily sends each once (a table keyed by report, reminder and due day); a campaign opened 5 days
 * before its due day gets "d14" at once and "d3" two days later.
 */
export function reminderDue(today: string, dueDay: string): KpiReminder | null {
  const left = daysBetween(today, dueDay);
  if (left < 0) return "overdue";
  if (left <= 3) return "d3";
  if (left <= 14) return "d14";
  return null;
}
