// The KPI reports' request/response schemas. The rules across figures (export within revenue) are the
// shared `figureIssues` of src/shared/kpiReports.ts, checked by the service and answered as field errors.
import { z } from "zod";
import { KPI_COUNT_MAX, KPI_MONEY_MAX, KPI_REPORT_STATES } from "../../../shared/kpiReports.js";
import { OptSafeText, SafeLongText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

export const KpiReportState = z.enum(KPI_REPORT_STATES).meta({ id: "KpiReportState" });

/** A local time in Moscow, YYYY-MM-DDTHH:MM (the form's date and time); the service checks it exists. */
const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "field.kpi.due-format" });

// ---------- inputs ----------

export const CampaignBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Defaults to «Отчётность участников кластера за <year> год». */
    titleRu: OptSafeText(200),
    dueAt: LocalTime,
  })
  .strict();

export const CampaignDueBody = z.object({ dueAt: LocalTime, version: Version }).strict();

/**
 * A report's figures as the form sends them: money in whole rubles, counts as integers; null (or left
 * out) is empty. Ranges and the export rule are checked by the service (`figureIssues`), so every bad
 * field is answered at once with its message.
 */
const Figure = z.number().nullable().optional();
export const FiguresBody = z
  .object({
    revenue: Figure,
    headcount: Figure,
    rndSpending: Figure,
    exportRevenue: Figure,
    patentsFiled: Figure,
    version: Version,
  })
  .strict();

export const DecisionBody = z
  .object({
    decision: z.enum(["accept", "return"]),
    /** Return: what is incomplete or wrong (required). */
    reason: SafeLongText(2000).optional(),
    version: Version,
  })
  .strict();

export const ReportsQuery = z
  .object({
    state: z.enum(KPI_REPORT_STATES).optional(),
    q: z.string().trim().max(200).optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const ExportQuery = z
  .object({ format: z.enum(["csv", "xlsx"]).default("csv"), state: z.enum(KPI_REPORT_STATES).optional() })
  .strict();

// ---------- outputs ----------

const Figures = {
  /** Rubles. */
  revenue: z.number().int().min(0).max(KPI_MONEY_MAX).nullable(),
  headcount: z.number().int().min(0).max(KPI_COUNT_MAX).nullable(),
  rndSpending: z.number().int().min(0).max(KPI_MONEY_MAX).nullable(),
  exportRevenue: z.number().int().min(0).max(KPI_MONEY_MAX).nullable(),
  patentsFiled: z.number().int().min(0).max(KPI_COUNT_MAX).nullable(),
};

export const KpiCampaign = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    titleRu: z.string(),
    dueAt: z.string(),
    /** The due moment as Moscow local time, YYYY-MM-DDTHH:MM (what the form shows and sends back). */
    dueLocal: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
    /** Reports per state (every state listed, zeros included) and in all. */
    counts: z.object({
      not_started: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      accepted: z.number().int(),
    }),
    total: z.number().int(),
  })
  .meta({ id: "KpiCampaign" });

export const KpiCampaignList = z.object({ items: z.array(KpiCampaign) }).meta({ id: "KpiCampaignList" });

export const KpiReport = z
  .object({
    id: z.uuid(),
    state: KpiReportState,
    campaign: z.object({
      id: z.uuid(),
      year: z.number().int(),
      titleRu: z.string(),
      dueAt: z.string(),
    }),
    organization: z.object({ id: z.uuid(), shortName: z.string(), inn: z.string().nullable() }),
    ...Figures,
    /** Figures to double-check (R&D above revenue): shown, never refused. */
    warnings: z.array(z.enum(["rnd-above-revenue"])),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
    /** What the reader may do: edit and submit (owner/admin while editable), decide (operator, submitted). */
    me: z.object({ fill: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: "KpiReport" });

export const KpiReportList = z.object({ items: z.array(KpiReport) }).meta({ id: "KpiReportList" });

export const KpiReportsPage = z
  .object({
    items: z.array(KpiReport),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "KpiReportsPage" });
