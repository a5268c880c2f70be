// The grants module's request/response schemas. Rules across fields (VAT within the amount, the
// supplier's INN checksum, the window's order, a category's documents) are checked by the service with
// the shared rules of src/shared/grants.ts and answered as field errors.
import { z } from "zod";
import {
  GRANT_CATEGORIES,
  GRANT_DECLARATIONS,
  GRANT_DOCUMENTS,
  GRANT_ITEMS_MAX,
  GRANT_MONEY_MAX,
  GRANT_SHARE_WHOLE,
  GRANT_STATES,
  REVIEW_DECISIONS,
} from "../../../shared/grants.js";
import { ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations.js";
import { OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Day, Page, PageSize, Version } from "../../core/contract.js";

/** Kopecks: money is never a float. */
const Money = z.number().int().min(0).max(GRANT_MONEY_MAX);
const iso = z.string();

// ---------- programs ----------

export const Eligibility = z
  .object({
    participantsOnly: z.boolean(),
    orgTypes: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length),
    smeCategories: z.array(z.enum(SME_CATEGORIES)).max(SME_CATEGORIES.length),
    noTaxDebt: z.boolean(),
    minAgeMonths: z.number().int().min(0).max(1200).nullable(),
  })
  .strict()
  .meta({ id: "GrantEligibility" });

export const ProgramCategory = z
  .object({
    category: z.enum(GRANT_CATEGORIES),
    /** Hundredths of a percent (5 000 is 50%). */
    share: z.number().int().min(1).max(GRANT_SHARE_WHOLE),
    /** Kopecks, or null: no cap of its own. */
    cap: Money.nullable(),
  })
  .strict()
  .meta({ id: "GrantProgramCategory" });

export const ProgramBody = z
  .object({
    titleRu: SafeText(5, 300),
    descriptionRu: SafeLongText(5000).pipe(z.string().min(20)),
    /** The legal basis's title, e.g. «Постановление Правительства Москвы …». */
    legalBasisRu: SafeText(5, 500),
    legalBasisNumber: SafeText(1, 50),
    eligibility: Eligibility,
    categories: z.array(ProgramCategory).min(1).max(GRANT_CATEGORIES.length),
    maxPerApplicant: Money.pipe(z.number().min(1)),
    budget: Money.pipe(z.number().min(1)),
    /** ISO instants (the form sends Moscow time with its offset). */
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    /** The completeness check's period, working days. */
    checkDays: z.number().int().min(1).max(60),
  })
  .strict();
export const UpdateProgramBody = ProgramBody.extend({ version: Version }).strict();

export const ProgramCard = z
  .object({
    id: z.uuid(),
    titleRu: z.string(),
    legalBasisRu: z.string(),
    legalBasisNumber: z.string(),
    categories: z.array(ProgramCategory),
    maxPerApplicant: z.number(),
    budget: z.number(),
    /** The budget less the approved amounts, kopecks. */
    remaining: z.number(),
    opensAt: iso,
    closesAt: iso,
    /** The window: before it opens, open, closed. */
    window: z.enum(["upcoming", "open", "closed"]),
  })
  .meta({ id: "GrantProgramCard" });

export const Program = ProgramCard.extend({
  descriptionRu: z.string(),
  eligibility: Eligibility,
  checkDays: z.number().int(),
  version: z.number().int(),
  me: z.object({ manage: z.boolean() }),
}).meta({ id: "GrantProgram" });

export const ProgramList = z
  .object({ items: z.array(ProgramCard), total: z.number().int() })
  .meta({ id: "GrantProgramList" });

// ---------- applications ----------

export const Kpi = z
  .object({
    year: z.number().int().min(2024).max(2040),
    /** Revenue, rubles. */
    revenue: z.number().int().min(0).max(GRANT_MONEY_MAX),
    /** Jobs (workplaces) kept or created. */
    jobs: z.number().int().min(0).max(1_000_000),
    /** Output of own production, rubles. */
    output: z.number().int().min(0).max(GRANT_MONEY_MAX),
  })
  .strict()
  .meta({ id: "GrantKpi" });

export const ItemBody = z
  .object({
    /** An existing item's id keeps its documents; without it the item is new. */
    id: z.uuid().optional(),
    category: z.enum(GRANT_CATEGORIES),
    descriptionRu: SafeText(3, 500),
    supplierName: SafeText(2, 300),
    supplierInn: z.string().trim().max(12),
    paidOn: Day,
    /** Kopecks, with VAT. */
    amount: Money.pipe(z.number().min(1)),
    /** Kopecks, without VAT. */
    amountNoVat: Money.pipe(z.number().min(1)),
  })
  .strict();

const Content = {
  titleRu: SafeText(5, 300),
  /** The project the grant is recorded on (the organization's own project), optional. */
  projectId: z.uuid().nullable().optional(),
  declarations: z.partialRecord(z.enum(GRANT_DECLARATIONS), z.boolean()),
  kpis: z.array(Kpi).max(5),
  items: z.array(ItemBody).max(GRANT_ITEMS_MAX),
};

export const CreateApplicationBody = z
  .object({ programId: z.uuid(), organizationId: z.uuid(), ...Content })
  .strict();
