// Types of the measures API, from the generated contract (src/web/api).

import type { Criteria, Verdict } from "../../../shared/eligibility";
import type { BodyOf, ResponseOf, Schemas } from "../../api/types";

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

export type Eligibility = Schemas["MeasureEligibility"];
export type CriterionOutcome = Eligibility["criteria"][number];
export type MeasureCard = Schemas["MeasureCard"];
export type Measure = Schemas["Measure"];
export type MeasureAdmin = Schemas["MeasureAdmin"];
export type MeasureView = ResponseOf<"/api/measures/{id}", "get">;
export type OrgRef = NonNullable<MeasureView["organization"]>;

export const FACETS = [
  "eligibility",
  "openNow",
  "level",
  "form",
  "provider",
  "amount",
  "industry",
  "tag",
] as const satisfies readonly (keyof SearchPage["facets"])[];
export type FacetName = (typeof FACETS)[number];

export type SearchPage = ResponseOf<"/api/measures", "get">;
export type FacetValue = NonNullable<SearchPage["facets"]["level"]>[number];
export type OperatorPage = ResponseOf<"/api/operator/measures", "get">;
export type MeasureVersion = Schemas["MeasureVersion"];
export type Questionnaire = BodyOf<"/api/measures/check", "post">["answers"];
export type CheckPage = ResponseOf<"/api/measures/check", "post">;
export type ApplyClick = ResponseOf<"/api/measures/{id}/apply-click", "post">;
