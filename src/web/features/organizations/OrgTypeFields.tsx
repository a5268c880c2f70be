import {
  Alert,
  Card,
  Fieldset,
  Radio,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import type { ChangeEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ORG_IDENTIFIER_RULES, ORG_TYPES } from "../../../shared/organizations";
import { COUNTRIES, REGIONS } from "../../../shared/regions";
import { useLabels } from "./labels";
import { FormSection, fieldId, identifierProps } from "./orgFormParts";
import type { OrgForm } from "./orgFormValues";

/** A state-register identifier (INN, OGRN, KPP): required, never autofilled from other sites. */
function IdentifierInput(props: TextInputProps) {
  return <TextInput autoComplete="off" required {...props} />;
}

/** The type of the organization: cards to choose from on registration, a line of text afterwards. */
export function OrgTypeField({
  form,
  mode,
  staff,
}: {
  form: OrgForm;
  mode: "create" | "edit";
  staff: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const values = form.getValues();
  const type = values.type;
  const types = ORG_TYPES.filter((ty) => ty !== "city_body" || staff || values.type === "city_body");
  return mode === "create" ? (
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
  );
}

/** What registration adds to the identifiers: the region from the INN and the register lookup. */
export interface IdentifiersExtras {
  /** Called after the INN field changed (the value as typed). */
  onInnChange?: (value: string) => void;
  /** Called after the person chose a region themselves. */
  onRegionChange?: () => void;
  /** Replaces the region's hint (e.g. "filled from the INN"). */
  regionHint?: string | null;
  /** Shown under the identifiers (the state-register lookup). */
  below?: ReactNode;
}

/** Identifiers and region (a Russian organization) or country and registration number (a foreign one). */
export function IdentifiersSection({
  form,
  locked,
  extras,
}: {
  form: OrgForm;
  locked: boolean;
  extras?: IdentifiersExtras;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const values = form.getValues();
  const rules = values.type ? ORG_IDENTIFIER_RULES[values.type] : null;
  const regionData = REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r[labels.locale]}` }));
  const countryData = [...COUNTRIES]
    .map((c) => ({ value: c.code, label: c[labels.locale] }))
    .sort((a, b) => a.label.localeCompare(b.label, labels.locale));
  if (values.country && !countryData.some((c) => c.value === values.country)) {
    countryData.unshift({ value: values.country, label: values.country });
  }
  const lockedHint = locked ? t("organizations.form.lockedHint") : undefined;
  if (!rules) return null;
  return (
    <FormSection id="org-identifiers" title={t("organizations.form.sections.identifiers")}>
      {locked && (
        <Alert color="blue" variant="light">
          {t("organizations.form.lockedNotice")}
        </Alert>
      )}
      {rules.scheme === "russian" ? (
        <SimpleGrid cols={{ base: 1, sm: rules.kpp ? 3 : 2 }} spacing="md">
          <IdentifierInput
            label={t("organizations.form.inn")}
            description={t(
              rules.inn === "inn10" ? "organizations.form.innHint10" : "organizations.form.innHint12",
            )}
            inputMode="numeric"
            readOnly={locked}
            maxLength={20}
            {...innProps(identifierProps(form, "inn", rules.inn === "inn10" ? 10 : 12), extras)}
          />
          <IdentifierInput
            label={t(rules.ogrn === "ogrn" ? "organizations.form.ogrn" : "organizations.form.ogrnip")}
            description={t(
              rules.ogrn === "ogrn" ? "organizations.form.ogrnHint" : "organizations.form.ogrnipHint",
            )}
            inputMode="numeric"
            readOnly={locked}
            maxLength={24}
            {...identifierProps(form, "ogrn", rules.ogrn === "ogrn" ? 13 : 15)}
          />
          {rules.kpp && (
            <IdentifierInput
              label={t("organizations.form.kpp")}
              description={t("organizations.form.kppHint")}
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
      {extras?.below}
      {rules.scheme === "russian" && (
        <Select
          id={fieldId("regionCode")}
          label={t("organizations.form.region")}
          description={lockedHint ?? extras?.regionHint ?? t("organizations.form.regionHint")}
          data={regionData}
          searchable
          required
          readOnly={locked}
          maw={480}
          nothingFoundMessage={t("organizations.form.nothingFound")}
          {...form.getInputProps("regionCode")}
          onChange={(v) => {
            form.setFieldValue("regionCode", v ?? "");
            extras?.onRegionChange?.();
          }}
        />
      )}
    </FormSection>
  );
}

/** The INN field's props with the registration's own reaction to a change. */
function innProps<P extends { onChange: (event: ChangeEvent<HTMLInputElement>) => void }>(
  props: P,
  extras: IdentifiersExtras | undefined,
): P {
  const onInnChange = extras?.onInnChange;
  if (!onInnChange) return props;
  return {
    ...props,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      props.onChange(event);
      onInnChange(value);
    },
  };
}
