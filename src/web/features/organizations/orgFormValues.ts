// The profile form's values: what the form holds, how an organization fills it, and the request body.
import type { UseFormReturnType } from "@mantine/form";
import { ELIGIBILITY_FLAGS, type EligibilityFlag } from "../../../shared/eligibility";
import { ORG_IDENTIFIER_RULES, type OrgType } from "../../../shared/organizations";
import { isTagSlug } from "../../../shared/tags";
import type { Organization, OrgProfileInput, UpdateOrgBody } from "./types";

export const DESCRIPTION_MAX = 5000;
export const TAGS_MAX = 12;

/** A declared flag in the form: stated yes, stated no, or not stated. */
export type FlagChoice = "yes" | "no" | "unset";

export interface OrgFormValues {
  type: OrgType | "";
  inn: string;
  ogrn: string;
  kpp: string;
  country: string;
  foreignRegNumber: string;
  regionCode: string;
  fullName: string;
  shortName: string;
  legalAddress: string;
  foundedOn: string;
  website: string;
  descriptionRu: string;
  descriptionEn: string;
  headcount: number | string;
  revenueMln: number | string;
  okvedSections: string[];
  okvedMain: string;
  tags: string[];
  contactEmail: string;
  contactPhone: string;
  contactsPublic: boolean;
  contactPersonId: string;
  declaredFlags: Record<EligibilityFlag, FlagChoice>;
}

export type OrgForm = UseFormReturnType<OrgFormValues>;

export function valuesOf(org: Organization | null): OrgFormValues {
  return {
    type: org?.type ?? "",
    inn: org?.inn ?? "",
    ogrn: org?.ogrn ?? "",
    kpp: org?.kpp ?? "",
    country: org?.country ?? "",
    foreignRegNumber: org?.foreignRegNumber ?? "",
    regionCode: org?.regionCode ?? "",
    fullName: org?.fullName ?? "",
    shortName: org?.shortName ?? "",
    legalAddress: org?.legalAddress ?? "",
    foundedOn: org?.foundedOn ?? "",
    website: org?.website ?? "",
    descriptionRu: org?.descriptionRu ?? "",
    descriptionEn: org?.descriptionEn ?? "",
    headcount: org?.headcount ?? "",
    revenueMln: org?.revenueMln ?? "",
    okvedSections: org?.okvedSections ?? [],
    okvedMain: org?.okvedMain ?? "",
    tags: org?.tags ?? [],
    contactEmail: org?.contactEmail ?? "",
    contactPhone: org?.contactPhone ?? "",
    contactsPublic: org?.contactsPublic ?? false,
    contactPersonId: org?.contactPersonId ?? "",
    declaredFlags: Object.fromEntries(
      ELIGIBILITY_FLAGS.map((f) => {
        const v = org?.declaredFlags?.[f];
        return [f, v === true ? "yes" : v === false ? "no" : "unset"];
      }),
    ) as Record<EligibilityFlag, FlagChoice>,
  };
}

/** Identifiers are typed without spaces; KPP may carry capital Latin letters. */
export const compact = (v: string) => v.replace(/\s+/g, "");
const orNull = (v: string) => {
  const s = v.trim();
  return s ? s : null;
};
export const numberOrNull = (v: number | string) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Adds https:// to an address typed without a scheme ("example.ru"). */
export function normalizeWebsite(v: string): string {
  const s = v.trim();
  if (!s || /^https?:\/\//i.test(s)) return s;
  return `https://${s}`;
}

/** The request body: fields the type does not use are sent as null. */
export function toProfile(values: OrgFormValues): Omit<OrgProfileInput, "type"> {
  const rules = values.type ? ORG_IDENTIFIER_RULES[values.type] : null;
  const foreign = rules?.scheme === "foreign";
  return {
    inn: foreign ? null : orNull(compact(values.inn)),
    ogrn: foreign ? null : orNull(compact(values.ogrn)),
    kpp: rules?.scheme === "russian" && rules.kpp ? orNull(compact(values.kpp).toUpperCase()) : null,
    country: foreign ? orNull(values.country) : null,
    foreignRegNumber: foreign ? orNull(values.foreignRegNumber) : null,
    regionCode: foreign ? null : orNull(values.regionCode),
    fullName: values.fullName.trim(),
    shortName: values.shortName.trim(),
    legalAddress: values.legalAddress.trim(),
    foundedOn: orNull(values.foundedOn),
    website: orNull(normalizeWebsite(values.website)),
    descriptionRu: values.descriptionRu.trim(),
    descriptionEn: orNull(values.descriptionEn),
    headcount: numberOrNull(values.headcount),
    revenueMln: numberOrNull(values.revenueMln),
    okvedSections: values.okvedSections,
    okvedMain: orNull(values.okvedMain),
    tags: values.tags.filter(isTagSlug),
    contactEmail: orNull(values.contactEmail),
    contactPhone: orNull(values.contactPhone),
    contactsPublic: values.contactsPublic,
    ...(values.contactPersonId ? { contactPersonId: values.contactPersonId } : {}),
    declaredFlags: Object.fromEntries(
      ELIGIBILITY_FLAGS.map((f) => {
        const v = values.declaredFlags[f];
        return [f, v === "yes" ? true : v === "no" ? false : null];
      }),
    ),
  };
}

export function toCreateBody(values: OrgFormValues): OrgProfileInput {
  return { type: values.type as OrgType, ...toProfile(values) };
}

export function toUpdateBody(values: OrgFormValues, version: number): UpdateOrgBody {
  return { ...toProfile(values), version };
}
