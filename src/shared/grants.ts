// Grants that compensate costs (гранты на компенсацию затрат): the vocabulary the server, its tests and
// the web share — expense categories and the documents each requires, an application's states and the
// moves between them, the computed requested amount and the eligibility rule.
//
// Money is in kopecks, integers (never a float): an item's amount with VAT and without it, a program's
// maximum per applicant and budget. A share compensated is in hundredths of a percent (5 000 is 50%).
// The amount rule (`grantAmount`): each item's compensation is its amount without VAT (or, after the
// expert review, the part accepted) × its category's share, rounded down to the kopeck; a category's sum is
// capped by the category's cap when the program sets one; the total by the program's maximum per
// applicant. The server computes the requested and approved amounts with it; the form shows the same
// figure as the applicant types.
//
// Texts: web `grants.*` (locales/<l>/grants.json); server `grants.*` (locales/<l>/server/grants.json).

import { addDays } from "./dates.js";
import type { OrgStatus, OrgType, SmeCategory } from "./organizations.js";

export const GRANT_CATEGORIES = [
  "real_estate",
  "utility_connection",
  "equipment",
  "software",
  "ip_rights",
] as const;
export type GrantCategory = (typeof GRANT_CATEGORIES)[number];

/** The documents an expense item may carry. */
export const GRANT_DOCUMENTS = [
  "contract",
  "invoice",
  "payment_order",
  "transfer_act",
  "works_act",
  "egrn_extract",
  "rospatent_registration",
] as const;
export type GrantDocument = (typeof GRANT_DOCUMENTS)[number];

/**
 * What each category's item must carry to be submitted: the contract, the payment order and the paper
 * that shows the thing received — an acceptance act, the act of connection works, the extract from the
 * real-estate register (ЕГРН), the registration of the transfer of rights by Rospatent.
 */
export const REQUIRED_DOCUMENTS: Readonly<Record<GrantCategory, readonly GrantDocument[]>> = {
  real_estate: ["contract", "payment_order", "transfer_act", "egrn_extract"],
  utility_connection: ["contract", "invoice", "payment_order", "works_act"],
  equipment: ["contract", "invoice", "payment_order", "transfer_act"],
  software: ["contract", "invoice", "payment_order", "transfer_act"],
  ip_rights: ["contract", "payment_order", "rospatent_registration"],
};

/** The whole in share units: a share is in hundredths of a percent. */
export const GRANT_SHARE_WHOLE = 10_000;
/** The largest amount, kopecks (a hundred billion rubles): a safe integer, never a float. */
export const GRANT_MONEY_MAX = 10_000_000_000_000;
/** Expense items of one application. */
export const GRANT_ITEMS_MAX = 30;

// ---------- applications ----------

export const GRANT_STATES = [
  "draft",
  "submitted",
  "returned",
  "review",
  "commission",
  "approved",
  "refused",
  "agreement",
  "paid",
  "reporting",
  "closed",
  "refund_required",
] as const;
export type GrantState = (typeof GRANT_STATES)[number];

/** The states in which the operator assigns (or changes) the application's experts. */
export const GRANT_ASSIGNABLE: readonly GrantState[] = ["submitted", "review"];

export const GRANT_MOVES = [
  "submit",
  "return",
  "accept",
  "review",
  "approve",
  "refuse",
  "sign",
  "pay",
  "report",
  "close",
  "require_refund",
] as const;
export type GrantMove = (typeof GRANT_MOVES)[number];

/** Who makes a move: the applicant (its owner or admin), the operator, an expert (or the operator). */
export type GrantRole = "applicant" | "operator" | "expert";

/**
 * The move table. The completeness check is the `submitted` state (due N working days after the
 * submission): the operator accepts it into the expert review or returns it once with the missing
 * documents; the applicant fixes and resubmits. The expert review ends with the commission; the
 * commission approves an amount or refuses; then the agreement, the payment, the yearly reports.
 */
export const GRANT_TRANSITIONS: Readonly<
  Record<GrantMove, { from: readonly GrantState[]; to: GrantState; by: GrantRole }>
