import { z } from "zod";
import { CriteriaSchema, OkvedSection, RegionOrForeign } from "../../../shared/criteria.js";
import type { Criteria as CriteriaType } from "../../../shared/eligibility.js";
import { ORG_STATUSES, ORG_TYPES } from "../../../shared/organizations.js";
import { TAG_SLUGS } from "../../../shared/tags.js";
import { OptSafeLongText, OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import {
  AMOUNT_BUCKETS,
  CHECK_SORTS,
  CRITERION_RESULTS,
  MEASURE_FORMS,
  MEASURE_LEVELS,
  MEASURE_SORTS,
  MEASURE_STATUSES,
  PROVIDER_KINDS,
  VERDICTS,
} from "../../../shared/vocabularies.js";
import { Day, IdParams, Page, PageSize, Version } from "../../core/contract.js";
import { problemWith } from "../../core/errors.js";

// ---------- vocabularies (src/shared/vocabularies.ts) ----------

export { AMOUNT_BUCKETS, MEASURE_FORMS, MEASURE_LEVELS, MEASURE_STATUSES, PROVIDER_KINDS };

export const MeasureStatus = z.enum(MEASURE_STATUSES);
export const MeasureLevel = z.enum(MEASURE_LEVELS);
export const MeasureForm = z.enum(MEASURE_FORMS);
export const ProviderKind = z.enum(PROVIDER_KINDS);
export const Verdict = z.enum(VERDICTS);
const Tag = z.enum(TAG_SLUGS);

/** Titles, providers, documents: clean text (src/shared/text.ts). */
const text = SafeText;
const optText = OptSafeText;

// ---------- criteria ----------

/**
 * Eligibility criteria as data; all optional. Each field is one criterion of the registry
 * (src/shared/criteria.ts), which also evaluates it.
 */
export const Criteria = CriteriaSchema.meta({ id: "MeasureCriteria" });
// The zod schema and the shared type describe the same data.
const _criteriaFits: CriteriaType = {} as z.infer<typeof Criteria>;
void _criteriaFits;

// ---------- operator input ----------

const Rub = z.number().int().min(0).max(1_000_000_000_000);

/** Paths under /measures/ (pages and API routes) that a measure's slug must not take. */
const RESERVED_SLUGS = ["check", "saved", "favourites", "subscriptions"];

/** The editable fields, without defaults (a patch leaves absent fields alone). */
const measureShape = {
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "field.slug")
    .max(120)
    // the navigator's own pages and API paths under /measures/ would shadow the measure
    .refine((v) => !RESERVED_SLUGS.includes(v), "field.measure.slug-reserved")
    .nullable()
    .optional(),
  titleRu: text(3, 300),
  titleEn: optText(300),
  descriptionRu: SafeLongText(20_000),
  descriptionEn: OptSafeLongText(20_000),
  provider: text(2, 300),
  providerKind: ProviderKind,
  level: MeasureLevel,
  form: MeasureForm,
  amountMin: Rub.nullable().optional(),
  amountMax: Rub.nullable().optional(),
  cofinancingShare: z.number().min(0).max(100).nullable().optional(),
  permanent: z.boolean(),
  opensOn: Day.nullable().optional(),
  closesOn: Day.nullable().optional(),
  requiredDocuments: z.array(text(1, 500)).max(50),
  applyUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  contacts: OptSafeLongText(2000),
  // Repeats are dropped: a measure counts once in a facet value.
  industries: z
    .array(OkvedSection)
    .max(21)
    .transform((v) => [...new Set(v)]),
  tags: z
    .array(Tag)
    .max(30)
    .transform((v) => [...new Set(v)]),
  criteria: Criteria,
  isDemo: z.boolean(),
};

const MeasureFields = z
  .object({
    ...measureShape,
    descriptionRu: measureShape.descriptionRu.default(""),
    providerKind: measureShape.providerKind.default("other"),
    permanent: measureShape.permanent.default(false),
    requiredDocuments: measureShape.requiredDocuments.default([]),
    industries: measureShape.industries.default([]),
    tags: measureShape.tags.default([]),
    criteria: measureShape.criteria.default({}),
    isDemo: measureShape.isDemo.default(false),
  })
  .strict();

type Fields = {
  amountMin?: number | null;
  amountMax?: number | null;
  opensOn?: string | null;
  closesOn?: string | null;
};
const crossChecks = <T extends Fields>(v: T, ctx: z.RefinementCtx) => {
  if (v.amountMin != null && v.amountMax != null && v.amountMin > v.amountMax)
    ctx.addIssue({ code: "custom", message: "field.range", path: ["amountMax"] });
  if (v.opensOn && v.closesOn && v.opensOn > v.closesOn)
    ctx.addIssue({ code: "custom", message: "field.date-range", path: ["closesOn"] });
};

export const MeasureInput = MeasureFields.superRefine(crossChecks);
/** A partial edit with the version it was based on (409 on a concurrent change). */
export const MeasurePatch = z
  .object(measureShape)
  .partial()
  .extend({ version: Version })
  .strict()
  .superRefine(crossChecks);
export const MeasureIdParams = IdParams;

// ---------- outputs ----------

const iso = z.string();

export const CriterionOutcome = z.object({
  key: z.string(),
  result: z.enum(CRITERION_RESULTS),
  message: z.object({ ru: z.string(), en: z.string() }),
  field: z.string().optional(),
});
export const Eligibility = z
  .object({ verdict: Verdict, criteria: z.array(CriterionOutcome) })
  .meta({ id: "MeasureEligibility" });

