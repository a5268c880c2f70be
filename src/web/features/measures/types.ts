// Types of the measures API, from the generated contract (src/web/api).

import type { Criteria, Verdict } from "../../../shared/eligibility";
import type { BodyOf, ResponseOf, Schemas } from "../../api/types";

export {
  AMOUNT_BUCKETS,
  MEASURE_FORMS,
  MEASURE_LEVELS,
  MEASURE_SORTS as SORTS,
  MEASURE_STATUSES,
  type MeasureForm,
  type MeasureLevel,
  type MeasureSort,
  type MeasureStatus,
  PROVIDER_KINDS,
  type ProviderKind,
} from "../../../shared/vocabularies";
export type { Criteria, Verdict };

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