> = {
  submit: { from: ["draft", "returned"], to: "submitted", by: "applicant" },
  return: { from: ["submitted"], to: "returned", by: "operator" },
  accept: { from: ["submitted"], to: "review", by: "operator" },
  review: { from: ["review"], to: "commission", by: "expert" },
  approve: { from: ["commission"], to: "approved", by: "operator" },
  refuse: { from: ["commission"], to: "refused", by: "operator" },
  sign: { from: ["approved"], to: "agreement", by: "operator" },
  pay: { from: ["agreement"], to: "paid", by: "operator" },
  /** The applicant's first yearly report submitted (see grantReportDue). */
  report: { from: ["paid"], to: "reporting", by: "applicant" },
  close: { from: ["reporting"], to: "closed", by: "operator" },
  require_refund: { from: ["reporting"], to: "refund_required", by: "operator" },
};

/** How many times an application may be returned for missing documents. */
export const GRANT_RETURNS_MAX = 1;

/** The state a move leads to from `from`, or null when the move is not allowed there. */
export function grantMove(from: GrantState, move: GrantMove): GrantState | null {
  const t = GRANT_TRANSITIONS[move];
  return t.from.includes(from) ? t.to : null;
}

/**
 * Kopecks as whole rubles, half a ruble up: the one rule wherever a grant's kopecks become the rubles of
 * city support and of the cluster in numbers, so the two always agree.
 */
export const kopecksToRubles = (kopecks: number) => Math.round(kopecks / 100);

/** The states the applicant may edit the application in. */
export const GRANT_EDITABLE: readonly GrantState[] = ["draft", "returned"];
/** The states whose approved amount counts against the program's budget. */
export const GRANT_COMMITTED: readonly GrantState[] = [
  "approved",
  "agreement",
  "paid",
  "reporting",
  "closed",
  "refund_required",
];

export const GRANT_DECLARATIONS = [
  "no_tax_debt",
  "not_bankrupt",
  "no_double_funding",
  "data_accurate",
] as const;
export type GrantDeclaration = (typeof GRANT_DECLARATIONS)[number];

