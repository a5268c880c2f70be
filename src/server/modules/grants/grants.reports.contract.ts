import { z } from "zod";
import { GRANT_MONEY_MAX, GRANT_REPORT_STATES, GRANT_STATES } from "../../../shared/grants.js";
import { OptSafeText, SafeText } from "../../../shared/text.js";
import { Day, Version } from "../../core/contract.js";

/** The yearly reports' requests and responses (see grants.reports.service.ts). */

const Rubles = z.number().int().min(0).max(GRANT_MONEY_MAX);
const Jobs = z.number().int().min(0).max(1_000_000);

const Figures = z
  .object({
    /** Revenue, rubles. */
    revenue: Rubles,
    /** Jobs (workplaces) kept or created. */
    jobs: Jobs,
    /** Output of own production, rubles. */
    output: Rubles,
  })
  .meta({ id: "GrantReportFigures" });

export const GrantReport = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    dueOn: Day,
    state: z.enum(GRANT_REPORT_STATES),
    overdue: z.boolean(),
    /** The KPIs the application committed to for the year. */
    plan: Figures.nullable(),
    /** The actual figures submitted (null until the first submission). */
    actual: Figures.nullable(),
    /** The operator's reason of a return. */
    reason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "GrantReport" });

export const GrantReports = z
  .object({
    applicationId: z.uuid(),
    state: z.enum(GRANT_STATES),
    /** The application's version (closing and the refund name it). */
    version: z.number().int(),
    /** Kopecks paid (the approved amount), null before the payment. */
    paid: z.number().int().nullable(),
    paidOn: Day.nullable(),
    /** Kopecks required back when the KPIs were missed, with the reason. */
    refund: z.number().int().nullable(),
    refundReason: z.string().nullable(),
    reports: z.array(GrantReport),
    me: z.object({
      /** The applicant's owner or admin: submits the due reports. */
      submit: z.boolean(),
      /** The operator: accepts or returns reports, closes or requires a refund. */
      decide: z.boolean(),
    }),
  })
  .meta({ id: "GrantReports" });

export const ReportBody = z
  .object({ revenue: Rubles, jobs: Jobs, output: Rubles, version: Version })
  .strict();

export const ReportDecisionBody = z
  .object({
    decision: z.enum(["accept", "return"]),
    /** To return: what to fix. */
    reason: OptSafeText(2000),
    version: Version,
  })
  .strict();

export const RefundBody = z
  .object({
    /** Kopecks, at most the amount paid. */
    amount: z.number().int().min(1).max(GRANT_MONEY_MAX),
    reason: SafeText(2, 2000),
    version: Version,
  })
  .strict();
