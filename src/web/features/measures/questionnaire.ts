import type { EligibilityProfile } from "../../../shared/eligibility";
import type { OrgStatus, OrgType } from "../../../shared/organizations";
import type { Questionnaire } from "./types";

const KEY = "innocluster.measures.questionnaire";

/** The guest's answers, kept in sessionStorage so that they survive a reload. */
export function loadAnswers(): Questionnaire | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Questionnaire) : null;
  } catch {
    return null;
  }
}

export function saveAnswers(answers: Questionnaire | null): void {
  try {
    if (answers) sessionStorage.setItem(KEY, JSON.stringify(answers));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage may be unavailable (private mode): the answers just do not survive a reload
  }
}

/** The answers as an eligibility profile (what the server does for POST /measures/check). */
export function profileOf(a: Questionnaire): EligibilityProfile {
  return {
    type: (a.type as OrgType | null | undefined) ?? null,
    regionCode: a.region ?? null,
    ageYears: a.ageYears ?? null,
    headcount: a.headcount ?? null,
    revenueMln: a.revenueMln ?? null,
    okvedSections: a.industry ? [a.industry] : null,
    status: (a.status as OrgStatus | null | undefined) ?? null,
  };
}