export const REVIEW_DECISIONS = ["accepted", "partial", "rejected"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

// ---------- the amount rule ----------

export interface ProgramCategory {
  category: GrantCategory;
  /** Hundredths of a percent compensated (5 000 is 50%). */
  share: number;
  /** The most compensated for the category per application, kopecks (null: no cap of its own). */
  cap: number | null;
}

export interface AmountItem {
  category: GrantCategory;
  /** Kopecks, without VAT. */
  amountNoVat: number;
  /** After the expert review: the part of the amount without VAT accepted (null: not reviewed, all of it). */
  accepted?: number | null;
}

export interface GrantAmount {
  /** Each item's compensation, kopecks (0 for a category the program does not compensate). */
  items: number[];
  /** Each category's sum after its cap. */
  categories: Partial<Record<GrantCategory, number>>;
  /** The sum of the categories before the program's maximum. */
  uncapped: number;
  /** The amount: the sum capped by the maximum per applicant. */
  total: number;
}

/** amount × share / 10 000, rounded down to the kopeck, in safe integers (amount ≤ GRANT_MONEY_MAX). */
export function shareOf(amount: number, share: number): number {
  const whole = Math.floor(amount / GRANT_SHARE_WHOLE);
  const rest = amount % GRANT_SHARE_WHOLE;
  return whole * share + Math.floor((rest * share) / GRANT_SHARE_WHOLE);
}

/** The compensation of the items by the program's categories and maximum per applicant (see the head). */
export function grantAmount(
  program: { categories: readonly ProgramCategory[]; maxPerApplicant: number },
  items: readonly AmountItem[],
): GrantAmount {
  const byCategory = new Map(program.categories.map((c) => [c.category, c]));
  const sums: Partial<Record<GrantCategory, number>> = {};
  const out = items.map((it) => {
    const c = byCategory.get(it.category);
    if (!c) return 0;
    const base = it.accepted == null ? it.amountNoVat : Math.min(it.accepted, it.amountNoVat);
    const v = shareOf(Math.max(0, base), c.share);
    sums[it.category] = (sums[it.category] ?? 0) + v;
    return v;
  });
  let uncapped = 0;
  for (const [k, v] of Object.entries(sums) as [GrantCategory, number][]) {
    const cap = byCategory.get(k)?.cap;
    const capped = cap == null ? v : Math.min(v, cap);
    sums[k] = capped;
    uncapped += capped;
  }
  return { items: out, categories: sums, uncapped, total: Math.min(uncapped, program.maxPerApplicant) };
}

/** VAT is part of the amount: the amount without it is at most the amount with it. */
export const vatValid = (amount: number, amountNoVat: number) => amountNoVat <= amount;

// ---------- eligibility ----------

export interface GrantEligibility {
  /** Only the cluster's participants (status `participant`, not suspended). */
  participantsOnly: boolean;
  /** The organization types that may apply (empty: any). */
  orgTypes: OrgType[];
  /** The SME categories that may apply (empty: any, an unknown category too). */
  smeCategories: SmeCategory[];
  /** The applicant declares it has no tax debt. */
  noTaxDebt: boolean;
  /** Months since state registration, at least (null: no minimum). */
  minAgeMonths: number | null;
}

export interface Applicant {
  status: OrgStatus;
  statusSuspended: boolean;
  type: OrgType;
  smeCategory: SmeCategory | null;
  /** YYYY-MM-DD, or null when the profile does not say. */
  foundedOn: string | null;
  declarations: Partial<Record<GrantDeclaration, boolean>>;
}

export type EligibilityReason =
  | "not-participant"
  | "org-type"
  | "sme-category"
  | "sme-unknown"
  | "tax-debt"
  | "too-young"
  | "founded-unknown";

/** Whole months from `from` to `to` (YYYY-MM-DD), a month counted when its day has come. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Whether the applicant may apply to a program on `today`, and every reason it may not. */
export function grantEligibility(
  rules: GrantEligibility,
  a: Applicant,
  today: string,
): { eligible: boolean; reasons: EligibilityReason[] } {
  const reasons: EligibilityReason[] = [];
  if (rules.participantsOnly && (a.status !== "participant" || a.statusSuspended))
    reasons.push("not-participant");
  if (rules.orgTypes.length && !rules.orgTypes.includes(a.type)) reasons.push("org-type");
  if (rules.smeCategories.length) {
    if (!a.smeCategory) reasons.push("sme-unknown");
    else if (!rules.smeCategories.includes(a.smeCategory)) reasons.push("sme-category");
  }
  if (rules.noTaxDebt && a.declarations.no_tax_debt !== true) reasons.push("tax-debt");
  if (rules.minAgeMonths != null) {
    if (!a.foundedOn) reasons.push("founded-unknown");
    else if (monthsBetween(a.foundedOn, today) < rules.minAgeMonths) reasons.push("too-young");
  }
  return { eligible: reasons.length === 0, reasons };
}

/** The documents an item lacks for its category. */
export const missingDocuments = (category: GrantCategory, has: readonly GrantDocument[]) =>
  REQUIRED_DOCUMENTS[category].filter((d) => !has.includes(d));

// ---------- yearly reports ----------

/**
 * A paid grant's yearly reports on the KPIs the application committed to, one per KPI year: due (or
 * returned by the operator with a reason) until the applicant submits the actual figures; the operator
 * accepts or returns a submitted one. When every report is accepted the operator closes the grant or
 * records a refund required (at most the amount paid) when the KPIs were missed.
 */
export const GRANT_REPORT_STATES = ["due", "submitted", "returned", "accepted"] as const;
export type GrantReportState = (typeof GRANT_REPORT_STATES)[number];
/** The states the applicant may submit a report in. */
export const GRANT_REPORT_OPEN: readonly GrantReportState[] = ["due", "returned"];

/** A report is due no sooner than this many days after the payment. */
export const GRANT_REPORT_MIN_DAYS = 30;

/**
 * The due day of the report on a KPI year (YYYY-MM-DD, Moscow): 1 April of the following year — the
 * year's accounts are filed with the tax office by 31 March — but never sooner than 30 days after the
 * payment (a KPI year that has already ended when the grant is paid).
 */
export function grantReportDue(kpiYear: number, paidOn: string): string {
  const april = `${kpiYear + 1}-04-01`;
  const earliest = addDays(paidOn, GRANT_REPORT_MIN_DAYS);
  return april > earliest ? april : earliest;
}

/** Reminders of a report not yet submitted: 30 and 7 days before its due day. */
export const GRANT_REPORT_REMINDERS = ["d30", "d7"] as const;
export type GrantReportReminder = (typeof GRANT_REPORT_REMINDERS)[number];

/** The reminder due on `today` for a report due on `dueOn` (both YYYY-MM-DD), or null. */
export function grantReportReminder(today: string, dueOn: string): GrantReportReminder | null {
  if (today > dueOn) return null;
  if (today >= addDays(dueOn, -7)) return "d7";
  if (today >= addDays(dueOn, -30)) return "d30";
  return null;
}
