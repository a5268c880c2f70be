import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import {
  type EnumField,
  fieldApplies,
  isPublic,
  type ListingField,
  type ListingKindName,
  withinOptions,
} from "../../../shared/listings";
import type { FieldInput, FormValues } from "./formValues";
import { fieldLabel, kindOf, useLocale, valueLabel } from "./labels";

/**
 * The inputs of a kind's fields (see `FieldInputs`); a field with a hint
 * (`listings.kinds.<kind>.hints.<key>`) shows it under the label.
 */
export function ListingFields({
  kind,
  form,
}: {
  kind: ListingKindName;
  form: UseFormReturnType<FormValues>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <FieldInputs
      fields={kindOf(kind).fields}
      label={(key) => fieldLabel(t, kind, key)}
      hint={(key) => {
        const hint = `listings.kinds.${kind}.hints.${key}`;
        return i18n.exists(hint) ? t(hint) : null;
      }}
      form={form as unknown as UseFormReturnType<{ values: Record<string, FieldInput> }>}
    />
  );
}

/**
 * The inputs of declared fields (a kind's, a response's, a move's), one per field in the declared
 * order, at `values.<key>` of the form: the input follows the field's type, "required" its
 * declaration, and a private field says who sees it.
 */
export function FieldInputs({
  fields,
  label,
  hint,
  form,
}: {
  fields: readonly ListingField[];
  label: (key: string) => string;
  /** A field's hint under its label, if it has one. */
  hint?: (key: string) => string | null;
  form: UseFormReturnType<{ values: Record<string, FieldInput> }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const input = (f: ListingField) => {
    const path = `values.${f.key}`;
    const said = hint?.(f.key) ?? null;
    const whoSees = isPublic(f) ? null : t("listings.field.private");
    const common = {
      label: label(f.key),
      required: f.required === true,
      description:
        said || whoSees ? (
          <>
            {said}
            {said && whoSees && <br />}
            {whoSees}
          </>
        ) : undefined,
    };
    const options = () =>
      "values" in f ? f.values.map((v) => ({ value: v, label: valueLabel(f, v, locale) })) : [];
    switch (f.type) {
      case "text":
        return <TextInput {...common} maxLength={f.max} key={form.key(path)} {...form.getInputProps(path)} />;
      case "longText":
        return (
          <Textarea
            {...common}
            rows={4}
            maxLength={f.max}
            key={form.key(path)}
            {...form.getInputProps(path)}
          />
        );
      case "number":
        return (
          <NumberInput
            {...common}
            min={f.min}
            max={f.max}
            allowDecimal={!f.integer}
            thousandSeparator=" "
            key={form.key(path)}
            {...form.getInputProps(path)}
          />
        );
      case "range": {
        const error = form.errors[path];
        return (
          <Fieldset
            variant="unstyled"
            legend={
              <Text component="span" size="sm" fw={500}>
                {common.label}
                {common.required && (
                  <Text component="span" c="red" aria-hidden="true">
                    {" *"}
                  </Text>
                )}
              </Text>
            }
          >
            <Group grow gap="sm" align="flex-start">
              <NumberInput
                label={t("listings.field.from")}
                aria-label={`${common.label}: ${t("listings.field.from")}`}
                required={common.required}
                min={f.min}
                max={f.max}
                allowDecimal={!f.integer}
                thousandSeparator=" "
                key={form.key(`${path}.from`)}
                {...form.getInputProps(`${path}.from`)}
                error={form.errors[`${path}.from`] ?? error}
              />
              <NumberInput
                label={t("listings.field.to")}
                aria-label={`${common.label}: ${t("listings.field.to")}`}
                min={f.min}
                max={f.max}
                allowDecimal={!f.integer}
                thousandSeparator=" "
                key={form.key(`${path}.to`)}
                {...form.getInputProps(`${path}.to`)}
              />
            </Group>
          </Fieldset>
        );
      }
      case "enum":
        if (f.within) return <WithinSelect field={f} form={form} common={common} locale={locale} />;
        return (
          <Select
            {...common}
            data={options()}
            searchable={f.values.length > 12}
            clearable={!f.required}
            placeholder={t("listings.field.choose")}
            key={form.key(path)}
            {...form.getInputProps(path)}
          />
        );
      case "multiEnum":
        return (
          <Checkbox.Group {...common} key={form.key(path)} {...form.getInputProps(path)}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {options().map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        );
      case "date":
        return <TextInput {...common} type="date" key={form.key(path)} {...form.getInputProps(path)} />;
      case "dateTime":
        return (
          <TextInput
            {...common}
            type="datetime-local"
            description={t("listings.field.moscowTime")}
            key={form.key(path)}
            {...form.getInputProps(path)}
          />
        );
      case "boolean":
        return (
          <Checkbox
            label={common.label}
            description={common.description}
            key={form.key(path)}
            {...form.getInputProps(path, { type: "checkbox" })}
          />
        );
    }
  };
  return (
    <Stack gap="md">
      {fields.map((f) =>
        f.when ? (
          <Conditioned key={f.key} field={f} form={form}>
            {() => input(f)}
          </Conditioned>
        ) : (
          <div key={f.key}>{input(f)}</div>
        ),
      )}
    </Stack>
  );
}

/**
 * An enum field whose value lies within another field's (`within`: a district within its okrug): offers
 * the values of the other field's current value, and clears a value that left them.
 */
function WithinSelect({
  field,
  form,
  common,
  locale,
}: {
  field: EnumField;
  form: UseFormReturnType<{ values: Record<string, FieldInput> }>;
  common: { label: string; required: boolean; description: ReactNode };
  locale: Locale;
}) {
  const { t } = useTranslation();
  const path = `values.${field.key}`;
  const other = form.useWatchValue(`values.${field.within?.field ?? ""}` as "values");
  const allowed = withinOptions(field, { [field.within?.field ?? ""]: other });
  const value = form.getValues().values[field.key];
  useEffect(() => {
    if (typeof value === "string" && value !== "" && !allowed.includes(value)) form.setFieldValue(path, null);
  }, [allowed, value, form, path]);
  return (
    <Select
      {...common}
      data={allowed.map((v) => ({ value: v, label: valueLabel(field, v, locale) }))}
      searchable={allowed.length > 12}
      clearable={!field.required}
      disabled={allowed.length === 0}
      placeholder={t("listings.field.choose")}
      key={form.key(path)}
      {...form.getInputProps(path)}
    />
  );
}

/**
 * A field with a condition (`when`, src/shared/listings.ts): shown while the form's value of the
 * condition's field meets it (the okrug once the region is Moscow). A hidden field's value stays in
 * the form but is not sent (`valuesBody`) nor required (`missingRequired`).
 */
function Conditioned({
  field,
  form,
  children,
}: {
  field: ListingField;
  form: UseFormReturnType<{ values: Record<string, FieldInput> }>;
  children: () => ReactNode;
}) {
  const on = form.useWatchValue(`values.${field.when?.field ?? ""}` as "values");
  return fieldApplies(field, { [field.when?.field ?? ""]: on }) ? <div>{children()}</div> : null;
}
