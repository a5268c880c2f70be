import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { KPI_REMINDERS, KPI_REPORT_STATES } from "../../../shared/kpiReports.js";
import { parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";

export const kpiReportStateEnum = pgEnum("kpi_report_state", KPI_REPORT_STATES);
export const kpiReminderEnum = pgEnum("kpi_reminder", KPI_REMINDERS);

/**
 * A reporting campaign (src/shared/kpiReports.ts): the year reported on (one campaign a year), its
 * title and the due moment (entered as Moscow time). Moving the due moment bumps `version` (stale: 409).
 */
export const kpiCampaigns = pgTable(
  "kpi_campaigns",
  {
    id: primaryId(),
    year: smallint("year").notNull(),
    titleRu: text("title_ru").notNull(),
    dueAt: tz("due_at").notNull(),
    openedBy: uuid("opened_by"),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("kpi_campaigns_year_key").on(t.year)],
);

/**
 * An organization's report in a campaign: one row for every organization that held the participant
 * status when the campaign opened (the obliged), "not_started" until its owner or admin saves figures.
 * Money in whole rubles. `submittedAt`: the latest submission; `decidedBy`/`decidedAt`/`returnReason`:
 * the operator's latest decision. Every change bumps `version` (stale: 409 with the report now).
 */
export const kpiReports = pgTable(
  "kpi_reports",
  {
    id: primaryId(),
    campaignId: parentRef("campaign_id", () => kpiCampaigns.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    state: kpiReportStateEnum("state").notNull().default("not_started"),
    revenue: bigint("revenue", { mode: "number" }),
    headcount: integer("headcount"),
    rndSpending: bigint("rnd_spending", { mode: "number" }),
    exportRevenue: bigint("export_revenue", { mode: "number" }),
    patentsFiled: integer("patents_filed"),
    editedBy: uuid("edited_by"),
    submittedBy: uuid("submitted_by"),
    submittedAt: tz("submitted_at"),
    returnReason: text("return_reason"),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("kpi_reports_campaign_org_key").on(t.campaignId, t.organizationId),
    index("kpi_reports_campaign_state_idx").on(t.campaignId, t.state),
    index("kpi_reports_organization_idx").on(t.organizationId),
    index("kpi_reports_queue_idx").on(t.submittedAt).where(sql`${t.state} = 'submitted'`),
  ],
);

/** One reminder per (report, reminder, due day): running the job twice tells nobody twice; a moved due day reminds again. */
export const kpiRemindersSent = pgTable(
  "kpi_reminders_sent",
  {
    reportId: parentRef("report_id", () => kpiReports.id),
    reminder: kpiReminderEnum("reminder").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    sentAt: tz("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.reminder, t.dueOn] })],
);
