/**
 * Organizations: types, statuses, member roles, the identifiers each type needs, SME categories and
 * which status an organization may apply for. Labels are in the shared catalogue (src/locales/<locale>/shared/vocabulary.json).
 */

import { labelsOf, type Texts } from "./catalogue.js";
import type { Locale } from "./constants.js";
import { type IdentifierError, type IdentifierKind, identifierError } from "./identifiers.js";
import { MOSCOW } from "./regions.js";

/** A value's label in every language (src/locales/<locale>/shared/vocabulary.json). */
export type Labels = Texts;

// ---------- types ----------

export const ORG_TYPES = [
  "legal_entity",
  "individual_entrepreneur",
  "foreign",
  "university",
  "research_institute",
  "corporation",
  "city_body",
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Readonly<Record<OrgType, Labels>> = labelsOf("orgType", ORG_TYPES);
/** Short forms for tables and badges. */
export const ORG_TYPE_SHORT_LABELS: Readonly<Record<OrgType, Labels>> = labelsOf("orgTypeShort", ORG_TYPES);

export function orgTypeLabel(type: OrgType, locale: Locale): string {
  return ORG_TYPE_LABELS[type][locale];
}

// ---------- identifiers each type needs ----------

/**
 * Russian types give INN + OGRN (+ KPP for organizations) or INN + OGRNIP (ИП); foreign ones a
 * country and a registration number. The profile keeps OGRN and OGRNIP in one field, `ogrn`.
 */
export type OrgIdentifierRules =
  | { scheme: "russian"; inn: "inn10"; ogrn: "ogrn"; kpp: true }
  | { scheme: "russian"; inn: "inn12"; ogrn: "ogrnip"; kpp: false }
  | { scheme: "foreign" };

const LEGAL = { scheme: "russian", inn: "inn10", ogrn: "ogrn", kpp: true } as const;
const INDIVIDUAL = { scheme: "russian", inn: "inn12", ogrn: "ogrnip", kpp: false } as const;

export const ORG_IDENTIFIER_RULES: Readonly<Record<OrgType, OrgIdentifierRules>> = {
  legal_entity: LEGAL,
  individual_entrepreneur: INDIVIDUAL,
  foreign: { scheme: "foreign" },
  university: LEGAL,
  research_institute: LEGAL,
  corporation: LEGAL,
  city_body: LEGAL,
};

export type OrgIdentifierValues = {
  inn?: string | null;
  ogrn?: string | null;
  kpp?: string | null;
  country?: string | null;
  foreignRegNumber?: string | null;
};
export type OrgIdentifierField = keyof OrgIdentifierValues;

/**
 * Field → problem for the identifiers the type needs (an empty object when all are fine). Fields the
 * type does not use are not checked; the caller should store them as null. Country and registration
 * number can only be "required" (their format is the contract's business).
 */
export function orgIdentifierErrors(
  type: OrgType,
  values: OrgIdentifierValues,
): Partial<Record<OrgIdentifierField, IdentifierError>> {
  const rules = ORG_IDENTIFIER_RULES[type];
  const errors: Partial<Record<OrgIdentifierField, IdentifierError>> = {};
  if (rules.scheme === "foreign") {
    if (!values.country) errors.country = { reason: "required" };
    if (!values.foreignRegNumber) errors.foreignRegNumber = { reason: "required" };
    return errors;
  }
  const checks: [OrgIdentifierField, IdentifierKind][] = [
    ["inn", rules.inn],
    ["ogrn", rules.ogrn],
  ];
  if (rules.kpp) checks.push(["kpp", "kpp"]);
  for (const [field, kind] of checks) {
    const e = identifierError(kind, values[field]);
    if (e) errors[field] = e;
  }
  return errors;
}

// ---------- statuses and roles ----------

export const ORG_STATUSES = ["registered", "participant", "partner"] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ORG_STATUS_LABELS: Readonly<Record<OrgStatus, Labels>> = labelsOf("orgStatus", ORG_STATUSES);

/** The statuses an organization may apply for (and a support measure may require). */
export const REQUESTABLE_STATUSES = ["participant", "partner"] as const satisfies readonly OrgStatus[];
export type RequestableStatus = (typeof REQUESTABLE_STATUSES)[number];

export function orgStatusLabel(status: OrgStatus, locale: Locale): string {
  return ORG_STATUS_LABELS[status][locale];
}

export const MEMBER_ROLES = ["owner", "admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Readonly<Record<MemberRole, Labels>> = labelsOf("memberRole", MEMBER_ROLES);

export function memberRoleLabel(role: MemberRole, locale: Locale): string {
  return MEMBER_ROLE_LABELS[role][locale];
}

// ---------- SME category (209-FZ art. 4; Government decree No. 265 of 04.04.2016) ----------

export const SME_CATEGORIES = ["micro", "small", "medium", "large"] as const;
export type SmeCategory = (typeof SME_CATEGORIES)[number];

export const SME_CATEGORY_LABELS: Readonly<Record<SmeCategory, Labels>> = labelsOf("sme", SME_CATEGORIES);

/** Upper bounds (inclusive) of average headcount and annual revenue, mln RUB. */
export const SME_THRESHOLDS: readonly {
  category: Exclude<SmeCategory, "large">;
  headcount: number;
  revenueMlnRub: number;
}[] = [
  { category: "micro", headcount: 15, revenueMlnRub: 120 },
  { category: "small", headcount: 100, revenueMlnRub: 800 },
  { category: "medium", headcount: 250, revenueMlnRub: 2000 },
];

/**
 * The smallest category whose both limits hold (so the larger of the two criteria decides); null when
 * either figure is unknown. Industry exceptions of the law (e.g. higher headcount limits) are ignored.
 */
export function smeCategory(headcount?: number | null, revenueMlnRub?: number | null): SmeCategory | null {
  if (headcount === null || headcount === undefined || revenueMlnRub === null || revenueMlnRub === undefined)
    return null;
  if (!Number.isFinite(headcount) || !Number.isFinite(revenueMlnRub)) return null;
  const fit = SME_THRESHOLDS.find((t) => headcount <= t.headcount && revenueMlnRub <= t.revenueMlnRub);
  return fit?.category ?? "large";
}

// ---------- which status an organization may apply for ----------

export type StatusClosedReason = "participant-moscow-only" | "partner-not-moscow";

/**
 * Participant status is for organizations registered in Moscow (region 77) only; partner status for
 * every other region and abroad (a foreign organization, or no region).
 */
export function statusOpenTo(
  regionCode: string | null,
  type: OrgType,
  requested: "participant" | "partner",
): { open: boolean; reason?: StatusClosedReason } {
  const moscow = type !== "foreign" && regionCode === MOSCOW;
  if (requested === "participant")
    return moscow ? { open: true } : { open: false, reason: "participant-moscow-only" };
  return moscow ? { open: false, reason: "partner-not-moscow" } : { open: true };
}