/** What a card shows. */
export const MeasureCard = z
  .object({
    id: z.uuid(),
    slug: z.string().nullable(),
    titleRu: z.string(),
    titleEn: z.string().nullable(),
    provider: z.string(),
    providerKind: ProviderKind,
    level: MeasureLevel,
    form: MeasureForm,
    amountMin: z.number().nullable(),
    amountMax: z.number().nullable(),
    cofinancingShare: z.number().nullable(),
    permanent: z.boolean(),
    opensOn: z.string().nullable(),
    closesOn: z.string().nullable(),
    /** Derived: permanent, or today within [opensOn, closesOn]. */
    openNow: z.boolean(),
    industries: z.array(z.string()),
    tags: z.array(z.string()),
    isDemo: z.boolean(),
    rank: z.number().nullable(),
    /** For a signed-in member with an active organization (search) or a questionnaire (check). */
    eligibility: Eligibility.optional(),
  })
  .meta({ id: "MeasureCard" });

/** The public measure page. */
export const Measure = MeasureCard.extend({
  descriptionRu: z.string(),
  descriptionEn: z.string().nullable(),
  requiredDocuments: z.array(z.string()),
  applyUrl: z.string().nullable(),
  contacts: z.string().nullable(),
  criteria: Criteria,
  publishedAt: iso.nullable(),
  updatedAt: iso,
}).meta({ id: "Measure" });

/** The operator's view: status, counters, version. */
export const MeasureAdmin = Measure.extend({
  status: MeasureStatus,
  views: z.number().int(),
  applyClicks: z.number().int(),
  version: z.number().int(),
  createdAt: iso,
}).meta({ id: "MeasureAdmin" });

export const MeasureView = z.object({
  measure: Measure,
  /** The signed-in member's active organization, when there is one. */
  organization: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
});

export const ApplyClick = z.object({ applyUrl: z.string().nullable() });

export const MeasureVersion = z
  .object({
    version: z.number().int(),
    action: z.string(),
    at: iso,
    actor: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: "MeasureVersion" });
export const MeasureVersions = z.object({ items: z.array(MeasureVersion) });

// ---------- search ----------

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(30));

/** A list parameter whose values may contain commas (provider names): repeated parameters, never split. */
const repeated = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(30));

const boolParam = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const SearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    level: csv(MeasureLevel).optional(),
    /** Repeat the parameter for several providers (`provider=A&provider=B`); a value is never split. */
    provider: repeated(z.string().min(1).max(300)).optional(),
    form: csv(MeasureForm).optional(),
    openNow: boolParam.optional(),
    industry: csv(OkvedSection).optional(),
    tag: csv(Tag).optional(),
    /**
     * Measures whose amount (the maximum, else the minimum; RUB) is at least amountMin and below
     * amountMax: the amount facet's buckets are such ranges, so a bucket's count is what it lists.
     */
    amountMin: z.coerce.number().int().min(0).max(1_000_000_000_000).optional(),
    amountMax: z.coerce.number().int().min(0).max(1_000_000_000_000).optional(),
    /** Verdicts for the active organization; only for a signed-in member (ignored otherwise). */
    eligibility: csv(Verdict).optional(),
    sort: z.enum(MEASURE_SORTS).default("relevance"),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const OperatorQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    status: csv(MeasureStatus).optional(),
    level: csv(MeasureLevel).optional(),
    form: csv(MeasureForm).optional(),
    isDemo: boolParam.optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const SearchFacets = z.object({
  level: Facet,
  provider: Facet,
  form: Facet,
  openNow: Facet,
  industry: Facet,
  tag: Facet,
  amount: Facet,
  /** Only for a signed-in member with an active organization (or a questionnaire). */
  eligibility: Facet.optional(),
});

export const SearchPage = z.object({
  items: z.array(MeasureCard),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: SearchFacets,
  /** The organization whose verdicts the cards carry, when any. */
  organization: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
});

export const OperatorPage = z.object({
  items: z.array(MeasureAdmin),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ---------- the guest questionnaire ----------

/** At most 7 answers, all optional (an unanswered question is "unknown"). */
export const Questionnaire = z
  .object({
    type: z.enum(ORG_TYPES).nullable().optional(),
    region: RegionOrForeign.nullable().optional(),
    ageYears: z.number().int().min(0).max(200).nullable().optional(),
    headcount: z.number().int().min(0).max(10_000_000).nullable().optional(),
    revenueMln: z.number().min(0).max(100_000_000).nullable().optional(),
    industry: OkvedSection.nullable().optional(),
    status: z.enum(ORG_STATUSES).nullable().optional(),
  })
  .strict();

/** The questionnaire with the search filters and paging. */
export const CheckBody = z
  .object({
    answers: Questionnaire,
    eligibility: z.array(Verdict).max(3).optional(),
    sort: z.enum(CHECK_SORTS).default("verdict"),
    page: z.number().int().min(1).max(100000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export const CheckPage = z.object({
  items: z.array(MeasureCard.extend({ eligibility: Eligibility })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Counts of verdicts over all published measures. */
  verdicts: Facet,
});

// ---------- import ----------

/** A bad row of an import: its number (from 1) and each bad field with its message in both languages. */
export const ImportRowReport = z
  .object({
    row: z.number().int(),
    errors: z.array(z.object({ field: z.string(), message: z.object({ ru: z.string(), en: z.string() }) })),
  })
  .meta({ id: "ImportRowReport" });

export const ImportProblem = problemWith(
  "ImportProblem",
  "An import refused: every bad row and field (`rows`; empty when the file itself cannot be read)",
  { rows: z.array(ImportRowReport).optional() },
);
