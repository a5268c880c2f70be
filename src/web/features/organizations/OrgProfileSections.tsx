import {
  Button,
  Collapse,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { OKVED_SECTIONS } from "../../../shared/okved";
import { smeCategory } from "../../../shared/organizations";
import { TAGS } from "../../../shared/tags";
import { useLabels } from "./labels";
import { FormSection, fieldId } from "./orgFormParts";
import { DESCRIPTION_MAX, normalizeWebsite, numberOrNull, type OrgForm, TAGS_MAX } from "./orgFormValues";

/** Names, legal address, founding date, website and descriptions. */
export function MainSection({
  form,
  locked,
  hints,
}: {
  form: OrgForm;
  locked: boolean;
  hints?: { foundedOn?: string | null };
}) {
  const { t } = useTranslation();
  const [englishOpen, english] = useDisclosure(Boolean(form.getValues().descriptionEn));
  const values = form.getValues();
  return (
    <FormSection id="org-main" title={t("organizations.form.sections.main")}>
      {locked && (
        <Text size="sm" id="org-name-approval" role="note">
          {t("organizations.form.nameApproval")}
        </Text>
      )}
      <TextInput
        label={t("organizations.form.fullName")}
        description={locked ? t("organizations.form.nameApprovalHint") : t("organizations.form.fullNameHint")}
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
  );
}

/** Headcount and revenue, with the SME category they give. */
export function SizeSection({ form }: { form: OrgForm }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const values = form.getValues();
  const sme = smeCategory(numberOrNull(values.headcount), numberOrNull(values.revenueMln));
  return (
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
  );
}

/** OKVED sections, the main OKVED code and tags. */
export function ActivitySection({ form }: { form: OrgForm }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const okvedData = OKVED_SECTIONS.map((s) => ({
    value: s.letter,
    label: `${s.letter} — ${s[labels.locale]}`,
  }));
  const tagData = TAGS.map((tag) => ({ value: tag.slug, label: tag[labels.locale] }));
  return (
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
  );
}
