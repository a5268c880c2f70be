import {
  Card,
  Checkbox,
  Fieldset,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EditorValues } from "./editorValues";
import { MEASURE_FORMS, MEASURE_LEVELS, PROVIDER_KINDS } from "./types";

/** Choices the editor's selects offer, in the interface language. */
export interface EditorOptions {
  regions: { value: string; label: string }[];
  okved: { value: string; label: string }[];
  tags: { value: string; label: string }[];
}

/** One card of the editor: a fieldset with a large legend. */
export function EditorSection({
  legend,
  gap,
  children,
}: {
  legend: string;
  gap: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg">
      <Fieldset
        legend={legend}
        variant="unstyled"
        styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
      >
        <Stack gap={gap}>{children}</Stack>
      </Fieldset>
    </Card>
  );
}

/** The measure itself: titles, descriptions, provider, amounts, dates, documents, contacts. */
export function EditorMainFields({
  form,
  options,
}: {
  form: UseFormReturnType<EditorValues>;
  options: EditorOptions;
}) {
  const { t } = useTranslation();
  const permanent = form.getValues().permanent;
  return (
    <EditorSection legend={t("measuresOperator.editor.sections.main")} gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t("measuresOperator.editor.titleRu")}
          required
          maxLength={300}
          {...form.getInputProps("titleRu")}
        />
        <TextInput
          label={t("measuresOperator.editor.titleEn")}
          maxLength={300}
          {...form.getInputProps("titleEn")}
        />
      </SimpleGrid>
      <Textarea
        label={t("measuresOperator.editor.descriptionRu")}
        autosize
        minRows={4}
        maxRows={16}
        {...form.getInputProps("descriptionRu")}
      />
      <Textarea
        label={t("measuresOperator.editor.descriptionEn")}
        autosize
        minRows={3}
        maxRows={16}
        {...form.getInputProps("descriptionEn")}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t("measuresOperator.editor.provider")}
          required
          maxLength={300}
          {...form.getInputProps("provider")}
        />
        <NativeSelect
          label={t("measuresOperator.editor.providerKind")}
          data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`measures.providerKind.${k}`) }))}
          {...form.getInputProps("providerKind")}
        />
        <NativeSelect
          label={t("measuresOperator.editor.level")}
          data={MEASURE_LEVELS.map((k) => ({ value: k, label: t(`measures.level.${k}`) }))}
          {...form.getInputProps("level")}
        />
        <NativeSelect
          label={t("measuresOperator.editor.form")}
          data={MEASURE_FORMS.map((k) => ({ value: k, label: t(`measures.form.${k}`) }))}
          {...form.getInputProps("form")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label={t("measuresOperator.editor.amountMin")}
          min={0}
          allowNegative={false}
          allowDecimal={false}
          thousandSeparator=" "
          {...form.getInputProps("amountMin")}
        />
        <NumberInput
          label={t("measuresOperator.editor.amountMax")}
          min={0}
          allowNegative={false}
          allowDecimal={false}
          thousandSeparator=" "
          {...form.getInputProps("amountMax")}
        />
        <NumberInput
          label={t("measuresOperator.editor.cofinancing")}
          min={0}
          max={100}
          allowNegative={false}
          {...form.getInputProps("cofinancingShare")}
        />
      </SimpleGrid>
      <Switch
        label={t("measuresOperator.editor.permanent")}
        {...form.getInputProps("permanent", { type: "checkbox" })}
      />
      {!permanent && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            type="date"
            label={t("measuresOperator.editor.opensOn")}
            {...form.getInputProps("opensOn")}
          />
          <TextInput
            type="date"
            label={t("measuresOperator.editor.closesOn")}
            {...form.getInputProps("closesOn")}
          />
        </SimpleGrid>
      )}
      <Textarea
        label={t("measuresOperator.editor.documents")}
        description={t("measuresOperator.editor.documentsHint")}
        autosize
        minRows={3}
        {...form.getInputProps("requiredDocuments")}
      />
      <TextInput
        label={t("measuresOperator.editor.applyUrl")}
        type="url"
        maxLength={500}
        {...form.getInputProps("applyUrl")}
      />
      <Textarea
        label={t("measuresOperator.editor.contacts")}
        autosize
        minRows={2}
        {...form.getInputProps("contacts")}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect
          label={t("measuresOperator.editor.industries")}
          data={options.okved}
          searchable
          clearable
          {...form.getInputProps("industries")}
        />
        <MultiSelect
          label={t("measuresOperator.editor.tags")}
          data={options.tags}
          searchable
          clearable
          {...form.getInputProps("tags")}
        />
      </SimpleGrid>
      <Checkbox
        label={t("measuresOperator.editor.isDemo")}
        {...form.getInputProps("isDemo", { type: "checkbox" })}
      />
    </EditorSection>
  );
}