export const UpdateApplicationBody = z.object({ ...Content, version: Version }).strict();
export const VersionBody = z.object({ version: Version }).strict();

export const CheckBody = z
  .object({
    decision: z.enum(["accept", "return"]),
    /** To return: the documents missing, per item. */
    missing: z
      .array(z.object({ itemId: z.uuid(), document: z.enum(GRANT_DOCUMENTS) }).strict())
      .max(GRANT_ITEMS_MAX * GRANT_DOCUMENTS.length)
      .default([]),
    comment: OptSafeText(2000),
    version: Version,
  })
  .strict();

export const ReviewBody = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.uuid(),
            decision: z.enum(REVIEW_DECISIONS),
            /** Partly: the part accepted, kopecks without VAT. */
            accepted: Money.nullable().optional(),
            reason: OptSafeText(1000),
          })
          .strict(),
      )
      .max(GRANT_ITEMS_MAX),
    version: Version,
  })
  .strict();

export const DecisionBody = z
  .object({
    decision: z.enum(["approve", "refuse"]),
    /** To approve: the amount, kopecks, at most the reviewed one (default: the reviewed one). */
    amount: Money.nullable().optional(),
    /** To refuse: the reasons. */
    reason: OptSafeText(2000),
    version: Version,
  })
  .strict();

export const PaymentBody = z
  .object({
    paidOn: Day,
    applicantSignedOn: Day.optional(),
    operatorSignedOn: Day.optional(),
    version: Version,
  })
  .strict();

export const AgreementQuery = z
  .object({ applicantSignedOn: Day, operatorSignedOn: Day, version: z.coerce.number().int().min(1) })
  .strict();

export const DocumentParams = z.object({ id: z.uuid(), kind: z.enum(GRANT_DOCUMENTS) });

export const MineQuery = z.object({ page: Page, pageSize: PageSize }).strict();
export const QueueQuery = z
  .object({
    state: z.enum(GRANT_STATES).default("submitted"),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

export const Item = z
  .object({
    id: z.uuid(),
    category: z.enum(GRANT_CATEGORIES),
    descriptionRu: z.string(),
    supplierName: z.string(),
    supplierInn: z.string(),
    paidOn: z.string(),
    amount: z.number(),
    amountNoVat: z.number(),
    /** This item's compensation by the rule (after the review: of the part accepted). */
    compensation: z.number(),
    review: z.enum(REVIEW_DECISIONS).nullable(),
    accepted: z.number().nullable(),
    reviewReason: z.string().nullable(),
    documents: z.array(
      z.object({ id: z.uuid(), kind: z.enum(GRANT_DOCUMENTS), name: z.string(), size: z.number().int() }),
    ),
    /** The required documents it lacks. */
    missing: z.array(z.enum(GRANT_DOCUMENTS)),
  })
  .meta({ id: "GrantItem" });

export const Event = z
  .object({
    move: z.string(),
    state: z.enum(GRANT_STATES),
    byOperator: z.boolean(),
    note: z.record(z.string(), z.unknown()),
    at: iso,
  })
  .meta({ id: "GrantEvent" });

export const ApplicationCard = z
  .object({
    id: z.uuid(),
    titleRu: z.string(),
    state: z.enum(GRANT_STATES),
    program: z.object({ id: z.uuid(), titleRu: z.string() }),
    organization: OrgRef,
    requested: z.number(),
    approved: z.number().nullable(),
    submittedAt: iso.nullable(),
    /** The completeness check's due day (N working days after the submission). */
    dueOn: z.string().nullable(),
    /** The check is past its due day. */
    overdue: z.boolean(),
    updatedAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "GrantApplicationCard" });

export const Application = ApplicationCard.extend({
  projectId: z.uuid().nullable(),
  declarations: z.record(z.string(), z.boolean()),
  kpis: z.array(Kpi),
  items: z.array(Item),
  returns: z.number().int(),
  missing: z.array(z.object({ itemId: z.uuid(), document: z.enum(GRANT_DOCUMENTS) })),
  reason: z.string().nullable(),
  agreement: z.object({ id: z.uuid(), name: z.string(), size: z.number().int() }).nullable(),
  applicantSignedOn: z.string().nullable(),
  operatorSignedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  events: z.array(Event),
  /** Why the organization may not apply (empty: it may). */
  eligibility: z.array(z.string()),
  /** The assigned experts (operators only; empty for others). */
  experts: z.array(z.object({ id: z.uuid(), fullName: z.string(), email: z.string() })),
  /** The reader's standing: may edit; is an operator; may record the review now; is an assigned expert. */
  me: z.object({ edit: z.boolean(), operate: z.boolean(), review: z.boolean(), assigned: z.boolean() }),
}).meta({ id: "GrantApplication" });

export const ApplicationList = z
  .object({
    items: z.array(ApplicationCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "GrantApplicationList" });

export const ExpertsBody = z
  .object({
    /** The e-mails of registered experts (users with the expert role), none a member of the applicant. */
    emails: z.array(z.string().trim().max(254)).min(1).max(5),
    version: Version,
  })
  .strict()
  .meta({ id: "GrantExpertsBody" });
