import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PILOT_TRL_MAX, PILOT_TRL_MIN } from "../../../shared/pilots";
import { MutationForm } from "../../components/MutationForm";
import { fieldError } from "../challenges/fieldErrors";

export interface ApplyValues {
  organizationId: string | null;
  solution: string;
  trl: number;
  expectedEffect: string;
  team: string;
  needs: string;
  dateFrom: string;
  dateTo: string;
  operatorAssisted: boolean;
  publishResult: boolean;
}

interface Props {
  v: ApplyValues;
  set: (patch: Partial<ApplyValues>) => void;
  organizations: { id: string; shortName: string }[];
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
}

/**
 * A company's application to test its solution at a site: the solution, TRL, expected effect, team,
 * what it needs from the site, dates, whether the operator should accompany it, and the consent to
 * publish the result. The server's field errors are shown at their fields.
 */
export function ApplyForm({ v, set, organizations, onSubmit, pending, error }: Props) {
  const { t } = useTranslation();
  const text = (field: keyof ApplyValues, rows = 3) => (
    <Textarea
      label={t(`pilotsWork.apply.${field}`)}
      required
      autosize
      minRows={rows}
      value={String(v[field] ?? "")}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={fieldError(error, field)}
    />
  );
  return (
    <MutationForm onSubmit={onSubmit} error={error} gap="md">
      <Select
        label={t("pilotsWork.apply.organization")}
        required
        data={organizations.map((o) => ({ value: o.id, label: o.shortName }))}
        value={v.organizationId}
        allowDeselect={false}
        onChange={(id) => set({ organizationId: id })}
      />
      {text("solution", 4)}
      <NumberInput
        label={t("pilotsWork.apply.trl")}
        description={t("pilotsWork.apply.trlHint")}
        min={PILOT_TRL_MIN}
        max={PILOT_TRL_MAX}
        value={v.trl}
        onChange={(n) => set({ trl: Number(n) || PILOT_TRL_MIN })}
        error={fieldError(error, "trl")}
      />
      {text("expectedEffect")}
      {text("team", 2)}
      {text("needs")}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("pilotsWork.apply.dateFrom")}
          required
          value={v.dateFrom}
          onChange={(e) => set({ dateFrom: e.currentTarget.value })}
          error={fieldError(error, "dateFrom")}
        />
        <TextInput
          type="date"
          label={t("pilotsWork.apply.dateTo")}
          required
          value={v.dateTo}
          onChange={(e) => set({ dateTo: e.currentTarget.value })}
          error={fieldError(error, "dateTo")}
        />
      </SimpleGrid>
      <Checkbox
        label={t("pilotsWork.apply.operatorAssisted")}
        description={t("pilotsWork.apply.operatorAssistedHint")}
        checked={v.operatorAssisted}
        onChange={(e) => set({ operatorAssisted: e.currentTarget.checked })}
      />
      <Checkbox
        label={t("pilotsWork.apply.publishResult")}
        checked={v.publishResult}
        onChange={(e) => set({ publishResult: e.currentTarget.checked })}
      />
      <Group>
        <Button type="submit" loading={pending}>
          {t("pilotsWork.apply.send")}
        </Button>
      </Group>
    </MutationForm>
  );
}
