import { Checkbox, Fieldset, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ELIGIBILITY_FLAG_LABELS, ELIGIBILITY_FLAGS, REQUIRED_STATUSES } from "../../../shared/eligibility";
import {
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  SME_CATEGORIES,
  SME_CATEGORY_LABELS,
} from "../../../shared/organizations";
import { type EditorOptions, EditorSection } from "./EditorMainFields";
import type { EditorValues } from "./editorValues";
import { useLocale } from "./labels";

function RangeInputs({
  form,
  name,
  label,
  decimal,
}: {
  form: UseFormReturnType<EditorValues>;
  name: "ageYears" | "headcount" | "revenueMln";
  label: string;
  decimal?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={label} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Group grow gap="xs">
        <NumberInput
          label={t("measuresOperator.editor.min")}
          min={0}
          allowNegative={false}
          allowDecimal={Boolean(decimal)}
          {...form.getInputProps(`criteria.${name}.min`)}
        />
        <NumberInput
          label={t("measuresOperator.editor.max")}
          min={0}
          allowNegative={false}
          allowDecimal={Boolean(decimal)}
          {...form.getInputProps(`criteria.${name}.max`)}
        />
      </Group>
    </Fieldset>
  );
}

/** Who the measure is for: the eligibility criteria (an empty criterion does not restrict). */
export function EditorCriteriaFields({
  form,
  options,
}: {
  form: UseFormReturnType<EditorValues>;
  options: EditorOptions;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <EditorSection legend={t("measuresOperator.editor.sections.criteria")} gap="md">
      <Text size="sm" c="dimmed">
        {t("measuresOperator.editor.criteriaHint")}
      </Text>
      <Checkbox.Group
        label={t("measuresOperator.editor.orgTypes")}
        {...form.getInputProps("criteria.orgTypes")}
      >
        <Group gap="md" mt={6}>
          {ORG_TYPES.map((v) => (
            <Checkbox key={v} value={v} label={ORG_TYPE_LABELS[v][locale]} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect
        label={t("measuresOperator.editor.regions")}
        data={options.regions}
        searchable
        clearable
        {...form.getInputProps("criteria.regions")}
      />
      <Checkbox.Group
        label={t("measuresOperator.editor.sme")}
        {...form.getInputProps("criteria.smeCategories")}
      >
        <Group gap="md" mt={6}>
          {SME_CATEGORIES.map((v) => (
            <Checkbox key={v} value={v} label={SME_CATEGORY_LABELS[v][locale]} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <RangeInputs form={form} name="ageYears" label={t("measuresOperator.editor.age")} decimal />
        <RangeInputs form={form} name="headcount" label={t("measuresOperator.editor.headcount")} />
        <RangeInputs form={form} name="revenueMln" label={t("measuresOperator.editor.revenue")} decimal />
      </SimpleGrid>
      <Checkbox.Group
        label={t("measuresOperator.editor.requiredStatus")}
        {...form.getInputProps("criteria.requiredStatus")}
      >
        <Group gap="md" mt={6}>
          {REQUIRED_STATUSES.map((v) => (
            <Checkbox key={v} value={v} label={ORG_STATUS_LABELS[v][locale]} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect
        label={t("measuresOperator.editor.okved")}
        data={options.okved}
        searchable
        clearable
        {...form.getInputProps("criteria.okvedSections")}
      />
      <MultiSelect
        label={t("measuresOperator.editor.criteriaTags")}
        data={options.tags}
        searchable
        clearable
        {...form.getInputProps("criteria.tags")}
      />
      <Checkbox.Group label={t("measuresOperator.editor.flags")} {...form.getInputProps("criteria.flags")}>
        <Stack gap={6} mt={6}>
          {ELIGIBILITY_FLAGS.map((v) => (
            <Checkbox key={v} value={v} label={ELIGIBILITY_FLAG_LABELS[v][locale]} />
          ))}
        </Stack>
      </Checkbox.Group>
    </EditorSection>
  );
}
