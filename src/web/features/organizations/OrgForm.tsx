import {
  Alert,
  Button,
  Card,
  Checkbox,
  Collapse,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import type { TFunction } from "i18next";
import type { ChangeEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ELIGIBILITY_FLAGS, type EligibilityFlag } from "../../../shared/eligibility";
import { type IdentifierError, identifierError, isValidOkvedCode } from "../../../shared/identifiers";
import { OKVED_SECTIONS } from "../../../shared/okved";
import { ORG_IDENTIFIER_RULES, ORG_TYPES, type OrgType, smeCategory } from "../../../shared/organizations";
import { COUNTRIES, REGIONS } from "../../../shared/regions";
import { isTagSlug, TAGS } from "../../../shared/tags";
import { hasUnsafeChars } from "../../../shared/text";
import { useLabels } from "./labels";
import type { Organization, OrgProfileInput, UpdateOrgBody } from "./types";

export const DESCRIPTION_MAX = 5000;
export const TAGS_MAX = 12;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[\d\s()-]{7,20}$/;

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

/**
 * The id of a profile field's input (`org-field-foundedOn`, `org-field-flags.exporter`): "fill in the
 * profile" links of the support-measure navigator name the field (`?edit=1&field=…`).
 */
export const fieldId = (field: string) => `org-field-${field}`;

/**
 * Scrolls to a profile field and puts the focus in it (for a group of radios: the checked one, else the
 * first). Returns false when the form has no such field.
 */
export function focusOrgField(field: string): boolean {
  const el = document.getElementById(fieldId(field));
  if (!el) return false;
  const focusable = /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)
    ? el
    : (el.querySelector<HTMLElement>("input:checked") ??
      el.querySelector<HTMLElement>("input, select, textarea, button") ??
      el);
  el.scrollIntoView({ block: "center" });
  focusable.focus({ preventScroll: true });
  return true;
}

/** Identifiers are typed without spaces; KPP may carry capital Latin letters. */
const compact = (v: string) => v.replace(/\s+/g, "");
const orNull = (v: string) => {
  const s = v.trim();
  return s ? s : null;
};
const numberOrNull = (v: number | string) => (typeof v === "number" && Number.isFinite(v) ? v : null);

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

type IdField = "inn" | "ogrn" | "kpp";

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

function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/**
 * Live check of an identifier: the error appears as soon as the value is long enough to judge (or has
 * a wrong character), and on leaving the field; while typing a short value no error is shown.
 */
function identifierProps(form: OrgForm, field: IdField, expected: number) {
  const props = form.getInputProps(field);
  return {
    ...props,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      form.setFieldValue(field, value);
      const v = compact(value);
      if (v.length >= expected || (field !== "kpp" && /\D/.test(v))) form.validateField(field);
      else form.clearFieldError(field);
    },
    onBlur: () => {
      if (form.getValues()[field]) form.validateField(field);
    },
  };
}

interface FieldsProps {
  form: OrgForm;
  mode: "create" | "edit";
  /** May register a city body (operators and admins). */
  staff: boolean;
  /** Identifiers and region cannot change (the organization has participant or partner status). */
  locked?: boolean;
  /** Extra hints under fields (e.g. the age the questionnaire gave, under the founding date). */
  hints?: { foundedOn?: string | null };
  /** Members who may be the contact person (edit mode); on registration it is the registering user. */
  people?: { value: string; label: string }[];
}

/** The declared flags: for each, yes / no / not stated, with a hint on whose statements these are. */
function FlagsSection({ form }: { form: OrgForm }) {
  const { t } = useTranslation();
  const flags = form.getValues().declaredFlags;
  const choices = [
    { value: "yes", label: t("organizations.form.flags.yes") },
    { value: "no", label: t("organizations.form.flags.no") },
    { value: "unset", label: t("organizations.form.flags.unset") },
  ];
  return (
    <FormSection id="org-flags" title={t("organizations.form.sections.flags")}>
      <Text size="sm" id="org-flags-hint">
        {t("organizations.form.flags.hint")}
      </Text>
      <Stack gap="sm">
        {ELIGIBILITY_FLAGS.map((f) => (
          <Group key={f} justify="space-between" gap="xs" wrap="wrap">
            <Text id={`org-flag-${f}-label`} fw={500} style={{ flex: "1 1 16rem" }}>
              {t(`organizations.form.flags.names.${f}`)}
            </Text>
            <SegmentedControl
              id={fieldId(`flags.${f}`)}
              name={`org-flag-${f}`}
              aria-labelledby={`org-flag-${f}-label`}
              aria-describedby="org-flags-hint"
              value={flags[f]}
              onChange={(v) =>
                form.setFieldValue("declaredFlags", {
                  ...form.getValues().declaredFlags,
                  [f]: v as FlagChoice,
                })
              }
              data={choices}
            />
          </Group>
        ))}
      </Stack>
    </FormSection>
  );
}

