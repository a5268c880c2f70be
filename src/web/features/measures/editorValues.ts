// The measure editor's form values: how a measure fills them and the request body they give.
import type { BodyOf } from "../../api/types";
import type { Criteria, MeasureAdmin } from "./types";

export type Num = number | string;
export interface RangeValues {
  min: Num;
  max: Num;
}
export interface EditorValues {
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  provider: string;
  providerKind: string;
  level: string;
  form: string;
  amountMin: Num;
  amountMax: Num;
  cofinancingShare: Num;
  permanent: boolean;
  opensOn: string;
  closesOn: string;
  requiredDocuments: string;
  applyUrl: string;
  contacts: string;
  industries: string[];
  tags: string[];
  isDemo: boolean;
  criteria: {
    orgTypes: string[];
    regions: string[];
    smeCategories: string[];
    ageYears: RangeValues;
    headcount: RangeValues;
    revenueMln: RangeValues;
    requiredStatus: string[];
    okvedSections: string[];
    tags: string[];
    flags: string[];
  };
}

const s = (v: number | null | undefined): Num => (v == null ? "" : v);
export const n = (v: Num): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const range = (r?: { min?: number | null; max?: number | null }): RangeValues => ({
  min: s(r?.min),
  max: s(r?.max),
});

export function toValues(m?: MeasureAdmin): EditorValues {
  const c: Criteria = m?.criteria ?? {};
  return {
    titleRu: m?.titleRu ?? "",
    titleEn: m?.titleEn ?? "",
    descriptionRu: m?.descriptionRu ?? "",
    descriptionEn: m?.descriptionEn ?? "",
    provider: m?.provider ?? "",
    providerKind: m?.providerKind ?? "other",
    level: m?.level ?? "city",
    form: m?.form ?? "grant",
    amountMin: s(m?.amountMin),
    amountMax: s(m?.amountMax),
    cofinancingShare: s(m?.cofinancingShare),
    permanent: m?.permanent ?? false,
    opensOn: m?.opensOn ?? "",
    closesOn: m?.closesOn ?? "",
    requiredDocuments: (m?.requiredDocuments ?? []).join("\n"),
    applyUrl: m?.applyUrl ?? "",
    contacts: m?.contacts ?? "",
    industries: m?.industries ?? [],
    tags: m?.tags ?? [],
    isDemo: m?.isDemo ?? false,
    criteria: {
      orgTypes: c.orgTypes ?? [],
      regions: c.regions ?? [],
      smeCategories: c.smeCategories ?? [],
      ageYears: range(c.ageYears),
      headcount: range(c.headcount),
      revenueMln: range(c.revenueMln),
      requiredStatus: c.requiredStatus ?? [],
      okvedSections: c.okvedSections ?? [],
      tags: c.tags ?? [],
      flags: c.flags ?? [],
    },
  };
}

function rangeBody(r: RangeValues) {
  const min = n(r.min);
  const max = n(r.max);
  return min == null && max == null ? undefined : { min, max };
}

type MeasureInput = BodyOf<"/api/operator/measures", "post">;

export function toBody(v: EditorValues): MeasureInput {
  const c = v.criteria;
  const criteria: Record<string, unknown> = {};
  for (const key of [
    "orgTypes",
    "regions",
    "smeCategories",
    "requiredStatus",
    "okvedSections",
    "tags",
    "flags",
  ] as const)
    if (c[key].length > 0) criteria[key] = c[key];
  for (const key of ["ageYears", "headcount", "revenueMln"] as const) {
    const r = rangeBody(c[key]);
    if (r) criteria[key] = r;
  }
  return {
    titleRu: v.titleRu.trim(),
    titleEn: v.titleEn.trim() || null,
    descriptionRu: v.descriptionRu,
    descriptionEn: v.descriptionEn.trim() || null,
    provider: v.provider.trim(),
    providerKind: v.providerKind as MeasureInput["providerKind"],
    level: v.level as MeasureInput["level"],
    form: v.form as MeasureInput["form"],
    amountMin: n(v.amountMin),
    amountMax: n(v.amountMax),
    cofinancingShare: n(v.cofinancingShare),
    permanent: v.permanent,
    opensOn: v.permanent ? null : v.opensOn || null,
    closesOn: v.permanent ? null : v.closesOn || null,
    requiredDocuments: v.requiredDocuments
      .split("\n")
      .map((d) => d.trim())
      .filter(Boolean),
    applyUrl: v.applyUrl.trim() || null,
    contacts: v.contacts.trim() || null,
    industries: v.industries,
    tags: v.tags as MeasureInput["tags"],
    isDemo: v.isDemo,
    criteria,
  };
}
