// The registration form's steps (which fields each holds) and its draft, kept in this browser per user.
import { innRegionCode } from "../../../shared/identifiers";
import { isRegionCode } from "../../../shared/regions";
import { compact, type OrgFormValues, valuesOf } from "./orgFormValues";

export const NEW_ORG_STEPS = ["identifiers", "about", "contacts", "review"] as const;
export type NewOrgStep = (typeof NEW_ORG_STEPS)[number];

/** The form's fields on each step (the review step shows them all and has none of its own). */
export const STEP_FIELDS: Readonly<Record<NewOrgStep, readonly (keyof OrgFormValues)[]>> = {
  identifiers: ["type", "inn", "ogrn", "kpp", "country", "foreignRegNumber", "regionCode"],
  about: [
    "fullName",
    "shortName",
    "legalAddress",
    "foundedOn",
    "website",
    "descriptionRu",
    "descriptionEn",
    "headcount",
    "revenueMln",
    "okvedSections",
    "okvedMain",
    "tags",
  ],
  contacts: ["declaredFlags", "contactEmail", "contactPhone", "contactsPublic"],
  review: [],
};

/**
 * The step holding a field named by a form or server error path ("inn", "declaredFlags.exporter",
 * "flags.exporter"); the review step for a field no step holds.
 */
export function stepOfField(path: string): number {
  const head = path.split(".")[0] ?? "";
  const field = head === "flags" ? "declaredFlags" : head;
  const i = NEW_ORG_STEPS.findIndex((s) => (STEP_FIELDS[s] as readonly string[]).includes(field));
  return i < 0 ? NEW_ORG_STEPS.length - 1 : i;
}

/** The first step with an error among `errors` (a Mantine form's errors), or null. */
export function firstStepWithError(errors: Record<string, unknown>): number | null {
  const steps = Object.entries(errors)
    .filter(([, e]) => Boolean(e))
    .map(([path]) => stepOfField(path));
  return steps.length ? Math.min(...steps) : null;
}

/** The region a valid INN names (its first two digits), when that is a region we list. */
export function regionFromInn(inn: string): string | null {
  const code = innRegionCode(compact(inn));
  return code && isRegionCode(code) ? code : null;
}

// ---------- the draft ----------

/**
 * The draft of a registration: the form's values and the step, in localStorage under the user's id, so
 * a reload, a closed tab or coming back the next day starts where the person stopped. It stays in this
 * browser; registering the organization or "start over" removes it, and it is dropped after 30 days.
 */
export interface OrgDraft {
  values: OrgFormValues;
  step: number;
  savedAt: string;
}

const DRAFT_PREFIX = "innocluster.organizations.draft.";
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const draftKey = (userId: string) => `${DRAFT_PREFIX}${userId}`;

/** Keeps only the fields the form has, with the type each has (a draft from an older version is safe). */
function sanitize(raw: Record<string, unknown>): OrgFormValues {
  const base = valuesOf(null);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(base)) {
    const got = raw[k];
    if (got === undefined) continue;
    if (Array.isArray(v)) {
      if (Array.isArray(got) && got.every((x) => typeof x === "string")) out[k] = got;
    } else if (k === "declaredFlags") {
      if (got && typeof got === "object")
        out[k] = Object.fromEntries(
          Object.entries(v as Record<string, string>).map(([f, d]) => {
            const x = (got as Record<string, unknown>)[f];
            return [f, x === "yes" || x === "no" || x === "unset" ? x : d];
          }),
        );
    } else if (k === "headcount" || k === "revenueMln") {
      if (typeof got === "number" || got === "") out[k] = got;
    } else if (typeof got === typeof v) out[k] = got;
  }
  return out as unknown as OrgFormValues;
}

export function loadDraft(userId: string): OrgDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<OrgDraft> | null;
    if (!parsed || typeof parsed !== "object" || !parsed.values || typeof parsed.values !== "object")
      return null;
    const savedAt = typeof parsed.savedAt === "string" ? parsed.savedAt : "";
    if (!savedAt || Date.now() - Date.parse(savedAt) > DRAFT_MAX_AGE_MS) {
      localStorage.removeItem(draftKey(userId));
      return null;
    }
    const step = Number.isInteger(parsed.step) ? Math.min(Math.max(parsed.step ?? 0, 0), 3) : 0;
    return { values: sanitize(parsed.values as unknown as Record<string, unknown>), step, savedAt };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, values: OrgFormValues, step: number): void {
  try {
    const draft: OrgDraft = { values, step, savedAt: new Date().toISOString() };
    localStorage.setItem(draftKey(userId), JSON.stringify(draft));
  } catch {
    // storage may be unavailable (private mode): the draft just does not survive a reload
  }
}

export function forgetDraft(userId: string): void {
  try {
    localStorage.removeItem(draftKey(userId));
  } catch {
    // nothing kept
  }
}

/** Whether the values differ from an empty form (nothing worth keeping otherwise). */
export function hasContent(values: OrgFormValues): boolean {
  return JSON.stringify(values) !== JSON.stringify(valuesOf(null));
}
