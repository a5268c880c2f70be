/**
 * Explained eligibility: one pure function that checks a support measure's criteria (data) against
 * an organization's profile (or a guest's questionnaire answers) and says, for every criterion, met /
 * not met / unknown with a sentence in Russian and English. Used by the server and the web app.
 * Each criterion is one object of the registry in criteria.ts; `evaluate` runs their checks in order.
 *
 * Rules:
 * - a criterion with nothing in it (an empty list, a range with neither bound) is no criterion;
 * - a profile value that is null/undefined (or an empty list of OKVED sections or tags) is unknown,
 *   and an unknown value gives "unknown", never "not met";
 * - verdict: any "not met" → not_eligible; else any "unknown" → check; else eligible.
 * Dates are whole calendar months between two y-m-d dates (UTC), see `wholeMonthsBetween`.
 */

import { CRITERIA_LIST, criterionValue } from "./criteria.js";
import {
  type Criteria,
  type CriterionOutcome,
  type CriterionResult,
  type EligibilityProfile,
  type Evaluation,
  isoDate,
  VERDICTS,
  type Verdict,
} from "./eligibility.base.js";

export * from "./eligibility.base.js";

export function evaluate(
  criteria: Criteria | null | undefined,
  profile: EligibilityProfile,
  now: Date | string,
): Evaluation {
  const c = criteria ?? {};
  const today = typeof now === "string" ? now.slice(0, 10) : isoDate(now);
  const out: CriterionOutcome[] = [];
  for (const criterion of CRITERIA_LIST) {
    const value = criterionValue(c, criterion.key);
    if (value !== null && value !== undefined) out.push(...criterion.check(value as never, profile, today));
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
