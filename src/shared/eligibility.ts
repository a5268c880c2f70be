/**
 * Explained eligibility: one pure function that checks a support measure's criteria (data) against
 * an organization's profile (or a guest's questionnaire answers) and says, for every criterion, met /
 * not met / unknown with a sentence in Russian and English. Used by the server and the web app.
 *
 * Rules:
 * - a criterion with nothing in it (an empty list, a range with neither bound) is no criterion;
 * - a profile value that is null/undefined (or an empty list of OKVED sections or tags) is unknown,
 *   and an unknown value gives "unknown", never "not met";
 * - verdict: any "not met" → not_eligible; else any "unknown" → check; else eligible.
 * Dates are whole calendar months between two y-m-d dates (UTC), see `wholeMonthsBetween`.
 */

import type { Locale } from "./constants.js";
import { okvedSectionName } from "./okved.js";
import {
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  type OrgStatus,
  type OrgType,
  REQUESTABLE_STATUSES,
  SME_CATEGORY_LABELS,
  type SmeCategory,
  smeCategory,
} from "./organizations.js";
import { regionName } from "./regions.js";
import { tagLabel } from "./tags.js";
import { type CriterionResult, VERDICTS, type Verdict } from "./vocabularies.js";

export { type CriterionResult, VERDICTS, type Verdict };

export type Texts = { ru: string; en: string };

// ---------- criteria (data) ----------

export const ELIGIBILITY_FLAGS = [
  "skolkovo_resident",
  "exporter",
  "no_tax_debt",
  "it_accredited",
  "innovation_activity",
] as const;
export type EligibilityFlag = (typeof ELIGIBILITY_FLAGS)[number];

export const ELIGIBILITY_FLAG_LABELS: Readonly<Record<EligibilityFlag, Texts>> = {
  skolkovo_resident: { ru: "резидент «Сколково»", en: "Skolkovo resident" },
  exporter: { ru: "экспортёр", en: "exporter" },
  no_tax_debt: { ru: "нет задолженности по налогам и сборам", en: "no tax arrears" },
  it_accredited: { ru: "аккредитованная ИТ-компания", en: "accredited IT company" },
  innovation_activity: { ru: "ведёт инновационную деятельность", en: "carries out innovation activity" },
};

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

// ---------- words ----------

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

const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};
const num = (n: number, locale: Locale) => NUMBER_FORMATS[locale].format(n);

/** "8 месяцев назад" / "8 months ago"; "3 года назад" / "3 years ago". */
function agoText(months: number): Texts {
  if (months < 1) return { ru: "менее месяца назад", en: "less than a month ago" };
  if (months < 12)
    return {
      ru: `${months} ${ruPlural(months, "месяц", "месяца", "месяцев")} назад`,
      en: `${months} ${months === 1 ? "month" : "months"} ago`,
    };
  const years = Math.trunc(months / 12);
  return {
    ru: `${years} ${ruPlural(years, "год", "года", "лет")} назад`,
    en: `${years} ${years === 1 ? "year" : "years"} ago`,
  };
}

/** A duration after "не менее"/"от"/"до" (genitive): "1 года", "5 лет", "6 месяцев". */
function durationGen(years: number): Texts {
  const months = Math.round(years * 12);
  if (months % 12 !== 0) {
    return {
      ru: `${months} ${months % 10 === 1 && months % 100 !== 11 ? "месяца" : "месяцев"}`,
      en: `${months} ${months === 1 ? "month" : "months"}`,
    };
  }
  const y = months / 12;
  return {
    ru: `${y} ${y % 10 === 1 && y % 100 !== 11 ? "года" : "лет"}`,
    en: `${y} ${y === 1 ? "year" : "years"}`,
  };
}

/** "не менее A" / "не более B" / "от A до B" with a unit formatter (genitive in Russian). */
function rangeText(range: Range, unit: (n: number) => Texts): Texts {
  const { min, max } = range;
  if (has(min) && has(max)) {
    const a = unit(min);
    const b = unit(max);
    return { ru: `от ${a.ru} до ${b.ru}`, en: `between ${a.en} and ${b.en}` };
  }
  if (has(min)) {
    const a = unit(min);
    return { ru: `не менее ${a.ru}`, en: `at least ${a.en}` };
  }
  const b = unit(max as number);
  return { ru: `не более ${b.ru}`, en: `at most ${b.en}` };
}

const people = (n: number): Texts => ({
  ru: `${num(n, "ru")} ${n % 10 === 1 && n % 100 !== 11 ? "человека" : "человек"}`,
  en: `${num(n, "en")} ${n === 1 ? "person" : "people"}`,
});
const peopleNom = (n: number): Texts => ({
  ru: `${num(n, "ru")} ${ruPlural(n, "человек", "человека", "человек")}`,
  en: `${num(n, "en")} ${n === 1 ? "person" : "people"}`,
});
const mlnRub = (n: number): Texts => ({ ru: `${num(n, "ru")} млн ₽`, en: `RUB ${num(n, "en")} mln` });

