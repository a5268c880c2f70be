/**
 * The vocabulary of explained eligibility (src/shared/eligibility.ts): criteria and profile types,
 * calendar arithmetic and the words the criteria's sentences are made of (src/shared/criteria.ts).
 *
 * Rules:
 * - a criterion with nothing in it (an empty list, a range with neither bound) is no criterion;
 * - a profile value that is null/undefined (or an empty list of OKVED sections or tags) is unknown,
 *   and an unknown value gives "unknown", never "not met";
 * - verdict: any "not met" → not_eligible; else any "unknown" → check; else eligible.
 * Dates are whole calendar months between two y-m-d dates (UTC), see `wholeMonthsBetween`.
 */

import enEligibility from "../locales/en/shared/eligibility.json" with { type: "json" };
import ruEligibility from "../locales/ru/shared/eligibility.json" with { type: "json" };
import { catalogue, labelsOf, type Texts } from "./catalogue.js";
import { LOCALES, type Locale } from "./constants.js";
import { okvedSectionName } from "./okved.js";
import {
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  type OrgStatus,
  type OrgType,
  REQUESTABLE_STATUSES,
  SME_CATEGORY_LABELS,
  type SmeCategory,
} from "./organizations.js";
import { regionName } from "./regions.js";
import { type CriterionResult, VERDICTS, type Verdict } from "./vocabularies.js";

export type { Texts };

/** The words and sentences of explained eligibility (`src/locales/<lang>/shared/eligibility.json`). */
export const eligibilityTexts = catalogue("eligibility", { ru: ruEligibility, en: enEligibility });
const { say, sayCount, sayIn } = eligibilityTexts;

export { type CriterionResult, VERDICTS, type Verdict };

// ---------- criteria (data) ----------

export const ELIGIBILITY_FLAGS = [
  "skolkovo_resident",
  "exporter",
  "no_tax_debt",
  "it_accredited",
  "innovation_activity",
] as const;
export type EligibilityFlag = (typeof ELIGIBILITY_FLAGS)[number];

export const ELIGIBILITY_FLAG_LABELS = labelsOf("flag", ELIGIBILITY_FLAGS);

/** An organization's declared flags: true or false; an absent flag is not stated. */
export type DeclaredFlags = Partial<Record<EligibilityFlag, boolean>>;

/** The platform statuses a measure may require. */
export const REQUIRED_STATUSES = REQUESTABLE_STATUSES;
export type RequiredStatus = (typeof REQUIRED_STATUSES)[number];

/** A region criterion lists region codes and/or this value for foreign organizations. */
export const FOREIGN = "foreign";

export type Range = { min?: number | null; max?: number | null };

/** All optional; an absent or empty criterion does not restrict. */
export type Criteria = {
  orgTypes?: OrgType[];
  regions?: string[];
  smeCategories?: SmeCategory[];
  /** Years since founding. */
  ageYears?: Range;
  headcount?: Range;
  /** Annual revenue, mln RUB. */
  revenueMln?: Range;
  requiredStatus?: RequiredStatus[];
  okvedSections?: string[];
  tags?: string[];
  /** Declared flags that must be true. */
  flags?: EligibilityFlag[];
};

export type EligibilityProfile = {
  type?: OrgType | null;
  /** A region code, or "foreign" (a foreign organization is "foreign" whatever this says). */
  regionCode?: string | null;
  /** Date of state registration, YYYY-MM-DD; takes precedence over ageYears. */
  foundedOn?: string | null;
  /** Whole years since founding (the questionnaire's answer). */
  ageYears?: number | null;
  headcount?: number | null;
  revenueMln?: number | null;
  status?: OrgStatus | null;
  /** The status is suspended by the operator: it counts as not held. */
  statusSuspended?: boolean | null;
  okvedSections?: readonly string[] | null;
  tags?: readonly string[] | null;
  flags?: Partial<Record<EligibilityFlag, boolean | null>> | null;
};

/** The profile field a member fills in to resolve an "unknown" (organization profile names). */
export type ProfileField =
  | "type"
  | "regionCode"
  | "foundedOn"
  | "headcount"
  | "revenueMln"
  | "status"
  | "okvedSections"
  | "tags"
  | `flags.${EligibilityFlag}`;

export type CriterionKey =
  | "orgType"
  | "region"
  | "smeCategory"
  | "age"
  | "headcount"
  | "revenue"
  | "status"
  | "okved"
  | "tags"
  | `flag.${EligibilityFlag}`;

export type CriterionOutcome = {
  key: CriterionKey;
  result: CriterionResult;
  message: Texts;
  /** For "unknown": the profile field to fill in. */
  field?: ProfileField;
};

export type Evaluation = { verdict: Verdict; criteria: CriterionOutcome[] };

// ---------- calendar arithmetic ----------

type Ymd = { y: number; m: number; d: number };

