import type { EligibilityProfile } from "../../../shared/eligibility";
import type { OrgStatus, OrgType } from "../../../shared/organizations";
import type { Questionnaire } from "./types";

const KEY = "innocluster.measures.questionnaire";
/** The check page's view (answered or not, page, verdict filter): per tab, in sessionStorage. */
export const CHECK_VIEW_KEY = "innocluster.measures.check";

/**
 * The guest's answers, kept in localStorage: they survive a reload and the sign-up → e-mail confirmation →
 * sign-in round trip (which may open a new tab), so they can pre-fill a new organization. They stay in
 * this browser only; "forget my answers" on the check page and registering an organization remove them.
 */
export function loadAnswers(): Questionnaire | null {
  try {
    let raw = localStorage.getItem(KEY);
    if (!raw) {
      // answers saved by an earlier version of the page, per tab
      raw = sessionStorage.getItem(KEY);
      if (raw) {
        localStorage.setItem(KEY, raw);
        sessionStorage.removeItem(KEY);
      }
    }
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Questionnaire) : null;
  } catch {
    return null;
  }
}

export function saveAnswers(answers: Questionnaire | null): void {
  try {
    if (answers) localStorage.setItem(KEY, JSON.stringify(answers));
    else localStorage.removeItem(KEY);
  } catch {
    // storage may be unavailable (private mode): the answers just do not survive a reload
  }
}

/** Removes the saved answers and the check page's view of them. */
export function forgetAnswers(): void {
  saveAnswers(null);
  try {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(CHECK_VIEW_KEY);
  } catch {
    // nothing stored
  }
}

/** Whether any question has an answer. */
export function hasAnswers(a: Questionnaire | null | undefined): boolean {
  return !!a && Object.values(a).some((v) => v !== null && v !== undefined && v !== "");
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
