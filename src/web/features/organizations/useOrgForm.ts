import { useForm } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type IdentifierError, identifierError, isValidOkvedCode } from "../../../shared/identifiers";
import { ORG_IDENTIFIER_RULES, type OrgType } from "../../../shared/organizations";
import { hasUnsafeChars } from "../../../shared/text";
import {
  compact,
  DESCRIPTION_MAX,
  normalizeWebsite,
  type OrgFormValues,
  TAGS_MAX,
  valuesOf,
} from "./orgFormValues";
import type { Organization } from "./types";

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[\d\s()-]{7,20}$/;

export type IdField = "inn" | "ogrn" | "kpp";

function identifierMessage(t: TFunction, field: string, e: IdentifierError): string {
  if (e.reason === "required") return t(`organizations.form.errors.${field}.required`);
  if (e.reason === "checksum") return t(`organizations.form.errors.${field}.checksum`);
  return t(`organizations.form.errors.${field}.digits`, { length: e.length });
}

/** The identifier check of one field for the chosen type (null when fine or not used). */
function checkIdentifier(t: TFunction, type: OrgType | "", field: IdField, raw: string): string | null {
  if (!type) return null;
  const rules = ORG_IDENTIFIER_RULES[type];
  if (rules.scheme !== "russian") return null;
  const value = field === "kpp" ? compact(raw).toUpperCase() : compact(raw);
  if (field === "inn") {
    const e = identifierError(rules.inn, value);
    return e ? identifierMessage(t, "inn", e) : null;
  }
  if (field === "ogrn") {
    const e = identifierError(rules.ogrn, value);
    return e ? identifierMessage(t, rules.ogrn, e) : null;
  }
  if (!rules.kpp) return null;
  const e = identifierError("kpp", value);
  return e ? identifierMessage(t, "kpp", e) : null;
}

function textRule(t: TFunction, min: number, max: number) {
  return (value: string) => {
    const v = value.trim();
    if (!v) return t("common.validation.required");
    if (v.length < min) return t("common.validation.tooShort", { min });
    if (v.length > max) return t("common.validation.tooLong", { max });
    if (hasUnsafeChars(v)) return t("common.validation.unsafeText");
    return null;
  };
}

/** The profile form; `preset` fills fields of a new organization (e.g. from the measures questionnaire). */
export function useOrgForm(initial: Organization | null, preset?: Partial<OrgFormValues>) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  return useForm<OrgFormValues>({
    mode: "controlled",
    initialValues: { ...valuesOf(initial), ...preset },
    validate: {
      type: (v) => (v ? null : t("organizations.form.errors.typeRequired")),
      inn: (v, values) => checkIdentifier(t, values.type, "inn", v),
      ogrn: (v, values) => checkIdentifier(t, values.type, "ogrn", v),
      kpp: (v, values) => checkIdentifier(t, values.type, "kpp", v),
      country: (v, values) =>
        values.type === "foreign" && !v ? t("organizations.form.errors.countryRequired") : null,
      foreignRegNumber: (v, values) => {
        if (values.type !== "foreign") return null;
        if (!v.trim()) return t("organizations.form.errors.regNumberRequired");
        return v.trim().length > 50 ? t("common.validation.tooLong", { max: 50 }) : null;
      },
      regionCode: (v, values) =>
        values.type && values.type !== "foreign" && !v ? t("organizations.form.errors.regionRequired") : null,
      fullName: textRule(t, 3, 500),
      shortName: textRule(t, 2, 200),
      legalAddress: textRule(t, 5, 500),
      foundedOn: (v) => {
        if (!v) return null;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return t("organizations.form.errors.date");
        if (v > today) return t("organizations.form.errors.foundedFuture");
        if (v < "1700-01-01") return t("organizations.form.errors.foundedPast");
        return null;
      },
      website: (v) => {
        const s = normalizeWebsite(v);
        if (!s) return null;
        try {
          const url = new URL(s);
          if (!/^https?:$/.test(url.protocol) || !url.hostname.includes(".")) throw new Error("bad");
        } catch {
          return t("organizations.form.errors.website");
        }
        return s.length > 300 ? t("common.validation.tooLong", { max: 300 }) : null;
      },
      descriptionRu: (v) =>
        v.trim().length > DESCRIPTION_MAX ? t("common.validation.tooLong", { max: DESCRIPTION_MAX }) : null,
      descriptionEn: (v) =>
        v.trim().length > DESCRIPTION_MAX ? t("common.validation.tooLong", { max: DESCRIPTION_MAX }) : null,
      headcount: (v) =>
        typeof v === "number" && (!Number.isInteger(v) || v < 0 || v > 10_000_000)
          ? t("organizations.form.errors.headcount")
          : null,
      revenueMln: (v) =>
        typeof v === "number" && (v < 0 || v > 100_000_000) ? t("organizations.form.errors.revenue") : null,
      okvedMain: (v) =>
        v.trim() && !isValidOkvedCode(v.trim()) ? t("organizations.form.errors.okvedCode") : null,
      tags: (v) => (v.length > TAGS_MAX ? t("organizations.form.errors.tagsMax", { max: TAGS_MAX }) : null),
      contactEmail: (v) => (v.trim() && !EMAIL_RE.test(v.trim()) ? t("common.validation.email") : null),
      contactPhone: (v) =>
        v.trim() && !PHONE_RE.test(v.trim()) ? t("organizations.form.errors.phone") : null,
    },
  });
}
