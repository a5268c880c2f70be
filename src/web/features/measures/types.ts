// Types of the measures API, derived by hand from src/server/modules/measures/measures.contract.ts.
import type { Criteria, CriterionResult, Verdict } from "../../../shared/eligibility";

export type { Criteria, Verdict };

export const MEASURE_STATUSES = ["draft", "published", "archived"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_LEVELS = ["city", "federal", "development_institution"] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];
export const MEASURE_FORMS = [
  "grant",
  "subsidy",
  "preferential_loan",
  "guarantee",
  "tax_benefit",
  "premises",
  "consulting",
  "education",
  "export_support",
  "pilot_testing",
  "acceleration",
] as const;
export type MeasureForm = (typeof MEASURE_FORMS)[number];
export const PROVIDER_KINDS = [
  "city_body",
  "federal_body",
  "development_institution",
  "technopark",
  "other",
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const AMOUNT_BUCKETS = [
  { key: "lt1m", min: null, max: 1_000_000 },
  { key: "1m-10m", min: 1_000_000, max: 10_000_000 },
  { key: "10m-100m", min: 10_000_000, max: 100_000_000 },
  { key: "gt100m", min: 100_000_000, max: null },
] as const;
export const SORTS = ["relevance", "deadline", "amount"] as const;
export type MeasureSort = (typeof SORTS)[number];

export interface CriterionOutcome {
  key: string;
  result: CriterionResult;
  message: { ru: string; en: string };
  field?: string;
}
export interface Eligibility {
  verdict: Verdict;
  criteria: CriterionOutcome[];
}

export interface MeasureCard {
  id: string;
  slug: string | null;
  titleRu: string;
  titleEn: string | null;
  provider: string;
  providerKind: ProviderKind;
  level: MeasureLevel;
  form: MeasureForm;
  amountMin: number | null;
  amountMax: number | null;
  cofinancingShare: number | null;
  permanent: boolean;
  opensOn: string | null;
  closesOn: string | null;
  openNow: boolean;
  industries: string[];
  tags: string[];
  isDemo: boolean;
  rank: number | null;
  eligibility?: Eligibility;
}

export interface Measure extends MeasureCard {
  descriptionRu: string;
  descriptionEn: string | null;
  requiredDocuments: string[];
  applyUrl: string | null;
  contacts: string | null;
  criteria: Criteria;
  publishedAt: string | null;
  updatedAt: string;
}

export interface MeasureAdmin extends Measure {
  status: MeasureStatus;
  views: number;
  applyClicks: number;
  version: number;
  createdAt: string;
}

export interface OrgRef {
  id: string;
  shortName: string;
}

export interface MeasureView {
  measure: Measure;
  organization: OrgRef | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export const FACETS = [
  "eligibility",
  "openNow",
  "level",
  "form",
  "provider",
  "amount",
  "industry",
  "tag",
] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchPage {
  items: MeasureCard[];
  total: number;
  page: number;
  pageSize: number;
  facets: Partial<Record<FacetName, FacetValue[]>>;
  organization: OrgRef | null;
}

export interface OperatorPage {
  items: MeasureAdmin[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MeasureVersion {
  version: number;
  action: string;
  at: string;
  actor: { id: string; fullName: string } | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface Questionnaire {
  type?: string | null;
  region?: string | null;
  ageYears?: number | null;
  headcount?: number | null;
  revenueMln?: number | null;
  industry?: string | null;
  status?: string | null;
}

export interface CheckPage {
  items: (MeasureCard & { eligibility: Eligibility })[];
  total: number;
  page: number;
  pageSize: number;
  verdicts: FacetValue[];
}

export interface ApplyClick {
  applyUrl: string | null;
}