/** The profile's fields, shared by registration and editing. */
export function OrgFormFields({ form, mode, staff, locked = false, hints, people }: FieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [englishOpen, english] = useDisclosure(Boolean(form.getValues().descriptionEn));
  const values = form.getValues();
  const type = values.type;
  const rules = type ? ORG_IDENTIFIER_RULES[type] : null;
  const types = ORG_TYPES.filter((ty) => ty !== "city_body" || staff || values.type === "city_body");
  const sme = smeCategory(numberOrNull(values.headcount), numberOrNull(values.revenueMln));

  const regionData = REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r[labels.locale]}` }));
  const countryData = [...COUNTRIES]
    .map((c) => ({ value: c.code, label: c[labels.locale] }))
    .sort((a, b) => a.label.localeCompare(b.label, labels.locale));
  if (values.country && !countryData.some((c) => c.value === values.country)) {
    countryData.unshift({ value: values.country, label: values.country });
  }
  const okvedData = OKVED_SECTIONS.map((s) => ({
    value: s.letter,
    label: `${s.letter} — ${s[labels.locale]}`,
  }));
  const tagData = TAGS.map((tag) => ({ value: tag.slug, label: tag[labels.locale] }));
  const lockedHint = locked ? t("organizations.form.lockedHint") : undefined;

  return (
    <Stack gap="lg">
      {mode === "create" ? (
        <Fieldset
          id={fieldId("type")}
          legend={t("organizations.form.type")}
          variant="unstyled"
          aria-describedby="org-type-hint"
          styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)", marginBottom: 4 } }}
        >
          <Text size="sm" id="org-type-hint" mb="sm">
            {t("organizations.form.typeHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {types.map((ty) => (
              <Card
                key={ty}
                withBorder
                padding="sm"
                style={{
                  borderColor: values.type === ty ? "var(--mantine-color-indigo-9)" : undefined,
                  borderWidth: values.type === ty ? 2 : 1,
                }}
              >
                <Radio
                  name="type"
                  value={ty}
                  checked={values.type === ty}
                  onChange={() => {
                    form.setFieldValue("type", ty);
                    form.clearFieldError("type");
                    form.clearErrors();
                  }}
                  label={labels.type(ty)}
                  description={t(`organizations.form.typeDescriptions.${ty}`)}
                  styles={{ label: { fontWeight: 600 } }}
                />
              </Card>
            ))}
          </SimpleGrid>
          {form.errors.type && (
            <Text c="red.9" size="sm" mt="xs" role="alert">
              {form.errors.type}
            </Text>
          )}
        </Fieldset>
      ) : (
        <Text id={fieldId("type")} tabIndex={-1}>
          <Text span fw={600}>
            {t("organizations.form.type")}:
          </Text>{" "}
          {type ? labels.type(type) : "—"}
        </Text>
      )}

      {rules && (
        <FormSection id="org-identifiers" title={t("organizations.form.sections.identifiers")}>
          {locked && (
            <Alert color="blue" variant="light">
              {t("organizations.form.lockedNotice")}
            </Alert>
          )}
          {rules.scheme === "russian" ? (
            <SimpleGrid cols={{ base: 1, sm: rules.kpp ? 3 : 2 }} spacing="md">
              <TextInput
                label={t("organizations.form.inn")}
                description={t(
                  rules.inn === "inn10" ? "organizations.form.innHint10" : "organizations.form.innHint12",
                )}
                inputMode="numeric"
                autoComplete="off"
                required
                readOnly={locked}
                maxLength={20}
                {...identifierProps(form, "inn", rules.inn === "inn10" ? 10 : 12)}
              />
              <TextInput
                label={t(rules.ogrn === "ogrn" ? "organizations.form.ogrn" : "organizations.form.ogrnip")}
                description={t(
                  rules.ogrn === "ogrn" ? "organizations.form.ogrnHint" : "organizations.form.ogrnipHint",
                )}
                inputMode="numeric"
                autoComplete="off"
                required
                readOnly={locked}
                maxLength={24}
                {...identifierProps(form, "ogrn", rules.ogrn === "ogrn" ? 13 : 15)}
              />
              {rules.kpp && (
                <TextInput
                  label={t("organizations.form.kpp")}
                  description={t("organizations.form.kppHint")}
                  autoComplete="off"
                  required
                  readOnly={locked}
                  maxLength={14}
                  {...identifierProps(form, "kpp", 9)}
                />
              )}
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t("organizations.form.country")}
                description={t("organizations.form.countryHint")}
                data={countryData}
                searchable
                required
                readOnly={locked}
                nothingFoundMessage={t("organizations.form.nothingFound")}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("country")}
                onChange={(v) => form.setFieldValue("country", v ?? "")}
              />
              <TextInput
                label={t("organizations.form.regNumber")}
                description={t("organizations.form.regNumberHint")}
                autoComplete="off"
                required
                readOnly={locked}
                maxLength={50}
                {...form.getInputProps("foreignRegNumber")}
              />
            </SimpleGrid>
          )}
          {rules.scheme === "russian" && (
            <Select
              id={fieldId("regionCode")}
              label={t("organizations.form.region")}
              description={lockedHint ?? t("organizations.form.regionHint")}
              data={regionData}
              searchable
              required
              readOnly={locked}
              maw={480}
              nothingFoundMessage={t("organizations.form.nothingFound")}
              {...form.getInputProps("regionCode")}
              onChange={(v) => form.setFieldValue("regionCode", v ?? "")}
            />
          )}
        </FormSection>
      )}

      {rules && (
        <>
          <FormSection id="org-main" title={t("organizations.form.sections.main")}>
            {locked && (
              <Text size="sm" id="org-name-approval" role="note">
                {t("organizations.form.nameApproval")}
              </Text>
            )}
            <TextInput
              label={t("organizations.form.fullName")}
              description={
                locked ? t("organizations.form.nameApprovalHint") : t("organizations.form.fullNameHint")
              }
              required
              maxLength={500}
              {...form.getInputProps("fullName")}
            />
            <TextInput
              label={t("organizations.form.shortName")}
              description={
                locked ? t("organizations.form.nameApprovalHint") : t("organizations.form.shortNameHint")
              }
              required
              maxLength={200}
              {...form.getInputProps("shortName")}
            />
            <TextInput
              label={t("organizations.form.legalAddress")}
              required
              maxLength={500}
              autoComplete="street-address"
              {...form.getInputProps("legalAddress")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                id={fieldId("foundedOn")}
                type="date"
                label={t("organizations.form.foundedOn")}
                description={hints?.foundedOn ?? undefined}
                max={new Date().toISOString().slice(0, 10)}
                {...form.getInputProps("foundedOn")}
              />
              <TextInput
                type="url"
                label={t("organizations.form.website")}
                description={t("organizations.form.websiteHint")}
                autoComplete="url"
                maxLength={300}
                {...form.getInputProps("website")}
                onBlur={() => {
                  const v = form.getValues().website;
                  const normalized = normalizeWebsite(v);
                  if (normalized !== v) form.setFieldValue("website", normalized);
                  form.validateField("website");
                }}
              />
            </SimpleGrid>
            <Textarea
              label={t("organizations.form.description")}
              description={t("organizations.form.descriptionHint", {
                count: values.descriptionRu.length,
                max: DESCRIPTION_MAX,
              })}
              autosize
              minRows={4}
              maxRows={14}
              maxLength={DESCRIPTION_MAX}
              {...form.getInputProps("descriptionRu")}
            />
            <div>
              <Button
                variant="subtle"
                px={0}
                onClick={english.toggle}
                aria-expanded={englishOpen}
                aria-controls="org-english"
              >
                {englishOpen ? t("organizations.form.englishHide") : t("organizations.form.englishShow")}
              </Button>
              <Collapse expanded={englishOpen} id="org-english">
                <Textarea
                  mt="xs"
                  label={t("organizations.form.descriptionEn")}
                  description={t("organizations.form.descriptionEnHint", {
                    count: values.descriptionEn.length,
                    max: DESCRIPTION_MAX,
                  })}
                  lang="en"
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={DESCRIPTION_MAX}
                  {...form.getInputProps("descriptionEn")}
                />
              </Collapse>
            </div>
          </FormSection>

          <FormSection id="org-size" title={t("organizations.form.sections.size")}>
            <Text size="sm">{t("organizations.form.sizeLead")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                id={fieldId("headcount")}
                label={t("organizations.form.headcount")}
                description={t("organizations.form.headcountHint")}
                min={0}
                max={10_000_000}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                {...form.getInputProps("headcount")}
              />
              <NumberInput
                id={fieldId("revenueMln")}
                label={t("organizations.form.revenue")}
                description={t("organizations.form.revenueHint")}
                min={0}
                max={100_000_000}
                decimalScale={3}
                allowNegative={false}
                decimalSeparator={labels.locale === "ru" ? "," : "."}
                hideControls
                {...form.getInputProps("revenueMln")}
              />
            </SimpleGrid>
            <Text aria-live="polite" fw={600}>
              {sme
                ? t("organizations.form.smePreview", { category: labels.sme(sme).toLowerCase() })
                : t("organizations.form.smeUnknown")}
            </Text>
          </FormSection>

          <FormSection id="org-activity" title={t("organizations.form.sections.activity")}>
            <MultiSelect
              id={fieldId("okvedSections")}
              label={t("organizations.form.okvedSections")}
              description={t("organizations.form.okvedSectionsHint")}
              data={okvedData}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage={t("organizations.form.nothingFound")}
              {...form.getInputProps("okvedSections")}
            />
            <TextInput
              label={t("organizations.form.okvedMain")}
              description={t("organizations.form.okvedMainHint")}
              maxLength={8}
              maw={240}
              autoComplete="off"
              {...form.getInputProps("okvedMain")}
            />
            <MultiSelect
              id={fieldId("tags")}
              label={t("organizations.form.tags")}
              description={t("organizations.form.tagsHint", { max: TAGS_MAX })}
              data={tagData}
              searchable
              clearable
              hidePickedOptions
              maxValues={TAGS_MAX}
              nothingFoundMessage={t("organizations.form.nothingFound")}
              {...form.getInputProps("tags")}
            />
          </FormSection>

          <FlagsSection form={form} />

          <FormSection id="org-contacts" title={t("organizations.form.sections.contacts")}>
            <Text size="sm">{t("organizations.form.contactsLead")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                type="email"
                label={t("organizations.form.contactEmail")}
                autoComplete="email"
                maxLength={254}
                {...form.getInputProps("contactEmail")}
              />
              <TextInput
                type="tel"
                label={t("organizations.form.contactPhone")}
                description={t("organizations.form.contactPhoneHint")}
                autoComplete="tel"
                maxLength={20}
                {...form.getInputProps("contactPhone")}
              />
            </SimpleGrid>
            {mode === "edit" && people && people.length > 0 && (
              <NativeSelect
                id={fieldId("contactPersonId")}
                label={t("organizations.form.contactPerson")}
                description={t("organizations.form.contactPersonHint")}
                data={[{ value: "", label: t("organizations.form.contactPersonNone") }, ...people]}
                {...form.getInputProps("contactPersonId")}
              />
            )}
            <Checkbox
              label={t(
                mode === "create"
                  ? "organizations.form.contactsPublicMine"
                  : "organizations.form.contactsPublic",
              )}
              description={t(
                mode === "create"
                  ? "organizations.form.contactsPublicMineHint"
                  : "organizations.form.contactsPublicHint",
              )}
              {...form.getInputProps("contactsPublic", { type: "checkbox" })}
            />
          </FormSection>
        </>
      )}
    </Stack>
  );
}

/** Submit row shared by both modes. */
export function OrgFormActions({
  submitLabel,
  loading,
  onCancel,
  disabled,
}: {
  submitLabel: string;
  loading: boolean;
  onCancel?: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      )}
    </Group>
  );
}
