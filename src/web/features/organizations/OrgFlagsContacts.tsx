import {
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ELIGIBILITY_FLAGS } from "../../../shared/eligibility";
import { FormSection, fieldId } from "./orgFormParts";
import type { FlagChoice, OrgForm } from "./orgFormValues";

/** The declared flags: for each, yes / no / not stated, with a hint on whose statements these are. */
export function FlagsSection({ form }: { form: OrgForm }) {
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

/** Contact e-mail and phone, the contact person and whether the contacts may be shown publicly. */
export function ContactsSection({
  form,
  mode,
  people,
}: {
  form: OrgForm;
  mode: "create" | "edit";
  people?: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
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
          mode === "create" ? "organizations.form.contactsPublicMine" : "organizations.form.contactsPublic",
        )}
        description={t(
          mode === "create"
            ? "organizations.form.contactsPublicMineHint"
            : "organizations.form.contactsPublicHint",
        )}
        {...form.getInputProps("contactsPublic", { type: "checkbox" })}
      />
    </FormSection>
  );
}
