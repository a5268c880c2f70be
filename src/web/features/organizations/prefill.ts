/**
 * The support-measure questionnaire's answers (saved in this browser by the check page) as a head start
 * for registering an organization: type, region, headcount, revenue and OKVED section become form values;
 * the age in years cannot give a founding date and is only a hint; the cluster status is not a profile
 * field. Pure functions (no storage, no React), so they are unit-tested.
 */
import { OKVED_SECTIONS } from "../../../shared/okved";
import { ORG_TYPES, type OrgType } from "../../../shared/organizations";
import { isRegionCode } from "../../../shared/regions";
import type { Questionnaire } from "../measures/types";
import type { OrgFormValues } from "./orgFormValues";

/** The fields an answer can fill, with their empty form values. */
const EMPTY = {
  type: "",
  regionCode: "",
  headcount: "",
  revenueMln: "",
  okvedSections: [] as string[],
} satisfies Partial<OrgFormValues>;

export type PrefillField = keyof typeof EMPTY;

export interface Prefill {
  /** Form values taken from the answers (only the fields that had a usable answer). */
  values: Partial<Pick<OrgFormValues, PrefillField>>;
  /** The questionnaire's age of the organization in whole years, for a hint; null when not answered. */
  ageYears: number | null;
}

/** Answers as read back from this browser's storage: shaped like the questionnaire, but not trusted. */
export type StoredAnswers = { [K in keyof Questionnaire]?: unknown };

const isNumberIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;

/**
 * What the answers can pre-fill, or null when nothing. A city body is registered by the operator only,
 * so that type is taken only when `cityBody` is allowed.
 */
export function prefillFromAnswers(
  answers: StoredAnswers | null | undefined,
  opts: { cityBody: boolean } = { cityBody: false },
): Prefill | null {
  if (!answers || typeof answers !== "object") return null;
  const values: Prefill["values"] = {};
  const type = answers.type;
  if (
    typeof type === "string" &&
    (ORG_TYPES as readonly string[]).includes(type) &&
    (type !== "city_body" || opts.cityBody)
  ) {
    values.type = type as OrgType;
  }
  // "foreign" is not a region; a foreign organization has no Russian region either
  if (typeof answers.region === "string" && isRegionCode(answers.region) && values.type !== "foreign") {
    values.regionCode = answers.region;
  }
  if (isNumberIn(answers.headcount, 0, 10_000_000) && Number.isInteger(answers.headcount)) {
    values.headcount = answers.headcount;
  }
  if (isNumberIn(answers.revenueMln, 0, 100_000_000)) values.revenueMln = answers.revenueMln;
  if (typeof answers.industry === "string" && OKVED_SECTIONS.some((s) => s.letter === answers.industry)) {
    values.okvedSections = [answers.industry];
  }
  const ageYears =
    isNumberIn(answers.ageYears, 0, 200) && Number.isInteger(answers.ageYears) ? answers.ageYears : null;
  if (Object.keys(values).length === 0 && ageYears === null) return null;
  return { values, ageYears };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Clear" the pre-filled fields: each field that still holds the value the answers gave goes back to
 * empty; a field the user has changed since is left as it is.
 */
export function clearPrefilled(
  current: Pick<OrgFormValues, PrefillField>,
  prefill: Prefill,
): Partial<Pick<OrgFormValues, PrefillField>> {
  const out: Partial<Pick<OrgFormValues, PrefillField>> = {};
  for (const key of Object.keys(prefill.values) as PrefillField[]) {
    if (same(current[key], prefill.values[key])) Object.assign(out, { [key]: EMPTY[key] });
  }
  return out;
}
