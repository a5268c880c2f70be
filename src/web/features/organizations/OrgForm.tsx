import { Button, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ContactsSection, FlagsSection } from "./OrgFlagsContacts";
import { ActivitySection, MainSection, SizeSection } from "./OrgProfileSections";
import { IdentifiersSection, OrgTypeField } from "./OrgTypeFields";
import type { OrgForm } from "./orgFormValues";

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

/** The profile's fields, shared by registration and editing. */
export function OrgFormFields({ form, mode, staff, locked = false, hints, people }: FieldsProps) {
  const type = form.getValues().type;
  return (
    <Stack gap="lg">
      <OrgTypeField form={form} mode={mode} staff={staff} />
      <IdentifiersSection form={form} locked={locked} />
      {type && (
        <>
          <MainSection form={form} locked={locked} hints={hints} />
          <SizeSection form={form} />
          <ActivitySection form={form} />
          <FlagsSection form={form} />
          <ContactsSection form={form} mode={mode} people={people} />
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