function list(values: readonly string[], label: (v: string, locale: Locale) => string): Texts {
  return {
    ru: values.map((v) => label(v, "ru")).join(", "),
    en: values.map((v) => label(v, "en")).join(", "),
  };
}

const typeLabel = (v: string, l: Locale) => ORG_TYPE_LABELS[v as OrgType]?.[l] ?? v;
const regionLabel = (v: string, l: Locale) =>
  v === FOREIGN
    ? l === "ru"
      ? "иностранные организации"
      : "foreign organizations"
    : (regionName(v, l) ?? v);
const smeLabel = (v: string, l: Locale) => SME_CATEGORY_LABELS[v as SmeCategory]?.[l] ?? v;
const statusLabel = (v: string, l: Locale) => ORG_STATUS_LABELS[v as OrgStatus]?.[l] ?? v;
const okvedLabel = (v: string, l: Locale) => {
  const name = okvedSectionName(v, l);
  return name ? `${v} (${name})` : v;
};

function has(n: number | null | undefined): n is number {
  return n !== null && n !== undefined && Number.isFinite(n);
}

function hasRange(r: Range | null | undefined): r is Range {
  return !!r && (has(r.min) || has(r.max));
}

function inRange(value: number, r: Range): boolean {
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

export function evaluate(
  criteria: Criteria | null | undefined,
  profile: EligibilityProfile,
  now: Date | string,
): Evaluation {
  const c = criteria ?? {};
  const today = typeof now === "string" ? now.slice(0, 10) : isoDate(now);
  const out: CriterionOutcome[] = [];

  const anyOf = (
    key: CriterionKey,
    wanted: readonly string[] | undefined,
    have: readonly string[] | null,
    field: ProfileField,
    label: (v: string, l: Locale) => string,
    texts: { subject: Texts; unknown: Texts },
  ) => {
    if (!wanted || wanted.length === 0) return;
    const need = list(wanted, label);
    if (!have || have.length === 0) {
      out.push({
        key,
        result: "unknown",
        field,
        message: {
          ru: `${texts.unknown.ru}; мера для: ${need.ru}`,
          en: `${texts.unknown.en}; the measure is for: ${need.en}`,
        },
      });
      return;
    }
    const ok = have.some((v) => wanted.includes(v));
    const own = list(have, label);
    out.push({
      key,
      result: ok ? "met" : "not_met",
      message: {
        ru: `${texts.subject.ru}: ${own.ru}; мера для: ${need.ru}`,
        en: `${texts.subject.en}: ${own.en}; the measure is for: ${need.en}`,
      },
    });
  };

  anyOf("orgType", c.orgTypes, profile.type ? [profile.type] : null, "type", typeLabel, {
    subject: { ru: "Тип организации", en: "Organization type" },
    unknown: { ru: "Не указан тип организации", en: "The organization type is not given" },
  });

  const region = profileRegion(profile);
  anyOf("region", c.regions, region ? [region] : null, "regionCode", regionLabel, {
    subject: { ru: "Регион регистрации", en: "Region of registration" },
    unknown: { ru: "Не указан регион регистрации", en: "The region of registration is not given" },
  });

  if (c.smeCategories && c.smeCategories.length > 0) {
    const sme = smeCategory(profile.headcount, profile.revenueMln);
    const field: ProfileField = has(profile.headcount) ? "revenueMln" : "headcount";
    anyOf("smeCategory", c.smeCategories, sme ? [sme] : null, field, smeLabel, {
      subject: { ru: "Категория МСП", en: "SME category" },
      unknown: {
        ru: "Категорию МСП не определить без численности и выручки",
        en: "The SME category needs the headcount and revenue",
      },
    });
  }

  if (hasRange(c.ageYears)) {
    const need = rangeText(c.ageYears, durationGen);
    const months = profileAgeMonths(profile, today);
    if (months === null) {
      out.push({
        key: "age",
        result: "unknown",
        field: "foundedOn",
        message: {
          ru: `Не указана дата регистрации организации; мера требует ${need.ru}`,
          en: `The organization's registration date is not given; the measure requires ${need.en}`,
        },
      });
    } else {
      const r = c.ageYears;
      const ok =
        (!has(r.min) || months >= Math.round(r.min * 12)) &&
        (!has(r.max) || months <= Math.round(r.max * 12));
      const ago = agoText(months);
      out.push({
        key: "age",
        result: ok ? "met" : "not_met",
        message: {
          ru: `Организация зарегистрирована ${ago.ru}, мера требует ${need.ru}`,
          en: `The organization was registered ${ago.en}; the measure requires ${need.en}`,
        },
      });
    }
  }

  const numeric = (
    key: "headcount" | "revenue",
    range: Range | undefined,
    value: number | null | undefined,
    field: ProfileField,
    unitGen: (n: number) => Texts,
    unitNom: (n: number) => Texts,
    subject: Texts,
  ) => {
    if (!hasRange(range)) return;
    const need = rangeText(range, unitGen);
    if (!has(value)) {
      out.push({
        key,
        result: "unknown",
        field,
        message: {
          ru: `Не указана ${subject.ru.toLowerCase()}; мера требует ${need.ru}`,
          en: `The ${subject.en.toLowerCase()} is not given; the measure requires ${need.en}`,
        },
      });
      return;
    }
    const own = unitNom(value);
    out.push({
      key,
      result: inRange(value, range) ? "met" : "not_met",
      message: {
        ru: `${subject.ru} — ${own.ru}, мера требует ${need.ru}`,
        en: `${subject.en} is ${own.en}; the measure requires ${need.en}`,
      },
    });
  };

  numeric("headcount", c.headcount, profile.headcount, "headcount", people, peopleNom, {
    ru: "Численность сотрудников",
    en: "Headcount",
  });
  numeric("revenue", c.revenueMln, profile.revenueMln, "revenueMln", mlnRub, mlnRub, {
    ru: "Выручка за год",
    en: "Annual revenue",
  });

  if (c.requiredStatus && c.requiredStatus.length > 0) {
    const need = {
      ru: c.requiredStatus.map((s) => statusLabel(s, "ru")).join(" или "),
      en: c.requiredStatus.map((s) => statusLabel(s, "en")).join(" or "),
    };
    if (!profile.status) {
      out.push({
        key: "status",
        result: "unknown",
        field: "status",
        message: {
          ru: `Не указан статус в кластере; мера требует статус: ${need.ru}`,
          en: `The cluster status is not given; the measure requires the status: ${need.en}`,
        },
      });
    } else if (profile.statusSuspended && profile.status !== "registered") {
      out.push({
        key: "status",
        result: "not_met",
        message: {
          ru: `Статус «${statusLabel(profile.status, "ru")}» приостановлен; мера требует статус: ${need.ru}`,
          en: `The status “${statusLabel(profile.status, "en")}” is suspended; the measure requires the status: ${need.en}`,
        },
      });
    } else {
      const ok = (c.requiredStatus as readonly string[]).includes(profile.status);
      out.push({
        key: "status",
        result: ok ? "met" : "not_met",
        message: {
          ru: `Статус организации — «${statusLabel(profile.status, "ru")}», мера требует статус: ${need.ru}`,
          en: `The organization's status is “${statusLabel(profile.status, "en")}”; the measure requires the status: ${need.en}`,
        },
      });
    }
  }

  anyOf("okved", c.okvedSections, profile.okvedSections ?? null, "okvedSections", okvedLabel, {
    subject: { ru: "Разделы ОКВЭД организации", en: "The organization's OKVED sections" },
    unknown: { ru: "Не указаны виды деятельности по ОКВЭД", en: "The OKVED activities are not given" },
  });

  anyOf("tags", c.tags, profile.tags ?? null, "tags", tagLabel, {
    subject: { ru: "Технологии организации", en: "The organization's technologies" },
    unknown: { ru: "Не указаны технологии организации", en: "The organization's technologies are not given" },
  });

  for (const flag of c.flags ?? []) {
    const label = ELIGIBILITY_FLAG_LABELS[flag];
    if (!label) continue;
    const value = profile.flags?.[flag];
    const key = `flag.${flag}` as const;
    if (value === true) {
      out.push({
        key,
        result: "met",
        message: { ru: `Мера требует: ${label.ru} — да`, en: `The measure requires: ${label.en} — yes` },
      });
    } else if (value === false) {
      out.push({
        key,
        result: "not_met",
        message: { ru: `Мера требует: ${label.ru} — нет`, en: `The measure requires: ${label.en} — no` },
      });
    } else {
      out.push({
        key,
        result: "unknown",
        field: `flags.${flag}`,
        message: {
          ru: `Мера требует: ${label.ru}; в профиле это не указано — проверьте условие`,
          en: `The measure requires: ${label.en}; the profile does not say — check this condition`,
        },
      });
    }
  }

  return { verdict: verdictOf(out), criteria: out };
}

/**
 * The verdict: of a list of outcomes, or of criteria against a profile (`evaluate(...).verdict`; the
 * navigator's searches compute verdicts in SQL, measures.eligibility.ts, and are tested against this).
 */
export function verdictOf(outcomes: readonly { result: CriterionResult }[]): Verdict;
export function verdictOf(
  criteria: Criteria | null | undefined,
  profile: EligibilityProfile,
  now: Date | string,
): Verdict;
export function verdictOf(
  first: readonly { result: CriterionResult }[] | Criteria | null | undefined,
  profile?: EligibilityProfile,
  now?: Date | string,
): Verdict {
  if (!Array.isArray(first))
    return evaluate(first as Criteria | null | undefined, profile ?? {}, now ?? new Date()).verdict;
  const outcomes = first as readonly { result: CriterionResult }[];
  if (outcomes.some((o) => o.result === "not_met")) return "not_eligible";
  if (outcomes.some((o) => o.result === "unknown")) return "check";
  return "eligible";
}

/** Higher is worse: eligible < check < not_eligible. */
export function verdictRank(v: Verdict): number {
  return VERDICTS.indexOf(v);
}
