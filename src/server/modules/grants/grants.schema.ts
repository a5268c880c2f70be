import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  GRANT_CATEGORIES,
  GRANT_DOCUMENTS,
  GRANT_REPORT_REMINDERS,
  GRANT_REPORT_STATES,
  GRANT_STATES,
  type GrantDeclaration,
  type GrantDocument,
  type GrantEligibility,
  type ProgramCategory,
  REVIEW_DECISIONS,
} from "../../../shared/grants.js";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { users } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";
import { projects } from "../projects/projects.schema.js";

export const grantStateEnum = pgEnum("grant_state", GRANT_STATES);
export const grantCategoryEnum = pgEnum("grant_category", GRANT_CATEGORIES);
export const grantDocumentEnum = pgEnum("grant_document", GRANT_DOCUMENTS);
export const grantReviewEnum = pgEnum("grant_review", REVIEW_DECISIONS);

export type GrantKpi = { year: number; revenue: number; jobs: number; output: number };
export type MissingDocument = { itemId: string; document: GrantDocument };

/**
 * A grant program (src/shared/grants.ts): its legal basis, who may apply, the categories it compensates
 * (share and cap each), the maximum per applicant and the budget (kopecks), the application window and
 * the completeness check's period in working days. Edited by operators with a version.
 */
export const grantPrograms = pgTable("grant_programs", {
  id: primaryId(),
  titleRu: text("title_ru").notNull(),
  descriptionRu: text("description_ru").notNull(),
  legalBasisRu: text("legal_basis_ru").notNull(),
  legalBasisNumber: text("legal_basis_number").notNull(),
  eligibility: jsonb("eligibility").$type<GrantEligibility>().notNull(),
  categories: jsonb("categories").$type<ProgramCategory[]>().notNull(),
  /** Kopecks. */
  maxPerApplicant: bigint("max_per_applicant", { mode: "number" }).notNull(),
  /** Kopecks. */
  budget: bigint("budget", { mode: "number" }).notNull(),
  opensAt: tz("opens_at").notNull(),
  closesAt: tz("closes_at").notNull(),
  checkDays: smallint("check_days").notNull(),
  authorId: uuid("author_id"),
  ...timestamps(),
  version: version(),
});

/**
 * An organization's application to a program: its state (the move table of src/shared/grants.ts), the
 * declarations and KPIs committed, the requested amount (the shared rule, kopecks) and, after the review,
 * the approved one; the completeness check's due day; the return's missing documents; the agreement and
 * the payment. Every move is a row of grant_events (the applicant's timeline).
 */