function parseYmd(s: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The calendar date of `now` in UTC, YYYY-MM-DD. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whole months from `from` to `to` (YYYY-MM-DD): a month is complete on the same day of a later month,
 * or on that month's last day when it is shorter (31 Jan → 28 Feb is one month). Negative when `to`
 * is earlier; null for an invalid date.
 */
export function wholeMonthsBetween(from: string, to: string): number | null {
  const a = parseYmd(from);
  const b = parseYmd(to);
  if (!a || !b) return null;
  if (b.y * 10000 + b.m * 100 + b.d < a.y * 10000 + a.m * 100 + a.d) {
    const back = wholeMonthsBetween(to, from);
    return back === null ? null : -back;
  }
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const anniversary = Math.min(a.d, daysInMonth(b.y, b.m));
  if (b.d < anniversary) months -= 1;
  return months;
}

/** Whole years between two dates (29 Feb → 28 Feb of a common year counts as a year). */
export function wholeYearsBetween(from: string, to: string): number | null {
  const months = wholeMonthsBetween(from, to);
  return months === null ? null : Math.trunc(months / 12);
}

// ---------- words (the texts: src/locales/<locale>/shared/eligibility.json) ----------

/** Russian plural form: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return few;
  const ten = abs % 10;
  const hundred = abs % 100;
  if (ten === 1 && hundred !== 11) return one;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
  return many;
}

/** "8 месяцев назад" / "8 months ago"; "3 года назад" / "3 years ago". */
export function agoText(months: number): Texts {
  if (months < 1) return say("eligibility.ago.lessThanMonth");
  if (months < 12) return sayCount("eligibility.ago.months", months);
  return sayCount("eligibility.ago.years", Math.trunc(months / 12));
}

/** A duration after "не менее"/"от"/"до" (genitive): "1 года", "5 лет", "6 месяцев". */
export function durationGen(years: number): Texts {
  const months = Math.round(years * 12);
  if (months % 12 !== 0) return sayCount("eligibility.unit.monthsGen", months);
  return sayCount("eligibility.unit.yearsGen", months / 12);
}

/** "не менее A" / "не более B" / "от A до B" with a unit formatter (genitive in Russian). */
export function rangeText(range: Range, unit: (n: number) => Texts): Texts {
  const { min, max } = range;
  if (has(min) && has(max)) return say("eligibility.range.between", { a: unit(min), b: unit(max) });
  if (has(min)) return say("eligibility.range.min", { a: unit(min) });
  return say("eligibility.range.max", { b: unit(max as number) });
}

export const people = (n: number): Texts => sayCount("eligibility.unit.peopleGen", n);
export const peopleNom = (n: number): Texts => sayCount("eligibility.unit.people", n);
export const mlnRub = (n: number): Texts => say("eligibility.unit.mlnRub", { n });

/** Values' labels joined ("A, B"), in every language. */
export function list(values: readonly string[], label: (v: string, locale: Locale) => string): Texts {
  return Object.fromEntries(
    LOCALES.map((l) => [l, values.map((v) => label(v, l)).join(sayIn(l, "eligibility.list.separator"))]),
  ) as Texts;
}

/** Alternatives ("A или B или C"), in every language. */
export function alternatives(values: readonly string[], label: (v: string, locale: Locale) => string): Texts {
  return Object.fromEntries(
    LOCALES.map((l) => [
      l,
      values.map((v) => label(v, l)).reduce((a, b) => sayIn(l, "eligibility.or", { a, b })),
    ]),
  ) as Texts;
}

export const typeLabel = (v: string, l: Locale) => ORG_TYPE_LABELS[v as OrgType]?.[l] ?? v;
export const regionLabel = (v: string, l: Locale) =>
  v === FOREIGN ? sayIn(l, "eligibility.foreign") : (regionName(v, l) ?? v);
export const smeLabel = (v: string, l: Locale) => SME_CATEGORY_LABELS[v as SmeCategory]?.[l] ?? v;
export const statusLabel = (v: string, l: Locale) => ORG_STATUS_LABELS[v as OrgStatus]?.[l] ?? v;
export const okvedLabel = (v: string, l: Locale) => {
  const name = okvedSectionName(v, l);
  return name ? sayIn(l, "eligibility.okved.label", { letter: v, name }) : v;
};

export function has(n: number | null | undefined): n is number {
  return n !== null && n !== undefined && Number.isFinite(n);
}

export function hasRange(r: Range | null | undefined): r is Range {
  return !!r && (has(r.min) || has(r.max));
}

export function inRange(value: number, r: Range): boolean {
  return (!has(r.min) || value >= r.min) && (!has(r.max) || value <= r.max);
}

// ---------- the evaluation ----------

/** The profile's region: "foreign" for a foreign organization, else its region code; null = unknown. */
export function profileRegion(p: EligibilityProfile): string | null {
  if (p.type === "foreign") return FOREIGN;
  return p.regionCode || null;
}

/** Months since founding, or null when unknown. A questionnaire's "N years" is taken as N×12 months. */
export function profileAgeMonths(p: EligibilityProfile, today: string): number | null {
  if (p.foundedOn) {
    const m = wholeMonthsBetween(p.foundedOn, today);
    if (m !== null) return Math.max(0, m);
  }
  if (has(p.ageYears)) return Math.max(0, Math.floor(p.ageYears * 12));
  return null;
}