export const grantApplications = pgTable(
  "grant_applications",
  {
    id: primaryId(),
    programId: parentRef("program_id", () => grantPrograms.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    /** The project the grant is recorded on as city support (once approved and paid). */
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    authorId: uuid("author_id"),
    state: grantStateEnum("state").notNull().default("draft"),
    titleRu: text("title_ru").notNull(),
    declarations: jsonb("declarations").$type<Partial<Record<GrantDeclaration, boolean>>>().notNull(),
    kpis: jsonb("kpis").$type<GrantKpi[]>().notNull(),
    /** Kopecks. */
    requested: bigint("requested", { mode: "number" }).notNull().default(0),
    /** Kopecks: after the review the recomputed amount, after the commission the decided one. */
    approved: bigint("approved", { mode: "number" }),
    submittedAt: tz("submitted_at"),
    dueOn: date("due_on", { mode: "string" }),
    returns: smallint("returns").notNull().default(0),
    missing: jsonb("missing").$type<MissingDocument[]>().notNull().default(sql`'[]'::jsonb`),
    reason: text("reason"),
    agreementFileId: uuid("agreement_file_id").references(() => files.id, { onDelete: "set null" }),
    applicantSignedOn: date("applicant_signed_on", { mode: "string" }),
    operatorSignedOn: date("operator_signed_on", { mode: "string" }),
    paidOn: date("paid_on", { mode: "string" }),
    /** Kopecks: the refund required when the KPIs were missed (with the reason in `reason`). */
    refund: bigint("refund", { mode: "number" }),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("grant_applications_program_idx").on(t.programId, t.state),
    index("grant_applications_org_idx").on(t.organizationId),
    index("grant_applications_queue_idx").on(t.state, t.submittedAt),
  ],
);

/** An expense item: what, the supplier (name, INN), the day, the amounts (kopecks), the expert's decision. */
export const grantItems = pgTable(
  "grant_items",
  {
    id: primaryId(),
    applicationId: parentRef("application_id", () => grantApplications.id),
    position: integer("position").notNull(),
    category: grantCategoryEnum("category").notNull(),
    descriptionRu: text("description_ru").notNull(),
    supplierName: text("supplier_name").notNull(),
    supplierInn: text("supplier_inn").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    amountNoVat: bigint("amount_no_vat", { mode: "number" }).notNull(),
    review: grantReviewEnum("review"),
    /** Kopecks without VAT accepted by the expert. */
    accepted: bigint("accepted", { mode: "number" }),
    reviewReason: text("review_reason"),
  },
  (t) => [index("grant_items_application_idx").on(t.applicationId, t.position)],
);

/** A document of an item (a stored file) of a kind. */
export const grantDocuments = pgTable(
  "grant_documents",
  {
    id: primaryId(),
    itemId: parentRef("item_id", () => grantItems.id),
    kind: grantDocumentEnum("kind").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    ...timestamps(),
  },
  (t) => [index("grant_documents_item_idx").on(t.itemId)],
);

/** The dated steps of an application: its timeline, visible to the applicant. */
export const grantEvents = pgTable(
  "grant_events",
  {
    id: primaryId(),
    applicationId: parentRef("application_id", () => grantApplications.id),
    move: text("move").notNull(),
    state: grantStateEnum("state").notNull(),
    actorId: uuid("actor_id"),
    /** Operator's side or applicant's: the timeline shows the side, never the operator's name. */
    byOperator: boolean("by_operator").notNull().default(false),
    note: jsonb("note").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: tz("at").notNull().defaultNow(),
  },
  (t) => [index("grant_events_application_idx").on(t.applicationId, t.at)],
);

export const grantReportStateEnum = pgEnum("grant_report_state", GRANT_REPORT_STATES);
export const grantReportReminderEnum = pgEnum("grant_report_reminder", GRANT_REPORT_REMINDERS);

/**
 * A paid grant's yearly report on a KPI year the application committed to (scheduled at the payment,
 * due by `grantReportDue`): the actual revenue and output (rubles) and jobs the applicant submits, the
 * operator's acceptance or return with a reason. Versioned: a stale decision is 409.
 */
export const grantReports = pgTable(
  "grant_reports",
  {
    id: primaryId(),
    applicationId: parentRef("application_id", () => grantApplications.id),
    year: smallint("year").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    state: grantReportStateEnum("state").notNull().default("due"),
    revenue: bigint("revenue", { mode: "number" }),
    jobs: integer("jobs"),
    output: bigint("output", { mode: "number" }),
    reason: text("reason"),
    submittedAt: tz("submitted_at"),
    submittedBy: uuid("submitted_by"),
    decidedAt: tz("decided_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("grant_reports_application_year_idx").on(t.applicationId, t.year),
    index("grant_reports_due_idx").on(t.state, t.dueOn),
  ],
);

/** One reminder per (report, reminder, due day): running the job twice tells nobody twice. */
export const grantReportRemindersSent = pgTable(
  "grant_report_reminders_sent",
  {
    reportId: parentRef("report_id", () => grantReports.id),
    reminder: grantReportReminderEnum("reminder").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    sentAt: tz("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.reminder, t.dueOn] })],
);

/**
 * The experts an operator assigned to an application (users with the expert role, none a member of the
 * applying organization): only they (and operators) read it and record the item review.
 */
export const grantExperts = pgTable(
  "grant_experts",
  {
    applicationId: parentRef("application_id", () => grantApplications.id),
    userId: parentRef("user_id", () => users.id),
    assignedBy: uuid("assigned_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.userId] }),
    index("grant_experts_user_idx").on(t.userId, t.createdAt),
  ],
);
